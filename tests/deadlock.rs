//! The deadlock detector: when every thread of an interpreter is blocked for good
//! on its own locks, conditions, joins or queues, the main thread raises
//! `DeadlockError` (a `RuntimeError`, also `threading.DeadlockError`) with a report
//! naming each thread, what it waits on, who holds it and its Python stack; the
//! host's `exec` fails with it when uncaught. Busy, sleeping, timed-wait and
//! producer/consumer programs are never reported, and the detector can be turned
//! off.
//!
//! No test asserts how long anything took; the limits only catch hangs.

mod common;

use std::sync::mpsc;
use std::time::Duration;

use atoll::{Error, InterpreterConfig, PyException, Runtime};
use common::{describe, wait_until};

/// Generous limit for a script that must end (a hang is a failure).
const LIMIT: Duration = Duration::from_secs(60);

/// Runs `code` in a fresh interpreter on its own host thread; returns the outcome,
/// or None if it did not end within [`LIMIT`] (the thread is then left behind).
fn run_with(config: InterpreterConfig, code: &str) -> Option<Result<(), Error>> {
    let rt = Runtime::new();
    let interp = rt.create_interpreter(config).expect("create interpreter");
    let (tx, rx) = mpsc::channel();
    let code = code.to_owned();
    std::thread::spawn(move || {
        let r = interp.exec(&code);
        let _ = interp.close();
        let _ = tx.send(r);
    });
    rx.recv_timeout(LIMIT).ok()
}

fn run(code: &str) -> Option<Result<(), Error>> {
    run_with(InterpreterConfig::default(), code)
}

/// Runs `code`, which must end with an uncaught `DeadlockError`; returns it.
#[track_caller]
fn deadlock(code: &str) -> PyException {
    match run(code) {
        None => panic!("the deadlock was not detected (hang)\n{code}"),
        Some(Ok(())) => panic!("the script ended normally\n{code}"),
        Some(Err(Error::Python(e))) if e.type_name == "DeadlockError" => e,
        Some(Err(e)) => panic!("unexpected error: {}", describe(&e)),
    }
}

/// Runs `code`, which must end normally.
#[track_caller]
fn no_deadlock(code: &str) {
    match run(code) {
        None => panic!("the script hung\n{code}"),
        Some(Ok(())) => {}
        Some(Err(e)) => panic!("{}\n--- code ---\n{code}", describe(&e)),
    }
}

/// The report's section for the thread called `name`: its header line and stack.
fn section<'a>(report: &'a str, name: &str) -> &'a str {
    let quoted = format!("\"{name}\" waits for");
    let start = report
        .find(&quoted)
        .unwrap_or_else(|| panic!("no section for {name} in\n{report}"));
    let start = report[..start].rfind('\n').map_or(0, |i| i + 1);
    let rest = &report[start..];
    let end = rest[1..].find("\nThread 0x").map_or(rest.len(), |i| i + 1);
    &rest[..end]
}

