//! Closing an interpreter frees what it owned: creating and closing hundreds
//! of interpreters that imported modules with classes (`collections`,
//! `concurrent.interpreters`) and moved data through a queue does not grow the
//! process. (Own test binary, so that no other test's memory is counted.)

mod common;

use atoll::{InterpreterConfig, Runtime};

/// Resident memory of this process, in KiB.
fn rss_kib() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").expect("read /proc/self/statm");
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .expect("resident pages");
    pages * 4
}

#[test]
fn closed_interpreters_are_freed() {
    let rt = Runtime::new();
    let main = rt.create_interpreter(InterpreterConfig::default()).unwrap();
    common::exec(
        &main,
        r#"
from concurrent import interpreters
q = interpreters.create_queue()
def churn(n):
    for _ in range(n):
        it = interpreters.create()
        it.prepare_main(q=q)
        it.exec('import collections, functools\nq.put(collections.Counter("abca").most_common(1))')
        q.get()
        it.close()
churn(20)
"#,
    );
    let before = rss_kib();
    common::exec(&main, "churn(120)");
    let grown = rss_kib().saturating_sub(before);
    // a leaked interpreter costs about 80 KiB: 120 of them would be ~9.5 MiB
    assert!(
        grown < 4 * 1024,
        "RSS grew by {grown} KiB over 120 interpreters"
    );
    main.close().unwrap();
}
