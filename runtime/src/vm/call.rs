//! Calling: Python functions (argument binding, frames), built-ins, bound methods,
//! callable instances. Calling a class is in `class.rs`.

use std::rc::Rc;

use crate::bytecode::CodeFlags;
use crate::object::{Function, PyDict, Value};
use crate::vm::eval::Exit;
use crate::vm::{Args, Frame, PyResult, Vm};

impl Vm {
    /// Calls any callable.
    pub fn call(&mut self, callee: &Value, args: Args<'_>) -> PyResult<Value> {
        match callee {
            Value::Function(f) => self.call_function(f, args),
            Value::Builtin(b) => match &b.bound {
                None => (b.func)(self, args),
                Some(s) => self.with_self(s, args, b.func),
            },
            Value::Method(m) => {
                if let Value::Function(f) = &m.func {
                    return self.call_function_with_self(f, &m.self_, args);
                }
                self.call_bound_method(m, args)
            }
            Value::Type(t) => self.call_type(t, args),
            Value::Instance(_) | Value::Native(_) => {
                let t = self.type_of(callee);
                match t.lookup("__call__") {
                    Some(f) => self.call_with_self(&f, callee, args),
                    None => Err(self.type_error(format!("'{}' object is not callable", t.name()))),
                }
            }
            _ => Err(self.type_error(format!(
                "'{}' object is not callable",
                self.type_name(callee)
            ))),
        }
    }

    /// Calls with positional arguments only.
    pub fn call0(&mut self, callee: &Value, args: &[Value]) -> PyResult<Value> {
        self.call(callee, Args::new(args))
    }

    /// `f(*args, **kwargs)`.
    pub fn call_ex(
        &mut self,
        callee: &Value,
        args: &Value,
        kwargs: Option<&Value>,
    ) -> PyResult<Value> {
        let mut all = match args {
            Value::Tuple(t) => t.0.to_vec(),
            other => match self.collect(other) {
                Ok(v) => v,
                Err(e)
                    if self.err_is(&e, &self.ctx.types.type_error.clone())
                        && self.get_iter(other).is_err() =>
                {
                    let name = self.callable_name(callee);
                    return Err(self.type_error(format!(
                        "{name} argument after * must be an iterable, not {}",
                        self.type_name(other)
                    )));
                }
                Err(e) => return Err(e),
            },
        };
        let mut names = Vec::new();
        if let Some(kw) = kwargs {
            let Value::Dict(d) = kw else {
                return Err(self.type_error("argument after ** must be a mapping"));
            };
            for (k, v) in d.0.borrow().iter() {
                if k.as_str().is_none() {
                    return Err(self.type_error("keywords must be strings"));
                }
                names.push(k.clone());
                all.push(v.clone());
            }
        }
        self.call(
            callee,
            Args {
                all: &all,
                kwnames: &names,
            },
        )
    }

    /// How CPython names a callable in call errors: `module.qualname()`.
    pub fn callable_name(&self, func: &Value) -> String {
        match func {
            Value::Function(fu) => {
                let module = fu.globals.get_str("__name__");
                let q = fu.qualname.borrow().as_str().to_owned();
                match module.as_ref().and_then(|m| m.as_str().map(str::to_owned)) {
                    Some(m) if m != "builtins" => format!("{m}.{q}()"),
                    _ => format!("{q}()"),
                }
            }
            Value::Method(m) => self.callable_name(&m.func),
            Value::Builtin(b) => format!("{}()", b.name),
            Value::Type(t) => format!("{}()", t.name()),
            other => format!("{} object", self.type_name(other)),
        }
    }

    /// Calls a Python function: binds arguments into a new frame and runs it (or makes
    /// a generator).
    pub fn call_function(&mut self, func: &Rc<Function>, args: Args<'_>) -> PyResult<Value> {
        if args.kwnames.is_empty() {
            let code = &func.code.code;
            let n = args.all.len();
            let argc = code.argcount as usize;
            if Vm::positional_only(code) {
                if n == argc {
                    return self.call_positional(func, |fast| fast.extend_from_slice(args.all));
                }
                if n < argc {
                    // missing arguments taken from the defaults, if there are enough
                    let defaults = func.defaults.borrow().clone();
                    if let Some(d) = defaults
                        && n + d.0.len() >= argc
                    {
                        let first = argc - d.0.len();
                        return self.call_positional(func, |fast| {
                            fast.reserve(argc);
                            fast.extend_from_slice(args.all);
                            fast.extend_from_slice(&d.0[n - first..]);
                        });
                    }
                }
            }
        }
        self.call_function_general(func, args)
    }

