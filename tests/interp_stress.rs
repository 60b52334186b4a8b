//! Stress: 8 producer and 8 consumer interpreters pass items through one
//! bounded queue (capacity 64); every item arrives exactly once and each
//! consumer sees each producer's items in order.
//!
//! It moves 1,000,000 items in every build (about 15 s in a debug build on the
//! 2-core development machine, under 2 s in release); `ATOLL_STRESS_ITEMS`
//! overrides the number.

mod common;

use atoll::{Interpreter, InterpreterConfig, Queue, Runtime, Shareable};

const PRODUCERS: i64 = 8;
const CONSUMERS: i64 = 8;

const PRODUCER: &str = r#"
for i in range(count):
    q.put((k, i))
"#;

const CONSUMER: &str = r#"
last = [-1] * producers
n = [0] * producers
s = [0] * producers
s2 = [0] * producers
ordered = True
while True:
    item = q.get()
    if item is None:
        break
    k, i = item
    if i <= last[k]:
        ordered = False
    last[k] = i
    n[k] += 1
    s[k] += i
    s2[k] += i * i
results.put((n, s, s2, ordered))
"#;

fn run(total: i64) {
    let per = total / PRODUCERS;
    let rt = Runtime::new();
    let q = Queue::new(64);
    let results = Queue::new(0);
    let make = |vars: &[(&str, Shareable)]| -> Interpreter {
        let i = rt.create_interpreter(InterpreterConfig::default()).unwrap();
        i.prepare_main(vars).unwrap();
        i
    };
    let consumers: Vec<_> = (0..CONSUMERS)
        .map(|_| {
            let i = make(&[
                ("q", q.clone().into()),
                ("results", results.clone().into()),
                ("producers", PRODUCERS.into()),
            ]);
            let h = i.spawn(CONSUMER).unwrap();
            (i, h)
        })
        .collect();
    let producers: Vec<_> = (0..PRODUCERS)
        .map(|k| {
            let i = make(&[
                ("q", q.clone().into()),
                ("k", k.into()),
                ("count", per.into()),
            ]);
            let h = i.spawn(PRODUCER).unwrap();
            (i, h)
        })
        .collect();
    // Interpreters are closed only at the end: closing a producer would turn
    // its items still queued into UNBOUND markers (PEP 734 `unbounditems`).
    let mut all = Vec::new();
    for (i, h) in producers {
        h.join()
            .unwrap_or_else(|e| panic!("{}", common::describe(&e)));
        all.push(i);
    }
    for _ in 0..CONSUMERS {
        q.put(Shareable::None, None).unwrap();
    }
    let mut n = vec![0i64; PRODUCERS as usize];
    let mut s = vec![0i64; PRODUCERS as usize];
    let mut s2 = vec![0i64; PRODUCERS as usize];
    for (i, h) in consumers {
        h.join()
            .unwrap_or_else(|e| panic!("{}", common::describe(&e)));
        all.push(i);
    }
    for _ in 0..CONSUMERS {
        let r = results.try_get().expect("a consumer's report");
        let parts = r.as_slice().unwrap();
        assert_eq!(
            parts[3],
            Shareable::Bool(true),
            "a consumer saw items out of order"
        );
        for k in 0..PRODUCERS as usize {
            n[k] += parts[0].as_slice().unwrap()[k].as_i64().unwrap();
            s[k] += parts[1].as_slice().unwrap()[k].as_i64().unwrap();
            s2[k] += parts[2].as_slice().unwrap()[k].as_i64().unwrap();
        }
    }
    let want_s: i64 = (0..per).sum();
    let want_s2: i64 = (0..per).map(|i| i * i).sum();
    for k in 0..PRODUCERS as usize {
        assert_eq!(n[k], per, "producer {k}: item count");
        assert_eq!(s[k], want_s, "producer {k}: sum of indexes");
        assert_eq!(s2[k], want_s2, "producer {k}: sum of squares");
    }
    assert!(q.is_empty());
    for i in all {
        i.close().unwrap();
    }
}

#[test]
fn stress_queue_between_interpreters() {
    let default = 1_000_000;
    let total = std::env::var("ATOLL_STRESS_ITEMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    run(total);
}
