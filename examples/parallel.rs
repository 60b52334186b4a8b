//! One CPU-bound pure-Python function, run three ways:
//!
//! * (a) twice in a row in one interpreter;
//! * (b) in two `threading.Thread`s of one interpreter: they share its GIL, so they
//!   take turns (the switch interval hands the GIL over) and there is no speedup;
//! * (c) in two interpreters at once, each driven by its own host `std::thread`:
//!   each interpreter has its own GIL, so both run in parallel on two cores.
//!
//! ```text
//! cargo run --release --example parallel            # default N
//! cargo run --release --example parallel -- 400000  # count primes below 400000
//! ```
//!
//! Every prime count is checked against a sieve computed in Rust.

use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use atoll::{Error, GilStats, Interpreter, InterpreterConfig, Runtime};

/// Hosts choose their allocator; this one allocates through mimalloc, as the
/// `atoll` command does (interpreters on many threads allocate many small objects).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Primes below `DEFAULT_N` are counted: about 0.75 s per count in a release
/// build on the reference machine.
const DEFAULT_N: u64 = 160_000;

/// The workload: trial division with nested while loops, nothing but bytecode.
/// The same file is imported by `examples/scripts/primes.py`.
const COUNT_PRIMES: &str = include_str!("scripts/count_primes.py");

/// Each mode runs this many times; the table shows the median.
const REPEATS: usize = 3;

/// (a): the function twice, one after the other.
const SEQUENTIAL: &str = r#"
r1 = count_primes(N)
r2 = count_primes(N)
assert r1 == EXPECTED and r2 == EXPECTED, (r1, r2, EXPECTED)
"#;

/// (b): the function once in each of two threads of the same interpreter.
const THREADS: &str = r#"
import threading
results = [None, None]

def worker(k):
    results[k] = count_primes(N)

threads = []
for k in range(2):
    threads.append(threading.Thread(target=worker, args=(k,), name="primes-" + str(k)))
for t in threads:
    t.start()
for t in threads:
    t.join()
assert results == [EXPECTED, EXPECTED], (results, EXPECTED)
"#;

/// (c): the function once, in each of two interpreters.
const ONCE: &str = r#"
r = count_primes(N)
assert r == EXPECTED, (r, EXPECTED)
"#;

/// Number of primes below `n`, by the sieve of Eratosthenes.
fn sieve_count(n: u64) -> u64 {
    let n = usize::try_from(n).expect("N fits in memory");
    if n < 3 {
        return 0;
    }
    let mut composite = vec![false; n];
    let mut count = 0;
    for i in 2..n {
        if !composite[i] {
            count += 1;
            let mut j = i * i;
            while j < n {
                composite[j] = true;
                j += i;
            }
        }
    }
    count
}

/// Runs `code`, printing the Python traceback if it raises.
fn run(interp: &Interpreter, code: &str) -> Result<(), Error> {
    interp.exec(code).inspect_err(|err| {
        if let Error::Python(exc) = err {
            eprintln!("{}", exc.traceback.trim_end());
            if !exc.traceback.contains(&exc.type_name) {
                eprintln!("{}: {}", exc.type_name, exc.message);
            }
        }
    })
}

/// A fresh interpreter with `count_primes`, `N` and `EXPECTED` defined.
fn prepared(rt: &Runtime, n: u64, expected: u64) -> Result<Interpreter, Error> {
    let interp = rt.create_interpreter(InterpreterConfig::default())?;
    run(&interp, COUNT_PRIMES)?;
    run(&interp, &format!("N = {n}\nEXPECTED = {expected}\n"))?;
    Ok(interp)
}

/// GIL hand-overs between two snapshots of an interpreter's counters.
#[derive(Clone, Copy)]
struct Switches {
    /// Takes by a thread other than the previous holder.
    all: u64,
    /// Hand-overs the holder was asked for after a switch interval.
    forced: u64,
}

fn delta(before: GilStats, after: GilStats) -> Switches {
    Switches {
        all: after.switches - before.switches,
        forced: after.forced_switches - before.forced_switches,
    }
}