    /// Calls a Python method function with `self_` before `args` (a bound method,
    /// `__init__`), without building a new argument vector when the arguments
    /// bind simply.
    pub(crate) fn call_function_with_self(
        &mut self,
        func: &Rc<Function>,
        self_: &Value,
        args: Args<'_>,
    ) -> PyResult<Value> {
        if args.kwnames.is_empty() && Vm::binds_simply(func, args.all.len() + 1) {
            return self.call_positional(func, |fast| {
                fast.reserve(args.all.len() + 1);
                fast.push(self_.clone());
                fast.extend_from_slice(args.all);
            });
        }
        let all = prepend(self_, args.all);
        self.call_function(
            func,
            Args {
                all: &all,
                kwnames: args.kwnames,
            },
        )
    }

    /// The general case of [`Vm::call_function`]: keywords, defaults, `*args`,
    /// `**kwargs`, keyword-only parameters, and the errors for bad calls.
    #[inline(never)]
    fn call_function_general(&mut self, func: &Rc<Function>, args: Args<'_>) -> PyResult<Value> {
        let mut frame = self.frame_for(func);
        if let Err(e) = self.bind_args(func, &mut frame, args) {
            self.recycle(&mut frame);
            return Err(e);
        }
        self.run_bound(func, frame)
    }

    /// Whether `code` takes positional parameters only (no keyword-only ones, no
    /// `*args`/`**kwargs`).
    #[inline]
    fn positional_only(code: &crate::bytecode::CodeObject) -> bool {
        code.kwonlyargcount == 0
            && code.flags.0 & (CodeFlags::VARARGS | CodeFlags::VARKEYWORDS) == 0
    }

    /// Whether a call of `func` with `argc` positional arguments and no keywords
    /// binds them to its first `argc` locals as they are (no defaults, no
    /// `*args`/`**kwargs`).
    #[inline]
    pub(crate) fn binds_simply(func: &Function, argc: usize) -> bool {
        let code = &func.code.code;
        argc == code.argcount as usize && Vm::positional_only(code)
    }

    /// Calls `func` whose arguments bind simply: `fill` pushes them (moved or
    /// cloned) onto the empty locals vector of the new frame. The frame is built
    /// in place and run without being moved.
    #[inline(always)]
    pub(crate) fn call_positional<F: FnOnce(&mut Vec<Value>)>(
        &mut self,
        func: &Rc<Function>,
        fill: F,
    ) -> PyResult<Value> {
        let (mut fast, stack) = self.frame_pool.pop().unwrap_or_default();
        fill(&mut fast);
        let mut frame = Frame::with_locals(
            func.code.clone(),
            func.globals.clone(),
            func.builtins.clone(),
            &func.closure,
            fast,
            stack,
        );
        if func.code.code.flags.0 & GENERATOR_FLAGS != 0 {
            return Ok(self.make_generator(frame, func));
        }
        self.run_function_frame(&mut frame)
    }

    /// Runs a frame whose arguments are bound (or makes the generator it is).
    pub(crate) fn run_bound(&mut self, func: &Rc<Function>, mut frame: Frame) -> PyResult<Value> {
        if func.code.code.flags.0 & GENERATOR_FLAGS != 0 {
            return Ok(self.make_generator(frame, func));
        }
        self.run_function_frame(&mut frame)
    }

    /// Runs a function's frame to completion, then gives its vectors back to the
    /// pool and runs the finalizers its freed locals queued.
    pub(crate) fn run_function_frame(&mut self, frame: &mut Frame) -> PyResult<Value> {
        let r = self.run_new_frame(frame);
        self.recycle(frame);
        frame.cells.clear();
        // locals freed with the frame may have finalizers to run
        self.run_finalizers_now();
        r
    }

