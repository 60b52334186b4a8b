//! Errors reach the host as values (never panics), and the CLI maps them to CPython's
//! exit codes.

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::Duration;

use atoll::{Error, InterpreterConfig, Runtime};
use common::{describe, exec, wait_until};

fn atoll_cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_atoll"))
        .args(args)
        .env_remove("ATOLL_LOG")
        .output()
        .expect("run the atoll binary")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Writes `source` to a fresh file under the test's scratch directory.
fn script_file(name: &str, source: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("errors");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join(name);
    std::fs::write(&path, source).expect("write script");
    path
}

fn assert_no_panic(out: &Output) {
    let stderr = text(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "the CLI panicked:\n{stderr}"
    );
}

#[test]
fn syntax_error_is_a_python_error_with_a_line() {
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    match interp.exec("x = 1\ny = 2\nz = = 3\n") {
        Err(Error::Python(exc)) => {
            assert_eq!(exc.type_name, "SyntaxError", "{exc:?}");
            let all = format!("{}\n{}", exc.message, exc.traceback);
            assert!(all.contains("line 3"), "no line number in {exc:?}");
        }
        other => panic!("expected a SyntaxError, got {other:?}"),
    }
    // The interpreter is still usable.
    exec(&interp, "x = 1\n");
    interp.close().expect("close");
}

#[test]
fn uncaught_exception_has_a_cpython_traceback() {
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    let code = "def inner():\n    raise KeyError('k')\n\ndef outer():\n    inner()\n\nouter()\n";
    match interp.exec(code) {
        Err(Error::Python(exc)) => {
            assert_eq!(exc.type_name, "KeyError", "{exc:?}");
            assert_eq!(exc.message, "'k'", "{exc:?}");
            let tb = &exc.traceback;
            assert!(tb.starts_with("Traceback (most recent call last):"), "{tb}");
            let module = tb.find("line 7, in <module>").expect(tb);
            let outer = tb.find("line 5, in outer").expect(tb);
            let inner = tb.find("line 2, in inner").expect(tb);
            assert!(module < outer && outer < inner, "{tb}");
        }
        other => panic!("expected a KeyError, got {other:?}"),
    }
    // Globals defined before the exception stay.
    exec(&interp, "assert callable(outer)\n");
    interp.close().expect("close");
}

#[test]
fn interpreters_are_isolated() {
    let rt = Runtime::new();
    let a = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    let b = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    exec(
        &a,
        "shared_name = 1\nimport sys\nsys.setswitchinterval(0.02)\n",
    );
    match b.exec("shared_name\n") {
        Err(Error::Python(exc)) => assert_eq!(exc.type_name, "NameError", "{exc:?}"),
        other => panic!("expected NameError in the other interpreter, got {other:?}"),
    }
    exec(&b, "import sys\nassert sys.getswitchinterval() == 0.005\n");
    a.close().expect("close");
    b.close().expect("close");
}

#[test]
fn closed_interpreter_refuses_work() {
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    let id = interp.id();
    let twin = rt.get(id).expect("registered");
    interp.close().expect("first close");

    match interp.exec("x = 1\n") {
        Err(Error::Closed { id: got }) => assert_eq!(got, id),
        other => panic!("exec after close: expected Closed, got {other:?}"),
    }
    match interp.close() {
        Err(Error::Closed { id: got }) => assert_eq!(got, id),
        other => panic!("second close: expected Closed, got {other:?}"),
    }
    // Another handle to the same interpreter sees the same state.
    assert!(matches!(twin.exec("x = 1\n"), Err(Error::Closed { .. })));
    assert!(rt.get(id).is_none());
}

