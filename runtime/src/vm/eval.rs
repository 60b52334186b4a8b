//! The eval loop: runs a frame's instructions until it returns, yields or raises.

use std::rc::Rc;

use crate::bytecode::{BinOp, CmpOp, CodeFlags, Instr, MakeFunctionFlags, UnOp};
use crate::object::{CodeHandle, GlobalSlot};
use crate::object::{
    Function, Generator, PyCell, PyDict, PySlice, PyStr, PyTuple, Value, exception::TbEntry,
};
use crate::vm::attr_cache::{load_inst_dict_fast, store_inst_dict_fast};
use crate::vm::compare::cmp_result;
use crate::vm::{Args, Frame, PyErr, PyResult, Vm};

/// How a frame stopped running.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

macro_rules! pop {
    ($f:expr) => {
        match $f.stack.pop() {
            Some(v) => v,
            None => Value::Null,
        }
    };
}

macro_rules! top {
    ($f:expr) => {
        match $f.stack.last() {
            Some(v) => v.dup(),
            None => Value::Null,
        }
    };
}

impl Vm {
    /// Runs `f` until it returns or yields; on an exception, unwinds to the frame's
    /// handlers and, if none applies, returns the exception with a traceback entry.
    pub fn run_frame(&mut self, f: &mut Frame) -> PyResult<Exit> {
        loop {
            match self.run_inner(f) {
                Ok(exit) => return Ok(exit),
                Err(err) => {
                    // an exception raised while another is being handled chains to it
                    if !self.reraising {
                        self.set_context(&err);
                    }
                    self.add_traceback(&err, f);
                    if !self.killed
                        && let Some(h) = f.code.code.handler_for(f.lasti)
                    {
                        f.stack.truncate(h.depth as usize);
                        f.stack.push(Value::Instance(err));
                        f.ip = h.target as usize;
                        continue;
                    }
                    return Err(err);
                }
            }
        }
    }

    pub(crate) fn add_traceback(&mut self, err: &PyErr, f: &Frame) {
        if std::mem::take(&mut self.reraising) {
            return;
        }
        if let Some(exc) = &err.exc {
            exc.traceback.borrow_mut().push(TbEntry {
                code: f.code.clone(),
                line: f.line(),
                lasti: f.lasti as u32,
            });
        }
    }

    #[inline]
    fn name_value(f: &Frame, i: u32) -> Rc<PyStr> {
        f.code.names[i as usize].clone()
    }

