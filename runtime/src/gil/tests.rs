//! GIL tests with real threads. Nothing here asserts on wall-clock times;
//! timings only make outcomes overwhelmingly likely.

use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Barrier, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use crate::gil::{EvalBreaker, Gil, GilStats};

/// Data that may only be touched while holding the GIL under test.
struct Shared<T>(UnsafeCell<T>);

// SAFETY: every access in these tests happens while the accessing thread
// holds the GIL, so accesses never overlap; the GIL's internal mutex
// (taken on every take/release) orders them and publishes the writes.
unsafe impl<T: Send> Sync for Shared<T> {}

impl<T> Shared<T> {
    fn new(v: T) -> Arc<Self> {
        Arc::new(Shared(UnsafeCell::new(v)))
    }
}

fn new_gil(interval: Duration) -> (Arc<EvalBreaker>, Arc<Gil>) {
    let breaker = Arc::new(EvalBreaker::new());
    let gil = Arc::new(Gil::new(1, breaker.clone()));
    gil.set_switch_interval(interval);
    (breaker, gil)
}

/// Busy "bytecode" for `d`.
fn spin(d: Duration) {
    let start = Instant::now();
    while start.elapsed() < d {
        std::hint::spin_loop();
    }
}

/// What the eval loop does at a backward jump.
fn check_breaker(breaker: &EvalBreaker, gil: &Gil, thread: u64) {
    if breaker.is_set() && breaker.has(EvalBreaker::GIL_DROP_REQUEST) {
        gil.yield_now(thread);
    }
}

/// Runs `f` on another thread; fails instead of hanging if it does not
/// finish within a generous time.
fn no_hang<R: Send + 'static>(what: &str, f: impl FnOnce() -> R + Send + 'static) -> R {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(30))
        .unwrap_or_else(|_| panic!("{what}: hung (or panicked)"))
}

