//! The per-interpreter GIL: CPU-bound threads take turns, the switch interval drives
//! forced switches, blocking calls release the GIL, and interpreters don't contend.
//!
//! No test asserts how long anything took; the scripts check orderings and counts.

mod common;

use std::sync::{Arc, Barrier};
use std::time::Duration;

use atoll::{InterpreterConfig, Runtime};
use common::exec;

#[test]
fn cpu_bound_threads_take_turns() {
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    // Each thread counts and appends to a shared log until it has seen the other
    // thread make progress 5 times. With a working GIL that takes ~5 switch
    // intervals; without forced switching the first thread runs to CAP alone and
    // the second never overlaps with it.
    exec(
        &interp,
        r#"
import sys
import threading
sys.setswitchinterval(0.001)
CAP = 300000
counts = [0, 0]
seen = [0, 0]
done = [False, False]
log = []

def work(me):
    other = 1 - me
    last = counts[other]
    n = 0
    while n < CAP and seen[me] < 5 and not done[other]:
        counts[me] += 1
        log.append(me)
        n += 1
        now = counts[other]
        if now != last:
            seen[me] += 1
            last = now
    done[me] = True

a = threading.Thread(target=work, args=(0,))
b = threading.Thread(target=work, args=(1,))
a.start()
b.start()
a.join()
b.join()

runs = 1
i = 1
while i < len(log):
    if log[i] != log[i - 1]:
        runs += 1
    i += 1
state = (counts, seen, runs)
assert counts[0] > 0 and counts[1] > 0, state
assert seen[0] >= 5 or seen[1] >= 5, state
assert runs >= 5, state
"#,
    );
    interp.close().expect("close");
}

/// Single-threaded calibration: `N` iterations of `spin` take 0.15-0.3 s here.
const CALIBRATE: &str = r#"
import sys
import threading
import time

def spin(n):
    i = 0
    x = 0
    while i < n:
        x += i
        i += 1
    return x

N = 1000
while True:
    t0 = time.perf_counter()
    spin(N)
    if time.perf_counter() - t0 > 0.15:
        break
    N *= 2

def two_spinners(interval):
    sys.setswitchinterval(interval)
    ts = [threading.Thread(target=spin, args=(N,)) for _ in range(2)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    sys.setswitchinterval(0.005)
"#;

#[test]
fn shorter_switch_interval_forces_more_switches() {
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    exec(&interp, CALIBRATE);

    let s0 = interp.gil_stats();
    exec(&interp, "two_spinners(0.05)\n");
    let s1 = interp.gil_stats();
    exec(&interp, "two_spinners(0.001)\n");
    let s2 = interp.gil_stats();

    let forced_long = s1.forced_switches - s0.forced_switches;
    let forced_short = s2.forced_switches - s1.forced_switches;
    let requests_short = s2.drop_requests - s1.drop_requests;
    eprintln!(
        "forced switches: {forced_long} at 50 ms, {forced_short} at 1 ms \
         ({requests_short} drop requests)"
    );
    assert!(
        forced_short > forced_long,
        "forced switches: {forced_short} at 1 ms vs {forced_long} at 50 ms ({s0:?} {s1:?} {s2:?})"
    );
    assert!(
        requests_short > 0,
        "no drop requests at 1 ms: {s1:?} -> {s2:?}"
    );
    assert!(s2.switches > s1.switches && s2.takes > s1.takes);
    interp.close().expect("close");
}

#[test]
fn sleeping_thread_lets_others_run() {
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    // The sleeper records the main thread's progress counter before and after its
    // sleep. If time.sleep kept the GIL, main could not count in between.
    exec(
        &interp,
        r#"
import threading
import time
counter = [0]
marks = []

def sleeper():
    marks.append(counter[0])
    time.sleep(0.2)
    marks.append(counter[0])

t = threading.Thread(target=sleeper)
t.start()
while len(marks) < 2:
    counter[0] += 1
t.join()
assert marks[1] > marks[0], marks
"#,
    );
    interp.close().expect("close");
}

#[test]
fn join_releases_the_gil() {
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    // Main blocks in join() while the worker, which needs the GIL, finishes: the
    // worker only ends after main has announced the join.
    exec(
        &interp,
        r#"
import threading
events = []
def worker():
    events.append("worker start")
    n = 0
    while "main joins" not in events and n < 1000000:
        n += 1
    events.append("worker end")
t = threading.Thread(target=worker)
t.start()
events.append("main joins")
t.join()
events.append("main joined")
order = [events.index(e) for e in ["main joins", "worker end", "main joined"]]
assert order == sorted(order) and len(events) == 4, events
"#,
    );
    interp.close().expect("close");
}

#[test]
fn interpreters_do_not_share_a_gil() {
    let rt = Runtime::new();
    let interps: Vec<_> = (0..2)
        .map(|_| {
            rt.create_interpreter(InterpreterConfig::default())
                .expect("create interpreter")
        })
        .collect();
    for interp in &interps {
        exec(interp, CALIBRATE);
    }
    let before: Vec<_> = interps.iter().map(|i| i.gil_stats()).collect();
    // Both run CPU-bound code at the same time, each on its own host thread. With
    // one GIL per interpreter nobody waits, so nobody asks for a drop.
    let barrier = Arc::new(Barrier::new(2));
    let handles: Vec<_> = interps
        .iter()
        .cloned()
        .map(|interp| {
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                barrier.wait();
                exec(&interp, "spin(N)\n");
            })
        })
        .collect();
    for h in handles {
        h.join().expect("host thread");
    }
    for (interp, b) in interps.iter().zip(&before) {
        let a = interp.gil_stats();
        assert_eq!(a.drop_requests, b.drop_requests, "{b:?} -> {a:?}");
        assert_eq!(a.forced_switches, b.forced_switches, "{b:?} -> {a:?}");
    }
    for interp in interps {
        interp.close().expect("close");
    }
}

#[test]
fn switch_interval_comes_from_the_config() {
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig {
            switch_interval: Duration::from_millis(2),
            ..InterpreterConfig::default()
        })
        .expect("create interpreter");
    exec(
        &interp,
        "import sys\n\
         assert sys.getswitchinterval() == 0.002, sys.getswitchinterval()\n\
         sys.setswitchinterval(0.01)\n\
         assert sys.getswitchinterval() == 0.01, sys.getswitchinterval()\n",
    );
    // The setting belongs to the interpreter: a later exec sees it ...
    exec(
        &interp,
        "import sys\nassert sys.getswitchinterval() == 0.01\n",
    );
    // ... and another interpreter does not.
    let other = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    exec(
        &other,
        "import sys\nassert sys.getswitchinterval() == 0.005, sys.getswitchinterval()\n",
    );
    interp.close().expect("close");
    other.close().expect("close");
}