#[test]
fn lock_order_inversion_names_both_threads_and_both_locks() {
    let e = deadlock(
        r#"
import threading
a = threading.Lock()
b = threading.Lock()
both = threading.Barrier(2)
def take_a_then_b():
    with a:
        both.wait()
        with b:
            pass
def take_b_then_a():
    with b:
        both.wait()
        with a:
            pass
t1 = threading.Thread(target=take_a_then_b, name="ab")
t2 = threading.Thread(target=take_b_then_a, name="ba")
t1.start()
t2.start()
t1.join()
"#,
    );
    let r = &e.message;
    assert!(r.starts_with("deadlock in interpreter "), "{r}");
    assert!(r.contains("all 3 threads are blocked for good"), "{r}");
    let ab = section(r, "ab");
    let ba = section(r, "ba");
    let main = section(r, "MainThread");
    // each worker waits for a lock held by the other, named by repr and id
    assert!(
        ab.contains("waits for lock <locked _thread.lock object at 0x"),
        "{ab}"
    );
    assert!(
        ab.contains("held by thread 0x") && ab.contains("\"ba\""),
        "{ab}"
    );
    assert!(
        ba.contains("waits for lock <locked _thread.lock object at 0x"),
        "{ba}"
    );
    assert!(ba.contains("\"ab\" (most recent call first)"), "{ba}");
    let lock_of = |s: &str| {
        let i = s.find("object at ").expect("lock address") + "object at ".len();
        s[i..].split('>').next().expect("address").to_owned()
    };
    assert_ne!(lock_of(ab), lock_of(ba), "two different locks");
    // stacks: file, line and function of each frame, most recent call first
    assert!(
        ab.contains("File \"<string>\", line 9 in take_a_then_b"),
        "{ab}"
    );
    assert!(
        ba.contains("File \"<string>\", line 14 in take_b_then_a"),
        "{ba}"
    );
    assert!(main.contains("waits for the end of thread 0x"), "{main}");
    assert!(
        main.contains("File \"<string>\", line 20 in <module>"),
        "{main}"
    );
    // the traceback is the main thread's, ending in the DeadlockError
    assert!(
        e.traceback.contains("line 20, in <module>"),
        "{}",
        e.traceback
    );
    assert!(
        e.traceback
            .contains("\nDeadlockError: deadlock in interpreter"),
        "{}",
        e.traceback
    );
}

#[test]
fn join_cycle_is_reported() {
    let e = deadlock(
        r#"
import threading
threads = {}
go = threading.Event()
def join_other(other):
    go.wait()
    threads[other].join()
threads["A"] = threading.Thread(target=join_other, args=("B",), name="A")
threads["B"] = threading.Thread(target=join_other, args=("A",), name="B")
threads["A"].start()
threads["B"].start()
go.set()
threads["A"].join()
"#,
    );
    let r = &e.message;
    let a = section(r, "A");
    let b = section(r, "B");
    assert!(
        a.contains("waits for the end of thread 0x") && a.contains("\"B\""),
        "{a}"
    );
    assert!(
        b.contains("waits for the end of thread 0x") && b.contains("\"A\""),
        "{b}"
    );
    assert!(a.contains("line 7 in join_other"), "{a}");
    assert!(a.contains("in join\n"), "threading's join frame: {a}");
}

#[test]
fn queue_get_nobody_feeds_in_the_main_thread() {
    let e = deadlock(
        r#"
import queue
q = queue.Queue()
def consume():
    return q.get()
consume()
"#,
    );
    let r = &e.message;
    assert!(r.contains("its only thread is blocked for good"), "{r}");
    let main = section(r, "MainThread");
    assert!(
        main.contains("waits for condition <Condition object at 0x"),
        "{main}"
    );
    assert!(main.contains("line 5 in consume"), "{main}");
    assert!(main.contains("line 6 in <module>"), "{main}");
}

#[test]
fn simple_queue_get_nobody_feeds() {
    let e = deadlock("import queue\nqueue.SimpleQueue().get()\n");
    assert!(
        e.message
            .contains("waits for an item of <SimpleQueue object at 0x"),
        "{}",
        e.message
    );
}

#[test]
fn condition_nobody_notifies() {
    let e = deadlock(
        r#"
import threading
cond = threading.Condition()
def waiter():
    with cond:
        cond.wait()
t = threading.Thread(target=waiter, name="waiter")
t.start()
t.join()
"#,
    );
    let w = section(&e.message, "waiter");
    assert!(
        w.contains("waits for condition <Condition object at 0x"),
        "{w}"
    );
    assert!(w.contains("line 6 in waiter"), "{w}");
}

#[test]
fn event_nobody_sets() {
    let e = deadlock(
        r#"
import threading
ev = threading.Event()
workers = [threading.Thread(target=ev.wait, name=f"w{i}") for i in range(3)]
for w in workers:
    w.start()
ev.wait()
"#,
    );
    let r = &e.message;
    assert!(r.contains("all 4 threads are blocked"), "{r}");
    for name in ["MainThread", "w0", "w1", "w2"] {
        assert!(section(r, name).contains("in wait\n"), "{name}: {r}");
    }
}

