//! The `itertools` module, native: every iterator is an object of its own class
//! (`<class 'itertools.chain'>` ...) whose state is an [`It`] variant, advanced by one
//! shared `__next__`. This file holds the module, argument binding with CPython's
//! messages, and the simple iterators (`count`, `cycle`, `repeat`, `accumulate`,
//! `chain`, `compress`, `dropwhile`, `takewhile`, `filterfalse`, `islice`,
//! `starmap`, `zip_longest`, `pairwise`); the combinatoric ones are in
//! `itertools_comb.rs`, `groupby` and `tee` in `itertools_group.rs`.

use crate::object::BoolWord;
use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::bytecode::BinOp;
use crate::object::{Module, PyType, Value};
use crate::vm::{Args, PyResult, Vm};

use super::itertools_comb::{Combinations, CombinationsWr, Permutations, Product};
use super::itertools_group::{GroupBy, Grouper, Tee};
use super::modsupport::{module_class, new_native, register_class, registered_class};
use super::{add_funcs, add_methods, func, new_module};

/// An itertools iterator object: its state, taken out (leaving [`It::Running`])
/// while it advances, so a callback that touches the same iterator finds it busy
/// instead of a borrowed `RefCell`.
pub(crate) struct ItObj(pub(crate) RefCell<It>);

/// The state of each kind of itertools iterator.
pub(crate) enum It {
    /// Being advanced right now.
    Running,
    Count(Count),
    Cycle(Cycle),
    Repeat(Repeat),
    Accumulate(Accumulate),
    Chain(Chain),
    Compress(Compress),
    DropWhile(Filtering),
    TakeWhile(Filtering),
    FilterFalse(Filtering),
    ISlice(ISlice),
    StarMap(StarMap),
    ZipLongest(ZipLongest),
    Pairwise(Pairwise),
    Product(Product),
    Permutations(Permutations),
    Combinations(Combinations),
    CombinationsWr(CombinationsWr),
    GroupBy(GroupBy),
    Grouper(Grouper),
    Tee(Tee),
}

/// The classes of the module: (name, registry key, constructor).
const CLASSES: &[(&str, &str, crate::object::BuiltinFn)] = &[
    ("count", "itertools.count", count_new),
    ("cycle", "itertools.cycle", cycle_new),
    ("repeat", "itertools.repeat", repeat_new),
    ("accumulate", "itertools.accumulate", accumulate_new),
    ("chain", "itertools.chain", chain_new),
    ("compress", "itertools.compress", compress_new),
    ("dropwhile", "itertools.dropwhile", dropwhile_new),
    ("takewhile", "itertools.takewhile", takewhile_new),
    ("filterfalse", "itertools.filterfalse", filterfalse_new),
    ("islice", "itertools.islice", islice_new),
    ("starmap", "itertools.starmap", starmap_new),
    ("zip_longest", "itertools.zip_longest", zip_longest_new),
    ("pairwise", "itertools.pairwise", pairwise_new),
    (
        "product",
        "itertools.product",
        super::itertools_comb::product_new,
    ),
    (
        "permutations",
        "itertools.permutations",
        super::itertools_comb::permutations_new,
    ),
    (
        "combinations",
        "itertools.combinations",
        super::itertools_comb::combinations_new,
    ),
    (
        "combinations_with_replacement",
        "itertools.combinations_with_replacement",
        super::itertools_comb::cwr_new,
    ),
    (
        "groupby",
        "itertools.groupby",
        super::itertools_group::groupby_new,
    ),
    (
        "_grouper",
        "itertools._grouper",
        super::itertools_group::grouper_new,
    ),
    ("_tee", "itertools._tee", super::itertools_group::tee_new),
];