/// Two eval-loop-like threads, each doing `units` units of ~50 µs while
/// holding the GIL. Returns the stats and the sequence of holders, one
/// entry per unit.
fn two_threads(interval: Duration, units: usize) -> (GilStats, Vec<u64>) {
    let (breaker, gil) = new_gil(interval);
    let seq = Shared::new(Vec::with_capacity(2 * units));
    let start = Arc::new(Barrier::new(2));
    let handles: Vec<_> = (1..=2u64)
        .map(|id| {
            let (breaker, gil, seq, start) =
                (breaker.clone(), gil.clone(), seq.clone(), start.clone());
            thread::spawn(move || {
                start.wait();
                gil.take(id);
                for _ in 0..units {
                    spin(Duration::from_micros(50));
                    // SAFETY: we hold the GIL (see `Shared`).
                    unsafe { (*seq.0.get()).push(id) };
                    check_breaker(&breaker, &gil, id);
                }
                gil.release(id);
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let seq = Arc::try_unwrap(seq)
        .ok()
        .expect("threads joined")
        .0
        .into_inner();
    (gil.stats(), seq)
}

/// Number of maximal runs of consecutive entries equal to `id`.
fn runs_of(seq: &[u64], id: u64) -> usize {
    let mut runs = 0;
    let mut prev = None;
    for &h in seq {
        if h == id && prev != Some(id) {
            runs += 1;
        }
        prev = Some(h);
    }
    runs
}

#[test]
fn two_threads_interleave_and_short_interval_switches_more() {
    const UNITS: usize = 4000; // 2 x 4000 x 50 µs = ~400 ms per run
    let (fast, fast_seq) = two_threads(Duration::from_millis(1), UNITS);
    let (slow, slow_seq) = two_threads(Duration::from_millis(50), UNITS);

    for (stats, seq) in [(&fast, &fast_seq), (&slow, &slow_seq)] {
        assert_eq!(seq.len(), 2 * UNITS, "both threads finished all work");
        for id in [1, 2] {
            assert_eq!(seq.iter().filter(|&&h| h == id).count(), UNITS);
            assert!(
                runs_of(seq, id) > 1,
                "thread {id} ran in one stretch: {stats:?}"
            );
        }
        assert!(stats.forced_switches > 0, "{stats:?}");
        assert!(stats.drop_requests > 0, "{stats:?}");
    }
    assert!(
        fast.forced_switches > slow.forced_switches,
        "1 ms: {fast:?}, 50 ms: {slow:?}"
    );
}

#[test]
fn releasing_for_a_blocking_call_lets_others_run() {
    let (breaker, gil) = new_gil(Duration::from_millis(5));
    let units = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let other = {
        let (breaker, gil, units, stop) =
            (breaker.clone(), gil.clone(), units.clone(), stop.clone());
        thread::spawn(move || {
            gil.take(2);
            while !stop.load(Ordering::Relaxed) {
                units.fetch_add(1, Ordering::Relaxed);
                spin(Duration::from_micros(10));
                check_breaker(&breaker, &gil, 2);
            }
            gil.release(2);
        })
    };
    while units.load(Ordering::Relaxed) == 0 {
        thread::yield_now();
    }

    gil.take(1); // thread 2 must yield to us
    for _ in 0..5 {
        let before = units.load(Ordering::Relaxed);
        gil.release(1); // "blocking call"
        thread::sleep(Duration::from_millis(20));
        let during = units.load(Ordering::Relaxed);
        gil.take(1);
        assert!(during > before, "thread 2 made no progress while 1 slept");
    }
    stop.store(true, Ordering::Relaxed);
    gil.release(1);
    other.join().unwrap();
    assert_eq!(gil.holder(), None);
}

#[test]
fn single_thread_never_blocks() {
    let stats = no_hang("single thread", || {
        let (breaker, gil) = new_gil(Duration::from_micros(1));
        gil.take(1);
        for _ in 0..1000 {
            gil.yield_now(1); // nobody waiting: back at once
            assert!(gil.is_held_by(1));
        }
        // A spurious drop request with nobody waiting must not hang.
        breaker.set(EvalBreaker::GIL_DROP_REQUEST);
        check_breaker(&breaker, &gil, 1);
        assert!(!breaker.has(EvalBreaker::GIL_DROP_REQUEST));
        // Blocking calls with nobody else around.
        for _ in 0..100 {
            gil.release(1);
            assert_eq!(gil.holder(), None);
            gil.take(1);
        }
        gil.release(1);
        gil.stats()
    });
    assert_eq!(stats.forced_switches, 0);
    assert_eq!(stats.drop_requests, 0);
    assert_eq!(stats.switches, 1);
    assert_eq!(stats.takes, 1 + 1000 + 1 + 100);
}

#[test]
fn request_from_a_waiter_that_left_does_not_hang() {
    no_hang("vanished requester", || {
        let (breaker, gil) = new_gil(Duration::from_micros(100));
        gil.take(1);
        let waiter = {
            let gil = gil.clone();
            thread::spawn(move || {
                gil.take(2);
                gil.release(2);
            })
        };
        // Wait (without looking at the breaker) until thread 2 has asked.
        while gil.stats().drop_requests == 0 {
            thread::yield_now();
        }
        // A blocking call lets thread 2 through; it then exits.
        gil.release(1);
        waiter.join().unwrap();
        gil.take(1);
        // Thread 2's request was cleared when it took the GIL; a stale one
        // (here re-posted by hand) finds no waiter and must not block.
        breaker.set(EvalBreaker::GIL_DROP_REQUEST);
        gil.yield_now(1);
        assert!(gil.is_held_by(1));
        assert!(!breaker.is_set());
        gil.release(1);
    });
}

#[test]
fn mutual_exclusion_many_threads() {
    const THREADS: u64 = 8;
    const ROUNDS: u64 = 2000;
    const PER_ROUND: u64 = 10;
    let (breaker, gil) = new_gil(Duration::from_micros(200));
    let counter = Shared::new(0u64);
    let handles: Vec<_> = (1..=THREADS)
        .map(|id| {
            let (breaker, gil, counter) = (breaker.clone(), gil.clone(), counter.clone());
            thread::spawn(move || {
                for _ in 0..ROUNDS {
                    gil.take(id);
                    for _ in 0..PER_ROUND {
                        // SAFETY: we hold the GIL (see `Shared`). A
                        // non-atomic read-modify-write split by a yield
                        // point would lose updates without mutual exclusion.
                        let v = unsafe { *counter.0.get() };
                        std::hint::black_box(v);
                        // SAFETY: still holding the GIL.
                        unsafe { *counter.0.get() = v + 1 };
                        check_breaker(&breaker, &gil, id);
                    }
                    gil.release(id);
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    gil.take(99);
    // SAFETY: we hold the GIL.
    let total = unsafe { *counter.0.get() };
    gil.release(99);
    assert_eq!(total, THREADS * ROUNDS * PER_ROUND);
    // Each round takes once, each yield re-takes once, plus our final take.
    assert!(gil.stats().takes > THREADS * ROUNDS);
}

#[test]
fn switch_interval_default_and_clamp() {
    let gil = Gil::new(3, Arc::new(EvalBreaker::default()));
    assert_eq!(gil.switch_interval(), Duration::from_millis(5));
    gil.set_switch_interval(Duration::ZERO);
    assert_eq!(gil.switch_interval(), Duration::from_micros(1));
    gil.set_switch_interval(Duration::from_nanos(10));
    assert_eq!(gil.switch_interval(), Duration::from_micros(1));
    gil.set_switch_interval(Duration::from_secs(2));
    assert_eq!(gil.switch_interval(), Duration::from_secs(2));
    assert_eq!(gil.holder(), None);
    assert!(!gil.is_held_by(1));
}

#[test]
fn breaker_bits_are_independent() {
    let b = EvalBreaker::new();
    b.set(EvalBreaker::ASYNC_EXC | EvalBreaker::PENDING_SIGNALS);
    b.clear(EvalBreaker::GIL_DROP_REQUEST);
    assert_eq!(
        b.get(),
        EvalBreaker::ASYNC_EXC | EvalBreaker::PENDING_SIGNALS
    );
    b.clear(EvalBreaker::ASYNC_EXC);
    assert!(b.has(EvalBreaker::PENDING_SIGNALS));
    assert!(!b.has(EvalBreaker::ASYNC_EXC | EvalBreaker::PENDING_CALLS));
    b.clear(EvalBreaker::PENDING_SIGNALS);
    assert!(!b.is_set());
}

#[test]
fn emits_tracing_events() {
    use std::io::Write;
    use std::sync::Mutex;

    #[derive(Clone)]
    struct Buf(Arc<Mutex<Vec<u8>>>);
    impl Write for Buf {
        fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(data);
            Ok(data.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let buf = Buf(Arc::new(Mutex::new(Vec::new())));
    // Thread-local subscribers, so other tests running in parallel are
    // unaffected.
    let subscriber = {
        let buf = buf.clone();
        move || {
            let buf = buf.clone();
            tracing_subscriber::fmt()
                .with_max_level(tracing::Level::TRACE)
                .with_ansi(false)
                .with_writer(move || buf.clone())
                .finish()
        }
    };

    let (breaker, gil) = new_gil(Duration::from_micros(100));
    tracing::subscriber::with_default(subscriber(), || {
        gil.take(1);
        let waiter = {
            let (gil, subscriber) = (gil.clone(), subscriber.clone());
            thread::spawn(move || {
                tracing::subscriber::with_default(subscriber(), || {
                    gil.take(2);
                    gil.release(2);
                })
            })
        };
        while !breaker.has(EvalBreaker::GIL_DROP_REQUEST) {
            thread::yield_now();
        }
        gil.yield_now(1);
        gil.release(1);
        waiter.join().unwrap();
    });

    let out = String::from_utf8(buf.0.lock().unwrap().clone()).unwrap();
    for needle in [
        "atoll::gil",
        "gil take",
        "gil drop",
        "gil drop request",
        "gil forced switch",
        "interp=1",
        "thread=2",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in:\n{out}");
    }
}

#[test]
fn gil_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Gil>();
    assert_send_sync::<EvalBreaker>();
    assert_send_sync::<GilStats>();
}