#[test]
fn a_lock_taken_twice_by_its_only_thread() {
    let e = deadlock("import threading\nl = threading.Lock()\nl.acquire()\nl.acquire()\n");
    let main = section(&e.message, "MainThread");
    assert!(main.contains("held by thread 0x"), "{main}");
    assert!(
        main.contains("\"MainThread\" (most recent call first)"),
        "{main}"
    );
}

#[test]
fn a_lock_left_held_by_a_finished_thread() {
    // the last transition is the worker leaving, not a thread blocking
    let e = deadlock(
        r#"
import threading
l = threading.Lock()
t = threading.Thread(target=l.acquire, name="taker")
t.start()
t.join()
l.acquire()
"#,
    );
    assert!(e.message.contains("(no longer running)"), "{}", e.message);
}

#[test]
fn deadlock_error_can_be_caught_and_the_program_goes_on() {
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    let i2 = interp.clone();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let r = i2.exec(
            r#"
import threading
from threading import DeadlockError
assert DeadlockError is threading.DeadlockError
assert issubclass(DeadlockError, RuntimeError)
l = threading.Lock()
l.acquire()
t = threading.Thread(target=l.acquire, name="stuck")
t.start()
caught = []
try:
    t.join()
except DeadlockError as e:
    caught.append(str(e))
# the thread is still stuck: a second wait is reported again, briefly
try:
    t.join()
except RuntimeError as e:
    caught.append(str(e))
l.release()
t.join()
"#,
        );
        let _ = tx.send(r);
    });
    let r = rx.recv_timeout(LIMIT).expect("the script hung");
    r.unwrap_or_else(|e| panic!("{}", describe(&e)));
    interp
        .exec(
            r#"
assert len(caught) == 2, caught
assert '"stuck" waits for lock' in caught[0], caught[0]
assert "(reported before): thread \"stuck\" is still blocked" in caught[1], caught[1]
assert not t.is_alive()
"#,
        )
        .unwrap_or_else(|e| panic!("{}", describe(&e)));
    interp.close().expect("close");
}

#[test]
fn threads_deadlocked_at_shutdown_are_reported_and_stopped() {
    // the main thread ends normally; closing joins the stuck threads, finds the
    // deadlock and stops them instead of hanging
    let r = run(r#"
import threading
a, b = threading.Lock(), threading.Lock()
both = threading.Barrier(2)
def one():
    with a:
        both.wait()
        a_then = b.acquire()
def two():
    with b:
        both.wait()
        a.acquire()
threading.Thread(target=one).start()
threading.Thread(target=two).start()
"#);
    match r {
        None => panic!("close hung on the deadlocked threads"),
        Some(r) => r.unwrap_or_else(|e| panic!("{}", describe(&e))),
    }
}

#[test]
fn the_detector_can_be_turned_off() {
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig {
            detect_deadlocks: false,
            ..Default::default()
        })
        .expect("create interpreter");
    let i2 = interp.clone();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ =
            tx.send(i2.exec("import threading\nl = threading.Lock()\nl.acquire()\nl.acquire()\n"));
    });
    let blocked = wait_until(LIMIT, || {
        interp
            .threads()
            .iter()
            .any(|t| t.waiting.as_ref().is_some_and(|w| w.is_forever()))
    });
    assert!(blocked, "{:#?}", interp.threads());
    // it stays blocked: nothing is reported
    assert!(rx.recv_timeout(Duration::from_millis(300)).is_err());
    // KeyboardInterrupt (what SIGINT does in the CLI) ends the wait
    interp.interrupt_main();
    match rx
        .recv_timeout(LIMIT)
        .expect("interrupt_main did not end the wait")
    {
        Err(Error::Python(e)) => assert_eq!(e.type_name, "KeyboardInterrupt", "{}", e.traceback),
        other => panic!("unexpected outcome: {other:?}"),
    }
    interp.close().expect("close");
}