/// Creates `itertools`.
pub fn init(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = new_module("itertools");
    m.dict.set_str(
        "__doc__",
        Value::str("Functional tools for creating and using iterators."),
    );
    for (name, key, new) in CLASSES {
        let cls = module_class(vm, name, "itertools");
        add_methods(&cls, &[("__iter__", it_iter), ("__next__", it_next)]);
        cls.dict.set_str("__new__", func("__new__", *new));
        register_class(vm, key, &cls);
        m.dict.set_str(name, Value::Type(cls));
    }
    let class = |key| registered_class(vm, key);
    add_methods(&class("itertools.count"), &[("__repr__", count_repr)]);
    add_methods(
        &class("itertools.repeat"),
        &[
            ("__repr__", repeat_repr),
            ("__length_hint__", repeat_length_hint),
        ],
    );
    add_methods(
        &class("itertools._tee"),
        &[("__copy__", super::itertools_group::tee_copy)],
    );
    super::methods::classmethod(
        vm,
        &class("itertools.chain"),
        "from_iterable",
        chain_from_iterable,
    );
    add_methods(
        &class("itertools.chain"),
        &[("__class_getitem__", class_getitem)],
    );
    add_funcs(&m.dict, &[("tee", super::itertools_group::tee)]);
    Ok(m)
}

fn class_getitem(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(args.all[0].clone())
}

// ---- the shared protocol ------------------------------------------------------------

/// The state cell of an itertools object.
pub(crate) fn cell_of(v: &Value) -> Option<&ItObj> {
    match v {
        Value::Native(n) => n.get::<ItObj>(),
        _ => None,
    }
}

/// A new itertools object of class `cls` (a `Value::Type`) or of the registered
/// class `key` when `cls` is not a class.
pub(crate) fn new_it(vm: &Vm, cls: &Value, key: &str, state: It) -> Value {
    let class: Rc<PyType> = match cls {
        Value::Type(t) => t.clone(),
        _ => registered_class(vm, key),
    };
    new_native(class, ItObj(RefCell::new(state)))
}

fn it_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__iter__", 1, 1)?;
    Ok(a[0].clone())
}

fn it_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__next__", 1, 1)?;
    let Some(cell) = cell_of(&a[0]) else {
        return Err(vm.type_error("descriptor '__next__' requires an itertools object"));
    };
    match advance(vm, &a[0], cell)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

/// Whether `f` is the shared `__next__` of the itertools classes (so that
/// `next()` on one of their objects may call [`advance`] directly).
pub(crate) fn is_it_next(f: crate::object::BuiltinFn) -> bool {
    f as usize == it_next as crate::object::BuiltinFn as usize
}

/// The next item of the itertools object `this` (`None` when exhausted).
pub(crate) fn advance(vm: &mut Vm, this: &Value, cell: &ItObj) -> PyResult<Option<Value>> {
    let mut st = std::mem::replace(&mut *cell.0.borrow_mut(), It::Running);
    let r = match &mut st {
        It::Running => return Err(vm.value_error("generator already executing")),
        It::Count(s) => s.next(vm),
        It::Cycle(s) => s.next(vm),
        It::Repeat(s) => Ok(s.next()),
        It::Accumulate(s) => s.next(vm),
        It::Chain(s) => s.next(vm),
        It::Compress(s) => s.next(vm),
        It::DropWhile(s) => s.next_dropwhile(vm),
        It::TakeWhile(s) => s.next_takewhile(vm),
        It::FilterFalse(s) => s.next_filterfalse(vm),
        It::ISlice(s) => s.next(vm),
        It::StarMap(s) => s.next(vm),
        It::ZipLongest(s) => s.next(vm),
        It::Pairwise(s) => s.next(vm),
        It::Product(s) => Ok(s.next()),
        It::Permutations(s) => Ok(s.next()),
        It::Combinations(s) => Ok(s.next()),
        It::CombinationsWr(s) => Ok(s.next()),
        It::GroupBy(s) => s.next(vm, this),
        It::Grouper(s) => s.next(vm),
        It::Tee(s) => s.next(vm),
    };
    *cell.0.borrow_mut() = st;
    r
}

// ---- argument binding ---------------------------------------------------------------

