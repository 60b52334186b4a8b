//! The `atoll` command: runs a script like `python3` does, or, with no
//! arguments and a terminal on stdin, the interactive prompt.
//!
//! Signals: SIGQUIT prints every thread's Python stack for every interpreter on
//! stderr (like `faulthandler.dump_traceback`) and the program goes on; SIGINT
//! raises `KeyboardInterrupt` in the main thread, and a script that ends with it
//! exits with status 130, as CPython's does.

use std::io::{IsTerminal, Read};
use std::process::ExitCode;

use atoll::{Error, Interpreter, InterpreterConfig, Runtime};

mod repl;

/// The whole process allocates through mimalloc: interpreters allocate and free
/// many small objects (frames, tuples, bound methods, dict entries) from many
/// threads, where glibc's malloc spends more time than the interpreter itself.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// What the command line asks for.
enum Job {
    /// Run this source as `__main__`.
    Script { source: String, filename: String },
    /// The interactive prompt.
    Prompt,
}

const USAGE: &str = "usage: atoll [-c cmd | file] [arg] ...";

fn main() -> ExitCode {
    let _timeline = init_tracing();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (job, argv) = match args.first().map(String::as_str) {
        Some("-c") => match args.get(1) {
            Some(code) => {
                let mut argv = vec!["-c".to_owned()];
                argv.extend(args[2..].iter().cloned());
                let filename = "<string>".to_owned();
                (
                    Job::Script {
                        source: code.clone(),
                        filename,
                    },
                    argv,
                )
            }
            None => {
                eprintln!("Argument expected for the -c option\n{USAGE}");
                return ExitCode::from(2);
            }
        },
        Some(a) if a.starts_with('-') && a != "-" => {
            eprintln!("unknown option {a}\n{USAGE}");
            return ExitCode::from(2);
        }
        None | Some("-") if args.len() <= 1 && std::io::stdin().is_terminal() => {
            (Job::Prompt, vec![String::new()])
        }
        None | Some("-") => {
            let mut source = String::new();
            if let Err(e) = std::io::stdin().read_to_string(&mut source) {
                eprintln!("atoll: can't read stdin: {e}");
                return ExitCode::from(2);
            }
            let mut argv = args.clone();
            if argv.is_empty() {
                argv.push(String::new());
            }
            let filename = "<stdin>".to_owned();
            (Job::Script { source, filename }, argv)
        }
        Some(path) => match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(source) => {
                    let filename = path.to_owned();
                    (Job::Script { source, filename }, args.clone())
                }
                Err(e) => {
                    eprintln!("{}", non_utf8_error(path, e.as_bytes(), e.utf8_error()));
                    return ExitCode::from(1);
                }
            },
            Err(e) => {
                eprintln!(
                    "atoll: can't open file '{path}': [Errno {}] {e}",
                    e.raw_os_error().unwrap_or(0)
                );
                return ExitCode::from(2);
            }
        },
    };
    // Run on a thread with a large stack so deep Python recursion can't overflow it.
    let run = std::thread::Builder::new()
        .name("main".into())
        .stack_size(256 << 20)
        .spawn(move || run(job, argv));
    match run.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => ExitCode::from(1),
    }
}

/// CPython's message for a source file that is not UTF-8 (PEP 263; atoll reads
/// no coding declarations).
fn non_utf8_error(path: &str, bytes: &[u8], err: std::str::Utf8Error) -> String {
    let at = err.valid_up_to();
    let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
    format!(
        "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {path} on line {line}, \
         but no encoding declared; see https://peps.python.org/pep-0263/ for details",
        bytes[at]
    )
}

/// Installs the tracing subscriber: a formatter on stderr filtered by `ATOLL_LOG`
/// (`EnvFilter` syntax, off by default), and, when `ATOLL_TIMELINE` names a file,
/// a Chrome trace-event timeline of atoll's debug events (thread lifecycle, GIL
/// waits and hand-overs) for `chrome://tracing` or Perfetto. The returned guard
/// writes the timeline out when dropped.
fn init_tracing() -> Option<tracing_chrome::FlushGuard> {
    use tracing_subscriber::prelude::*;
    use tracing_subscriber::{EnvFilter, fmt};

    let stderr_filter =
        EnvFilter::try_from_env("ATOLL_LOG").unwrap_or_else(|_| EnvFilter::new("off"));
    let stderr = fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_filter(stderr_filter);
    let (timeline, guard) = match std::env::var_os("ATOLL_TIMELINE") {
        Some(path) => {
            let (layer, guard) = tracing_chrome::ChromeLayerBuilder::new()
                .file(path)
                .include_args(true)
                .build();
            (
                Some(layer.with_filter(EnvFilter::new("atoll=debug"))),
                Some(guard),
            )
        }
        None => (None, None),
    };
    tracing_subscriber::registry()
        .with(stderr)
        .with(timeline)
        .init();
    guard
}

