//! `Queue`: FIFO order, back-pressure, timeouts, close, handles.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use atoll_channels::{GetError, PutError, Queue, Shareable};

/// Waits (briefly sleeping: this is the test observing, not the queue) until
/// `cond` holds, failing the test after 5 s.
fn wait_until(what: &str, cond: impl Fn() -> bool) {
    let start = Instant::now();
    while !cond() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "timed out waiting until {what}"
        );
        thread::sleep(Duration::from_millis(1));
    }
}

#[test]
fn fifo_and_sizes() {
    let q = Queue::new(3);
    assert_eq!(
        (q.maxsize(), q.len(), q.is_empty(), q.is_full()),
        (3, 0, true, false)
    );
    for i in 0..3 {
        q.try_put(i).unwrap();
    }
    assert_eq!((q.len(), q.is_empty(), q.is_full()), (3, false, true));
    assert_eq!(q.try_put(3), Err(PutError::Full(Shareable::Int(3))));
    for i in 0..3 {
        assert_eq!(q.try_get(), Ok(Shareable::Int(i)));
    }
    assert_eq!(q.try_get(), Err(GetError::Empty));
}

#[test]
fn unbounded_queue_is_never_full() {
    let q = Queue::new(0);
    for i in 0..10_000 {
        q.try_put(i).unwrap();
    }
    assert!(!q.is_full());
    assert_eq!(q.len(), 10_000);
    for i in 0..10_000 {
        assert_eq!(q.try_get(), Ok(Shareable::Int(i)));
    }
}

#[test]
fn ids_are_unique_across_threads() {
    let handles: Vec<_> = (0..8)
        .map(|_| thread::spawn(|| (0..100).map(|_| Queue::new(0).id()).collect::<Vec<_>>()))
        .collect();
    let mut ids: Vec<u64> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n);
    assert!(ids[0] > 0);
}

#[test]
fn bounded_put_blocks_until_a_get() {
    let q = Queue::new(1);
    q.put("first", None).unwrap();
    let done = Arc::new(AtomicUsize::new(0));
    let putter = {
        let (q, done) = (q.clone(), done.clone());
        thread::spawn(move || {
            q.put("second", None).unwrap();
            done.store(1, Ordering::SeqCst);
        })
    };
    wait_until("the putter blocks", || q.waiting_putters() == 1);
    thread::sleep(Duration::from_millis(20));
    assert_eq!(
        done.load(Ordering::SeqCst),
        0,
        "put returned while the queue was full"
    );
    assert_eq!(q.get(None), Ok(Shareable::from("first")));
    putter.join().unwrap();
    assert_eq!(done.load(Ordering::SeqCst), 1);
    assert_eq!(q.waiting_putters(), 0);
    assert_eq!(q.get(None), Ok(Shareable::from("second")));
}

#[test]
fn get_blocks_until_a_put() {
    let q = Queue::new(0);
    let getter = {
        let q = q.clone();
        thread::spawn(move || q.get(None))
    };
    wait_until("the getter blocks", || q.waiting_getters() == 1);
    q.put(42, None).unwrap();
    assert_eq!(getter.join().unwrap(), Ok(Shareable::Int(42)));
    assert_eq!(q.waiting_getters(), 0);
}

#[test]
fn timeouts() {
    let q = Queue::new(1);
    let start = Instant::now();
    assert_eq!(
        q.get(Some(Duration::from_millis(30))),
        Err(GetError::Timeout)
    );
    assert!(start.elapsed() >= Duration::from_millis(30));

    q.put(1, None).unwrap();
    let start = Instant::now();
    assert_eq!(
        q.put(2, Some(Duration::from_millis(30))),
        Err(PutError::Timeout(Shareable::Int(2)))
    );
    assert!(start.elapsed() >= Duration::from_millis(30));

    // A zero timeout still succeeds when it can, and fails at once otherwise.
    assert_eq!(q.get(Some(Duration::ZERO)), Ok(Shareable::Int(1)));
    assert_eq!(q.get(Some(Duration::ZERO)), Err(GetError::Timeout));
    q.put(3, Some(Duration::ZERO)).unwrap();
    assert!(matches!(
        q.put(4, Some(Duration::ZERO)),
        Err(PutError::Timeout(_))
    ));

    // A timeout too large for an Instant means "forever".
    assert_eq!(q.get(Some(Duration::MAX)), Ok(Shareable::Int(3)));

    // A get with a timeout returns as soon as an item arrives.
    let putter = {
        let q = q.clone();
        thread::spawn(move || {
            thread::sleep(Duration::from_millis(20));
            q.put("late", None).unwrap();
        })
    };
    assert_eq!(
        q.get(Some(Duration::from_secs(10))),
        Ok(Shareable::from("late"))
    );
    putter.join().unwrap();
}

