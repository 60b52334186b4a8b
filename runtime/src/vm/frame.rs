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
        let c = &code.code;
        let mut cells = Vec::with_capacity(c.ncells());
        for _ in 0..c.cellvars.len() {
            cells.push(Rc::new(PyCell::default()));
        }
        cells.extend(closure.iter().cloned());
        Frame {
            fast: vec![Value::Null; c.varnames.len()],
            stack: Vec::with_capacity(c.max_stack as usize + 1),
            ip: 0,
            lasti: 0,
            cells,
            globals,
            builtins,
            locals: None,
            code,
        }
    }

    /// The current source line.
    pub fn line(&self) -> u32 {
        self.code.code.line_at(self.lasti)
    }
}
