//! Inline caches for attribute instructions (`LoadAttr`, `StoreAttr`,
//! `LoadMethod`), in the spirit of CPython 3.11's specializing interpreter.
//!
//! Every attribute instruction of a code object owns one [`AttrSlot`]. The
//! first execution (and every execution whose guard fails) takes the general
//! path of `vm/attr.rs` and, before it, records what the general path would do
//! for receivers of the same kind:
//!
//! - an instance of a class: the class (by address, kept allocated by a weak
//!   reference so the address can't be reused) and the class-lookup epoch of
//!   `object::type_cache`, with what the class has under the name: nothing or a
//!   plain value (read the instance dict first, at a position hint), a function
//!   (a method: `LoadMethod` pushes it with the instance, no bound method), a
//!   `property` (call its getter), or a `__slots__` member (read the slot);
//! - an instance for `StoreAttr`: no data descriptor on the class, so the value
//!   goes to the instance dict (at the position hint when the key is there);
//! - a value of a built-in type for `LoadMethod` (`list.append`, `str.join`):
//!   the built-in method found on its type;
//! - a class (`Cls.CONST`, `Cls.method`): the class attribute, as reading it
//!   from the class gives it;
//! - a module (`math.sqrt`): the position of the name in the module dict,
//!   valid while the dict's tag is unchanged (see `DictMap::tag`).
//!
//! The epoch changes whenever any class dict that a lookup has read changes
//! (attributes of a class or of a base set or deleted, `__getattr__`,
//! `__setattr__`, descriptors added later ...), so a cached fact about a class
//! is exact while the epoch is unchanged. Only instances of plain classes
//! (`TypeKind::Object`) are cached: exceptions, `threading.local` and classes
//! overriding `__getattribute__` (or `__setattr__` for stores) always take the
//! general path. Filling a slot runs no Python code.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use crate::bytecode::Instr;
use crate::object::type_cache;
use crate::object::{
    BoundMethod, CodeHandle, Instance, PyDict, PyStr, PyType, TypeFlags, TypeKind, Value,
};
use crate::vm::attr::{ClassMethod, Property, SlotMember, StaticMethod, Super};
use crate::vm::{PyResult, Vm};

/// What a slot has learned about its receivers.
#[derive(Clone, Copy, PartialEq, Eq, Default, Debug)]
enum Kind {
    /// Nothing yet (or the last receiver could not be cached).
    #[default]
    Empty,
    /// Instance: no data descriptor on the class; read the instance dict
    /// (position hint), else the class attribute `value` (Null: none).
    InstDict,
    /// Instance: the class attribute is the function `value`; the instance dict
    /// (position hint) shadows it.
    InstMethod,
    /// Instance: the class attribute is a property with getter `value`.
    Property,
    /// Instance: the class attribute is the `__slots__` member at index `hint`.
    Slot,
    /// Instance, `StoreAttr`: the value goes to the instance dict (position hint).
    StoreDict,
    /// Value of a built-in type, `LoadMethod`: the unbound built-in `value`.
    Builtin,
    /// A class: reading the name gives `value`.
    ClassValue,
    /// A class: the name is a classmethod of the function `value`.
    ClassMethod,
    /// A module: the name is at position `hint` of its dict while the dict's
    /// tag is `epoch`.
    Module,
}

/// One receiver class's entry in an [`AttrSlot`].
#[derive(Default)]
struct Entry {
    kind: Cell<Kind>,
    /// Address of the class the entry is for (0 for modules).
    key: Cell<usize>,
    /// The class-lookup epoch when filled (for modules: the dict's tag).
    epoch: Cell<u64>,
    /// A position in a dict (the instance dict or the module dict), or a slot index.
    hint: Cell<u32>,
    /// Keeps the class's allocation (hence its address) alive.
    owner: RefCell<Weak<PyType>>,
    /// The cached attribute (see [`Kind`]).
    value: RefCell<Value>,
}

impl Entry {
    /// The cached value.
    #[inline(always)]
    fn value(&self) -> Value {
        self.value.borrow().dup()
    }