/// Binds the arguments of a constructor whose parameters `names` may be passed by
/// position or keyword (the last `kwonly` by keyword only), `required` of them
/// required, with Argument Clinic's messages. `args.all[0]` is the class.
pub(crate) fn bind(
    vm: &mut Vm,
    args: &Args<'_>,
    fname: &str,
    names: &[&str],
    kwonly: usize,
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let pos = &args.pos()[1..];
    let kw: Vec<(&str, &Value)> = args.kw().collect();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let total = pos.len() + kw.len();
    if total > names.len() {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {} argument{} ({total} given)",
            names.len(),
            plural(names.len())
        )));
    }
    let max_pos = names.len() - kwonly;
    if pos.len() > max_pos {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {max_pos} positional argument{} ({} given)",
            plural(max_pos),
            pos.len()
        )));
    }
    let mut out = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        let v = match pos.get(i) {
            Some(v) => Some(v.clone()),
            None => kw
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| (*v).clone()),
        };
        if v.is_none() && i < required {
            return Err(vm.type_error(format!(
                "{fname}() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
        out.push(v);
    }
    for (k, _) in &kw {
        match names.iter().position(|n| n == k) {
            Some(i) if i < pos.len() => {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{k}') and position ({})",
                    i + 1
                )));
            }
            Some(_) => {}
            None => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )));
            }
        }
    }
    Ok(out)
}

/// The positional arguments of a constructor that takes no keywords (after the
/// class), `min..=max` of them, with CPython's `name expected N arguments, got M`.
pub(crate) fn positional<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
    fname: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format!("{fname}() takes no keyword arguments")));
    }
    let pos = &args.pos()[1..];
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let n = pos.len();
    if min == max && n != min {
        return Err(vm.type_error(format!(
            "{fname} expected {min} argument{}, got {n}",
            plural(min)
        )));
    }
    if n < min {
        return Err(vm.type_error(format!(
            "{fname} expected at least {min} argument{}, got {n}",
            plural(min)
        )));
    }
    if n > max {
        return Err(vm.type_error(format!(
            "{fname} expected at most {max} argument{}, got {n}",
            plural(max)
        )));
    }
    Ok(pos)
}

/// `PyNumber_AsSsize_t`-like: an index-able argument as i64, `None` if it is not
/// one or does not fit (the caller reports its own error).
fn as_ssize(vm: &mut Vm, v: &Value) -> Option<i64> {
    let b = vm.arg_bigint(v).ok()?;
    num_traits::ToPrimitive::to_i64(&b)
}

/// A `Py_ssize_t` argument (`__index__` honoured), with CPython's messages.
pub(crate) fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match vm.arg_i64(v, "") {
        Err(e) if vm.err_is(&e, &vm.ctx.types.overflow_error.clone()) => {
            Err(vm.overflow_error("Python int too large to convert to C ssize_t"))
        }
        r => r,
    }
}

// ---- count ----------------------------------------------------------------------------

/// `count(start, step)`: a fast i64 counter while the step is 1 and the count
/// fits, otherwise `cnt = cnt + step` on any numbers.
pub(crate) enum Count {
    Fast(i64),
    Slow { cnt: Value, step: Value },
}

impl Count {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        match self {
            Count::Fast(n) => {
                let cur = *n;
                match cur.checked_add(1) {
                    Some(next) => *n = next,
                    None => {
                        *self = Count::Slow {
                            cnt: Value::BigInt(Rc::new(BigInt::from(cur) + 1)),
                            step: Value::Int(1),
                        }
                    }
                }
                Ok(Some(Value::Int(cur)))
            }
            Count::Slow { cnt, step } => {
                let cur = cnt.clone();
                *cnt = vm.binary_op(BinOp::Add, &cur, step)?;
                Ok(Some(cur))
            }
        }
    }
}

/// Whether `v` is a number (`PyNumber_Check`: has `__index__`, `__int__` or
/// `__float__`, or is a built-in number).
fn is_number(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::BoolW(_) | Value::FloatW(_) => true,
        Value::Instance(_) | Value::Native(_) => {
            let t = vm.type_of(v);
            ["__index__", "__int__", "__float__", "__complex__"]
                .iter()
                .any(|n| t.lookup(n).is_some())
        }
        _ => false,
    }
}

fn is_one(v: &Value) -> bool {
    matches!(v, Value::Int(1) | Value::BoolW(BoolWord::TRUE))
}