/// Wall time of `f`, and the GIL counters it caused in `interps`.
fn measure(
    interps: &[&Interpreter],
    f: impl FnOnce() -> Result<(), Error>,
) -> Result<(Duration, Vec<Switches>), Error> {
    let before: Vec<GilStats> = interps.iter().map(|i| i.gil_stats()).collect();
    let start = Instant::now();
    f()?;
    let elapsed = start.elapsed();
    let stats = interps
        .iter()
        .zip(before)
        .map(|(i, b)| delta(b, i.gil_stats()))
        .collect();
    Ok((elapsed, stats))
}

/// Runs `once` [`REPEATS`] times and keeps the run with the median wall time.
fn median_of(
    mut once: impl FnMut() -> Result<(Duration, Vec<Switches>), Error>,
) -> Result<(Duration, Vec<Switches>), Error> {
    let mut runs = (0..REPEATS)
        .map(|_| once())
        .collect::<Result<Vec<_>, _>>()?;
    runs.sort_by_key(|(time, _)| *time);
    Ok(runs.swap_remove(REPEATS / 2))
}

/// Mode (c): [`ONCE`] in every interpreter of `interps` at the same time, each
/// driven by its own host thread, released together by a barrier.
fn in_parallel(interps: &[Interpreter]) -> Result<(Duration, Vec<Switches>), Error> {
    let barrier = Arc::new(Barrier::new(interps.len() + 1));
    let handles: Vec<_> = interps
        .iter()
        .cloned()
        .map(|interp| {
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                barrier.wait();
                run(&interp, ONCE)
            })
        })
        .collect();
    let refs: Vec<&Interpreter> = interps.iter().collect();
    measure(&refs, || {
        barrier.wait();
        for handle in handles {
            handle.join().expect("host thread panicked")?;
        }
        Ok(())
    })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n = match std::env::args().nth(1) {
        Some(arg) => arg
            .parse::<u64>()
            .map_err(|e| format!("usage: parallel [N]  (N: count primes below N): {e}"))?,
        None => DEFAULT_N,
    };
    let expected = sieve_count(n);
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());

    let rt = Runtime::new();

    // (a) sequential: two calls in one interpreter.
    let solo = prepared(&rt, n, expected)?;
    let (seq_time, seq_stats) = median_of(|| measure(&[&solo], || run(&solo, SEQUENTIAL)))?;

    // (b) two threads sharing one interpreter (and so one GIL).
    let (thr_time, thr_stats) = median_of(|| measure(&[&solo], || run(&solo, THREADS)))?;
    solo.close()?;

    // (c) two interpreters, each on its own host thread.
    let pair = [prepared(&rt, n, expected)?, prepared(&rt, n, expected)?];
    let (par_time, par_stats) = median_of(|| in_parallel(&pair))?;
    for interp in &pair {
        interp.close()?;
    }

    let secs = |d: Duration| d.as_secs_f64();
    let speedup = |d: Duration| secs(seq_time) / secs(d);
    println!(
        "atoll: count primes below {n} (= {expected}), two counts per mode, \
         median of {REPEATS} runs, {cores} CPU(s)"
    );
    println!();
    println!(
        "{:<36} {:>9} {:>8} {:>14} {:>17}",
        "mode", "wall (s)", "speedup", "GIL switches", "forced switches"
    );
    println!("{}", "-".repeat(88));
    println!(
        "{:<36} {:>9.3} {:>7.2}x {:>14} {:>17}",
        "(a) sequential, 1 interpreter",
        secs(seq_time),
        1.0,
        seq_stats[0].all,
        seq_stats[0].forced
    );
    println!(
        "{:<36} {:>9.3} {:>7.2}x {:>14} {:>17}",
        "(b) 2 threads, 1 interpreter",
        secs(thr_time),
        speedup(thr_time),
        thr_stats[0].all,
        thr_stats[0].forced
    );
    println!(
        "{:<36} {:>9.3} {:>7.2}x {:>14} {:>17}",
        "(c) 2 interpreters, 2 host threads",
        secs(par_time),
        speedup(par_time),
        format!("{} + {}", par_stats[0].all, par_stats[1].all),
        format!("{} + {}", par_stats[0].forced, par_stats[1].forced)
    );
    println!();
    println!("(b) shares one GIL: the threads take turns every switch interval (5 ms),");
    println!("    so it takes about as long as (a).");
    println!("(c) has one GIL per interpreter: nothing is shared, both counts run at once.");
    if cores < 2 {
        println!("note: only {cores} CPU available, so (c) cannot run in parallel here.");
    }
    Ok(())
}
