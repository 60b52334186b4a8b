//! Bytecode: the instruction set, code objects and their constants, a disassembler.

mod code;
mod dis;
mod instr;

pub use code::{CodeFlags, CodeObject, Const, Position};
pub use dis::disassemble;
pub use instr::{BinOp, CmpOp, Conversion, ExceptionEntry, Instr, MakeFunctionFlags, UnOp};
