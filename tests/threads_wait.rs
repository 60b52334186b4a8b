//! Blocking waits leave a record in the thread-state registry (what kind of wait,
//! the object, whether it has a timeout, who holds a lock or is being joined);
//! daemon threads blocked or sleeping at shutdown are woken and stopped; the
//! interpreter config can forbid threads or daemon threads.
//!
//! No test asserts how long anything took; the limits below only catch hangs.

mod common;

use std::time::{Duration, Instant};

use atoll::runtime::interp::ThreadEntry;
use atoll::runtime::threads::WaitKind;
use atoll::{Error, InterpreterConfig, Runtime};
use common::{exec, wait_until};

fn find<'a>(threads: &'a [ThreadEntry], name: &str) -> Option<&'a ThreadEntry> {
    threads.iter().find(|t| t.name == name)
}

#[test]
fn blocked_threads_record_what_they_wait_for() {
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    let runner = {
        let interp = interp.clone();
        std::thread::spawn(move || {
            interp.exec(
                r#"
import threading
L = threading.Lock()
L.acquire()
E = threading.Event()
def worker():
    L.acquire()
    L.release()
t = threading.Thread(target=worker, name="blocked-worker")
t.start()
j = threading.Thread(target=t.join, name="joiner")
j.start()
def timed():
    # whichever of the two waiters gets L first hands it on
    if L.acquire(True, 30):
        L.release()
s = threading.Thread(target=timed, name="timed")
s.start()
E.wait()
L.release()
t.join()
j.join()
s.join()
"#,
            )
        })
    };
    let mut snapshot = Vec::new();
    let seen = wait_until(Duration::from_secs(30), || {
        snapshot = interp.threads();
        // The main thread also waits briefly while starting each thread: wait
        // until it has reached `E.wait()`.
        ["blocked-worker", "joiner", "timed"]
            .iter()
            .all(|n| find(&snapshot, n).is_some_and(|t| t.waiting.is_some()))
            && find(&snapshot, "MainThread").is_some_and(|t| {
                t.waiting
                    .as_ref()
                    .is_some_and(|w| w.kind == WaitKind::Condition)
            })
    });
    assert!(seen, "not every thread blocked: {snapshot:#?}");
    let main = find(&snapshot, "MainThread").expect("main");
    let worker = find(&snapshot, "blocked-worker").expect("worker");
    let joiner = find(&snapshot, "joiner").expect("joiner");
    let timed = find(&snapshot, "timed").expect("timed");

    let w = worker.waiting.as_ref().expect("worker waits");
    assert_eq!(w.kind, WaitKind::Lock);
    assert_eq!(w.owner(), Some(main.ident), "the main thread holds L");
    assert!(!w.has_timeout());
    assert_ne!(w.object, 0);

    let t = timed.waiting.as_ref().expect("timed waits");
    assert_eq!(t.kind, WaitKind::Lock);
    assert!(t.has_timeout());
    assert_eq!(t.object, w.object, "both wait on the same lock");

    let j = joiner.waiting.as_ref().expect("joiner waits");
    assert_eq!(j.kind, WaitKind::Join);
    assert_eq!(j.owner(), Some(worker.ident), "the joined thread");

    let m = main.waiting.as_ref().expect("main waits");
    assert_eq!(
        m.kind,
        WaitKind::Condition,
        "Event.wait is a condition wait"
    );
    assert_eq!(m.owner(), None);

    // wake the main thread from another host thread
    exec(&interp, "E.set()");
    runner.join().expect("runner").expect("script");
    assert!(interp.threads().iter().all(|t| t.waiting.is_none()));
    interp.close().expect("close");
}

#[test]
fn daemon_threads_blocked_at_shutdown_are_stopped() {
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    exec(
        &interp,
        r#"
import threading, time, queue
L = threading.Lock()
L.acquire()
C = threading.Condition()
def on_condition():
    with C:
        C.wait()
for target in (L.acquire, on_condition, lambda: time.sleep(3600),
               queue.SimpleQueue().get, queue.Queue().get):
    threading.Thread(target=target, daemon=True).start()
"#,
    );
    let blocked = wait_until(Duration::from_secs(30), || {
        interp
            .threads()
            .iter()
            .filter(|t| t.waiting.is_some())
            .count()
            == 5
    });
    assert!(blocked, "{:#?}", interp.threads());
    let start = Instant::now();
    interp.close().expect("close");
    assert!(
        start.elapsed() < Duration::from_secs(8),
        "close waited for the daemon threads' timeouts"
    );
    assert_eq!(interp.thread_count(), 0);
}

#[test]
fn config_can_forbid_threads_and_daemon_threads() {
    let rt = Runtime::new();
    let no_daemons = rt
        .create_interpreter(InterpreterConfig {
            allow_daemon_threads: false,
            ..Default::default()
        })
        .expect("create interpreter");
    exec(
        &no_daemons,
        r#"
import threading
t = threading.Thread(target=lambda: None)
t.start()
t.join()
for make in (lambda: threading.Thread(target=len, daemon=True),
             lambda: setattr(threading.Thread(), "daemon", True)):
    try:
        make()
        raise AssertionError("daemon thread allowed")
    except RuntimeError as e:
        assert "daemon threads are disabled" in str(e), e
"#,
    );
    no_daemons.close().expect("close");

    let no_threads = rt
        .create_interpreter(InterpreterConfig {
            allow_threads: false,
            ..Default::default()
        })
        .expect("create interpreter");
    let err = no_threads
        .exec("import threading\nthreading.Thread(target=len).start()")
        .expect_err("threads are off");
    match err {
        Error::Python(e) => {
            assert_eq!(e.type_name, "RuntimeError");
            assert!(
                e.message.contains("thread is not supported"),
                "{}",
                e.message
            );
        }
        other => panic!("unexpected {other:?}"),
    }
    exec(
        &no_threads,
        "import threading\nl = threading.Lock()\nwith l: pass\nassert threading.active_count() == 1",
    );
    no_threads.close().expect("close");
}

#[test]
fn shutdown_runs_threading_atexit_and_joins_pool_workers() {
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    // an executor never shut down: its idle non-daemon workers must not keep
    // close() waiting forever (threading._shutdown runs its atexit hook first)
    exec(
        &interp,
        r#"
from concurrent.futures import ThreadPoolExecutor
ex = ThreadPoolExecutor(3)
assert [f.result() for f in [ex.submit(abs, -i) for i in range(6)]] == list(range(6))
"#,
    );
    interp.close().expect("close");
    assert_eq!(interp.thread_count(), 0);
}