#[test]
fn close_while_running_is_refused() {
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    let id = interp.id();

    let runner = {
        let interp = interp.clone();
        std::thread::spawn(move || interp.exec("import time\ntime.sleep(0.5)\n"))
    };
    // Wait until the other host thread is inside exec (its thread state exists).
    assert!(
        wait_until(Duration::from_secs(10), || interp.thread_count() > 0),
        "the runner never started"
    );
    match interp.close() {
        Err(Error::Running { id: got }) => assert_eq!(got, id),
        other => panic!("close during exec: expected Running, got {other:?}"),
    }
    let result = runner.join().expect("runner thread");
    if let Err(err) = result {
        panic!("the running exec failed: {}", describe(&err));
    }
    interp.close().expect("close after the exec finished");
}

#[test]
fn threads_can_be_disallowed() {
    let rt = Runtime::new();
    let no_threads = rt
        .create_interpreter(InterpreterConfig {
            allow_threads: false,
            ..InterpreterConfig::default()
        })
        .expect("create interpreter");
    let start = "import threading\nthreading.Thread(target=lambda: None).start()\n";
    match no_threads.exec(start) {
        Err(Error::Python(exc)) => assert_eq!(exc.type_name, "RuntimeError", "{exc:?}"),
        other => panic!("thread start with allow_threads=false: got {other:?}"),
    }
    assert_eq!(no_threads.thread_count(), 0);

    let no_daemons = rt
        .create_interpreter(InterpreterConfig {
            allow_daemon_threads: false,
            ..InterpreterConfig::default()
        })
        .expect("create interpreter");
    let daemon = "import threading\nthreading.Thread(target=lambda: None, daemon=True).start()\n";
    match no_daemons.exec(daemon) {
        Err(Error::Python(exc)) => assert_eq!(exc.type_name, "RuntimeError", "{exc:?}"),
        other => panic!("daemon start with allow_daemon_threads=false: got {other:?}"),
    }
    // Non-daemon threads are still fine there.
    exec(
        &no_daemons,
        "t = threading.Thread(target=lambda: None)\nt.start()\nt.join()\n",
    );
    no_threads.close().expect("close");
    no_daemons.close().expect("close");
}

#[test]
fn close_joins_non_daemon_threads() {
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    // The thread outlives the exec that started it; close waits for it.
    exec(
        &interp,
        "import threading, time\n\
         done = []\n\
         def late():\n    time.sleep(0.1)\n    done.append(1)\n\
         threading.Thread(target=late).start()\n",
    );
    interp.close().expect("close");
    assert_eq!(interp.thread_count(), 0);
    assert_eq!(rt.len(), 0);
}

#[test]
fn recursion_limit_raises_recursion_error() {
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig {
            recursion_limit: 100,
            ..InterpreterConfig::default()
        })
        .expect("create interpreter");
    match interp.exec("def f(n):\n    return f(n + 1)\nf(0)\n") {
        Err(Error::Python(exc)) => assert_eq!(exc.type_name, "RecursionError", "{exc:?}"),
        other => panic!("expected RecursionError, got {other:?}"),
    }
    interp.close().expect("close");
}

#[test]
fn exec_file_runs_as_main() {
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    let path = script_file(
        "as_main.py",
        "import sys\nassert __name__ == '__main__', __name__\nvalue = 41 + 1\n",
    );
    if let Err(err) = interp.exec_file(&path) {
        panic!("exec_file failed: {}", describe(&err));
    }
    exec(&interp, "assert value == 42\n");

    let bad = script_file("raises.py", "x = 1\nraise ValueError('from file')\n");
    match interp.exec_file(&bad) {
        Err(Error::Python(exc)) => {
            assert_eq!(exc.type_name, "ValueError");
            assert!(exc.traceback.contains("raises.py"), "{}", exc.traceback);
            assert!(
                exc.traceback.contains("line 2, in <module>"),
                "{}",
                exc.traceback
            );
        }
        other => panic!("expected ValueError, got {other:?}"),
    }
    interp.close().expect("close");
}

// ---- the CLI ----