fn count_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [start, step] = &bind(vm, &args, "count", &["start", "step"], 0, 0)?[..] else {
        unreachable!()
    };
    let start = start.clone().unwrap_or(Value::Int(0));
    let step = step.clone().unwrap_or(Value::Int(1));
    if !is_number(vm, &start) || !is_number(vm, &step) {
        return Err(vm.type_error("a number is required"));
    }
    let state = match (&start, is_one(&step)) {
        (Value::Int(i), true) => Count::Fast(*i),
        (Value::BoolW(b), true) => Count::Fast(b.get() as i64),
        _ => Count::Slow { cnt: start, step },
    };
    Ok(new_it(
        vm,
        &args.all[0],
        "itertools.count",
        It::Count(state),
    ))
}

fn count_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__repr__", 1, 1)?;
    let state = cell_of(&a[0]).and_then(|c| c.0.try_borrow().ok());
    let (cnt, step) = match state.as_deref() {
        Some(It::Count(Count::Fast(n))) => (Value::Int(*n), Value::Int(1)),
        Some(It::Count(Count::Slow { cnt, step })) => (cnt.clone(), step.clone()),
        _ => return Ok(Value::str("count(...)")),
    };
    drop(state);
    let name = vm.type_of(&a[0]).name().to_owned();
    let c = vm.repr(&cnt)?;
    if matches!(step, Value::Int(1) | Value::BoolW(BoolWord::TRUE)) {
        return Ok(Value::string(format!("{name}({c})")));
    }
    let s = vm.repr(&step)?;
    Ok(Value::string(format!("{name}({c}, {s})")))
}

// ---- cycle, repeat --------------------------------------------------------------------

pub(crate) struct Cycle {
    it: Option<Value>,
    saved: Vec<Value>,
    index: usize,
}

impl Cycle {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if let Some(it) = &self.it {
            let it = it.clone();
            match vm.next(&it) {
                Ok(Some(v)) => {
                    self.saved.push(v.clone());
                    return Ok(Some(v));
                }
                Ok(None) => self.it = None,
                Err(e) => return Err(e),
            }
        }
        if self.saved.is_empty() {
            return Ok(None);
        }
        let v = self.saved[self.index].clone();
        self.index += 1;
        if self.index >= self.saved.len() {
            self.index = 0;
        }
        Ok(Some(v))
    }
}

fn cycle_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional(vm, &args, "cycle", 1, 1)?;
    let it = vm.get_iter(&a[0])?;
    let state = It::Cycle(Cycle {
        it: Some(it),
        saved: Vec::new(),
        index: 0,
    });
    Ok(new_it(vm, &args.all[0], "itertools.cycle", state))
}

pub(crate) struct Repeat {
    obj: Value,
    /// Items left (`None`: forever).
    times: Option<i64>,
}

impl Repeat {
    fn next(&mut self) -> Option<Value> {
        match &mut self.times {
            None => Some(self.obj.clone()),
            Some(0) => None,
            Some(n) => {
                *n -= 1;
                Some(self.obj.clone())
            }
        }
    }
}

fn repeat_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = bind(vm, &args, "repeat", &["object", "times"], 0, 1)?;
    let obj = b[0].clone().unwrap_or(Value::None);
    let times = match &b[1] {
        None => None,
        Some(v) => Some(ssize_arg(vm, v)?.max(0)),
    };
    let state = It::Repeat(Repeat { obj, times });
    Ok(new_it(vm, &args.all[0], "itertools.repeat", state))
}

fn repeat_state(vm: &Vm, v: &Value) -> PyResult<(Value, Option<i64>)> {
    let state = cell_of(v).and_then(|c| c.0.try_borrow().ok());
    match state.as_deref() {
        Some(It::Repeat(r)) => Ok((r.obj.clone(), r.times)),
        _ => Err(vm.type_error("expected a repeat object")),
    }
}

fn repeat_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__repr__", 1, 1)?;
    let (obj, times) = repeat_state(vm, &a[0])?;
    let name = vm.type_of(&a[0]).name().to_owned();
    let r = vm.repr(&obj)?;
    Ok(Value::string(match times {
        None => format!("{name}({r})"),
        Some(n) => format!("{name}({r}, {n})"),
    }))
}

