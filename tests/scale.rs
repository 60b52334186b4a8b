//! Many interpreters and many threads: everything created is torn down again.

mod common;

use std::collections::BTreeSet;
use std::sync::Mutex;
use std::time::Duration;

use atoll::{InterpreterConfig, Runtime};
use common::{exec, install_collector, thread_events, wait_until};

/// The tests of this file count OS threads, so they run one at a time.
static SERIAL: Mutex<()> = Mutex::new(());

#[test]
fn two_hundred_interpreters() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let rt = Runtime::new();
    let interps: Vec<_> = (0..200)
        .map(|_| {
            rt.create_interpreter(InterpreterConfig::default())
                .expect("create interpreter")
        })
        .collect();
    assert_eq!(rt.len(), 200);
    assert_eq!(rt.interpreters().len(), 200);

    let ids: BTreeSet<u64> = interps.iter().map(|i| i.id()).collect();
    assert_eq!(ids.len(), 200, "interpreter ids must be unique");

    for (k, interp) in interps.iter().enumerate() {
        // Each interpreter keeps its own globals.
        exec(
            interp,
            &format!(
                "me = {k}\n\
                 total = 0\n\
                 for i in range(100):\n    total += i * me\n\
                 assert total == 4950 * me, total\n"
            ),
        );
        assert_eq!(rt.get(interp.id()).map(|i| i.id()), Some(interp.id()));
    }
    for (k, interp) in interps.iter().enumerate() {
        exec(interp, &format!("assert me == {k}, me\n"));
    }
    for interp in &interps {
        interp.close().expect("close");
    }
    assert_eq!(rt.len(), 0);
    assert!(rt.interpreters().is_empty());
    for id in &ids {
        assert!(
            rt.get(*id).is_none(),
            "closed interpreter {id} still registered"
        );
    }

    // Ids are never reused within the process.
    let fresh = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    assert!(!ids.contains(&fresh.id()));
    fresh.close().expect("close");
    assert_eq!(rt.len(), 0);
}

#[test]
fn interpreters_from_many_host_threads() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let rt = Runtime::new();
    std::thread::scope(|s| {
        for worker in 0..4 {
            let rt = &rt;
            s.spawn(move || {
                for k in 0..25 {
                    let interp = rt
                        .create_interpreter(InterpreterConfig::default())
                        .expect("create interpreter");
                    exec(
                        &interp,
                        &format!("x = {worker} * 100 + {k}\nassert x >= 0\n"),
                    );
                    interp.close().expect("close");
                }
            });
        }
    });
    assert_eq!(rt.len(), 0);
}

#[cfg(target_os = "linux")]
#[test]
fn a_thousand_threads_leave_nothing_behind() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    install_collector();
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    let id = interp.id();
    let before = common::os_threads();

    exec(
        &interp,
        r#"
import threading
results = []
def work(i):
    results.append(i * 2)
started = 0
while started < 1000:
    batch = []
    for i in range(started, started + 50):
        t = threading.Thread(target=work, args=(i,))
        t.start()
        batch.append(t)
    for t in batch:
        t.join()
    assert threading.active_count() == 1, threading.active_count()
    started += 50
assert len(results) == 1000, len(results)
total = 0
for r in results:
    total += r
assert total == 999 * 1000, total
"#,
    );
    assert_eq!(
        interp.thread_count(),
        0,
        "thread states left in the registry"
    );

    // The OS threads exit after join() returns: wait for the last exit events.
    let exited = wait_until(Duration::from_secs(20), || {
        thread_events(id)
            .iter()
            .filter(|e| e.u64("step") == Some(6))
            .count()
            >= 1000
    });
    let events = thread_events(id);
    let step = |n: u64| events.iter().filter(|e| e.u64("step") == Some(n)).count();
    assert!(exited, "only {} of 1000 threads reported exit", step(6));
    assert_eq!(step(2), 1000, "OS threads created");
    assert_eq!(step(1), 1001, "thread states created (1000 + the host's)");
    assert_eq!(step(5), 1001, "thread states finalized");

    // Every OS thread the interpreter started is gone from /proc/self/task.
    let spawned: BTreeSet<u64> = events
        .iter()
        .filter(|e| e.u64("step") == Some(2))
        .filter_map(|e| e.u64("thread"))
        .collect();
    let natives: BTreeSet<u64> = events
        .iter()
        .filter(|e| e.u64("step") == Some(3))
        .filter(|e| e.u64("thread").is_some_and(|t| spawned.contains(&t)))
        .filter_map(|e| e.u64("native_id"))
        .collect();
    assert!(
        !natives.is_empty() && !natives.contains(&0),
        "native ids: {natives:?}"
    );
    let gone = wait_until(Duration::from_secs(20), || {
        common::os_threads().is_disjoint(&natives)
    });
    let after = common::os_threads();
    let left: Vec<_> = after.intersection(&natives).collect();
    assert!(gone, "OS threads still alive: {left:?}");

    // And no other thread was left behind either: compare the task list before and
    // after (allowing one thread the test harness may have started meanwhile).
    let new: Vec<_> = after.difference(&before).collect();
    assert!(
        new.len() <= 1,
        "{} threads before, {} after; new: {new:?}",
        before.len(),
        after.len()
    );

    interp.close().expect("close");
    assert_eq!(rt.len(), 0);
}
