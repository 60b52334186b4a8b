//! The thread lifecycle is observable: each of the six steps is a `tracing` event
//! under target `atoll::thread` with fields `interp`, `thread`, `native_id`, `step`.

mod common;

use std::collections::BTreeSet;
use std::time::Duration;

use atoll::{InterpreterConfig, Runtime};
use common::{Captured, exec, install_collector, thread_events, wait_until};

const MESSAGES: [&str; 6] = [
    "create thread state",
    "create os thread",
    "bind os thread",
    "start eval loop",
    "finalize thread state",
    "exit os thread",
];

/// The events of one thread state, by its `thread` field.
fn of_thread(events: &[Captured], thread: u64) -> Vec<Captured> {
    events
        .iter()
        .filter(|e| e.u64("thread") == Some(thread))
        .cloned()
        .collect()
}

fn steps(events: &[Captured]) -> Vec<u64> {
    events.iter().filter_map(|e| e.u64("step")).collect()
}

/// Checks the fields every lifecycle event carries and the step/message pairing.
fn check_fields(events: &[Captured], interp: u64) {
    for e in events {
        assert_eq!(e.target, "atoll::thread");
        assert_eq!(e.u64("interp"), Some(interp), "{e:?}");
        assert!(e.u64("thread").is_some(), "no thread field: {e:?}");
        assert!(e.u64("native_id").is_some(), "no native_id field: {e:?}");
        let step = e
            .u64("step")
            .unwrap_or_else(|| panic!("no step field: {e:?}"));
        assert!((1..=6).contains(&step), "{e:?}");
        assert_eq!(e.message, MESSAGES[step as usize - 1], "{e:?}");
    }
}

/// Position of the first event of `thread` at `step` in the interpreter's event list.
fn position(events: &[Captured], thread: u64, step: u64) -> usize {
    events
        .iter()
        .position(|e| e.u64("thread") == Some(thread) && e.u64("step") == Some(step))
        .unwrap_or_else(|| panic!("no step {step} for thread {thread}: {events:#?}"))
}

/// Waits until the spawned threads' step 6 (the OS thread exits after `join`
/// returns, so it may come after `exec` has returned).
fn wait_for_exits(interp: u64, expected_exits: usize) -> Vec<Captured> {
    let done = wait_until(Duration::from_secs(10), || {
        thread_events(interp)
            .iter()
            .filter(|e| e.u64("step") == Some(6))
            .count()
            >= expected_exits
    });
    let events = thread_events(interp);
    assert!(done, "step 6 never came: {events:#?}");
    events
}

#[test]
fn one_thread_goes_through_all_six_steps() {
    install_collector();
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    let id = interp.id();

    exec(
        &interp,
        "import threading\n\
         out = []\n\
         def work():\n    out.append(threading.get_native_id())\n\
         t = threading.Thread(target=work)\n\
         t.start()\n\
         t.join()\n\
         assert len(out) == 1\n",
    );

    let events = wait_for_exits(id, 1);
    check_fields(&events, id);

    let threads: BTreeSet<u64> = events.iter().filter_map(|e| e.u64("thread")).collect();
    assert_eq!(
        threads.len(),
        2,
        "host + one Python thread expected: {events:#?}"
    );

    // The spawned thread is the one with a step 2 ("create os thread").
    let spawned = events
        .iter()
        .find(|e| e.u64("step") == Some(2))
        .and_then(|e| e.u64("thread"))
        .expect("a step-2 event");
    let host = *threads
        .iter()
        .find(|&&t| t != spawned)
        .expect("host thread");

    let spawned_events = of_thread(&events, spawned);
    assert_eq!(
        steps(&spawned_events),
        [1, 2, 3, 4, 5, 6],
        "{spawned_events:#?}"
    );
    let host_events = of_thread(&events, host);
    assert_eq!(steps(&host_events), [1, 3, 4, 5], "{host_events:#?}");

    // Once bound (step 3), a thread knows its OS thread id, and keeps it.
    let native: Vec<u64> = spawned_events[2..]
        .iter()
        .map(|e| e.u64("native_id").unwrap())
        .collect();
    assert!(
        native[0] != 0,
        "native_id unknown after bind: {spawned_events:#?}"
    );
    assert!(
        native.iter().all(|&n| n == native[0]),
        "{spawned_events:#?}"
    );
    let host_native = host_events[1].u64("native_id").unwrap();
    assert!(host_native != 0, "{host_events:#?}");
    assert_ne!(host_native, native[0], "two thread states on one OS thread");

    // The host thread was running (step 4) when it created the thread; the new
    // thread ran its eval loop before the host's exec finished.
    assert!(position(&events, host, 4) < position(&events, spawned, 1));
    assert!(position(&events, spawned, 4) < position(&events, host, 5));

    assert_eq!(interp.thread_count(), 0, "thread states left after exec");
    interp.close().expect("close");
}

#[test]
fn thread_that_raises_still_finalizes() {
    install_collector();
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    let id = interp.id();

    // An exception escaping a thread's target is reported (threading.excepthook) and
    // does not reach the thread that joins it.
    exec(
        &interp,
        "import threading\n\
         def boom():\n    raise ValueError('in thread')\n\
         t = threading.Thread(target=boom)\n\
         t.start()\n\
         t.join()\n\
         assert not t.is_alive()\n",
    );

    let events = wait_for_exits(id, 1);
    check_fields(&events, id);
    let spawned = events
        .iter()
        .find(|e| e.u64("step") == Some(2))
        .and_then(|e| e.u64("thread"))
        .expect("a step-2 event");
    assert_eq!(steps(&of_thread(&events, spawned)), [1, 2, 3, 4, 5, 6]);
    assert_eq!(interp.thread_count(), 0);
    interp.close().expect("close");
}

#[test]
fn thread_ids_are_unique_per_thread_state() {
    install_collector();
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    let id = interp.id();

    exec(
        &interp,
        "import threading\n\
         ts = []\n\
         for i in range(5):\n    ts.append(threading.Thread(target=lambda: None))\n\
         for t in ts:\n    t.start()\n\
         for t in ts:\n    t.join()\n",
    );
    // A second exec on the same host thread gets a fresh thread state.
    exec(&interp, "x = 1\n");

    let events = wait_for_exits(id, 5);
    check_fields(&events, id);
    let creates: Vec<u64> = events
        .iter()
        .filter(|e| e.u64("step") == Some(1))
        .map(|e| e.u64("thread").unwrap())
        .collect();
    assert_eq!(creates.len(), 7, "2 host execs + 5 threads: {events:#?}");
    let mut unique = creates.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(
        unique.len(),
        creates.len(),
        "thread ids reused: {creates:?}"
    );
    for t in creates {
        let s = steps(&of_thread(&events, t));
        assert!(
            s == [1, 2, 3, 4, 5, 6] || s == [1, 3, 4, 5],
            "thread {t}: steps {s:?}"
        );
    }
    interp.close().expect("close");
}