fn repeat_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__length_hint__", 1, 1)?;
    match repeat_state(vm, &a[0])? {
        (_, None) => Err(vm.type_error("len() of unsized object")),
        (_, Some(n)) => Ok(Value::Int(n)),
    }
}

// ---- accumulate, chain, compress ------------------------------------------------------

pub(crate) struct Accumulate {
    it: Value,
    func: Value,
    total: Option<Value>,
    /// The initial value, until it has been produced.
    initial: Option<Value>,
}

impl Accumulate {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if let Some(init) = self.initial.take() {
            self.total = Some(init.clone());
            return Ok(Some(init));
        }
        let it = self.it.clone();
        let Some(v) = vm.next(&it)? else {
            return Ok(None);
        };
        let total = match self.total.take() {
            None => v,
            Some(t) if self.func.is_none() => vm.binary_op(BinOp::Add, &t, &v)?,
            Some(t) => {
                let f = self.func.clone();
                vm.call0(&f, &[t, v])?
            }
        };
        self.total = Some(total.clone());
        Ok(Some(total))
    }
}

fn accumulate_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = bind(
        vm,
        &args,
        "accumulate",
        &["iterable", "func", "initial"],
        1,
        1,
    )?;
    let it = vm.get_iter(b[0].as_ref().unwrap_or(&Value::None))?;
    let func = b[1].clone().unwrap_or(Value::None);
    let initial = b[2].clone().filter(|v| !v.is_none());
    let state = It::Accumulate(Accumulate {
        it,
        func,
        total: None,
        initial,
    });
    Ok(new_it(vm, &args.all[0], "itertools.accumulate", state))
}

pub(crate) struct Chain {
    source: Option<Value>,
    active: Option<Value>,
}

impl Chain {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        while let Some(source) = self.source.clone() {
            let active = match &self.active {
                Some(a) => a.clone(),
                None => {
                    let next = match vm.next(&source) {
                        Ok(Some(v)) => v,
                        Ok(None) => {
                            self.source = None;
                            return Ok(None);
                        }
                        Err(e) => {
                            self.source = None;
                            return Err(e);
                        }
                    };
                    match vm.get_iter(&next) {
                        Ok(a) => {
                            self.active = Some(a.clone());
                            a
                        }
                        Err(e) => {
                            self.source = None;
                            return Err(e);
                        }
                    }
                }
            };
            if let Some(v) = vm.next(&active)? {
                return Ok(Some(v));
            }
            self.active = None;
        }
        Ok(None)
    }
}

fn chain_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("chain() takes no keyword arguments"));
    }
    let items = Value::tuple(args.pos()[1..].to_vec());
    let source = vm.get_iter(&items)?;
    let state = It::Chain(Chain {
        source: Some(source),
        active: None,
    });
    Ok(new_it(vm, &args.all[0], "itertools.chain", state))
}

fn chain_from_iterable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "from_iterable", 2, 2)?;
    let source = vm.get_iter(&a[1])?;
    let state = It::Chain(Chain {
        source: Some(source),
        active: None,
    });
    Ok(new_it(vm, &a[0], "itertools.chain", state))
}

pub(crate) struct Compress {
    data: Value,
    selectors: Value,
}

impl Compress {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let (data, selectors) = (self.data.clone(), self.selectors.clone());
        loop {
            let Some(d) = vm.next(&data)? else {
                return Ok(None);
            };
            let Some(s) = vm.next(&selectors)? else {
                return Ok(None);
            };
            if vm.truthy(&s)? {
                return Ok(Some(d));
            }
        }
    }
}

fn compress_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = bind(vm, &args, "compress", &["data", "selectors"], 0, 2)?;
    let data = vm.get_iter(b[0].as_ref().unwrap_or(&Value::None))?;
    let selectors = vm.get_iter(b[1].as_ref().unwrap_or(&Value::None))?;
    let state = It::Compress(Compress { data, selectors });
    Ok(new_it(vm, &args.all[0], "itertools.compress", state))
}

// ---- dropwhile, takewhile, filterfalse ------------------------------------------------

