//! Prints the bytecode atoll compiles a script to, code object by code object,
//! like CPython's `python3 -m dis script.py`.
//!
//! ```text
//! cargo run --release --example dis -- script.py
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dis SCRIPT.py");
        return ExitCode::from(2);
    };
    let source = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("dis: can't read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    match atoll::runtime::compiler::compile(&source, &path) {
        Ok(code) => {
            print!("{}", atoll::runtime::bytecode::disassemble(&code));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}