    /// The value of `name` in an instance dict, trying the position hint first.
    #[inline(always)]
    fn dict_get(&self, dict: &PyDict, name: &PyStr) -> Option<Value> {
        let d = dict.0.borrow();
        if d.is_empty() {
            return None;
        }
        if let Some(v) = d.value_if_key_at(self.hint.get() as usize, name) {
            return Some(v.dup());
        }
        let pos = d.position_pystr(name)?;
        self.hint.set(pos as u32);
        d.value_at(pos).map(Value::dup)
    }
}

/// Receiver classes one instruction remembers (a site seeing more evicts).
const WAYS: usize = 4;

/// The inline cache of one attribute instruction: an entry per receiver class.
#[derive(Default)]
pub struct AttrSlot {
    entries: [Entry; WAYS],
    /// The entry the next fill for a new class replaces.
    next: Cell<u8>,
}

impl AttrSlot {
    /// The entry for the class `t` if it is valid in the current epoch.
    #[inline(always)]
    fn find(&self, t: &Rc<PyType>) -> Option<&Entry> {
        let key = Rc::as_ptr(t) as usize;
        let e = self.entries.iter().find(|e| e.key.get() == key)?;
        (e.epoch.get() == type_cache::epoch()).then_some(e)
    }

    /// The entry for the class `t` of kind `kind` if it is valid.
    #[inline(always)]
    fn find_kind(&self, t: &Rc<PyType>, kind: Kind) -> Option<&Entry> {
        self.find(t).filter(|e| e.kind.get() == kind)
    }

    /// The module entry for a dict with tag `tag`.
    #[inline(always)]
    fn find_module(&self, tag: u64) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.kind.get() == Kind::Module && e.epoch.get() == tag)
    }

    /// Records an entry for receivers of class `t` (or a module when `t` is
    /// None): replaces the class's entry, else a stale one, else the oldest.
    fn set(&self, kind: Kind, t: Option<&Rc<PyType>>, epoch: u64, hint: usize, value: Value) {
        let key = t.map_or(0, |t| Rc::as_ptr(t) as usize);
        let now = type_cache::epoch();
        let same = if key != 0 {
            self.entries.iter().position(|e| e.key.get() == key)
        } else {
            None
        };
        let free = || {
            self.entries.iter().position(|e| {
                e.kind.get() == Kind::Empty || (e.key.get() != 0 && e.epoch.get() != now)
            })
        };
        let i = match same.or_else(free) {
            Some(i) => i,
            None => {
                let i = self.next.get() as usize % WAYS;
                self.next.set(((i + 1) % WAYS) as u8);
                i
            }
        };
        let e = &self.entries[i];
        e.kind.set(kind);
        e.key.set(key);
        e.epoch.set(epoch);
        e.hint.set(hint as u32);
        let owner = std::mem::replace(
            &mut *e.owner.borrow_mut(),
            t.map_or_else(Weak::new, Rc::downgrade),
        );
        let old = e.value.replace(value);
        // dropped after the borrows end (a value's destructor may run code)
        drop(owner);
        drop(old);
    }

    /// Forgets what the slot knows about the class `t` (it can't be cached).
    fn forget(&self, t: &Rc<PyType>) {
        let key = Rc::as_ptr(t) as usize;
        for e in &self.entries {
            if e.key.get() == key {
                e.kind.set(Kind::Empty);
                e.key.set(0);
            }
        }
    }
}

/// The attribute caches of one code object: a slot per attribute instruction.
#[derive(Default)]
pub struct AttrCaches {
    /// Slot number by instruction index (`u32::MAX` for other instructions).
    index: Box<[u32]>,
    slots: Box<[AttrSlot]>,
}

impl AttrCaches {
    /// Empty caches for the instructions of a code object.
    pub fn for_code(instrs: &[Instr]) -> AttrCaches {
        let mut n = 0u32;
        let index = instrs
            .iter()
            .map(|i| match i {
                Instr::LoadAttr(_)
                | Instr::LoadFastAttr(..)
                | Instr::StoreAttr(_)
                | Instr::StoreFastAttr(..)
                | Instr::LoadMethod(_)
                | Instr::LoadFastMethod(..) => {
                    n += 1;
                    n - 1
                }
                _ => u32::MAX,
            })
            .collect();
        let slots = (0..n).map(|_| AttrSlot::default()).collect();
        AttrCaches { index, slots }
    }

