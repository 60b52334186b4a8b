//! `itertools.groupby` (with its `_grouper` sub-iterators) and `itertools.tee`
//! (`_tee` objects sharing a linked list of buffered segments, as in CPython, so
//! that items every copy has passed are freed).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::object::Value;
use crate::vm::{Args, PyResult, Vm};

use super::itertools::{It, ItObj, bind, cell_of, new_it, positional};
use super::modsupport::registered_class;

// ---- groupby ----------------------------------------------------------------------------

/// `groupby(iterable, key=None)`.
pub(crate) struct GroupBy {
    it: Value,
    keyfunc: Value,
    /// The key of the group handed out last.
    tgtkey: Option<Value>,
    currkey: Option<Value>,
    /// The item read ahead, not yet produced by a grouper.
    currvalue: Option<Value>,
    /// The id of the grouper that may still produce items (0: none).
    current: u64,
    last_id: u64,
}

/// A group of a [`GroupBy`]: items while their key equals `tgtkey` and the groupby
/// has not moved on to another group.
pub(crate) struct Grouper {
    parent: Value,
    tgtkey: Value,
    id: u64,
}

/// `a == b` with the identity shortcut of `PyObject_RichCompareBool`.
fn same_key(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    Ok(a.is(b) || vm.eq(a, b)?)
}

impl GroupBy {
    /// Reads the next item and its key; false when the input is exhausted.
    fn step(&mut self, vm: &mut Vm) -> PyResult<bool> {
        let it = self.it.clone();
        let Some(v) = vm.next(&it)? else {
            return Ok(false);
        };
        let key = if self.keyfunc.is_none() {
            v.clone()
        } else {
            let f = self.keyfunc.clone();
            vm.call0(&f, std::slice::from_ref(&v))?
        };
        self.currvalue = Some(v);
        self.currkey = Some(key);
        Ok(true)
    }

    pub(crate) fn next(&mut self, vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
        self.current = 0;
        // Skip what is left of the current group.
        loop {
            if let Some(ck) = &self.currkey {
                let Some(tk) = &self.tgtkey else {
                    break;
                };
                let (tk, ck) = (tk.clone(), ck.clone());
                if !same_key(vm, &tk, &ck)? {
                    break;
                }
            }
            if !self.step(vm)? {
                return Ok(None);
            }
        }
        let key = self.currkey.clone().unwrap_or(Value::None);
        self.tgtkey = Some(key.clone());
        self.last_id += 1;
        self.current = self.last_id;
        let grouper = new_it(
            vm,
            &Value::None,
            "itertools._grouper",
            It::Grouper(Grouper {
                parent: this.clone(),
                tgtkey: key.clone(),
                id: self.current,
            }),
        );
        Ok(Some(Value::tuple_of([key, grouper])))
    }
}

impl Grouper {
    pub(crate) fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(cell) = cell_of(&self.parent) else {
            return Ok(None);
        };
        let mut st = std::mem::replace(&mut *cell.0.borrow_mut(), It::Running);
        let r = match &mut st {
            It::Running => return Err(vm.value_error("generator already executing")),
            It::GroupBy(g) => self.next_in(vm, g),
            _ => Ok(None),
        };
        *cell.0.borrow_mut() = st;
        r
    }

    fn next_in(&self, vm: &mut Vm, g: &mut GroupBy) -> PyResult<Option<Value>> {
        if g.current != self.id {
            return Ok(None);
        }
        if g.currvalue.is_none() && !g.step(vm)? {
            return Ok(None);
        }
        let ck = g.currkey.clone().unwrap_or(Value::None);
        if !same_key(vm, &self.tgtkey, &ck)? {
            return Ok(None);
        }
        Ok(g.currvalue.take())
    }
}

pub(crate) fn groupby_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = bind(vm, &args, "groupby", &["iterable", "key"], 0, 1)?;
    let it = vm.get_iter(b[0].as_ref().unwrap_or(&Value::None))?;
    let state = It::GroupBy(GroupBy {
        it,
        keyfunc: b[1].clone().unwrap_or(Value::None),
        tgtkey: None,
        currkey: None,
        currvalue: None,
        current: 0,
        last_id: 0,
    });
    Ok(new_it(vm, &args.all[0], "itertools.groupby", state))
}

/// `_grouper(parent, tgtkey)`: a grouper of `parent`'s current group.
pub(crate) fn grouper_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional(vm, &args, "_grouper", 2, 2)?;
    let id = match cell_of(&a[0]).map(|c| c.0.try_borrow_mut()) {
        Some(Ok(mut st)) => match &mut *st {
            It::GroupBy(g) => {
                g.last_id += 1;
                g.current = g.last_id;
                g.current
            }
            _ => 0,
        },
        _ => 0,
    };
    if id == 0 {
        return Err(vm.type_error(format!(
            "_grouper() argument 1 must be itertools.groupby, not {}",
            vm.type_name(&a[0])
        )));
    }
    let state = It::Grouper(Grouper {
        parent: a[0].clone(),
        tgtkey: a[1].clone(),
        id,
    });
    Ok(new_it(vm, &args.all[0], "itertools._grouper", state))
}

// ---- tee --------------------------------------------------------------------------------

/// Items per buffered segment.
const LINKCELLS: usize = 57;