#[test]
fn a_host_exec_waiting_while_another_thread_sleeps_is_not_a_deadlock() {
    no_deadlock(
        r#"
import threading, time
ev = threading.Event()
def sleeper():
    for _ in range(4):
        time.sleep(0.02)
    ev.set()
threading.Thread(target=sleeper).start()
ev.wait()
"#,
    );
}

#[test]
fn busy_threads_are_alive() {
    no_deadlock(
        r#"
import threading
stop = threading.Event()
lock = threading.Lock()
def spin():
    n = 0
    while not stop.is_set():
        n += 1
def hold_lock_while_computing():
    with lock:
        x = 0
        for i in range(100000):
            x += i
spinner = threading.Thread(target=spin)
spinner.start()
holder = threading.Thread(target=hold_lock_while_computing)
holder.start()
with lock:          # blocks while the holder computes
    pass
holder.join()
stop.set()
spinner.join()
"#,
    );
}

#[test]
fn timed_waits_are_alive() {
    no_deadlock(
        r#"
import threading, queue
q = queue.Queue()
done = threading.Lock()
done.acquire()
def poller():
    while True:
        try:
            if q.get(timeout=0.02) is None:
                break
        except queue.Empty:
            pass
    done.release()
t = threading.Thread(target=poller)
t.start()
c = threading.Condition()
with c:
    c.wait(0.1)        # only timed waits and a busy poller: nobody is stuck
threading.Event().wait(0.05)
threading.Lock().acquire(timeout=0.01)
q.put(None)
done.acquire()         # forever, but the poller is alive and releases it
t.join()
"#,
    );
}

#[test]
fn producers_and_consumers_are_not_reported() {
    no_deadlock(
        r#"
import threading, queue
q = queue.Queue(maxsize=2)
results = queue.SimpleQueue()
def produce(n):
    for i in range(300):
        q.put((n, i))
def consume():
    while True:
        item = q.get()
        q.task_done()
        if item is None:
            break
        results.put(item)
producers = [threading.Thread(target=produce, args=(n,)) for n in range(3)]
consumers = [threading.Thread(target=consume) for _ in range(5)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(None)
q.join()
for t in consumers:
    t.join()
assert results.qsize() == 900
"#,
    );
}

#[test]
fn ping_pong_on_a_condition_is_not_reported() {
    no_deadlock(
        r#"
import threading
cv = threading.Condition(threading.RLock())
turn = [0]
def player(me):
    for _ in range(1000):
        with cv:
            while turn[0] != me:
                cv.wait()
            turn[0] = 1 - me
            cv.notify_all()
ts = [threading.Thread(target=player, args=(i,)) for i in (0, 1)]
for t in ts:
    t.start()
for t in ts:
    t.join()
"#,
    );
}

#[test]
fn thread_pools_and_barriers_are_not_reported() {
    no_deadlock(
        r#"
from concurrent.futures import ThreadPoolExecutor, as_completed
import threading, time
def work(i):
    time.sleep(0.001)
    return i * i
with ThreadPoolExecutor(max_workers=8) as ex:
    futures = [ex.submit(work, i) for i in range(100)]
    assert sum(f.result() for f in as_completed(futures)) == sum(i * i for i in range(100))
barrier = threading.Barrier(4)
ts = [threading.Thread(target=barrier.wait) for _ in range(3)]
for t in ts:
    t.start()
barrier.wait()
for t in ts:
    t.join()
"#,
    );
}

#[test]
fn spawned_threads_waiting_without_the_host_are_left_alone() {
    // the host may still run code that wakes them: no host thread is inside
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    interp
        .exec("import threading\nev = threading.Event()\nt = threading.Thread(target=ev.wait)\nt.start()\n")
        .unwrap_or_else(|e| panic!("{}", describe(&e)));
    std::thread::sleep(Duration::from_millis(50));
    interp
        .exec("ev.set()\nt.join()\n")
        .unwrap_or_else(|e| panic!("{}", describe(&e)));
    interp.close().expect("close");
}
