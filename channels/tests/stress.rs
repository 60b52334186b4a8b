//! Stress: 8 producer and 8 consumer threads pass items through one bounded
//! queue (capacity 64). Every item must arrive exactly once, and each
//! consumer must see each producer's items in the order they were put.
//!
//! 1,000,000 items in every build: about 0.6 s in a debug build on the
//! shared two-core development machine (load average 4-5).

use std::thread;

use atoll_channels::{GetError, Queue, Shareable};

const PRODUCERS: usize = 8;
const CONSUMERS: usize = 8;
const CAPACITY: usize = 64;
const ITEMS: usize = 1_000_000;

/// Item `seq` of `producer`, packed in one int.
fn encode(producer: usize, seq: usize) -> i64 {
    ((producer << 32) | seq) as i64
}

fn decode(item: Shareable) -> (usize, usize) {
    let v = usize::try_from(item).expect("a non-negative int");
    (v >> 32, v & 0xFFFF_FFFF)
}

#[test]
fn mpmc_every_item_exactly_once_in_producer_order() {
    let per_producer = ITEMS / PRODUCERS;
    let q = Queue::new(CAPACITY);

    let producers: Vec<_> = (0..PRODUCERS)
        .map(|p| {
            let q = q.clone();
            thread::spawn(move || {
                for seq in 0..per_producer {
                    q.put(encode(p, seq), None).unwrap();
                }
            })
        })
        .collect();

    let consumers: Vec<_> = (0..CONSUMERS)
        .map(|_| {
            let q = q.clone();
            thread::spawn(move || {
                let mut got = Vec::with_capacity(ITEMS / CONSUMERS * 2);
                // Per producer, the last sequence number this consumer saw.
                let mut last: [Option<usize>; PRODUCERS] = [None; PRODUCERS];
                loop {
                    match q.get(None) {
                        Ok(item) => {
                            let (p, seq) = decode(item);
                            assert!(
                                last[p].is_none_or(|prev| prev < seq),
                                "producer {p}: {seq} after {:?}",
                                last[p]
                            );
                            last[p] = Some(seq);
                            got.push((p, seq));
                        }
                        Err(GetError::Closed) => return got,
                        Err(e) => panic!("{e}"),
                    }
                }
            })
        })
        .collect();

    for p in producers {
        p.join().unwrap();
    }
    q.close();

    let mut seen = vec![false; PRODUCERS * per_producer];
    let mut total = 0;
    for c in consumers {
        for (p, seq) in c.join().unwrap() {
            let slot = &mut seen[p * per_producer + seq];
            assert!(!*slot, "item ({p}, {seq}) arrived twice");
            *slot = true;
            total += 1;
        }
    }
    assert_eq!(total, PRODUCERS * per_producer, "items lost");
    assert!(q.is_empty());
}