/// The exit status of a script ended by `KeyboardInterrupt` (128 + SIGINT).
const EXIT_SIGINT: u8 = 130;

/// Handles SIGQUIT (thread dump on stderr) and SIGINT (`KeyboardInterrupt` in the
/// main thread) on a dedicated thread.
///
/// `signal-hook` does the async-signal-safe part (its handler only writes to a
/// self-pipe) and hands the signals to an ordinary thread, where building a dump
/// (taking locks, allocating) and waking the interpreter's main thread are
/// allowed; doing that in a raw handler would need `unsafe` and could deadlock.
fn watch_signals(rt: &Runtime, interp: &Interpreter) {
    use signal_hook::consts::{SIGINT, SIGQUIT};
    // as CPython: a signal the process was started with ignored (SIGINT for a
    // shell's background job) stays ignored
    let wanted: Vec<i32> = [SIGINT, SIGQUIT]
        .into_iter()
        .filter(|&s| !signal_ignored(s))
        .collect();
    if wanted.is_empty() {
        return;
    }
    let mut signals = match signal_hook::iterator::Signals::new(wanted) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("atoll: can't watch signals: {e}");
            return;
        }
    };
    let (rt, interp) = (rt.clone(), interp.clone());
    let spawned = std::thread::Builder::new()
        .name("atoll-signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                match sig {
                    SIGQUIT => {
                        let dump = rt.dump_threads();
                        let mut err = std::io::stderr().lock();
                        let _ = std::io::Write::write_all(&mut err, dump.as_bytes());
                        let _ = std::io::Write::flush(&mut err);
                    }
                    SIGINT => interp.interrupt_main(),
                    _ => {}
                }
            }
        });
    if let Err(e) = spawned {
        eprintln!("atoll: can't watch signals: {e}");
    }
}

/// Whether signal `sig` is ignored (`SIG_IGN`) in this process, read from the
/// `SigIgn` mask of `/proc/self/status` (false where that can't be read).
fn signal_ignored(sig: i32) -> bool {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return false;
    };
    status
        .lines()
        .find_map(|l| l.strip_prefix("SigIgn:"))
        .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
        .is_some_and(|mask| (1..=64).contains(&sig) && mask & (1 << (sig - 1)) != 0)
}

fn run(job: Job, argv: Vec<String>) -> u8 {
    let rt = Runtime::new();
    let config = InterpreterConfig {
        argv,
        ..InterpreterConfig::default()
    };
    let interp = match rt.create_interpreter(config) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("atoll: {e}");
            return 1;
        }
    };
    watch_signals(&rt, &interp);
    let (source, filename) = match job {
        Job::Script { source, filename } => (source, filename),
        Job::Prompt => {
            let code = repl::run(&interp);
            let _ = interp.close();
            return code;
        }
    };
    let result = interp.exec_named(&source, &filename);
    let code = match result {
        Ok(()) => 0,
        Err(Error::Python(e)) => match e.exit_code {
            Some(code) => {
                if code == 1 && !e.message.is_empty() && e.message.parse::<i64>().is_err() {
                    eprintln!("{}", e.message);
                }
                code.clamp(0, 255) as u8
            }
            None => {
                eprint!("{}", e.traceback);
                if e.type_name == "KeyboardInterrupt" {
                    // CPython re-raises SIGINT: the shell sees 128 + 2
                    EXIT_SIGINT
                } else {
                    1
                }
            }
        },
        Err(e) => {
            eprintln!("atoll: {e}");
            1
        }
    };
    let _ = std::io::Write::flush(&mut std::io::stdout());
    if let Err(e) = interp.close() {
        eprintln!("atoll: {e}");
    }
    code
}