    /// The slot of the attribute instruction at `ip`.
    #[inline(always)]
    fn slot(&self, ip: usize) -> &AttrSlot {
        &self.slots[self.index[ip] as usize]
    }
}

/// `obj.name` when `obj` is an instance whose class the first entry of the
/// instruction's cache is for, the attribute lives in the instance dict and the
/// entry's position hint is right: the common case, small enough to inline in
/// the eval loop. `None` sends the caller to [`Vm::load_attr_at`].
#[inline(always)]
pub(crate) fn load_inst_dict_fast(
    code: &CodeHandle,
    ip: usize,
    obj: &Value,
    name: &PyStr,
) -> Option<Value> {
    let Value::Instance(inst) = obj else {
        return None;
    };
    let e = &code.attr_cache.slot(ip).entries[0];
    if e.key.get() != Rc::as_ptr(&inst.class) as usize
        || e.kind.get() != Kind::InstDict
        || e.epoch.get() != type_cache::epoch()
    {
        return None;
    }
    let d = inst.dict.0.borrow();
    d.value_if_key_at(e.hint.get() as usize, name)
        .map(Value::dup)
}

/// `obj.name = v` when `obj` is an instance whose class the first entry of the
/// instruction's cache is for, the value goes to the instance dict and the key
/// is at the entry's position hint. Gives `v` back otherwise, for
/// [`Vm::store_attr_at`]. The replaced value is returned to be dropped by the
/// caller, after the dict's borrow has ended.
#[inline(always)]
pub(crate) fn store_inst_dict_fast(
    code: &CodeHandle,
    ip: usize,
    obj: &Value,
    name: &PyStr,
    v: Value,
) -> Result<Value, Value> {
    let Value::Instance(inst) = obj else {
        return Err(v);
    };
    let e = &code.attr_cache.slot(ip).entries[0];
    if e.key.get() != Rc::as_ptr(&inst.class) as usize
        || e.kind.get() != Kind::StoreDict
        || e.epoch.get() != type_cache::epoch()
    {
        return Err(v);
    }
    let Ok(mut d) = inst.dict.0.try_borrow_mut() else {
        return Err(v);
    };
    d.replace_if_key_is(e.hint.get() as usize, name, v)
}

/// Names that `type.__getattribute__` answers before looking in class dicts.
fn type_special(name: &str) -> bool {
    matches!(
        name,
        "__name__"
            | "__qualname__"
            | "__mro__"
            | "__bases__"
            | "__base__"
            | "__dict__"
            | "__class__"
            | "__module__"
            | "__doc__"
    )
}

impl Vm {
    /// `LoadAttr` at `ip` of `code`: `obj.name` through the instruction's cache.
    #[inline]
    pub(crate) fn load_attr_at(
        &mut self,
        code: &CodeHandle,
        ip: usize,
        obj: &Value,
        name: &Rc<PyStr>,
    ) -> PyResult<Value> {
        let slot = code.attr_cache.slot(ip);
        if let Some(r) = self.load_attr_hit(slot, obj, name) {
            return r;
        }
        self.load_attr_miss(slot, obj, name)
    }

    #[inline(never)]
    fn load_attr_miss(
        &mut self,
        slot: &AttrSlot,
        obj: &Value,
        name: &Rc<PyStr>,
    ) -> PyResult<Value> {
        self.fill_load(slot, obj, name, false);
        self.get_attr(obj, name)
    }