#[test]
fn cli_syntax_error_exits_1() {
    let out = atoll_cli(&["-c", "x ="]);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        text(&out.stderr).contains("SyntaxError"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn cli_system_exit_code() {
    let out = atoll_cli(&["-c", "import sys\nsys.exit(3)"]);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(3), "{out:?}");

    let out = atoll_cli(&["-c", "raise SystemExit(4)"]);
    assert_eq!(out.status.code(), Some(4), "{out:?}");

    // sys.exit() and sys.exit(None) mean success; a string is printed, exit 1.
    let out = atoll_cli(&["-c", "import sys\nsys.exit()"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let out = atoll_cli(&["-c", "import sys\nsys.exit('bye')"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(text(&out.stderr).contains("bye"), "{out:?}");
}

#[test]
fn cli_uncaught_exception_prints_traceback_and_exits_1() {
    let path = script_file(
        "boom.py",
        "def inner():\n    raise ValueError('boom')\n\ndef outer():\n    inner()\n\nouter()\n",
    );
    let out = atoll_cli(&[path.to_str().expect("utf-8 path")]);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = text(&out.stderr);
    let file = path.display().to_string();
    for needle in [
        "Traceback (most recent call last):".to_owned(),
        format!("File \"{file}\", line 7, in <module>"),
        format!("File \"{file}\", line 5, in outer"),
        format!("File \"{file}\", line 2, in inner"),
        "ValueError: boom".to_owned(),
    ] {
        assert!(stderr.contains(&needle), "missing {needle:?} in:\n{stderr}");
    }
    assert!(stderr.trim_end().ends_with("ValueError: boom"), "{stderr}");
}

#[test]
fn cli_traceback_marks_the_failing_expression_and_folds_recursion() {
    let path = script_file(
        "markers.py",
        "def f(d):\n    return d['k'] + 1\n\ndef r(n):\n    return r(n + 1)\n\ntry:\n    f({})\nexcept KeyError:\n    pass\nprint(1 + f({}))\n",
    );
    let out = atoll_cli(&[path.to_str().expect("utf-8 path")]);
    assert_no_panic(&out);
    let stderr = text(&out.stderr);
    // CPython 3.11 underlines the call and the subscript (operand `~`, index `^`)
    for needle in [
        "    print(1 + f({}))\n              ^^^^^\n",
        "    return d['k'] + 1\n           ~^^^^^\n",
        "KeyError: 'k'",
    ] {
        assert!(stderr.contains(needle), "missing {needle:?} in:\n{stderr}");
    }
    let path = script_file("deep.py", "def r(n):\n    return r(n + 1)\n\nr(0)\n");
    let out = atoll_cli(&[path.to_str().expect("utf-8 path")]);
    assert_no_panic(&out);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("  [Previous line repeated 996 more times]\n"),
        "{stderr}"
    );
    assert!(
        stderr
            .trim_end()
            .ends_with("RecursionError: maximum recursion depth exceeded")
    );
}

#[test]
fn cli_bad_usage_exits_2() {
    let out = atoll_cli(&["--bogus"]);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let out = atoll_cli(&["-c"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

#[test]
fn cli_missing_file_exits_2() {
    // CPython: "can't open file ...: [Errno 2] No such file or directory", exit 2.
    let out = atoll_cli(&["/nonexistent/atoll-test-script.py"]);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

#[test]
fn cli_dash_c_argv_and_output() {
    let out = atoll_cli(&["-c", "import sys\nprint(sys.argv)\nprint('hi')", "a", "--b"]);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(text(&out.stdout), "['-c', 'a', '--b']\nhi\n");
}

#[test]
fn cli_tracing_goes_to_stderr() {
    let out = Command::new(env!("CARGO_BIN_EXE_atoll"))
        .args(["-c", "import threading\nt = threading.Thread(target=print, args=('x',))\nt.start()\nt.join()"])
        .env("ATOLL_LOG", "atoll::thread=debug")
        .output()
        .expect("run the atoll binary");
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(text(&out.stdout), "x\n", "tracing must not go to stdout");
    let stderr = text(&out.stderr);
    for message in ["create thread state", "create os thread", "exit os thread"] {
        assert!(
            stderr.contains(message),
            "missing {message:?} in:\n{stderr}"
        );
    }
}
