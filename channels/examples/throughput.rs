//! Throughput and latency of one queue between two threads.
//!
//! ```text
//! cargo run --release -p atoll-channels --example throughput [-- ITEMS]
//! ```
//!
//! Prints items/s for ints and for small dicts `{'id': i, 'name': 'x' * 16}`
//! (built by the producer, as a runtime converting objects would), and the
//! round-trip latency of a ping-pong over two queues. For the dicts it also
//! prints the cost of building and dropping them without a queue, to tell
//! the queue's share from the allocator's.

use std::thread;
use std::time::{Duration, Instant};

use atoll_channels::{Dict, Queue, Shareable};

/// Capacity of the queue in the throughput runs.
const CAPACITY: usize = 1024;

/// Sends `n` items made by `make` from one thread to another; returns the
/// elapsed time and checks what arrived with `check`.
fn run(n: usize, make: fn(usize) -> Shareable, check: fn(usize, Shareable)) -> Duration {
    let q = Queue::new(CAPACITY);
    let start = Instant::now();
    let producer = {
        let q = q.clone();
        thread::spawn(move || {
            for i in 0..n {
                q.put(make(i), None).unwrap();
            }
        })
    };
    for i in 0..n {
        check(i, q.get(None).unwrap());
    }
    producer.join().unwrap();
    start.elapsed()
}

fn make_int(i: usize) -> Shareable {
    Shareable::from(i)
}

fn check_int(i: usize, item: Shareable) {
    assert_eq!(item.as_i64(), Some(i as i64));
}

fn make_dict(i: usize) -> Shareable {
    let mut d = Dict::with_capacity(2);
    d.insert("id", i).unwrap();
    d.insert("name", "x".repeat(16)).unwrap();
    Shareable::Dict(d)
}

fn check_dict(i: usize, item: Shareable) {
    let d = item.as_dict().unwrap();
    assert_eq!(d.entries()[0].1.as_i64(), Some(i as i64));
}

/// Round trips of one item over a pair of queues; returns sorted samples.
fn ping_pong(rounds: usize) -> Vec<Duration> {
    let (ping, pong) = (Queue::new(1), Queue::new(1));
    let echo = {
        let (ping, pong) = (ping.clone(), pong.clone());
        thread::spawn(move || {
            while let Ok(item) = ping.get(None) {
                pong.put(item, None).unwrap();
            }
        })
    };
    let mut samples = Vec::with_capacity(rounds);
    for i in 0..rounds {
        let start = Instant::now();
        ping.put(i, None).unwrap();
        pong.get(None).unwrap();
        samples.push(start.elapsed());
    }
    ping.close();
    echo.join().unwrap();
    samples.sort_unstable();
    samples
}

fn per_second(n: usize, elapsed: Duration) -> f64 {
    n as f64 / elapsed.as_secs_f64()
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse().expect("ITEMS must be a number"))
        .unwrap_or(2_000_000);

    let elapsed = run(n, make_int, check_int);
    println!(
        "ints:        {n} items in {:.3} s = {:.2} M items/s",
        elapsed.as_secs_f64(),
        per_second(n, elapsed) / 1e6
    );

    let elapsed = run(n, make_dict, check_dict);
    println!(
        "small dicts: {n} items in {:.3} s = {:.2} M items/s",
        elapsed.as_secs_f64(),
        per_second(n, elapsed) / 1e6
    );

    // Baseline: the cost of building and dropping the dicts, without a queue.
    let start = Instant::now();
    for i in 0..n {
        check_dict(i, std::hint::black_box(make_dict(i)));
    }
    let elapsed = start.elapsed();
    println!(
        "  (building + dropping them on one thread, no queue: {:.2} M items/s)",
        per_second(n, elapsed) / 1e6
    );

    let rounds = (n / 20).max(1000);
    let samples = ping_pong(rounds);
    let mean = samples.iter().sum::<Duration>() / rounds as u32;
    let pct = |p: f64| samples[((rounds as f64 * p) as usize).min(rounds - 1)];
    println!(
        "ping-pong:   {rounds} round trips, mean {:.2} us, p50 {:.2} us, p99 {:.2} us",
        micros(mean),
        micros(pct(0.50)),
        micros(pct(0.99))
    );
}