    /// Runs a fresh frame to completion with the recursion check.
    #[inline(always)]
    pub(crate) fn run_new_frame(&mut self, frame: &mut Frame) -> PyResult<Value> {
        if self.depth >= self.interp.recursion_limit() {
            return Err(self.recursion_error("maximum recursion depth exceeded"));
        }
        self.depth += 1;
        // Deep Python recursion must end in RecursionError, never in a native stack
        // overflow, whatever stack the host thread was given (see
        // `run_frame_on_stack`).
        let r = self.run_frame_on_stack(frame);
        self.depth -= 1;
        match r? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Err(self.runtime_error("yield outside a generator frame")),
        }
    }

    /// Runs a frame, first making sure the Rust stack has room for it (deep Python
    /// recursion must end in `RecursionError`, never in a stack overflow).
    ///
    /// Asking `stacker` for the room left costs a thread-local read and a call per
    /// frame, so the answer is kept: [`Vm::stack_window`] is the part of the current
    /// stack segment with more than the red zone left, and a frame starting inside
    /// it runs directly. Elsewhere (the first frame, near the limit, or on another
    /// segment) `stacker` decides, switching to a new segment if needed, and the
    /// window is recomputed for the frames nested in this one.
    #[inline(always)]
    pub(crate) fn run_frame_on_stack(&mut self, frame: &mut Frame) -> PyResult<Exit> {
        let prev = self.cur_globals.replace(frame.globals.clone());
        // the caller (if any) is paused at the instruction being executed
        let caller_lasti = self.cur_lasti;
        if let Some(top) = self.frames.last_mut() {
            top.lasti = caller_lasti;
        }
        self.frames.push(super::FrameMark {
            code: frame.code.clone(),
            lasti: 0,
        });
        let here = stack_address();
        let (low, high) = self.stack_window;
        let r = if here > low && here <= high {
            self.run_frame(frame)
        } else {
            self.run_frame_checked(frame)
        };
        self.frames.pop();
        self.cur_lasti = caller_lasti;
        self.cur_globals = prev;
        r
    }

    /// [`Vm::run_frame_on_stack`] outside the known window: lets `stacker` make
    /// room, then runs the frame with the window of the segment it runs on.
    #[inline(never)]
    fn run_frame_checked(&mut self, frame: &mut Frame) -> PyResult<Exit> {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, || {
            let saved = self.stack_window;
            let here = stack_address();
            self.stack_window = match stacker::remaining_stack() {
                Some(left) => (
                    here.saturating_sub(left).saturating_add(STACK_RED_ZONE),
                    here,
                ),
                None => (usize::MAX, 0),
            };
            let r = self.run_frame(frame);
            self.stack_window = saved;
            r
        })
    }

    /// Runs a module-like frame (`exec`, `eval`, imports) to completion.
    pub fn run_code_frame(&mut self, frame: &mut Frame) -> PyResult<Value> {
        self.run_new_frame(frame)
    }

    fn bind_args(&mut self, func: &Function, frame: &mut Frame, args: Args<'_>) -> PyResult<()> {
        let code = &func.code.code;
        let fname = code.qualname.clone();
        let argc = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let has_varargs = code.flags.has(CodeFlags::VARARGS);
        let has_varkw = code.flags.has(CodeFlags::VARKEYWORDS);
        let pos = args.pos();
        let ncopy = pos.len().min(argc);
        frame.fast[..ncopy].clone_from_slice(&pos[..ncopy]);
        let mut slot = argc + kwonly;
        let mut too_many = false;
        if has_varargs {
            let extra = if pos.len() > argc {
                pos[argc..].to_vec()
            } else {
                vec![]
            };
            frame.fast[slot] = Value::tuple(extra);
            slot += 1;
        } else if pos.len() > argc {
            too_many = true;
        }
        let kwdict = if has_varkw {
            let d = Rc::new(PyDict::new());
            frame.fast[slot] = Value::Dict(d.clone());
            Some(d)
        } else {
            None
        };
        let posonly = code.posonlyargcount as usize;
        if posonly > 0 && !has_varkw {
            let bad: Vec<&str> = args
                .kw()
                .map(|(n, _)| n)
                .filter(|n| {
                    func.code.varnames[..posonly]
                        .iter()
                        .any(|p| p.as_str() == *n)
                })
                .collect();
            if !bad.is_empty() {
                return Err(self.type_error(format!(
                    "{fname}() got some positional-only arguments passed as keyword arguments: '{}'",
                    bad.join(", ")
                )));
            }
        }
        for (name, v) in args.kw() {
            let idx = func.code.varnames[..argc + kwonly]
                .iter()
                .position(|n| n.as_str() == name);
            match idx {
                Some(i) if i >= posonly => {
                    if !frame.fast[i].is_null() {
                        return Err(self.type_error(format!(
                            "{fname}() got multiple values for argument '{name}'"
                        )));
                    }
                    frame.fast[i] = v.clone();
                }
                _ => match &kwdict {
                    Some(d) => d.set_str(name, v.clone()),
                    None => {
                        return Err(self.type_error(format!(
                            "{fname}() got an unexpected keyword argument '{name}'"
                        )));
                    }
                },
            }
        }
        // CPython reports keyword problems before too many positional arguments.
        if too_many {
            let given = pos.len();
            let takes = if func.defaults.borrow().is_some() {
                let nd = func
                    .defaults
                    .borrow()
                    .as_ref()
                    .map(|d| d.0.len())
                    .unwrap_or(0);
                format!(
                    "from {} to {} positional arguments",
                    argc - nd.min(argc),
                    argc
                )
            } else {
                format!(
                    "{argc} positional argument{}",
                    if argc == 1 { "" } else { "s" }
                )
            };
            let kwonly_names = &code.varnames[argc..argc + kwonly];
            let kwonly_given = args
                .kw()
                .filter(|(n, _)| kwonly_names.iter().any(|v| v.as_ref() == *n))
                .count();
            let kwonly_sig = if kwonly_given > 0 {
                format!(
                    " positional argument{} (and {kwonly_given} keyword-only argument{})",
                    if given == 1 { "" } else { "s" },
                    if kwonly_given == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            };
            return Err(self.type_error(format!(
                "{fname}() takes {takes} but {given}{kwonly_sig} {} given",
                if given == 1 && kwonly_given == 0 {
                    "was"
                } else {
                    "were"
                }
            )));
        }
        // defaults for missing positionals
        let mut missing = Vec::new();
        if frame.fast[..argc].iter().any(Value::is_null) {
            let defaults_ref = func.defaults.borrow();
            let defaults: &[Value] = defaults_ref.as_ref().map(|d| &d.0[..]).unwrap_or(&[]);
            let first_default = argc - defaults.len().min(argc);
            for i in 0..argc {
                if frame.fast[i].is_null() {
                    if i >= first_default {
                        frame.fast[i] = defaults[i - first_default].clone();
                    } else {
                        missing.push(format!("'{}'", func.code.varnames[i].as_str()));
                    }
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{fname}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        for i in argc..argc + kwonly {
            if frame.fast[i].is_null() {
                let name = func.code.varnames[i].clone();
                match func
                    .kwdefaults
                    .borrow()
                    .as_ref()
                    .and_then(|d| d.get_str(name.as_str()))
                {
                    Some(v) => frame.fast[i] = v,
                    None => missing.push(format!("'{}'", name.as_str())),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{fname}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        Ok(())
    }
}

use crate::vm::class::prepend;

/// The code flags of functions whose call makes a generator or coroutine.
const GENERATOR_FLAGS: u32 =
    CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR;

/// The address of a local of the calling function: where the native stack is.
#[inline(always)]
fn stack_address() -> usize {
    let probe = 0u8;
    std::hint::black_box(&probe) as *const u8 as usize
}

/// When less Rust stack than this is left, a new frame runs on a fresh segment.
const STACK_RED_ZONE: usize = 256 * 1024;
/// Size of each new stack segment.
const STACK_GROW: usize = 4 * 1024 * 1024;

fn join_names(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}
