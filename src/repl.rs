//! The interactive prompt of `atoll` with no arguments, like `python3`'s: line
//! editing and history (rustyline), `>>> ` and `... ` prompts, multi-line blocks
//! ended by an empty line, expression results echoed with `repr()`.

use rustyline::DefaultEditor;
use rustyline::error::ReadlineError;

use atoll::{Error, Interpreter};

/// Where the prompt keeps its history between sessions.
fn history_path() -> Option<std::path::PathBuf> {
    std::env::var_os("HOME").map(|home| std::path::Path::new(&home).join(".atoll_history"))
}

/// Runs the prompt until end of input (Ctrl-D) or `SystemExit`; returns the exit
/// status.
pub fn run(interp: &Interpreter) -> u8 {
    let mut editor = match DefaultEditor::new() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("atoll: cannot start the interactive prompt: {e}");
            return 1;
        }
    };
    let history = history_path();
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    println!(
        "atoll {} (a Python 3.11 dialect, one GIL per interpreter) on {}",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS
    );
    println!("Type Ctrl-D to exit.");
    let mut buffer = String::new();
    let status = loop {
        let prompt = if buffer.is_empty() { ">>> " } else { "... " };
        match editor.readline(prompt) {
            Ok(line) => {
                if buffer.is_empty() && line.trim().is_empty() {
                    continue;
                }
                buffer.push_str(&line);
                buffer.push('\n');
                if needs_more(&buffer) {
                    continue;
                }
                let _ = editor.add_history_entry(buffer.trim_end());
                let entry = std::mem::take(&mut buffer);
                if let Some(status) = execute(interp, &entry) {
                    break status;
                }
            }
            Err(ReadlineError::Interrupted) => {
                println!("\nKeyboardInterrupt");
                buffer.clear();
            }
            Err(ReadlineError::Eof) => {
                println!();
                break 0;
            }
            Err(e) => {
                eprintln!("atoll: {e}");
                break 1;
            }
        }
    };
    if let Some(path) = &history {
        let _ = editor.save_history(path);
    }
    status
}

/// Runs one complete entry; `Some(status)` when it raised `SystemExit`.
fn execute(interp: &Interpreter, entry: &str) -> Option<u8> {
    match interp.exec_interactive(entry) {
        Ok(()) => None,
        Err(Error::Python(e)) => match e.exit_code {
            Some(code) => Some(code.clamp(0, 255) as u8),
            None => {
                eprint!("{}", e.traceback);
                None
            }
        },
        Err(e) => {
            eprintln!("atoll: {e}");
            None
        }
    }
}

/// Whether the prompt must read another line before `buffer` can be compiled, by
/// the rules of CPython's prompt: an open bracket, an unfinished triple-quoted
/// string or a trailing backslash continues the entry; a compound statement (its
/// first line ends with `:` or it starts with a decorator) continues until an
/// empty line.
pub fn needs_more(buffer: &str) -> bool {
    let scan = Scan::of(buffer);
    if scan.depth > 0 || scan.in_triple || scan.backslash {
        return true;
    }
    let first = buffer.lines().next().unwrap_or("").trim();
    let block = first.starts_with('@') || strip_comment(first).trim_end().ends_with(':');
    block && !buffer.ends_with("\n\n")
}

/// `line` without a trailing `#` comment (outside strings).
fn strip_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '#' => return &line[..i],
            None if c == '\'' || c == '"' => quote = Some(c),
            None => {}
        }
    }
    line
}

/// The lexical state at the end of an entry.
#[derive(Debug, Default)]
struct Scan {
    /// Open brackets not yet closed.
    depth: i32,
    /// Inside a triple-quoted string.
    in_triple: bool,
    /// The last line ends with a backslash continuation.
    backslash: bool,
}

impl Scan {
    fn of(src: &str) -> Scan {
        let mut depth = 0;
        let in_triple = atoll::runtime::syntax::scan_brackets(src, |_, c| {
            depth += if matches!(c, b'(' | b'[' | b'{') {
                1
            } else {
                -1
            };
            true
        });
        Scan {
            depth,
            in_triple,
            backslash: src.trim_end_matches('\n').ends_with('\\'),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::needs_more;

    #[test]
    fn simple_statements_are_complete() {
        assert!(!needs_more("1 + 2\n"));
        assert!(!needs_more("x = 'a:'  # ends with a colon in a comment:\n"));
        assert!(!needs_more("d = {'a': 1}\n"));
    }

    #[test]
    fn brackets_strings_and_backslashes_continue() {
        assert!(needs_more("f(1,\n"));
        assert!(!needs_more("f(1,\n2)\n"));
        assert!(needs_more("s = '''abc\n"));
        assert!(!needs_more("s = '''abc\ndef'''\n"));
        assert!(needs_more("x = 1 + \\\n"));
        assert!(!needs_more("s = ')'\n"));
    }

    #[test]
    fn blocks_end_with_an_empty_line() {
        assert!(needs_more("def f():\n"));
        assert!(needs_more("def f():\n    return 1\n"));
        assert!(!needs_more("def f():\n    return 1\n\n"));
        assert!(needs_more("@decorator\n"));
        assert!(needs_more("for i in range(3):  # loop\n"));
    }
}