/// A predicate over an iterator; `done` is dropwhile's "started" and takewhile's
/// "stopped".
pub(crate) struct Filtering {
    pred: Value,
    it: Value,
    done: bool,
}

impl Filtering {
    fn test(&self, vm: &mut Vm, v: &Value) -> PyResult<bool> {
        let r = vm.call0(&self.pred, std::slice::from_ref(v))?;
        vm.truthy(&r)
    }

    fn next_dropwhile(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let it = self.it.clone();
        loop {
            let Some(v) = vm.next(&it)? else {
                return Ok(None);
            };
            if self.done {
                return Ok(Some(v));
            }
            if !self.test(vm, &v)? {
                self.done = true;
                return Ok(Some(v));
            }
        }
    }

    fn next_takewhile(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.done {
            return Ok(None);
        }
        let it = self.it.clone();
        let Some(v) = vm.next(&it)? else {
            return Ok(None);
        };
        if self.test(vm, &v)? {
            return Ok(Some(v));
        }
        self.done = true;
        Ok(None)
    }

    fn next_filterfalse(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let it = self.it.clone();
        let plain = self.pred.is_none()
            || matches!(&self.pred, Value::Type(t) if Rc::ptr_eq(t, &vm.ctx.types.bool_));
        loop {
            let Some(v) = vm.next(&it)? else {
                return Ok(None);
            };
            let keep = if plain {
                !vm.truthy(&v)?
            } else {
                !self.test(vm, &v)?
            };
            if keep {
                return Ok(Some(v));
            }
        }
    }
}

fn filtering(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Filtering> {
    let a = positional(vm, args, name, 2, 2)?;
    let it = vm.get_iter(&a[1])?;
    Ok(Filtering {
        pred: a[0].clone(),
        it,
        done: false,
    })
}

fn dropwhile_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = filtering(vm, &args, "dropwhile")?;
    Ok(new_it(
        vm,
        &args.all[0],
        "itertools.dropwhile",
        It::DropWhile(f),
    ))
}

fn takewhile_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = filtering(vm, &args, "takewhile")?;
    Ok(new_it(
        vm,
        &args.all[0],
        "itertools.takewhile",
        It::TakeWhile(f),
    ))
}

fn filterfalse_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = filtering(vm, &args, "filterfalse")?;
    Ok(new_it(
        vm,
        &args.all[0],
        "itertools.filterfalse",
        It::FilterFalse(f),
    ))
}

// ---- islice, starmap ------------------------------------------------------------------

pub(crate) struct ISlice {
    /// The source, until it is exhausted or the slice is done.
    it: Option<Value>,
    /// Index of the next item to produce.
    next: i64,
    /// `-1`: no stop.
    stop: i64,
    step: i64,
    /// Items consumed so far.
    cnt: i64,
}

impl ISlice {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(it) = self.it.clone() else {
            return Ok(None);
        };
        while self.cnt < self.next {
            match vm.next(&it) {
                Ok(Some(_)) => self.cnt += 1,
                Ok(None) => {
                    self.it = None;
                    return Ok(None);
                }
                Err(e) => {
                    self.it = None;
                    return Err(e);
                }
            }
        }
        if self.stop != -1 && self.cnt >= self.stop {
            self.it = None;
            return Ok(None);
        }
        let item = match vm.next(&it) {
            Ok(Some(v)) => v,
            Ok(None) => {
                self.it = None;
                return Ok(None);
            }
            Err(e) => {
                self.it = None;
                return Err(e);
            }
        };
        self.cnt += 1;
        let old = self.next;
        self.next = self.next.saturating_add(self.step);
        if self.next < old || (self.stop != -1 && self.next > self.stop) {
            self.next = self.stop;
        }
        Ok(Some(item))
    }
}

