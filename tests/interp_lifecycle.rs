//! `Interpreter.exec()` from a script runs in the target interpreter on the
//! calling OS thread, through lifecycle steps 1, 3, 4 and 5 (no OS thread is
//! created or exits), like a host `exec`; `call_in_thread()` adds a thread of
//! the *calling* interpreter, with all six steps.

mod common;

use atoll::{InterpreterConfig, Runtime};
use common::{exec, install_collector, thread_events};

#[test]
fn script_exec_runs_steps_1_3_4_5_in_the_target() {
    install_collector();
    let rt = Runtime::new();
    let main = rt.create_interpreter(InterpreterConfig::default()).unwrap();
    exec(
        &main,
        "from concurrent import interpreters\nsub = interpreters.create()\nsub.exec('x = 1')\nsub.exec('y = 2')",
    );
    let sub = rt
        .interpreters()
        .into_iter()
        .find(|i| i.id() != main.id())
        .unwrap();
    let events = thread_events(sub.id());
    let steps: Vec<u64> = events.iter().filter_map(|e| e.u64("step")).collect();
    // two execs (plus nothing else ran in it): 1, 3, 4, 5 each
    assert_eq!(steps, [1, 3, 4, 5, 1, 3, 4, 5], "{events:?}");
    // each exec's thread state is bound to the OS thread that runs main's code
    let main_native: Vec<u64> = thread_events(main.id())
        .iter()
        .filter(|e| e.u64("step") == Some(3))
        .filter_map(|e| e.u64("native_id"))
        .collect();
    for e in events.iter().filter(|e| e.u64("step") == Some(3)) {
        assert!(main_native.contains(&e.u64("native_id").unwrap()), "{e:?}");
    }
    assert_eq!(sub.thread_count(), 0);
    exec(&main, "sub.close()");
}