    fn run_inner(&mut self, f: &mut Frame) -> PyResult<Exit> {
        let handle = f.code.clone();
        let instrs: &[Instr] = &handle.code.instrs;
        let consts: &[Value] = &handle.consts;
        let mut kwnames: Option<Rc<PyTuple>> = None;
        loop {
            let ip = f.ip;
            let Some(&instr) = instrs.get(ip) else {
                return Err(self.new_exception(
                    &self.ctx.types.system_error.clone(),
                    "fell off the end of code",
                ));
            };
            f.lasti = ip;
            self.cur_lasti = ip;
            f.ip = ip + 1;
            match instr {
                Instr::Nop => {}
                Instr::Pop => {
                    if let Some(v) = f.stack.pop() {
                        v.discard();
                    }
                }
                Instr::Dup => {
                    let v = top!(f);
                    f.stack.push(v);
                }
                Instr::Dup2 => {
                    let n = f.stack.len();
                    let (a, b) = (f.stack[n - 2].clone(), f.stack[n - 1].clone());
                    f.stack.push(a);
                    f.stack.push(b);
                }
                Instr::Rot2 => {
                    let n = f.stack.len();
                    f.stack.swap(n - 1, n - 2);
                }
                Instr::Rot3 => {
                    let v = pop!(f);
                    let n = f.stack.len();
                    f.stack.insert(n - 2, v);
                }
                Instr::Rot4 => {
                    let v = pop!(f);
                    let n = f.stack.len();
                    f.stack.insert(n - 3, v);
                }
                Instr::PushNull => f.stack.push(Value::Null),
                Instr::LoadConst(i) => f.stack.push(consts[i as usize].dup()),
                Instr::LoadFast(i) => {
                    let v = &f.fast[i as usize];
                    if v.is_null() {
                        let name = handle.code.varnames[i as usize].clone();
                        return Err(self.unbound_local_error(format!(
                            "cannot access local variable '{name}' where it is not associated with a value"
                        )));
                    }
                    f.stack.push(v.dup());
                }
                Instr::StoreFast(i) => {
                    let v = pop!(f);
                    std::mem::replace(&mut f.fast[i as usize], v).discard();
                }
                Instr::DeleteFast(i) => {
                    if f.fast[i as usize].is_null() {
                        let name = handle.code.varnames[i as usize].clone();
                        return Err(self.unbound_local_error(format!(
                            "cannot access local variable '{name}' where it is not associated with a value"
                        )));
                    }
                    f.fast[i as usize] = Value::Null;
                    self.run_finalizers_now();
                }
                Instr::LoadGlobal(i) => {
                    let v = match cached_global(f, &handle.global_cache[i as usize]) {
                        Some(v) => v,
                        None => self.load_global_slow(f, i as usize)?,
                    };
                    f.stack.push(v);
                }
                Instr::StoreGlobal(i) => {
                    let v = pop!(f);
                    dict_set_name(&f.globals, &handle.names[i as usize], v);
                }
                Instr::DeleteGlobal(i) => {
                    let name = Self::name_value(f, i);
                    if dict_del_name(&f.globals, &name).is_none() {
                        return Err(
                            self.name_error(format!("name '{}' is not defined", name.as_str()))
                        );
                    }
                    self.run_finalizers_now();
                }
                Instr::LoadName(i) => {
                    let name = &handle.names[i as usize];
                    let found = match (&f.locals_mapping, &f.locals) {
                        (Some(m), _) => {
                            let m = m.clone();
                            match self.get_item(&m, &Value::Str(name.clone())) {
                                Ok(v) => Some(v),
                                Err(e) if self.err_is(&e, &self.ctx.types.key_error.clone()) => {
                                    None
                                }
                                Err(e) => return Err(e),
                            }
                        }
                        (None, Some(l)) => dict_get_name(l, name),
                        (None, None) => None,
                    };
                    let v = match found {
                        Some(v) => v,
                        None => self.load_global(f, name)?,
                    };
                    f.stack.push(v);
                }
                Instr::StoreName(i) => {
                    let v = pop!(f);
                    if let Some(m) = f.locals_mapping.clone() {
                        let key = Value::Str(handle.names[i as usize].clone());
                        self.set_item(&m, key, v)?;
                        continue;
                    }
                    let ns = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                    dict_set_name(&ns, &handle.names[i as usize], v);
                }
                Instr::DeleteName(i) => {
                    let name = Self::name_value(f, i);
                    if let Some(m) = f.locals_mapping.clone() {
                        match self.del_item(&m, &Value::Str(name.clone())) {
                            Ok(()) => continue,
                            Err(e) if self.err_is(&e, &self.ctx.types.key_error.clone()) => {
                                return Err(self.name_error(format!(
                                    "name '{}' is not defined",
                                    name.as_str()
                                )));
                            }
                            Err(e) => return Err(e),
                        }
                    }
                    let ns = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                    if dict_del_name(&ns, &name).is_none() {
                        return Err(
                            self.name_error(format!("name '{}' is not defined", name.as_str()))
                        );
                    }
                    self.run_finalizers_now();
                }
                Instr::LoadDeref(i) => {
                    let v = f.cells[i as usize].0.borrow().clone();
                    if v.is_null() {
                        return Err(self.unbound_deref(f, i as usize));
                    }
                    f.stack.push(v);
                }
                Instr::StoreDeref(i) => {
                    let v = pop!(f);
                    let old = f.cells[i as usize].0.replace(v);
                    drop(old);
                }
                Instr::DeleteDeref(i) => {
                    let old = f.cells[i as usize].0.replace(Value::Null);
                    if old.is_null() {
                        return Err(self.unbound_deref(f, i as usize));
                    }
                    drop(old);
                    self.run_finalizers_now();
                }
                Instr::LoadClassDeref { name, cell } => {
                    let key = &handle.names[name as usize];
                    let found = f.locals.as_ref().and_then(|l| dict_get_name(l, key));
                    let v = match found {
                        Some(v) => v,
                        None => {
                            let v = f.cells[cell as usize].0.borrow().clone();
                            if v.is_null() {
                                return Err(self.unbound_deref(f, cell as usize));
                            }
                            v
                        }
                    };
                    f.stack.push(v);
                }
                Instr::LoadClosure(i) => f.stack.push(Value::Cell(f.cells[i as usize].clone())),
                Instr::LoadAttr(i) => {
                    let obj = pop!(f);
                    let name = &handle.names[i as usize];
                    let v = match load_inst_dict_fast(&handle, ip, &obj, name) {
                        Some(v) => v,
                        None => self.load_attr_at(&handle, ip, &obj, name)?,
                    };
                    f.stack.push(v);
                }
                Instr::LoadFastAttr(l, i) => {
                    let obj = &f.fast[l as usize];
                    if obj.is_null() {
                        return Err(self.unbound_fast(&handle, l as u32));
                    }
                    let name = &handle.names[i as usize];
                    let v = match load_inst_dict_fast(&handle, ip, obj, name) {
                        Some(v) => v,
                        None => self.load_attr_at(&handle, ip, obj, name)?,
                    };
                    f.stack.push(v);
                }
                Instr::StoreFastAttr(l, i) => {
                    let v = pop!(f);
                    let obj = &f.fast[l as usize];
                    if obj.is_null() {
                        v.discard();
                        return Err(self.unbound_fast(&handle, l as u32));
                    }
                    let name = &handle.names[i as usize];
                    match store_inst_dict_fast(&handle, ip, obj, name, v) {
                        Ok(old) => old.discard(),
                        Err(v) => self.store_attr_at(&handle, ip, obj, name, v)?,
                    }
                }
                Instr::StoreAttr(i) => {
                    let obj = pop!(f);
                    let v = pop!(f);
                    let name = &handle.names[i as usize];
                    match store_inst_dict_fast(&handle, ip, &obj, name, v) {
                        Ok(old) => old.discard(),
                        Err(v) => self.store_attr_at(&handle, ip, &obj, name, v)?,
                    }
                }
                Instr::DeleteAttr(i) => {
                    let obj = pop!(f);
                    self.del_attr(&obj, &handle.names[i as usize])?;
                    drop(obj);
                    self.run_finalizers_now();
                }
                Instr::LoadMethod(i) => {
                    let obj = pop!(f);
                    let (m, s) =
                        self.load_method_at(&handle, ip, obj, &handle.names[i as usize])?;
                    f.stack.push(m);
                    f.stack.push(s);
                }
                Instr::LoadFastMethod(l, i) => {
                    let obj = &f.fast[l as usize];
                    if obj.is_null() {
                        return Err(self.unbound_fast(&handle, l as u32));
                    }
                    let obj = obj.dup();
                    let (m, s) =
                        self.load_method_at(&handle, ip, obj, &handle.names[i as usize])?;
                    f.stack.push(m);
                    f.stack.push(s);
                }
                Instr::BinarySubscr => {
                    let key = pop!(f);
                    let obj = pop!(f);
                    let v = match Vm::subscr_fast(&obj, &key) {
                        Some(v) => {
                            key.discard();
                            v
                        }
                        None => self.get_item(&obj, &key)?,
                    };
                    f.stack.push(v);
                }
                Instr::StoreSubscr => {
                    let key = pop!(f);
                    let obj = pop!(f);
                    let v = pop!(f);
                    match Vm::store_subscr_fast(&obj, &key, v) {
                        Ok(old) => {
                            // drop the old item after the list's borrow ended
                            old.discard();
                            key.discard();
                        }
                        Err(v) => self.set_item(&obj, key, v)?,
                    }
                }
                Instr::DeleteSubscr => {
                    let key = pop!(f);
                    let obj = pop!(f);
                    self.del_item(&obj, &key)?;
                    drop((obj, key));
                    self.run_finalizers_now();
                }
                Instr::BinaryOp(op) => {
                    let b = pop!(f);
                    self.binary_arm(f, op, b, false)?;
                }
                Instr::BinaryOpConst(op, c) => {
                    let b = consts[c as usize].dup();
                    self.binary_arm(f, op, b, false)?;
                }
                Instr::InplaceOp(op) => {
                    let b = pop!(f);
                    self.binary_arm(f, op, b, true)?;
                }
                Instr::InplaceOpConst(op, c) => {
                    let b = consts[c as usize].dup();
                    self.binary_arm(f, op, b, true)?;
                }
                Instr::UnaryOp(op) => {
                    let a = pop!(f);
                    let v = match (op, a.is_truthy_simple()) {
                        (UnOp::Not, Some(t)) => {
                            a.discard();
                            Value::Bool(!t)
                        }
                        _ => self.unary_op(op, &a)?,
                    };
                    f.stack.push(v);
                }
                Instr::CompareOp(op) => {
                    let b = pop!(f);
                    self.compare_arm(f, instrs, op, b)?;
                }
                Instr::CompareOpConst(op, c) => {
                    let b = consts[c as usize].dup();
                    self.compare_arm(f, instrs, op, b)?;
                }
                Instr::IsOp(neg) => {
                    let b = pop!(f);
                    let a = pop!(f);
                    let result = a.is(&b) != neg;
                    a.discard();
                    b.discard();
                    // An identity test that feeds a conditional jump jumps at once.
                    match instrs.get(f.ip) {
                        Some(Instr::PopJumpIfFalse(t)) => {
                            f.ip = if result { f.ip + 1 } else { *t as usize };
                        }
                        Some(Instr::PopJumpIfTrue(t)) => {
                            f.ip = if result { *t as usize } else { f.ip + 1 };
                        }
                        _ => f.stack.push(Value::Bool(result)),
                    }
                }
                Instr::ContainsOp(neg) => {
                    let b = pop!(f);
                    let a = pop!(f);
                    let r = self.contains(&b, &a)?;
                    f.stack.push(Value::Bool(r != neg));
                }
                Instr::Jump(t) => {
                    let t = t as usize;
                    if t <= ip {
                        if self.interp.breaker.is_set() {
                            self.handle_breaker()?;
                        }
                        // A loop's back edge lands on its `ForIter`: take the
                        // next step here rather than dispatch once more.
                        if let Some(&Instr::ForIter(exit)) = instrs.get(t) {
                            f.lasti = t;
                            self.cur_lasti = t;
                            self.for_iter(f, instrs, t, exit)?;
                            continue;
                        }
                    }
                    f.ip = t;
                }
                Instr::PopJumpIfFalse(t) => {
                    let truth = match pop!(f) {
                        Value::BoolW(b) => b.get(),
                        v => self.truthy(&v)?,
                    };
                    if !truth {
                        f.ip = t as usize;
                    }
                }
                Instr::PopJumpIfTrue(t) => {
                    let truth = match pop!(f) {
                        Value::BoolW(b) => b.get(),
                        v => self.truthy(&v)?,
                    };
                    if truth {
                        f.ip = t as usize;
                    }
                }
                Instr::JumpIfFalseOrPop(t) => {
                    let truth = match f.stack.last().and_then(Value::is_truthy_simple) {
                        Some(b) => b,
                        None => {
                            let v = top!(f);
                            self.truthy(&v)?
                        }
                    };
                    if !truth {
                        f.ip = t as usize;
                    } else {
                        f.stack.pop();
                    }
                }
                Instr::JumpIfTrueOrPop(t) => {
                    let truth = match f.stack.last().and_then(Value::is_truthy_simple) {
                        Some(b) => b,
                        None => {
                            let v = top!(f);
                            self.truthy(&v)?
                        }
                    };
                    if truth {
                        f.ip = t as usize;
                    } else {
                        f.stack.pop();
                    }
                }
                Instr::PopJumpIfNone(t) => {
                    if pop!(f).is_none() {
                        f.ip = t as usize;
                    }
                }
                Instr::PopJumpIfNotNone(t) => {
                    if !pop!(f).is_none() {
                        f.ip = t as usize;
                    }
                }
                Instr::GetIter => {
                    let v = pop!(f);
                    let it = self.get_iter(&v)?;
                    f.stack.push(it);
                }
                Instr::ForIter(t) => self.for_iter(f, instrs, ip, t)?,
                Instr::ReturnValue => return Ok(Exit::Return(pop!(f))),
                Instr::KwNames(i) => {
                    if let Value::Tuple(t) = &consts[i as usize] {
                        kwnames = Some(t.clone());
                    }
                }
                Instr::Call(n) => {
                    if self.interp.breaker.is_set() {
                        self.handle_breaker()?;
                    }
                    let n = n as usize;
                    let start = f.stack.len() - n;
                    if kwnames.is_none()
                        && let Value::Function(func) = &f.stack[start - 1]
                        && Vm::binds_simply(func, n)
                    {
                        // Move the arguments straight into the new frame's locals.
                        let func = func.clone();
                        let stack = &mut f.stack;
                        let r =
                            self.call_positional(&func, |fast| fast.extend(stack.drain(start..)));
                        f.stack.pop();
                        f.stack.push(r?);
                        continue;
                    }
                    let kw = kwnames.take();
                    let kwn: &[Value] = kw.as_ref().map(|t| &t.0[..]).unwrap_or(&[]);
                    let r = self.call_on_stack(&mut f.stack, start - 1, start, kwn);
                    f.stack.push(r?);
                }
                Instr::CallMethod(n) => {
                    if self.interp.breaker.is_set() {
                        self.handle_breaker()?;
                    }
                    let n = n as usize;
                    let kw = kwnames.take();
                    let kwn: &[Value] = kw.as_ref().map(|t| &t.0[..]).unwrap_or(&[]);
                    let start = f.stack.len() - n;
                    if kw.is_none()
                        && let Value::Function(func) = &f.stack[start - 2]
                    {
                        // [func, self|NULL, args...]: move self and the arguments
                        // straight into the new frame's locals.
                        let has_self = !f.stack[start - 1].is_null();
                        let first = if has_self { start - 1 } else { start };
                        if Vm::binds_simply(func, f.stack.len() - first) {
                            let func = func.clone();
                            let stack = &mut f.stack;
                            let r = self
                                .call_positional(&func, |fast| fast.extend(stack.drain(first..)));
                            f.stack.truncate(start - 2);
                            f.stack.push(r?);
                            continue;
                        }
                    }
                    // [callee, self|NULL, args...]: a NULL slot is free for a bound
                    // callable's self
                    let first = if f.stack[start - 1].is_null() {
                        start
                    } else {
                        start - 1
                    };
                    let r = self.call_on_stack(&mut f.stack, start - 2, first, kwn);
                    f.stack.push(r?);
                }
                Instr::CallEx(has_kw) => {
                    if self.interp.breaker.is_set() {
                        self.handle_breaker()?;
                    }
                    let kwargs = if has_kw { Some(pop!(f)) } else { None };
                    let args = pop!(f);
                    let callee = pop!(f);
                    let r = self.call_ex(&callee, &args, kwargs.as_ref())?;
                    f.stack.push(r);
                }
                Instr::MakeFunction(flags) => {
                    let code = pop!(f);
                    let closure = if flags & MakeFunctionFlags::CLOSURE != 0 {
                        Some(pop!(f))
                    } else {
                        None
                    };
                    let kwdefaults = if flags & MakeFunctionFlags::KWDEFAULTS != 0 {
                        Some(pop!(f))
                    } else {
                        None
                    };
                    let defaults = if flags & MakeFunctionFlags::DEFAULTS != 0 {
                        Some(pop!(f))
                    } else {
                        None
                    };
                    let Value::Code(code) = code else {
                        return Err(self.type_error("MakeFunction: not a code object"));
                    };
                    let cells: Box<[Rc<PyCell>]> = match closure {
                        Some(Value::Tuple(t)) => {
                            t.0.iter()
                                .filter_map(|c| {
                                    if let Value::Cell(c) = c {
                                        Some(c.clone())
                                    } else {
                                        None
                                    }
                                })
                                .collect()
                        }
                        _ => Box::new([]),
                    };
                    let func = Function {
                        name: std::cell::RefCell::new(Rc::new(PyStr::new(&code.code.name))),
                        qualname: std::cell::RefCell::new(Rc::new(PyStr::new(&code.code.qualname))),
                        code,
                        globals: f.globals.clone(),
                        builtins: f.builtins.clone(),
                        defaults: std::cell::RefCell::new(match defaults {
                            Some(Value::Tuple(t)) => Some(t),
                            _ => None,
                        }),
                        kwdefaults: std::cell::RefCell::new(match kwdefaults {
                            Some(Value::Dict(d)) => Some(d),
                            _ => None,
                        }),
                        closure: cells,
                        dict: Rc::new(PyDict::new()),
                    };
                    f.stack.push(Value::Function(Rc::new(func)));
                }
                Instr::LoadBuildClass => {
                    let v = self.builtin("__build_class__")?;
                    f.stack.push(v);
                }
                Instr::BuildTuple(n) => {
                    let start = f.stack.len() - n as usize;
                    let t = Value::tuple_from_iter(f.stack.drain(start..));
                    f.stack.push(t);
                }
                Instr::BuildList(n) => {
                    let start = f.stack.len() - n as usize;
                    let items: Vec<Value> = f.stack.drain(start..).collect();
                    f.stack.push(Value::list(items));
                }
                Instr::BuildSet(n) => {
                    let start = f.stack.len() - n as usize;
                    let items: Vec<Value> = f.stack.drain(start..).collect();
                    let s = self.new_set(items, false)?;
                    f.stack.push(s);
                }
                Instr::BuildMap(n) => {
                    let start = f.stack.len() - 2 * n as usize;
                    let items: Vec<Value> = f.stack.drain(start..).collect();
                    let d = PyDict::new();
                    for kv in items.chunks(2) {
                        self.dict_set(&d, kv[0].clone(), kv[1].clone())?;
                    }
                    f.stack.push(Value::Dict(Rc::new(d)));
                }
                Instr::BuildSlice(step) => {
                    let step = if step { pop!(f) } else { Value::None };
                    let stop = pop!(f);
                    let start = pop!(f);
                    f.stack
                        .push(Value::Slice(Rc::new(PySlice { start, stop, step })));
                }
                Instr::BuildString(n) => {
                    let start = f.stack.len() - n as usize;
                    let mut s = String::new();
                    for v in f.stack.drain(start..) {
                        if let Value::Str(p) = v {
                            s.push_str(p.as_str());
                        }
                    }
                    f.stack.push(Value::string(s));
                }
                Instr::FormatValue { conv, has_spec } => {
                    let spec = if has_spec { Some(pop!(f)) } else { None };
                    let v = pop!(f);
                    let s = self.format_value(&v, conv, spec.as_ref())?;
                    f.stack.push(s);
                }
                Instr::ListAppend(i) => {
                    let v = pop!(f);
                    let n = f.stack.len();
                    if let Value::List(l) = &f.stack[n - i as usize] {
                        l.0.borrow_mut().push(v);
                    }
                }
                Instr::SetAdd(i) => {
                    let v = pop!(f);
                    let n = f.stack.len();
                    let s = f.stack[n - i as usize].clone();
                    self.set_add(&s, v)?;
                }
                Instr::MapAdd(i) => {
                    let v = pop!(f);
                    let k = pop!(f);
                    let n = f.stack.len();
                    if let Value::Dict(d) = f.stack[n - i as usize].clone() {
                        self.dict_set(&d, k, v)?;
                    }
                }
                Instr::ListExtend(i) => {
                    let it = pop!(f);
                    let n = f.stack.len();
                    let target = f.stack[n - i as usize].clone();
                    let items = match &it {
                        Value::List(_) | Value::Tuple(_) => self.collect(&it)?,
                        _ => match self.get_iter(&it) {
                            Ok(iter) => self.collect(&iter)?,
                            Err(e) if self.err_is(&e, &self.ctx.types.type_error.clone()) => {
                                return Err(self.star_error(f, &it, n - i as usize));
                            }
                            Err(e) => return Err(e),
                        },
                    };
                    if let Value::List(l) = target {
                        l.0.borrow_mut().extend(items);
                    }
                }
                Instr::SetUpdate(i) => {
                    let it = pop!(f);
                    let n = f.stack.len();
                    let target = f.stack[n - i as usize].clone();
                    if let Value::Set(t) = &target {
                        self.set_update_from(t, &it)?;
                    }
                }
                Instr::DictUpdate(i) | Instr::DictMerge(i) => {
                    let m = pop!(f);
                    let n = f.stack.len();
                    let target = f.stack[n - i as usize].clone();
                    if let Value::Dict(d) = target {
                        let merge = matches!(instr, Instr::DictMerge(_));
                        if !merge
                            && !matches!(m, Value::Dict(_))
                            && self.get_attr_opt(&m, "keys")?.is_none()
                        {
                            let tn = self.type_name(&m);
                            return Err(self.type_error(format!("'{tn}' object is not a mapping")));
                        }
                        if let Err(e) = self.dict_update(&d, &m, merge) {
                            // name the function in "f() got multiple values ..."
                            if merge && n >= i as usize + 2 {
                                let func = f.stack[n - i as usize - 2].clone();
                                return Err(self.name_call_error(&func, e));
                            }
                            return Err(e);
                        }
                    }
                }
                Instr::ListToTuple => {
                    let v = pop!(f);
                    let t = match v {
                        Value::List(l) => Value::tuple(l.0.borrow().clone()),
                        other => other,
                    };
                    f.stack.push(t);
                }
                Instr::UnpackSequence(n) => {
                    let seq = pop!(f);
                    if let Err(seq) = Vm::unpack_onto(seq, n as usize, &mut f.stack) {
                        let items = self.unpack(&seq, n as usize)?;
                        f.stack.extend(items.into_iter().rev());
                    }
                }
                Instr::UnpackEx { before, after } => {
                    let seq = pop!(f);
                    let mut items = match &seq {
                        Value::List(_) | Value::Tuple(_) => self.collect(&seq)?,
                        _ => {
                            let it = self.unpack_iter(&seq)?;
                            self.collect(&it)?
                        }
                    };
                    let (b, a) = (before as usize, after as usize);
                    if items.len() < b + a {
                        return Err(self.value_error(format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            b + a,
                            items.len()
                        )));
                    }
                    let tail = items.split_off(items.len() - a);
                    let mid = items.split_off(b);
                    f.stack.extend(tail.into_iter().rev());
                    f.stack.push(Value::list(mid));
                    f.stack.extend(items.into_iter().rev());
                }
                Instr::Raise(n) => {
                    let err = match n {
                        0 => {
                            let cur = self.handled.clone();
                            match cur {
                                Value::Instance(e) if e.exc.is_some() => {
                                    self.reraising = true;
                                    e
                                }
                                _ => {
                                    return Err(
                                        self.runtime_error("No active exception to reraise")
                                    );
                                }
                            }
                        }
                        1 => {
                            let e = pop!(f);
                            self.make_raisable(e)?
                        }
                        _ => {
                            let cause = pop!(f);
                            let e = pop!(f);
                            let e = self.make_raisable(e)?;
                            let cause = if cause.is_none() {
                                Value::None
                            } else {
                                match cause {
                                    Value::Instance(i) if i.exc.is_some() => Value::Instance(i),
                                    Value::Type(t)
                                        if t.kind == crate::object::TypeKind::Exception =>
                                    {
                                        Value::Instance(self.make_raisable(Value::Type(t))?)
                                    }
                                    _ => {
                                        return Err(self.type_error(
                                            "exception causes must derive from BaseException",
                                        ));
                                    }
                                }
                            };
                            if let Some(x) = &e.exc {
                                *x.cause.borrow_mut() = cause;
                                x.suppress_context.set(true);
                            }
                            e
                        }
                    };
                    if n != 0 {
                        self.set_context(&err);
                    }
                    return Err(err);
                }
                Instr::Reraise => {
                    let e = pop!(f);
                    self.reraising = true;
                    match e {
                        Value::Instance(e) => return Err(e),
                        _ => return Err(self.runtime_error("reraise of a non-exception")),
                    }
                }
                Instr::PushExcInfo => {
                    let e = pop!(f);
                    let prev = std::mem::replace(&mut self.handled, e.clone());
                    f.stack.push(prev);
                    f.stack.push(e);
                }
                Instr::PopExcept => {
                    let prev = pop!(f);
                    self.handled = prev;
                }
                Instr::CheckExcMatch => {
                    let ty = pop!(f);
                    let e = top!(f);
                    let r = self.exc_matches(&e, &ty)?;
                    f.stack.push(Value::Bool(r));
                }
                Instr::LoadCurrentExc => f.stack.push(self.handled.clone()),
                Instr::ExcType => {
                    let e = pop!(f);
                    f.stack.push(Value::Type(self.type_of(&e)));
                }
                Instr::BeforeWith => {
                    let ctx = pop!(f);
                    let (exit, r) = self.enter_context(&ctx, false)?;
                    f.stack.push(exit);
                    f.stack.push(r);
                }
                Instr::CheckEgMatch => {
                    let ty = pop!(f);
                    let rest = pop!(f);
                    let (rest, matched) =
                        crate::stdlib::methods::exc_group::except_star_match(self, &rest, &ty)?;
                    let hit = !matched.is_none();
                    f.stack.push(rest);
                    f.stack.push(matched);
                    f.stack.push(Value::Bool(hit));
                }
                Instr::PrepReraiseStar => {
                    let raised = pop!(f);
                    let orig = pop!(f);
                    let raised = match &raised {
                        Value::List(l) => l.0.borrow().clone(),
                        _ => vec![],
                    };
                    let r =
                        crate::stdlib::methods::exc_group::prep_reraise_star(self, &orig, &raised)?;
                    f.stack.push(r);
                }
                Instr::BeforeAsyncWith => {
                    let ctx = pop!(f);
                    let (exit, r) = self.enter_context(&ctx, true)?;
                    f.stack.push(exit);
                    f.stack.push(r);
                }
                Instr::GetAIter => {
                    let obj = pop!(f);
                    let t = self.type_of(&obj);
                    let Some(aiter) = t.lookup("__aiter__") else {
                        return Err(self.type_error(format!(
                            "'async for' requires an object with __aiter__ method, got {}",
                            t.name()
                        )));
                    };
                    let aiter = self.bind_class_attr(aiter, &obj, &t)?;
                    let it = self.call(&aiter, Args::new(&[]))?;
                    let it_t = self.type_of(&it);
                    if it_t.lookup("__anext__").is_none() {
                        return Err(self.type_error(format!(
                            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                            it_t.name()
                        )));
                    }
                    f.stack.push(it);
                }
                Instr::GetANext => {
                    let it = top!(f);
                    let t = self.type_of(&it);
                    let Some(anext) = t.lookup("__anext__") else {
                        return Err(self.type_error(format!(
                            "'async for' requires an iterator with __anext__ method, got {}",
                            t.name()
                        )));
                    };
                    let anext = self.bind_class_attr(anext, &it, &t)?;
                    let r = self.call(&anext, Args::new(&[]))?;
                    f.stack.push(r);
                }
                Instr::WithExceptStart(i) => {
                    let n = f.stack.len();
                    let exc = f.stack[n - 1].clone();
                    let exit = f.stack[n - 1 - i as usize].clone();
                    let ty = Value::Type(self.type_of(&exc));
                    let tb = match &exc {
                        Value::Instance(i) => self.traceback_value(i),
                        _ => Value::None,
                    };
                    let r = self.call(&exit, Args::new(&[ty, exc, tb]))?;
                    f.stack.push(r);
                }
                Instr::RaiseAssert(has_msg) => {
                    let class = self.ctx.types.assertion_error.clone();
                    let args = if has_msg { vec![pop!(f)] } else { vec![] };
                    let e = self.new_exception_args(&class, args);
                    self.set_context(&e);
                    return Err(e);
                }
                Instr::YieldValue => return Ok(Exit::Yield(pop!(f))),
                Instr::GetYieldFromIter => {
                    let v = pop!(f);
                    let it = match &v {
                        Value::Generator(g) => {
                            if g.coroutine && !f.code.code.flags.has(CodeFlags::COROUTINE) {
                                return Err(self.type_error(
                                    "cannot 'yield from' a coroutine object in a non-coroutine generator",
                                ));
                            }
                            v
                        }
                        _ => self.get_iter(&v)?,
                    };
                    f.stack.push(it);
                }
                Instr::GetAwaitable => {
                    let v = pop!(f);
                    let it = self.get_awaitable(&v)?;
                    f.stack.push(it);
                }
                Instr::Send(t) => {
                    let v = pop!(f);
                    let it = top!(f);
                    match self.send(&it, v)? {
                        Exit::Yield(y) => f.stack.push(y),
                        Exit::Return(r) => {
                            f.stack.pop();
                            f.stack.push(r);
                            f.ip = t as usize;
                        }
                    }
                }
                Instr::ImportName(i) => {
                    let fromlist = pop!(f);
                    let level = pop!(f);
                    let name = Self::name_value(f, i);
                    let m = self.import(name.as_str(), &fromlist, &level, &f.globals)?;
                    f.stack.push(m);
                }
                Instr::ImportFrom(i) => {
                    let m = top!(f);
                    let name = Self::name_value(f, i);
                    let v = self.import_from(&m, name.as_str())?;
                    f.stack.push(v);
                }
                Instr::ImportStar => {
                    let m = pop!(f);
                    let ns = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                    self.import_star(&m, &ns)?;
                }
                Instr::PrintExpr => {
                    let v = pop!(f);
                    if !v.is_none() {
                        let s = self.repr(&v)?;
                        self.write_stdout(&format!("{s}\n"))?;
                        self.ctx.builtins.set_str("_", v);
                    }
                }
                Instr::LoadLocals => {
                    let l = self.frame_locals(f)?;
                    f.stack.push(l);
                }
                Instr::SetupAnnotations => {
                    let ns = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                    if ns.get_str("__annotations__").is_none() {
                        ns.set_str("__annotations__", Value::Dict(Rc::new(PyDict::new())));
                    }
                }
            }
        }
    }

    /// `with` / `async with`: looks up `__enter__`/`__exit__` (or their async
    /// forms) on the context manager's class, calls the bound enter method and
    /// returns (bound exit method, what enter returned).
    fn enter_context(&mut self, ctx: &Value, is_async: bool) -> PyResult<(Value, Value)> {
        let (enter_name, exit_name, protocol) = if is_async {
            ("__aenter__", "__aexit__", "asynchronous context manager")
        } else {
            ("__enter__", "__exit__", "context manager")
        };
        let t = self.type_of(ctx);
        let Some(enter) = t.lookup(enter_name) else {
            return Err(self.type_error(format!(
                "'{}' object does not support the {protocol} protocol",
                t.name()
            )));
        };
        let Some(exit) = t.lookup(exit_name) else {
            return Err(self.type_error(format!(
                "'{}' object does not support the {protocol} protocol (missed {exit_name} method)",
                t.name()
            )));
        };
        let exit = self.bind_class_attr(exit, ctx, &t)?;
        let r = self.call_special_method(enter, ctx, &t)?;
        Ok((exit, r))
    }

    /// `LoadGlobal` without a valid cache entry: looks the name up and fills the
    /// cache slot for next time.
    /// `[a] -> [a op b]` (`a op= b` when `inplace`), with `b` already taken
    /// from the stack or the constants: ints and floats inline.
    #[inline(always)]
    fn binary_arm(&mut self, f: &mut Frame, op: BinOp, b: Value, inplace: bool) -> PyResult<()> {
        let a = pop!(f);
        let fast = match (&a, &b) {
            (Value::Int(x), Value::Int(y)) => int_fast(op, *x, *y),
            (Value::FloatW(x), Value::FloatW(y)) => float_fast(op, x.get(), y.get()),
            _ => None,
        };
        let v = match fast {
            Some(v) => {
                // Both are unboxed scalars: skip their (no-op) drop glue.
                std::mem::forget(a);
                std::mem::forget(b);
                v
            }
            None if inplace => self.inplace_op(op, a, &b)?,
            None => self.binary_op(op, &a, &b)?,
        };
        f.stack.push(v);
        Ok(())
    }

    /// `[a] -> [a op b]` for a rich comparison, with `b` already taken from the
    /// stack or the constants. Ints and floats compare inline, and a result
    /// that feeds a conditional jump jumps at once.
    #[inline(always)]
    fn compare_arm(
        &mut self,
        f: &mut Frame,
        instrs: &[Instr],
        op: CmpOp,
        b: Value,
    ) -> PyResult<()> {
        let a = pop!(f);
        let result = match (&a, &b) {
            (Value::Int(x), Value::Int(y)) => cmp_result(op, x.cmp(y)),
            (Value::FloatW(x), Value::FloatW(y)) => float_cmp(op, x.get(), y.get()),
            _ => {
                let v = self.compare(op, &a, &b)?;
                f.stack.push(v);
                return Ok(());
            }
        };
        // Both are unboxed scalars: skip their (no-op) drop glue.
        std::mem::forget(a);
        std::mem::forget(b);
        match instrs.get(f.ip) {
            Some(Instr::PopJumpIfFalse(t)) => {
                f.ip = if result { f.ip + 1 } else { *t as usize };
            }
            Some(Instr::PopJumpIfTrue(t)) => {
                f.ip = if result { *t as usize } else { f.ip + 1 };
            }
            _ => f.stack.push(Value::Bool(result)),
        }
        Ok(())
    }

    /// `ForIter(exit)` at `at`: the next item of the iterator on top of the
    /// stack (which stays there, without reference count traffic), or, when it
    /// is exhausted, the iterator popped and a jump to `exit`. An item that the
    /// next instruction stores into a local (`for x in ...`) goes there
    /// directly.
    #[inline(always)]
    fn for_iter(&mut self, f: &mut Frame, instrs: &[Instr], at: usize, exit: u32) -> PyResult<()> {
        let item = match f.stack.last() {
            Some(it) => self.next(it)?,
            None => None,
        };
        match item {
            Some(v) => match instrs.get(at + 1) {
                Some(&Instr::StoreFast(i)) => {
                    std::mem::replace(&mut f.fast[i as usize], v).discard();
                    f.ip = at + 2;
                }
                _ => {
                    f.stack.push(v);
                    f.ip = at + 1;
                }
            },
            None => {
                if let Some(it) = f.stack.pop() {
                    it.discard();
                }
                f.ip = exit as usize;
            }
        }
        Ok(())
    }

    #[inline(never)]
    fn load_global_slow(&mut self, f: &Frame, i: usize) -> PyResult<Value> {
        let name = &f.code.names[i];
        let key = Value::Str(name.clone());
        let slot = &f.code.global_cache[i];
        {
            let globals = f.globals.0.borrow();
            if let Some(pos) = globals.find_position(name.hash(), &key) {
                slot.set(GlobalSlot {
                    globals_tag: globals.tag(),
                    globals_len: 0,
                    pos: pos as u32,
                    builtins_tag: 0,
                });
                return Ok(globals.value_at(pos).cloned().unwrap_or(Value::None));
            }
            let builtins = f.builtins.0.borrow();
            if let Some(pos) = builtins.find_position(name.hash(), &key) {
                slot.set(GlobalSlot {
                    globals_tag: globals.tag(),
                    globals_len: globals.raw_len() as u32,
                    pos: pos as u32,
                    builtins_tag: builtins.tag(),
                });
                return Ok(builtins.value_at(pos).cloned().unwrap_or(Value::None));
            }
        }
        self.load_global(f, name)
    }

    fn load_global(&mut self, f: &Frame, name: &Rc<PyStr>) -> PyResult<Value> {
        if let Some(v) = dict_get_name(&f.globals, name) {
            return Ok(v);
        }
        if let Some(v) = dict_get_name(&f.builtins, name) {
            return Ok(v);
        }
        Err(self.name_error(format!("name '{}' is not defined", name.as_str())))
    }

    /// The `UnboundLocalError` for reading fast local `i` before it is bound.
    #[cold]
    fn unbound_fast(&mut self, code: &CodeHandle, i: u32) -> PyErr {
        let name = code.code.varnames[i as usize].clone();
        self.unbound_local_error(format!(
            "cannot access local variable '{name}' where it is not associated with a value"
        ))
    }

    fn unbound_deref(&self, f: &Frame, i: usize) -> PyErr {
        let c = &f.code.code;
        if i < c.cellvars.len() {
            self.unbound_local_error(format!(
                "cannot access local variable '{}' where it is not associated with a value",
                c.cellvars[i]
            ))
        } else {
            self.name_error(format!(
                "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
                c.freevars[i - c.cellvars.len()]
            ))
        }
    }

    /// Makes the frame of a generator, and the generator.
    pub(crate) fn make_generator(&mut self, frame: Frame, func: &Function) -> Value {
        let flags = func.code.code.flags;
        let is_async_gen = flags.has(CodeFlags::ASYNC_GENERATOR);
        let coroutine = flags.has(CodeFlags::COROUTINE) && !is_async_gen;
        let g = Rc::new(Generator {
            frame: std::cell::RefCell::new(Some(Box::new(frame))),
            running: std::cell::Cell::new(false),
            name: func.name.borrow().clone(),
            qualname: func.qualname.borrow().clone(),
            coroutine,
            is_async_gen,
            iterable_coroutine: std::cell::Cell::new(false),
        });
        Value::Generator(g)
    }

    /// Sends `v` into a generator (or calls `next` on another iterator).
    pub fn send(&mut self, it: &Value, v: Value) -> PyResult<Exit> {
        match it {
            Value::Generator(g) => self.gen_resume(g, v),
            _ => {
                if v.is_none() {
                    if matches!(it, Value::Iter(_)) {
                        return Ok(match self.next(it)? {
                            Some(y) => Exit::Yield(y),
                            None => Exit::Return(Value::None),
                        });
                    }
                    // keep the value of the StopIteration (an `await` result)
                    match self.call_special(it, "__next__", &[]) {
                        Ok(Some(y)) => Ok(Exit::Yield(y)),
                        Ok(None) => Err(self.type_error(format!(
                            "'{}' object is not an iterator",
                            self.type_name(it)
                        ))),
                        Err(e) if self.err_is(&e, &self.ctx.types.stop_iteration.clone()) => {
                            Ok(Exit::Return(self.stop_iteration_value(&e)))
                        }
                        Err(e) => Err(e),
                    }
                } else {
                    let send = self.get_attr_str(it, "send")?;
                    match self.call(&send, Args::new(&[v])) {
                        Ok(y) => Ok(Exit::Yield(y)),
                        Err(e) if self.err_is(&e, &self.ctx.types.stop_iteration.clone()) => {
                            Ok(Exit::Return(self.stop_iteration_value(&e)))
                        }
                        Err(e) => Err(e),
                    }
                }
            }
        }
    }

    /// The `TypeError` for `*x` with a non-iterable `x`: in a call it names the function.
    fn star_error(&mut self, f: &Frame, v: &Value, list_pos: usize) -> PyErr {
        let tn = self.type_name(v);
        let instrs = &f.code.code.instrs;
        let mut k = f.ip;
        let mut in_call = false;
        while let Some(ins) = instrs.get(k) {
            match ins {
                Instr::CallEx(_) => {
                    in_call = true;
                    break;
                }
                Instr::ListToTuple | Instr::BuildMap(_) | Instr::DictMerge(_) => {}
                Instr::LoadConst(_)
                | Instr::LoadFast(_)
                | Instr::LoadGlobal(_)
                | Instr::LoadName(_)
                | Instr::LoadDeref(_)
                | Instr::LoadAttr(_)
                | Instr::LoadFastAttr(..)
                | Instr::KwNames(_) => {}
                _ => break,
            }
            k += 1;
        }
        // CPython names the function only when the starred value is the whole
        // positional part (`f(*x)`); otherwise the list being built reports it.
        let alone =
            matches!(f.stack.get(list_pos), Some(Value::List(l)) if l.0.borrow().is_empty());
        if in_call && alone && list_pos >= 1 {
            let func = f.stack[list_pos - 1].clone();
            let name = self.callable_name(&func);
            return self.type_error(format!(
                "{name} argument after * must be an iterable, not {tn}"
            ));
        }
        self.type_error(format!("Value after * must be an iterable, not {tn}"))
    }

    /// Prefixes a `TypeError` about a call's arguments with the function's name.
    fn name_call_error(&mut self, func: &Value, e: PyErr) -> PyErr {
        if !self.err_is(&e, &self.ctx.types.type_error.clone()) {
            return e;
        }
        let msg = self.str_of(&Value::Instance(e.clone())).unwrap_or_default();
        let name = match func {
            Value::Function(fu) => {
                let module = fu.globals.get_str("__name__");
                let q = fu.qualname.borrow().as_str().to_owned();
                match module.as_ref().and_then(|m| m.as_str().map(str::to_owned)) {
                    Some(m) if m != "builtins" => format!("{m}.{q}()"),
                    _ => format!("{q}()"),
                }
            }
            Value::Builtin(b) => format!("{}()", b.name),
            Value::Type(t) => format!("{}()", t.name()),
            other => format!("{}()", self.type_name(other)),
        };
        if msg.starts_with("got multiple values") {
            return self.type_error(format!("{name} {msg}"));
        }
        if msg.starts_with("argument after ** must be a mapping") {
            return self.type_error(format!("{name} {msg}"));
        }
        e
    }

    /// `locals()` of a frame: the namespace of a class body or module, or a snapshot of
    /// a function's variables.
    pub(crate) fn frame_locals(&mut self, f: &Frame) -> PyResult<Value> {
        if let Some(l) = &f.locals {
            return Ok(Value::Dict(l.clone()));
        }
        let c = &f.code.code;
        if c.flags.has(CodeFlags::MODULE) {
            return Ok(Value::Dict(f.globals.clone()));
        }
        let d = Rc::new(PyDict::new());
        for (i, name) in f.code.varnames.iter().enumerate() {
            let v = &f.fast[i];
            if !v.is_null() {
                dict_set_name(&d, name, v.clone());
            }
        }
        for (i, name) in c.cellvars.iter().chain(c.freevars.iter()).enumerate() {
            let v = f.cells[i].0.borrow().clone();
            if !v.is_null() {
                d.set_str(name, v);
            }
        }
        Ok(Value::Dict(d))
    }

    /// The `value` of a StopIteration.
    pub fn stop_iteration_value(&self, e: &PyErr) -> Value {
        match e.exc.as_ref().map(|x| x.args.borrow().clone()) {
            Some(Value::Tuple(t)) if !t.0.is_empty() => t.0[0].clone(),
            _ => Value::None,
        }
    }

    /// The iterator `await v` drives: a coroutine itself, or what `v.__await__()`
    /// returns.
    pub fn get_awaitable(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Generator(g) = v {
            if g.coroutine {
                if g.frame.borrow().as_ref().is_some_and(|f| f.ip > 0) && g.running.get() {
                    return Err(self.runtime_error("coroutine is being awaited already"));
                }
                return Ok(v.clone());
            }
            if g.iterable_coroutine.get() {
                return Ok(v.clone());
            }
        }
        match self.call_special(v, "__await__", &[]) {
            Ok(Some(it)) => {
                if let Value::Generator(g) = &it
                    && g.coroutine
                {
                    return Err(self.type_error("__await__() returned a coroutine"));
                }
                if !self.is_iterator(&it) {
                    return Err(self.type_error(format!(
                        "__await__() returned non-iterator of type '{}'",
                        self.type_name(&it)
                    )));
                }
                Ok(it)
            }
            Ok(None) => Err(self.type_error(format!(
                "object {} can't be used in 'await' expression",
                self.type_name(v)
            ))),
            Err(e) => Err(e),
        }
    }

    /// Resumes a generator with `v` sent in.
    ///
    /// The suspended frame is moved out of the generator while it runs and back
    /// in when it yields (no allocation); a finished frame's vectors go back to
    /// the frame pool.
    #[inline]
    pub fn gen_resume(&mut self, g: &Rc<Generator>, v: Value) -> PyResult<Exit> {
        if g.running.get() {
            return Err(self.gen_running_error(g));
        }
        let Some(mut frame) = g.frame.borrow_mut().take() else {
            return self.gen_resume_finished(g);
        };
        frame.stack.push(v);
        g.running.set(true);
        let r = if self.depth >= self.interp.recursion_limit() {
            Err(self.recursion_error("maximum recursion depth exceeded"))
        } else {
            self.depth += 1;
            let r = self.run_frame_on_stack(&mut frame);
            self.depth -= 1;
            r
        };
        g.running.set(false);
        self.gen_finish(g, frame, r)
    }

    /// `ValueError: generator already executing`.
    #[cold]
    fn gen_running_error(&mut self, g: &Generator) -> PyErr {
        let what = if g.coroutine {
            "coroutine"
        } else {
            "generator"
        };
        self.value_error(format!("{what} already executing"))
    }

    /// Resuming a generator that has finished: it stops again (a coroutine
    /// can't be awaited twice).
    #[cold]
    fn gen_resume_finished(&mut self, g: &Generator) -> PyResult<Exit> {
        if g.coroutine {
            return Err(self.runtime_error("cannot reuse already awaited coroutine"));
        }
        Ok(Exit::Return(Value::None))
    }

    /// Stores a generator's frame back after it yielded; turns a `StopIteration`
    /// escaping it into `RuntimeError`.
    #[inline]
    fn gen_finish(
        &mut self,
        g: &Rc<Generator>,
        mut frame: Box<Frame>,
        r: PyResult<Exit>,
    ) -> PyResult<Exit> {
        match r {
            Ok(Exit::Yield(y)) => {
                *g.frame.borrow_mut() = Some(frame);
                Ok(Exit::Yield(y))
            }
            Ok(Exit::Return(r)) => {
                self.recycle(&mut frame);
                Ok(Exit::Return(r))
            }
            Err(e) => {
                self.recycle(&mut frame);
                Err(self.gen_escaped(g, e))
            }
        }
    }

    /// The exception a generator raised, as its caller sees it: a
    /// `StopIteration` (or `StopAsyncIteration` from an async generator) is
    /// replaced by `RuntimeError`.
    #[cold]
    fn gen_escaped(&mut self, g: &Generator, e: PyErr) -> PyErr {
        let stop = self.ctx.types.stop_iteration.clone();
        let astop = self.ctx.types.stop_async_iteration.clone();
        if self.err_is(&e, &stop) || (g.is_async_gen && self.err_is(&e, &astop)) {
            let what = if g.coroutine {
                "coroutine"
            } else if g.is_async_gen {
                "async generator"
            } else {
                "generator"
            };
            let name = if self.err_is(&e, &stop) {
                "StopIteration"
            } else {
                "StopAsyncIteration"
            };
            let new = self.runtime_error(format!("{what} raised {name}"));
            if let Some(x) = &new.exc {
                *x.cause.borrow_mut() = Value::Instance(e.clone());
                *x.context.borrow_mut() = Value::Instance(e);
                x.suppress_context.set(true);
            }
            return new;
        }
        e
    }

    /// Throws `exc` into a generator at its suspension point (delegating to the
    /// iterator of a `yield from` / `await` it is suspended in).
    pub fn gen_throw(&mut self, g: &Rc<Generator>, exc: PyErr) -> PyResult<Exit> {
        if g.running.get() {
            return Err(self.gen_running_error(g));
        }
        let Some(mut frame) = g.frame.borrow_mut().take() else {
            return Err(exc);
        };
        if frame.ip == 0 {
            // not started: the exception is raised at the start and the frame ends
            self.add_traceback(&exc, &frame);
            return Err(exc);
        }
        g.running.set(true);
        self.depth += 1;
        let r = self.throw_into_frame(&mut frame, exc);
        self.depth -= 1;
        g.running.set(false);
        self.gen_finish(g, frame, r)
    }

    fn throw_into_frame(&mut self, frame: &mut Frame, mut exc: PyErr) -> PyResult<Exit> {
        let code = frame.code.clone();
        let li = frame.lasti;
        let instrs = &code.code.instrs;
        if li > 0
            && matches!(instrs.get(li), Some(Instr::YieldValue))
            && let Some(Instr::Send(exit)) = instrs.get(li - 1)
            && let Some(inner) = frame.stack.last().cloned()
        {
            let exit = *exit as usize;
            let is_close = self.err_is(&exc, &self.ctx.types.generator_exit.clone());
            let res: Option<PyResult<Exit>> = if is_close {
                match self.close_iterator(&inner) {
                    Ok(()) => None,
                    Err(e) => Some(Err(e)),
                }
            } else {
                match &inner {
                    Value::Generator(ig) => {
                        let ig = ig.clone();
                        Some(self.gen_throw(&ig, exc.clone()))
                    }
                    _ => match self.get_attr_opt(&inner, "throw")? {
                        Some(t) => Some(match self.call0(&t, &[Value::Instance(exc.clone())]) {
                            Ok(y) => Ok(Exit::Yield(y)),
                            Err(e) if self.err_is(&e, &self.ctx.types.stop_iteration.clone()) => {
                                Ok(Exit::Return(self.stop_iteration_value(&e)))
                            }
                            Err(e) => Err(e),
                        }),
                        None => None,
                    },
                }
            };
            match res {
                Some(Ok(Exit::Yield(y))) => return Ok(Exit::Yield(y)),
                Some(Ok(Exit::Return(v))) => {
                    frame.stack.pop();
                    frame.stack.push(v);
                    frame.ip = exit;
                    return self.run_frame_on_stack(frame);
                }
                Some(Err(e)) => exc = e,
                None => {}
            }
        }
        self.add_traceback(&exc, frame);
        match frame.code.code.handler_for(frame.lasti).copied() {
            Some(h) => {
                frame.stack.truncate(h.depth as usize);
                frame.stack.push(Value::Instance(exc));
                frame.ip = h.target as usize;
                self.run_frame_on_stack(frame)
            }
            None => Err(exc),
        }
    }

    /// Calls `close()` on the iterator a `yield from` delegates to, if it has one.
    fn close_iterator(&mut self, it: &Value) -> PyResult<()> {
        match it {
            Value::Generator(g) => {
                let g = g.clone();
                self.gen_close(&g)
            }
            Value::Iter(_) => Ok(()),
            other => {
                if let Some(c) = self.get_attr_opt(other, "close")? {
                    self.call0(&c, &[])?;
                }
                Ok(())
            }
        }
    }

    /// `generator.close()`.
    pub fn gen_close(&mut self, g: &Rc<Generator>) -> PyResult<()> {
        if g.frame.borrow().is_none() {
            return Ok(());
        }
        let exc = self.new_exception_args(&self.ctx.types.generator_exit.clone(), vec![]);
        match self.gen_throw(g, exc) {
            Ok(Exit::Yield(_)) => {
                let what = if g.coroutine {
                    "coroutine"
                } else {
                    "generator"
                };
                Err(self.runtime_error(format!("{what} ignored GeneratorExit")))
            }
            Ok(_) => Ok(()),
            Err(e)
                if self.err_is(&e, &self.ctx.types.generator_exit.clone())
                    || self.err_is(&e, &self.ctx.types.stop_iteration.clone()) =>
            {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// Sets `__context__` of a newly raised exception to the one being handled.
    pub(crate) fn set_context(&self, err: &PyErr) {
        if let (Some(x), Value::Instance(h)) = (&err.exc, &self.handled)
            && !Rc::ptr_eq(err, h)
            && matches!(*x.context.borrow(), Value::None | Value::Null)
        {
            // Cut a cycle: if the new exception is already in the handled one's context
            // chain, the link to it is dropped (as CPython's `_PyErr_SetObject` does).
            let mut o = h.clone();
            for _ in 0..10_000 {
                let next = match &o.exc {
                    Some(ox) => ox.context.borrow().clone(),
                    None => break,
                };
                let Value::Instance(n) = next else { break };
                if Rc::ptr_eq(&n, err) {
                    if let Some(ox) = &o.exc {
                        *ox.context.borrow_mut() = Value::None;
                    }
                    break;
                }
                o = n;
            }
            *x.context.borrow_mut() = self.handled.clone();
        }
    }

    /// Turns the operand of `raise` into an exception instance.
    pub(crate) fn make_raisable(&mut self, v: Value) -> PyResult<PyErr> {
        match v {
            Value::Instance(i) if i.exc.is_some() => Ok(i),
            Value::Type(t) if t.kind == crate::object::TypeKind::Exception => {
                match self.call(&Value::Type(t), Args::new(&[]))? {
                    Value::Instance(i) if i.exc.is_some() => Ok(i),
                    _ => {
                        Err(self
                            .type_error("calling the exception class did not make an exception"))
                    }
                }
            }
            _ => Err(self.type_error("exceptions must derive from BaseException")),
        }
    }

    /// `except ty:` matching.
    pub(crate) fn exc_matches(&mut self, e: &Value, ty: &Value) -> PyResult<bool> {
        let et = self.type_of(e);
        match ty {
            Value::Type(t) => Ok(et.is_subtype(t)),
            Value::Tuple(ts) => {
                for t in ts.0.iter() {
                    if self.exc_matches(e, t)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }
}

/// Looks a name up in a namespace dict using the name's cached hash.
#[inline]
pub(crate) fn dict_get_name(d: &PyDict, name: &Rc<PyStr>) -> Option<Value> {
    d.0.borrow()
        .get_hashed(name.hash(), &Value::Str(name.clone()))
        .cloned()
}

/// Binds a name in a namespace dict.
#[inline]
pub(crate) fn dict_set_name(d: &PyDict, name: &Rc<PyStr>, v: Value) {
    let old =
        d.0.borrow_mut()
            .insert_hashed(name.hash(), Value::Str(name.clone()), v);
    drop(old);
}

/// Unbinds a name; None if it was not bound.
pub(crate) fn dict_del_name(d: &PyDict, name: &Rc<PyStr>) -> Option<Value> {
    let r =
        d.0.borrow_mut()
            .remove(&Value::Str(name.clone()))
            .ok()
            .flatten();
    r.map(|(_, v)| v)
}

/// `x op y` for two small ints when the result is a small int and no error is
/// possible; `None` sends the operation down the general path.
#[inline(always)]
fn int_fast(op: BinOp, x: i64, y: i64) -> Option<Value> {
    let r = match op {
        BinOp::Add => x.checked_add(y)?,
        BinOp::Sub => x.checked_sub(y)?,
        BinOp::Mul => x.checked_mul(y)?,
        BinOp::Mod if y > 0 => x.rem_euclid(y),
        BinOp::FloorDiv if y > 0 => x.div_euclid(y),
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        _ => return None,
    };
    Some(Value::Int(r))
}

/// `x op y` for two floats where IEEE arithmetic is Python's (no division: it
/// raises on zero).
#[inline(always)]
fn float_fast(op: BinOp, x: f64, y: f64) -> Option<Value> {
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv if y != 0.0 => x / y,
        _ => return None,
    };
    Some(Value::Float(r))
}

/// A rich comparison of two floats (false for every NaN comparison but `!=`).
#[inline(always)]
fn float_cmp(op: CmpOp, x: f64, y: f64) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
    }
}

/// A global name's value from its cache slot, if the slot is still valid.
#[inline(always)]
fn cached_global(f: &Frame, slot: &std::cell::Cell<GlobalSlot>) -> Option<Value> {
    let slot = slot.get();
    if slot.globals_tag == 0 {
        return None;
    }
    let globals = f.globals.0.borrow();
    if globals.tag() != slot.globals_tag {
        return None;
    }
    if slot.builtins_tag == 0 {
        return globals.value_at(slot.pos as usize).map(Value::dup);
    }
    if globals.raw_len() != slot.globals_len as usize {
        return None;
    }
    let builtins = f.builtins.0.borrow();
    if builtins.tag() != slot.builtins_tag {
        return None;
    }
    builtins.value_at(slot.pos as usize).map(Value::dup)
}