    /// `LoadMethod` at `ip` of `code`: `(function, self)` for a method found on
    /// the type, else `(attribute, null)`.
    #[inline]
    pub(crate) fn load_method_at(
        &mut self,
        code: &CodeHandle,
        ip: usize,
        obj: Value,
        name: &Rc<PyStr>,
    ) -> PyResult<(Value, Value)> {
        let slot = code.attr_cache.slot(ip);
        match &obj {
            Value::Instance(inst) => {
                if let Some(e) = slot.find(&inst.class) {
                    if e.kind.get() == Kind::InstMethod {
                        if let Some(v) = e.dict_get(&inst.dict, name) {
                            return Ok((v, Value::Null));
                        }
                        return Ok((e.value(), obj));
                    }
                    if let Some(r) = self.instance_hit(e, &obj, inst, name) {
                        return Ok((r?, Value::Null));
                    }
                }
            }
            Value::Type(t) => {
                if let Some(e) = slot.find(t) {
                    match e.kind.get() {
                        Kind::ClassMethod => return Ok((e.value(), obj)),
                        Kind::ClassValue => return Ok((e.value(), Value::Null)),
                        _ => {}
                    }
                }
            }
            Value::Module(m) => {
                if let Some(v) = module_hit(slot, m) {
                    return Ok((v, Value::Null));
                }
            }
            _ => {
                if let Some(t) = self.simple_type(&obj)
                    && let Some(e) = slot.find_kind(t, Kind::Builtin)
                {
                    return Ok((e.value(), obj));
                }
            }
        }
        self.load_method_miss(slot, obj, name)
    }

    #[inline(never)]
    fn load_method_miss(
        &mut self,
        slot: &AttrSlot,
        obj: Value,
        name: &Rc<PyStr>,
    ) -> PyResult<(Value, Value)> {
        self.fill_load(slot, &obj, name, true);
        self.load_method(obj, name)
    }

    /// `StoreAttr` at `ip` of `code`: `obj.name = v` through the instruction's cache.
    #[inline]
    pub(crate) fn store_attr_at(
        &mut self,
        code: &CodeHandle,
        ip: usize,
        obj: &Value,
        name: &Rc<PyStr>,
        v: Value,
    ) -> PyResult<()> {
        let slot = code.attr_cache.slot(ip);
        if let Value::Instance(inst) = obj
            && let Some(e) = slot.find_kind(&inst.class, Kind::StoreDict)
        {
            let old = {
                let mut d = inst.dict.0.borrow_mut();
                let hint = e.hint.get() as usize;
                if d.value_if_key_at(hint, name).is_some() {
                    Some(d.replace_value_at(hint, v))
                } else if let Some(pos) = d.position_pystr(name) {
                    e.hint.set(pos as u32);
                    Some(d.replace_value_at(pos, v))
                } else {
                    e.hint.set(d.raw_len() as u32);
                    d.insert_new(name.hash(), Value::Str(name.clone()), v);
                    None
                }
            };
            // the old value is dropped after the borrow ends (its destructor may run code)
            if let Some(old) = old {
                old.discard();
            }
            return Ok(());
        }
        self.store_attr_miss(slot, obj, name, v)
    }

    #[inline(never)]
    fn store_attr_miss(
        &mut self,
        slot: &AttrSlot,
        obj: &Value,
        name: &Rc<PyStr>,
        v: Value,
    ) -> PyResult<()> {
        if let Value::Instance(inst) = obj {
            self.fill_store(slot, inst, name);
        }
        self.set_attr(obj, name, v)
    }

