//! The host API for moving data in and out of interpreters: `prepare_main`,
//! `call`, `spawn`, queues shared with Rust threads, typed errors for closed
//! interpreters, and `Send + Sync` handles.

mod common;

use std::time::Duration;

use atoll::{Error, Interpreter, InterpreterConfig, Queue, Runtime, Shareable, SpawnHandle};
use common::exec;

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn handles_are_send_and_sync() {
    assert_send_sync::<Interpreter>();
    assert_send_sync::<Runtime>();
    assert_send_sync::<Queue>();
    assert_send_sync::<Shareable>();
    assert_send_sync::<Error>();
    assert_send_sync::<SpawnHandle>();
}

#[test]
fn prepare_main_and_call() {
    let rt = Runtime::new();
    let i = rt.create_interpreter(InterpreterConfig::default()).unwrap();
    i.prepare_main(&[
        ("base", Shareable::from(10)),
        ("names", Shareable::list(["a", "b"])),
    ])
    .unwrap();
    exec(&i, "def f(x, y=1):\n    return base * x + y, names + ['c']");
    let r = i.call("f", &[Shareable::from(4)]).unwrap();
    assert_eq!(r.to_string(), "(41, ['a', 'b', 'c'])");
    match i.call("missing", &[]) {
        Err(Error::Python(e)) => assert_eq!(e.type_name, "NameError"),
        other => panic!("{other:?}"),
    }
    exec(&i, "def boom():\n    raise ValueError('no')");
    match i.call("boom", &[]) {
        Err(Error::Python(e)) => {
            assert_eq!(e.type_name, "ValueError");
            assert!(e.traceback.contains("in boom"));
        }
        other => panic!("{other:?}"),
    }
    exec(&i, "def obj():\n    return object()");
    assert!(matches!(
        i.call("obj", &[]),
        Err(Error::NotShareable { .. })
    ));
    i.close().unwrap();
    assert!(matches!(i.call("f", &[]), Err(Error::Closed { .. })));
    assert!(matches!(
        i.prepare_main(&[("a", Shareable::None)]),
        Err(Error::Closed { .. })
    ));
    assert!(matches!(i.spawn("pass"), Err(Error::Closed { .. })));
}

#[test]
fn spawn_runs_on_a_thread_of_the_interpreter_and_joins() {
    let rt = Runtime::new();
    let i = rt.create_interpreter(InterpreterConfig::default()).unwrap();
    let q = Queue::new(0);
    i.prepare_main(&[("q", q.clone().into())]).unwrap();
    let handles: Vec<_> = (0..4)
        .map(|k| i.spawn(&format!("q.put({k} * 100)")).unwrap())
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let mut got: Vec<i64> = (0..4)
        .map(|_| i64::try_from(q.get(Some(Duration::from_secs(5))).unwrap()).unwrap())
        .collect();
    got.sort();
    assert_eq!(got, [0, 100, 200, 300]);
    let h = i.spawn("raise KeyError('k')").unwrap();
    match h.join() {
        Err(Error::Python(e)) => assert_eq!(e.type_name, "KeyError"),
        other => panic!("{other:?}"),
    }
    assert_eq!(i.thread_count(), 0);
    i.close().unwrap();
}

#[test]
fn rust_threads_and_interpreters_share_a_queue() {
    let rt = Runtime::new();
    let i = rt.create_interpreter(InterpreterConfig::default()).unwrap();
    let jobs = Queue::new(8);
    let results = Queue::new(0);
    i.prepare_main(&[
        ("jobs", jobs.clone().into()),
        ("results", results.clone().into()),
    ])
    .unwrap();
    let worker = i
        .spawn("while True:\n    n = jobs.get()\n    if n is None:\n        break\n    results.put(n * n)")
        .unwrap();
    let producer = std::thread::spawn(move || {
        for n in 0..100i64 {
            jobs.put(n, None).unwrap();
        }
        jobs.put(Shareable::None, None).unwrap();
    });
    producer.join().unwrap();
    worker.join().unwrap();
    let mut total = 0i64;
    while let Ok(v) = results.try_get() {
        total += i64::try_from(v).unwrap();
    }
    assert_eq!(total, (0..100).map(|n| n * n).sum::<i64>());
    i.close().unwrap();
}

#[test]
fn script_created_interpreters_join_the_runtime_registry() {
    let rt = Runtime::new();
    let main = rt.create_interpreter(InterpreterConfig::default()).unwrap();
    exec(
        &main,
        "from concurrent import interpreters\nsub = interpreters.create()",
    );
    assert_eq!(rt.len(), 2);
    let sub = rt
        .interpreters()
        .into_iter()
        .find(|i| i.id() != main.id())
        .unwrap();
    assert_eq!(rt.whence(sub.id()), Some(atoll::Whence::Stdlib));
    assert_eq!(rt.whence(main.id()), Some(atoll::Whence::Runtime));
    // the host can run code in it too
    sub.exec("x = 1").unwrap();
    exec(&main, "sub.exec('assert x == 1')\nsub.close()");
    assert_eq!(rt.len(), 1);
    // the script's exec releases the caller's GIL: another thread of main runs meanwhile
    exec(
        &main,
        r#"
import threading
from concurrent import interpreters
sub = interpreters.create()
ticks = []
stop = interpreters.create_queue()
def ticker():
    while stop.empty():
        ticks.append(1)
t = threading.Thread(target=ticker)
t.start()
sub.exec('s = 0\nfor i in range(200000):\n    s += i')
stop.put(1)
t.join()
assert len(ticks) > 0
sub.close()
"#,
    );
}