#[test]
fn close_drains_then_reports_closed() {
    let q = Queue::new(5);
    for i in 0..3 {
        q.put(i, None).unwrap();
    }
    assert!(q.close());
    assert!(q.is_closed());
    assert!(!q.close());
    assert_eq!(
        q.put("late", None),
        Err(PutError::Closed(Shareable::from("late")))
    );
    assert_eq!(
        q.try_put("late"),
        Err(PutError::Closed(Shareable::from("late")))
    );
    assert_eq!(q.len(), 3);
    for i in 0..3 {
        assert_eq!(q.get(None), Ok(Shareable::Int(i)));
    }
    assert_eq!(q.get(None), Err(GetError::Closed));
    assert_eq!(q.try_get(), Err(GetError::Closed));
    assert_eq!(q.get(Some(Duration::from_secs(10))), Err(GetError::Closed));
    // Every handle sees it closed.
    assert!(q.clone().is_closed());
}

#[test]
fn close_wakes_blocked_getters() {
    let q = Queue::new(0);
    let getters: Vec<_> = (0..4)
        .map(|i| {
            let q = q.clone();
            thread::spawn(move || {
                if i % 2 == 0 {
                    q.get(None)
                } else {
                    q.get(Some(Duration::from_secs(60)))
                }
            })
        })
        .collect();
    wait_until("4 getters block", || q.waiting_getters() == 4);
    let start = Instant::now();
    q.close();
    for g in getters {
        assert_eq!(g.join().unwrap(), Err(GetError::Closed));
    }
    assert!(start.elapsed() < Duration::from_secs(5));
}

#[test]
fn close_wakes_blocked_putters_and_returns_their_items() {
    let q = Queue::new(1);
    q.put("in the queue", None).unwrap();
    let putters: Vec<_> = (0..3)
        .map(|i| {
            let q = q.clone();
            thread::spawn(move || {
                if i == 0 {
                    q.put(i, None)
                } else {
                    q.put(i, Some(Duration::from_secs(60)))
                }
            })
        })
        .collect();
    wait_until("3 putters block", || q.waiting_putters() == 3);
    q.close();
    for (i, p) in putters.into_iter().enumerate() {
        assert_eq!(p.join().unwrap(), Err(PutError::Closed(Shareable::from(i))));
    }
    assert_eq!(q.get(None), Ok(Shareable::from("in the queue")));
    assert_eq!(q.get(None), Err(GetError::Closed));
}

/// Producers race with `close`: every item a put accepted is got, exactly
/// once, before the consumer sees `Closed`.
#[test]
fn puts_racing_with_close_lose_nothing() {
    for round in 0..20 {
        let q = Queue::new(4);
        let accepted = Arc::new(AtomicUsize::new(0));
        let producers: Vec<_> = (0..4)
            .map(|p| {
                let (q, accepted) = (q.clone(), accepted.clone());
                thread::spawn(move || {
                    let mut i = 0i64;
                    loop {
                        match q.put((p, i), None) {
                            Ok(()) => accepted.fetch_add(1, Ordering::SeqCst),
                            Err(PutError::Closed(_)) => return,
                            Err(e) => panic!("{e}"),
                        };
                        i += 1;
                    }
                })
            })
            .collect();
        let consumer = {
            let q = q.clone();
            thread::spawn(move || {
                let mut got = 0usize;
                while q.get(None).is_ok() {
                    got += 1;
                }
                got
            })
        };
        thread::sleep(Duration::from_millis(1 + round % 3));
        q.close();
        for p in producers {
            p.join().unwrap();
        }
        let got = consumer.join().unwrap();
        assert_eq!(got, accepted.load(Ordering::SeqCst));
        assert_eq!(q.try_get(), Err(GetError::Closed));
    }
}

#[test]
fn handles_count_clones_everywhere() {
    let q = Queue::new(0);
    assert_eq!(q.handle_count(), 1);
    let carrier = Queue::new(0);
    carrier.put(q.clone(), None).unwrap();
    assert_eq!(q.handle_count(), 2);
    let inner = carrier.get(None).unwrap();
    assert_eq!(q.handle_count(), 2);
    drop(inner);
    assert_eq!(q.handle_count(), 1);
}

#[test]
fn queues_cross_by_identity() {
    let carrier = Queue::new(0);
    let reply = Queue::new(0);
    carrier
        .put(
            Shareable::tuple([Shareable::from("ping"), Shareable::from(reply.clone())]),
            None,
        )
        .unwrap();
    let worker = {
        let carrier = carrier.clone();
        thread::spawn(move || {
            let msg = Vec::<Shareable>::try_from(carrier.get(None).unwrap()).unwrap();
            let reply = Queue::try_from(msg[1].clone()).unwrap();
            reply.put("pong", None).unwrap();
            reply.id()
        })
    };
    assert_eq!(reply.get(None), Ok(Shareable::from("pong")));
    assert_eq!(worker.join().unwrap(), reply.id());
}

#[test]
fn failed_puts_return_the_item() {
    let big = Shareable::list((0..100).map(Shareable::from));
    let q = Queue::new(1);
    q.try_put(0).unwrap();
    let back = q.try_put(big.clone()).unwrap_err().into_inner();
    assert_eq!(back, big);
    let back = q
        .put(big.clone(), Some(Duration::ZERO))
        .unwrap_err()
        .into_inner();
    assert_eq!(back, big);
}

#[test]
fn debug_shows_state() {
    let q = Queue::new(2);
    q.put(1, None).unwrap();
    assert_eq!(
        format!("{q:?}"),
        format!(
            "Queue {{ id: {}, maxsize: 2, len: 1, closed: false }}",
            q.id()
        )
    );
}