    /// The cached result of reading `obj.name`, when the slot has an entry for it.
    #[inline(always)]
    fn load_attr_hit(
        &mut self,
        slot: &AttrSlot,
        obj: &Value,
        name: &Rc<PyStr>,
    ) -> Option<PyResult<Value>> {
        match obj {
            Value::Instance(inst) => {
                let e = slot.find(&inst.class)?;
                if e.kind.get() == Kind::InstMethod {
                    if let Some(v) = e.dict_get(&inst.dict, name) {
                        return Some(Ok(v));
                    }
                    return Some(Ok(Value::Method(Rc::new(BoundMethod {
                        func: e.value(),
                        self_: obj.clone(),
                    }))));
                }
                self.instance_hit(e, obj, inst, name)
            }
            Value::Module(m) => module_hit(slot, m).map(Ok),
            Value::Type(t) => {
                let e = slot.find(t)?;
                match e.kind.get() {
                    Kind::ClassValue => Some(Ok(e.value())),
                    Kind::ClassMethod => Some(Ok(Value::Method(Rc::new(BoundMethod {
                        func: e.value(),
                        self_: obj.clone(),
                    })))),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The cached result of reading `inst.name` for the entry of its class
    /// (the kinds other than methods).
    #[inline(always)]
    fn instance_hit(
        &mut self,
        e: &Entry,
        obj: &Value,
        inst: &Instance,
        name: &Rc<PyStr>,
    ) -> Option<PyResult<Value>> {
        match e.kind.get() {
            Kind::InstDict => {
                if let Some(v) = e.dict_get(&inst.dict, name) {
                    return Some(Ok(v));
                }
                let ca = e.value.borrow();
                if ca.is_null() {
                    None
                } else {
                    Some(Ok(ca.dup()))
                }
            }
            Kind::Property => {
                let get = e.value();
                Some(self.call0(&get, std::slice::from_ref(obj)))
            }
            Kind::Slot => {
                let v = inst
                    .slot_values
                    .borrow()
                    .get(e.hint.get() as usize)
                    .map(Value::dup)?;
                if v.is_null() { None } else { Some(Ok(v)) }
            }
            _ => None,
        }
    }

    /// The class of a value whose methods `LoadMethod` may cache by type: values
    /// of built-in types, and native objects without a `__dict__`.
    #[inline(always)]
    fn simple_type<'a>(&'a self, v: &'a Value) -> Option<&'a Rc<PyType>> {
        let t = &self.ctx.types;
        Some(match v {
            Value::List(_) => &t.list,
            Value::Dict(_) => &t.dict,
            Value::Str(_) => &t.str,
            Value::Tuple(_) => &t.tuple,
            Value::Set(s) if !s.frozen => &t.set,
            Value::Set(_) => &t.frozenset,
            Value::Int(_) | Value::BigInt(_) => &t.int,
            Value::FloatW(_) => &t.float,
            Value::Bytes(_) => &t.bytes,
            Value::ByteArray(_) => &t.bytearray,
            Value::Native(n) if n.dict.is_none() => &n.class,
            _ => return None,
        })
    }

    /// Records in `slot` how reading `obj.name` resolves for receivers like
    /// `obj` (or forgets their class when they can't be cached). Runs no
    /// Python code.
    fn fill_load(&self, slot: &AttrSlot, obj: &Value, name: &Rc<PyStr>, method: bool) {
        match obj {
            Value::Instance(inst) => self.fill_instance_load(slot, inst, name),
            Value::Module(m) => {
                let d = m.dict.0.borrow();
                if let Some(pos) = d.position_pystr(name) {
                    slot.set(Kind::Module, None, d.tag(), pos, Value::Null);
                }
            }
            Value::Type(t) => self.fill_class_load(slot, t, name),
            _ if method => {
                let at = type_cache::epoch();
                let Some(t) = self.simple_type(obj) else {
                    return;
                };
                if let Value::Native(n) = obj
                    && n.get::<Super>().is_some()
                {
                    return slot.forget(t);
                }
                match t.lookup_name(name) {
                    Some(b @ Value::Builtin(_)) if matches!(&b, Value::Builtin(x) if x.bound.is_none()) => {
                        slot.set(Kind::Builtin, Some(t), at, 0, b)
                    }
                    _ => slot.forget(t),
                }
            }
            _ => {}
        }
    }

    fn fill_instance_load(&self, slot: &AttrSlot, inst: &Instance, name: &Rc<PyStr>) {
        let at = type_cache::epoch();
        let cls = &inst.class;
        if cls.kind != TypeKind::Object || matches!(name.as_str(), "__class__" | "__dict__") {
            return slot.forget(cls);
        }
        let flags = cls.type_flags();
        if flags & TypeFlags::GETATTRIBUTE != 0 {
            return slot.forget(cls);
        }
        let ca = cls.lookup_name(name);
        let (kind, hint, value) = match ca {
            None => (Kind::InstDict, 0, Value::Null),
            Some(f @ Value::Function(_)) => (Kind::InstMethod, 0, f),
            Some(Value::Builtin(b)) if b.bound.is_none() => return slot.forget(cls),
            Some(Value::Native(n)) => {
                if let Some(p) = n.get::<Property>() {
                    // a getter's AttributeError goes to __getattr__: general path
                    if p.fget.is_none() || flags & TypeFlags::GETATTR != 0 {
                        return slot.forget(cls);
                    }
                    (Kind::Property, 0, p.fget.clone())
                } else if let Some(m) = n.get::<SlotMember>() {
                    (Kind::Slot, m.index, Value::Null)
                } else if let Some(s) = n.get::<StaticMethod>() {
                    (Kind::InstDict, 0, s.0.clone())
                } else if n.get::<ClassMethod>().is_some() {
                    return slot.forget(cls);
                } else {
                    (Kind::InstDict, 0, Value::Native(n))
                }
            }
            Some(Value::Instance(d)) if !d.class.builtin => {
                let c = &d.class;
                if c.lookup("__get__").is_some()
                    || c.lookup("__set__").is_some()
                    || c.lookup("__delete__").is_some()
                {
                    return slot.forget(cls);
                }
                (Kind::InstDict, 0, Value::Instance(d))
            }
            Some(v) => (Kind::InstDict, 0, v),
        };
        slot.set(kind, Some(cls), at, hint, value);
    }

    fn fill_class_load(&self, slot: &AttrSlot, t: &Rc<PyType>, name: &Rc<PyStr>) {
        let at = type_cache::epoch();
        if t.meta.is_some() || type_special(name.as_str()) {
            return slot.forget(t);
        }
        let (kind, value) = match t.lookup_name(name) {
            None => return slot.forget(t),
            Some(Value::Native(n)) => {
                if let Some(c) = n.get::<ClassMethod>() {
                    (Kind::ClassMethod, c.0.clone())
                } else if let Some(s) = n.get::<StaticMethod>() {
                    (Kind::ClassValue, s.0.clone())
                } else {
                    (Kind::ClassValue, Value::Native(n))
                }
            }
            Some(Value::Instance(d)) if !d.class.builtin => {
                if d.class.lookup("__get__").is_some() {
                    return slot.forget(t);
                }
                (Kind::ClassValue, Value::Instance(d))
            }
            Some(v) => (Kind::ClassValue, v),
        };
        slot.set(kind, Some(t), at, 0, value);
    }

    fn fill_store(&self, slot: &AttrSlot, inst: &Instance, name: &Rc<PyStr>) {
        let at = type_cache::epoch();
        let cls = &inst.class;
        if cls.kind != TypeKind::Object
            || cls.slots.is_some()
            || Rc::ptr_eq(cls, &self.ctx.types.object)
            || matches!(name.as_str(), "__class__" | "__dict__")
            || cls.type_flags() & TypeFlags::SETATTR != 0
        {
            return slot.forget(cls);
        }
        match cls.lookup_name(name) {
            None | Some(Value::Function(_)) => {}
            Some(Value::Native(n)) => {
                if n.get::<Property>().is_some() || n.get::<SlotMember>().is_some() {
                    return slot.forget(cls);
                }
            }
            Some(Value::Instance(d)) if !d.class.builtin => {
                let c = &d.class;
                if c.lookup("__set__").is_some() || c.lookup("__delete__").is_some() {
                    return slot.forget(cls);
                }
            }
            Some(_) => {}
        }
        slot.set(Kind::StoreDict, Some(cls), at, 0, Value::Null);
    }
}

/// The cached value of a module attribute, if the slot has its position.
#[inline(always)]
fn module_hit(slot: &AttrSlot, m: &crate::object::Module) -> Option<Value> {
    let d = m.dict.0.borrow();
    let e = slot.find_module(d.tag())?;
    d.value_at(e.hint.get() as usize).map(Value::dup)
}
