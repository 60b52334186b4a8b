//! A disassembler: a readable listing of a code object and the code objects it holds.

use std::fmt::Write;

use super::code::{CodeObject, Const};

/// Renders `code` (and nested code objects) as text, one instruction a line.
///
/// ```
/// let code = atoll_runtime::compile("x = 1\n", "<demo>").unwrap();
/// let text = atoll_runtime::bytecode::disassemble(&code);
/// assert!(text.contains("LoadConst"));
/// ```
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    dis_into(code, &mut out);
    out
}

fn dis_into(code: &CodeObject, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of <code {} line {}>:",
        code.qualname, code.first_line
    );
    let mut last_line = 0;
    for (i, instr) in code.instrs.iter().enumerate() {
        let line = code.line_at(i);
        if line != last_line {
            let _ = write!(out, "{line:>5} ");
            last_line = line;
        } else {
            out.push_str("      ");
        }
        let _ = writeln!(out, "{i:>5} {instr:?}");
    }
    for e in code.exception_table.iter() {
        let _ = writeln!(
            out,
            "  exception: {}..{} -> {} depth {}",
            e.start, e.end, e.target, e.depth
        );
    }
    for c in code.consts.iter() {
        if let Const::Code(inner) = c {
            out.push('\n');
            dis_into(inner, out);
        }
    }
}
