//! `select`: waiting on several queues at once.

use std::thread;
use std::time::{Duration, Instant};

use atoll_channels::{Queue, SelectError, Shareable, select};

#[test]
fn returns_the_ready_queue() {
    let qs: Vec<Queue> = (0..4).map(|_| Queue::new(0)).collect();
    let refs: Vec<&Queue> = qs.iter().collect();
    qs[2].put("two", None).unwrap();
    assert_eq!(select(&refs, None), Ok((2, Shareable::from("two"))));
    assert_eq!(
        select(&refs, Some(Duration::ZERO)),
        Err(SelectError::Timeout)
    );
}

#[test]
fn times_out() {
    let (a, b) = (Queue::new(0), Queue::new(0));
    let start = Instant::now();
    assert_eq!(
        select(&[&a, &b], Some(Duration::from_millis(30))),
        Err(SelectError::Timeout)
    );
    assert!(start.elapsed() >= Duration::from_millis(30));
}

#[test]
fn wakes_when_an_item_arrives() {
    let (a, b) = (Queue::new(0), Queue::new(0));
    let putter = {
        let b = b.clone();
        thread::spawn(move || {
            while b.waiting_getters() == 0 {
                thread::sleep(Duration::from_millis(1));
            }
            b.put(7, None).unwrap();
        })
    };
    assert_eq!(select(&[&a, &b], None), Ok((1, Shareable::Int(7))));
    putter.join().unwrap();
    assert_eq!((a.waiting_getters(), b.waiting_getters()), (0, 0));
}

#[test]
fn skips_closed_queues_and_reports_when_all_are_closed() {
    let (a, b) = (Queue::new(0), Queue::new(0));
    a.put("drain me", None).unwrap();
    a.close();
    assert_eq!(
        select(&[&a, &b], None),
        Ok((0, Shareable::from("drain me")))
    );
    // `a` is closed and drained: select keeps waiting on `b`.
    let closer = {
        let b = b.clone();
        thread::spawn(move || {
            while b.waiting_getters() == 0 {
                thread::sleep(Duration::from_millis(1));
            }
            b.put("last", None).unwrap();
            b.close();
        })
    };
    assert_eq!(select(&[&a, &b], None), Ok((1, Shareable::from("last"))));
    closer.join().unwrap();
    assert_eq!(select(&[&a, &b], None), Err(SelectError::Closed));
    assert_eq!(select(&[], None), Err(SelectError::Closed));
}

#[test]
fn close_wakes_a_blocked_select() {
    let (a, b) = (Queue::new(0), Queue::new(0));
    let closer = {
        let (a, b) = (a.clone(), b.clone());
        thread::spawn(move || {
            while a.waiting_getters() == 0 {
                thread::sleep(Duration::from_millis(1));
            }
            a.close();
            b.close();
        })
    };
    assert_eq!(
        select(&[&a, &b], Some(Duration::from_secs(60))),
        Err(SelectError::Closed)
    );
    closer.join().unwrap();
}

#[test]
fn ready_queues_are_picked_fairly() {
    let (a, b) = (Queue::new(0), Queue::new(0));
    for i in 0..1000 {
        a.put(i, None).unwrap();
        b.put(i, None).unwrap();
    }
    let mut picked = [0, 0];
    for _ in 0..1000 {
        let (index, _) = select(&[&a, &b], None).unwrap();
        picked[index] += 1;
    }
    assert!(picked[0] > 300 && picked[1] > 300, "{picked:?}");
    // Each queue still hands out its items in order.
    let first_left = a.get(None).unwrap();
    assert_eq!(first_left, Shareable::from(picked[0]));
}

#[test]
fn many_consumers_selecting_get_every_item_once() {
    let qs: Vec<Queue> = (0..3).map(|_| Queue::new(8)).collect();
    let producers: Vec<_> = qs
        .iter()
        .enumerate()
        .map(|(p, q)| {
            let q = q.clone();
            thread::spawn(move || {
                for i in 0..2000i64 {
                    q.put((p, i), None).unwrap();
                }
                q.close();
            })
        })
        .collect();
    let consumers: Vec<_> = (0..3)
        .map(|_| {
            let qs = qs.clone();
            thread::spawn(move || {
                let refs: Vec<&Queue> = qs.iter().collect();
                let mut got = Vec::new();
                while let Ok((index, item)) = select(&refs, None) {
                    let pair = Vec::<Shareable>::try_from(item).unwrap();
                    assert_eq!(i64::try_from(pair[0].clone()), Ok(index as i64));
                    got.push((index, i64::try_from(pair[1].clone()).unwrap()));
                }
                got
            })
        })
        .collect();
    for p in producers {
        p.join().unwrap();
    }
    let mut all: Vec<(usize, i64)> = consumers
        .into_iter()
        .flat_map(|c| c.join().unwrap())
        .collect();
    all.sort_unstable();
    let expected: Vec<(usize, i64)> = (0..3)
        .flat_map(|p| (0..2000).map(move |i| (p, i)))
        .collect();
    assert_eq!(all, expected);
}