fn islice_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional(vm, &args, "islice", 2, 4)?;
    const STOP: &str =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const INDICES: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const STEP: &str = "Step for islice() must be a positive integer or None.";
    let (mut start, mut step) = (0i64, 1i64);
    let stop_arg = |vm: &mut Vm, v: &Value| -> PyResult<i64> {
        if v.is_none() {
            return Ok(-1);
        }
        match as_ssize(vm, v) {
            Some(-1) | None => Err(vm.value_error(STOP)),
            Some(s) => Ok(s),
        }
    };
    let stop = if a.len() == 2 {
        stop_arg(vm, &a[1])?
    } else {
        if !a[1].is_none() {
            start = as_ssize(vm, &a[1]).unwrap_or(-1);
        }
        stop_arg(vm, &a[2])?
    };
    if start < 0 || stop < -1 {
        return Err(vm.value_error(INDICES));
    }
    if let Some(s) = a.get(3)
        && !s.is_none()
    {
        step = as_ssize(vm, s).unwrap_or(-1);
    }
    if step < 1 {
        return Err(vm.value_error(STEP));
    }
    let it = vm.get_iter(&a[0])?;
    let state = It::ISlice(ISlice {
        it: Some(it),
        next: start,
        stop,
        step,
        cnt: 0,
    });
    Ok(new_it(vm, &args.all[0], "itertools.islice", state))
}

pub(crate) struct StarMap {
    func: Value,
    it: Value,
}

impl StarMap {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let it = self.it.clone();
        let Some(args) = vm.next(&it)? else {
            return Ok(None);
        };
        let f = self.func.clone();
        let r = match &args {
            Value::Tuple(t) => vm.call0(&f, &t.0)?,
            other => {
                let items = vm.collect(other)?;
                vm.call0(&f, &items)?
            }
        };
        Ok(Some(r))
    }
}

fn starmap_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional(vm, &args, "starmap", 2, 2)?;
    let it = vm.get_iter(&a[1])?;
    let state = It::StarMap(StarMap {
        func: a[0].clone(),
        it,
    });
    Ok(new_it(vm, &args.all[0], "itertools.starmap", state))
}

// ---- zip_longest, pairwise ------------------------------------------------------------

pub(crate) struct ZipLongest {
    /// The iterators still running (`None` once exhausted).
    its: Vec<Option<Value>>,
    active: usize,
    fill: Value,
}

impl ZipLongest {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.its.is_empty() || self.active == 0 {
            return Ok(None);
        }
        let mut out = Vec::with_capacity(self.its.len());
        for i in 0..self.its.len() {
            let Some(it) = self.its[i].clone() else {
                out.push(self.fill.clone());
                continue;
            };
            match vm.next(&it) {
                Ok(Some(v)) => out.push(v),
                Ok(None) => {
                    self.active -= 1;
                    if self.active == 0 {
                        return Ok(None);
                    }
                    self.its[i] = None;
                    out.push(self.fill.clone());
                }
                Err(e) => {
                    self.active = 0;
                    return Err(e);
                }
            }
        }
        Ok(Some(Value::tuple(out)))
    }
}

fn zip_longest_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let mut fill = Value::None;
    for (k, v) in args.kw() {
        if k != "fillvalue" || args.kwnames.len() > 1 {
            return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
        }
        fill = v.clone();
    }
    let mut its = Vec::new();
    for x in &args.pos()[1..] {
        its.push(Some(vm.get_iter(x)?));
    }
    let active = its.len();
    let state = It::ZipLongest(ZipLongest { its, active, fill });
    Ok(new_it(vm, &args.all[0], "itertools.zip_longest", state))
}

pub(crate) struct Pairwise {
    it: Option<Value>,
    old: Option<Value>,
}

impl Pairwise {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(it) = self.it.clone() else {
            return Ok(None);
        };
        let old = match self.old.take() {
            Some(o) => o,
            None => match vm.next(&it)? {
                Some(v) => v,
                None => {
                    self.it = None;
                    return Ok(None);
                }
            },
        };
        match vm.next(&it)? {
            Some(new) => {
                self.old = Some(new.clone());
                Ok(Some(Value::tuple_of([old, new])))
            }
            None => {
                self.it = None;
                Ok(None)
            }
        }
    }
}

fn pairwise_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional(vm, &args, "pairwise", 1, 1)?;
    let it = vm.get_iter(&a[0])?;
    let state = It::Pairwise(Pairwise {
        it: Some(it),
        old: None,
    });
    Ok(new_it(vm, &args.all[0], "itertools.pairwise", state))
}
