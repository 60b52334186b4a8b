//! Frames: the running state of one code object (instruction pointer, value stack,
//! fast locals, cells, namespaces).

use std::rc::Rc;

use crate::object::{CodeHandle, PyCell, PyDict, Value};

/// The state of one running (or suspended) code object.
pub struct Frame {
    pub code: Rc<CodeHandle>,
    /// Index of the next instruction.
    pub ip: usize,
    /// Index of the instruction being (or last) executed, for line numbers.
    pub lasti: usize,
    pub stack: Vec<Value>,
    /// Fast locals (`varnames`); `Null` when unbound.
    pub fast: Vec<Value>,
    /// Cells: the code's own cells, then its free variables' cells.
    pub cells: Vec<Rc<PyCell>>,
    pub globals: Rc<PyDict>,
    pub builtins: Rc<PyDict>,
    /// The locals mapping of class bodies; None elsewhere (module level uses globals).
    pub locals: Option<Rc<PyDict>>,
    /// The class namespace object when the metaclass's `__prepare__` returned an
    /// instance of a dict subclass (whose dict is `locals`): names are loaded,
    /// stored and deleted through its `__getitem__`/`__setitem__`/`__delitem__`.
    pub locals_mapping: Option<Value>,
}

impl Frame {
    /// A frame for `code` with unbound locals, fresh own cells and the given free
    /// cells.
    pub fn new(
        code: Rc<CodeHandle>,
        globals: Rc<PyDict>,
        builtins: Rc<PyDict>,
        closure: &[Rc<PyCell>],
    ) -> Frame {
        Frame::with_buffers(code, globals, builtins, closure, Vec::new(), Vec::new())
    }

    /// Like [`Frame::new`], reusing two empty vectors (from a pool) for the fast
    /// locals and the value stack.
    pub fn with_buffers(
        code: Rc<CodeHandle>,
        globals: Rc<PyDict>,
        builtins: Rc<PyDict>,
        closure: &[Rc<PyCell>],
        fast: Vec<Value>,
        stack: Vec<Value>,
    ) -> Frame {
        debug_assert!(fast.is_empty() && stack.is_empty());
        Frame::with_locals(code, globals, builtins, closure, fast, stack)
    }

    /// A frame whose first locals (the arguments) are already in `fast`: the
    /// other locals are added unbound. `stack` is an empty vector to reuse.
    #[inline(always)]
    pub fn with_locals(
        code: Rc<CodeHandle>,
        globals: Rc<PyDict>,
        builtins: Rc<PyDict>,
        closure: &[Rc<PyCell>],
        mut fast: Vec<Value>,
        mut stack: Vec<Value>,
    ) -> Frame {
        let c = &code.code;
        let nlocals = c.varnames.len();
        if fast.len() < nlocals {
            fast.resize_with(nlocals, || Value::Null);
        }
        stack.reserve(c.max_stack as usize + 1);
        let cells = if c.cellvars.is_empty() && closure.is_empty() {
            Vec::new()
        } else {
            let mut cells = Vec::with_capacity(c.ncells());
            for _ in 0..c.cellvars.len() {
                cells.push(Rc::new(PyCell::default()));
            }
            cells.extend(closure.iter().cloned());
            cells
        };
        Frame {
            fast,
            stack,
            ip: 0,
            lasti: 0,
            cells,
            globals,
            builtins,
            locals: None,
            locals_mapping: None,
            code,
        }
    }

    /// Drops the frame's values and gives back its two vectors, empty, for reuse.
    pub fn into_buffers(mut self) -> (Vec<Value>, Vec<Value>) {
        self.take_buffers()
    }

    /// Drops the frame's locals and stack values and takes out their two
    /// vectors, empty, for reuse (the frame is left with empty vectors).
    #[inline]
    pub fn take_buffers(&mut self) -> (Vec<Value>, Vec<Value>) {
        let mut fast = std::mem::take(&mut self.fast);
        let mut stack = std::mem::take(&mut self.stack);
        fast.clear();
        stack.clear();
        (fast, stack)
    }

    /// The current source line.
    pub fn line(&self) -> u32 {
        self.code.code.line_at(self.lasti)
    }
}