/// A segment of the items read from a tee'd iterator, shared by the `_tee`
/// objects positioned in it.
pub(crate) struct TeeData {
    it: Value,
    values: RefCell<Vec<Value>>,
    next: RefCell<Option<Rc<TeeData>>>,
    /// Set while reading from `it` (reading again from inside is an error).
    running: Rc<Cell<bool>>,
}

impl TeeData {
    fn new(it: Value, running: Rc<Cell<bool>>) -> Rc<TeeData> {
        Rc::new(TeeData {
            it,
            values: RefCell::new(Vec::with_capacity(LINKCELLS)),
            next: RefCell::new(None),
            running,
        })
    }

    /// The following segment, created on first use.
    fn jumplink(&self) -> Rc<TeeData> {
        self.next
            .borrow_mut()
            .get_or_insert_with(|| TeeData::new(self.it.clone(), self.running.clone()))
            .clone()
    }
}

impl Drop for TeeData {
    fn drop(&mut self) {
        // Free a long chain iteratively rather than by recursion.
        let mut next = self.next.get_mut().take();
        while let Some(rc) = next {
            match Rc::try_unwrap(rc) {
                Ok(mut d) => next = d.next.get_mut().take(),
                Err(_) => break,
            }
        }
    }
}

/// A `_tee` object: a position in the shared segments.
pub(crate) struct Tee {
    data: Rc<TeeData>,
    index: usize,
}

impl Tee {
    pub(crate) fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.index >= LINKCELLS {
            self.data = self.data.jumplink();
            self.index = 0;
        }
        let d = self.data.clone();
        let buffered = d.values.borrow().get(self.index).cloned();
        let v = match buffered {
            Some(v) => v,
            None => {
                if d.running.get() {
                    return Err(vm.runtime_error("cannot re-enter the tee iterator"));
                }
                d.running.set(true);
                let r = vm.next(&d.it);
                d.running.set(false);
                match r? {
                    Some(v) => {
                        d.values.borrow_mut().push(v.clone());
                        v
                    }
                    None => return Ok(None),
                }
            }
        };
        self.index += 1;
        Ok(Some(v))
    }
}

/// A copy of a `_tee` (same position), if `v` is one that is not running.
fn copy_of(v: &Value) -> Option<Tee> {
    let cell: &ItObj = cell_of(v)?;
    match &*cell.0.try_borrow().ok()? {
        It::Tee(t) => Some(Tee {
            data: t.data.clone(),
            index: t.index,
        }),
        _ => None,
    }
}

/// A `_tee` over `iterable` (a copy if its iterator already is one).
fn tee_from_iterable(vm: &mut Vm, cls: &Value, iterable: &Value) -> PyResult<Value> {
    let it = vm.get_iter(iterable)?;
    let tee = match copy_of(&it) {
        Some(t) => t,
        None => Tee {
            data: TeeData::new(it, Rc::new(Cell::new(false))),
            index: 0,
        },
    };
    Ok(new_it(vm, cls, "itertools._tee", It::Tee(tee)))
}

pub(crate) fn tee_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional(vm, &args, "_tee", 1, 1)?;
    tee_from_iterable(vm, &args.all[0], &a[0])
}

/// `_tee.__copy__()`.
pub(crate) fn tee_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__copy__", 1, 1)?;
    let Some(t) = copy_of(&a[0]) else {
        return Err(vm.type_error("descriptor '__copy__' requires a '_tee' object"));
    };
    let cls = Value::Type(vm.type_of(&a[0]));
    Ok(new_it(vm, &cls, "itertools._tee", It::Tee(t)))
}

/// `tee(iterable, n=2)`: `n` independent iterators over one.
pub(crate) fn tee(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("itertools.tee() takes no keyword arguments"));
    }
    let pos = args.pos();
    if pos.is_empty() || pos.len() > 2 {
        let (what, n) = if pos.is_empty() {
            ("least", 1)
        } else {
            ("most", 2)
        };
        return Err(vm.type_error(format!(
            "tee expected at {what} {n} argument{}, got {}",
            if n == 1 { "" } else { "s" },
            pos.len()
        )));
    }
    let n = match pos.get(1) {
        Some(v) => super::itertools::ssize_arg(vm, v)?,
        None => 2,
    };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(Value::tuple_of([]));
    }
    let it = vm.get_iter(&pos[0])?;
    let tee_class = Value::Type(registered_class(vm, "itertools._tee"));
    let (first, copyfunc) = if copy_of(&it).is_some() {
        (it, None)
    } else {
        match vm.get_attr_str(&it, "__copy__") {
            Ok(f) => (it, Some(f)),
            Err(e) if vm.err_is(&e, &vm.ctx.types.attribute_error.clone()) => {
                let t = Tee {
                    data: TeeData::new(it, Rc::new(Cell::new(false))),
                    index: 0,
                };
                (new_it(vm, &tee_class, "itertools._tee", It::Tee(t)), None)
            }
            Err(e) => return Err(e),
        }
    };
    let mut out = vec![first.clone()];
    for _ in 1..n {
        let c = match &copyfunc {
            Some(f) => vm.call0(f, &[])?,
            None => match copy_of(&first) {
                Some(t) => {
                    let cls = Value::Type(vm.type_of(&first));
                    new_it(vm, &cls, "itertools._tee", It::Tee(t))
                }
                None => vm.call_method(&first, "__copy__", &[])?,
            },
        };
        out.push(c);
    }
    Ok(Value::tuple(out))
}
