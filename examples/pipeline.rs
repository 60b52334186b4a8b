//! Three interpreters as the stages of a pipeline, joined by bounded queues:
//!
//! ```text
//! source --q1 (8)--> transform --q2 (8)--> sink
//! ```
//!
//! The sink is the slowest stage, so `q2` fills up, the transform blocks in
//! `put` (its GIL released, woken by the queue when there is room), `q1` fills
//! up behind it, and the source blocks too: back-pressure. The host samples the
//! queues while the pipeline runs and each stage reports how often it found its
//! output queue full.
//!
//! ```text
//! cargo run --release --example pipeline
//! ```

use std::time::{Duration, Instant};

use atoll::{InterpreterConfig, Queue, Runtime, Shareable};

/// Hosts choose their allocator; this one allocates through mimalloc, as the
/// `atoll` command does (interpreters on many threads allocate many small objects).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ITEMS: i64 = 400;

const SOURCE: &str = r#"
blocked = 0
for i in range(count):
    item = {'id': i, 'payload': 'x' * (i % 32)}
    if q_out.full():
        blocked += 1
    q_out.put(item)
q_out.put(None)
report.put(('source', count, blocked))
"#;

const TRANSFORM: &str = r#"
blocked = 0
n = 0
while True:
    item = q_in.get()
    if item is None:
        break
    h = 0
    for ch in item['payload']:
        h = (h * 31 + ord(ch)) % 1000003
    item['hash'] = h
    if q_out.full():
        blocked += 1
    q_out.put(item)
    n += 1
q_out.put(None)
report.put(('transform', n, blocked))
"#;

const SINK: &str = r#"
total = 0
n = 0
while True:
    item = q_in.get()
    if item is None:
        break
    # the slow stage: some work per item
    acc = 0
    for k in range(3000):
        acc += k * item['id'] % 7
    total += item['hash'] + acc % 2
    n += 1
report.put(('sink', n, total))
"#;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rt = Runtime::new();
    let q1 = Queue::new(8);
    let q2 = Queue::new(8);
    let report = Queue::new(0);
    let stage = |code: &str, vars: Vec<(&str, Shareable)>| -> Result<_, atoll::Error> {
        let i = rt.create_interpreter(InterpreterConfig::default())?;
        let mut vars = vars;
        vars.push(("report", report.clone().into()));
        i.prepare_main(&vars)?;
        let h = i.spawn(code)?;
        Ok((i, h))
    };
    let start = Instant::now();
    let stages = vec![
        stage(SINK, vec![("q_in", q2.clone().into())])?,
        stage(
            TRANSFORM,
            vec![("q_in", q1.clone().into()), ("q_out", q2.clone().into())],
        )?,
        stage(
            SOURCE,
            vec![("q_out", q1.clone().into()), ("count", ITEMS.into())],
        )?,
    ];
    println!("   t (ms)   q1 len  putters   q2 len  putters");
    let mut samples = 0;
    while !stages.iter().all(|(_, h)| h.is_finished()) {
        if samples % 5 == 0 {
            println!(
                "{:>9} {:>8}/8 {:>8} {:>8}/8 {:>8}",
                start.elapsed().as_millis(),
                q1.len(),
                q1.waiting_putters(),
                q2.len(),
                q2.waiting_putters()
            );
        }
        samples += 1;
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut interps = Vec::new();
    for (i, h) in stages {
        h.join()?;
        interps.push(i);
    }
    println!("done in {:.3} s", start.elapsed().as_secs_f64());
    let mut lines: Vec<String> = (0..3)
        .map(|_| {
            report
                .get(Some(Duration::from_secs(1)))
                .expect("a report")
                .to_string()
        })
        .collect();
    lines.sort();
    for l in lines {
        println!("report {l}");
    }
    println!("(source, items, times its output queue was full) shows the back-pressure");
    for i in interps {
        i.close()?;
    }
    Ok(())
}
