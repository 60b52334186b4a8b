//! Owned puts and `release_owner` under each `UnboundPolicy` (PEP 734's
//! `unbounditems`).

use std::thread;
use std::time::Duration;

use atoll_channels::{GetError, PutError, Queue, SelectError, Shareable, UnboundPolicy, select};

fn filled(policy: UnboundPolicy) -> Queue {
    let q = Queue::with_unbound_policy(0, policy);
    q.put_owned("a1", 1, None).unwrap();
    q.put_owned("b2", 2, None).unwrap();
    q.put("c", None).unwrap();
    q.put_owned("d1", 1, None).unwrap();
    q.release_owner(1);
    q
}

#[test]
fn replace_hands_out_unbound_markers() {
    let q = filled(UnboundPolicy::Replace);
    assert_eq!(q.len(), 4);
    assert_eq!(q.try_get(), Ok(Shareable::Unbound));
    assert_eq!(q.try_get(), Ok(Shareable::from("b2")));
    assert_eq!(q.try_get(), Ok(Shareable::from("c")));
    assert_eq!(q.try_get(), Ok(Shareable::Unbound));
    assert_eq!(q.try_get(), Err(GetError::Empty));
}

#[test]
fn remove_drops_the_items() {
    let q = filled(UnboundPolicy::Remove);
    assert_eq!(q.len(), 2);
    assert_eq!(q.try_get(), Ok(Shareable::from("b2")));
    assert_eq!(q.len(), 1);
    assert_eq!(q.get(None), Ok(Shareable::from("c")));
    assert_eq!(q.len(), 0);
    assert!(q.is_empty());
    assert_eq!(q.try_get(), Err(GetError::Empty));
    // Only removed items left: a timed get times out rather than returning one.
    q.put_owned("gone", 5, None).unwrap();
    q.release_owner(5);
    assert_eq!(
        q.get(Some(Duration::from_millis(10))),
        Err(GetError::Timeout)
    );
    assert_eq!(q.len(), 0);
}

#[test]
fn error_reports_each_item_once() {
    let q = filled(UnboundPolicy::Error);
    assert_eq!(q.len(), 4);
    assert_eq!(q.try_get(), Err(GetError::Unbound { owner: 1 }));
    assert_eq!(q.try_get(), Ok(Shareable::from("b2")));
    assert_eq!(q.try_get(), Ok(Shareable::from("c")));
    assert_eq!(q.get(None), Err(GetError::Unbound { owner: 1 }));
    assert_eq!(q.try_get(), Err(GetError::Empty));
}

#[test]
fn later_puts_by_a_released_owner_are_not_affected() {
    let q = Queue::with_unbound_policy(0, UnboundPolicy::Remove);
    q.put_owned("old", 1, None).unwrap();
    q.release_owner(1);
    q.put_owned("new", 1, None).unwrap();
    assert_eq!(q.len(), 1);
    q.release_owner(99); // unknown owner: nothing happens
    assert_eq!(q.try_get(), Ok(Shareable::from("new")));
    // Releasing twice does not count anything twice.
    q.put_owned("x", 1, None).unwrap();
    q.release_owner(1);
    q.release_owner(1);
    assert_eq!(q.len(), 0);
    assert_eq!(q.try_get(), Err(GetError::Empty));
    assert_eq!(q.len(), 0);
}

#[test]
fn failed_owned_puts_are_not_counted() {
    let q = Queue::with_unbound_policy(1, UnboundPolicy::Remove);
    q.try_put_owned("kept", 1).unwrap();
    assert!(matches!(q.try_put_owned("full", 1), Err(PutError::Full(_))));
    assert!(matches!(
        q.put_owned("timeout", 1, Some(Duration::ZERO)),
        Err(PutError::Timeout(_))
    ));
    q.release_owner(1);
    assert_eq!(q.len(), 0);
    // The removed item still holds the only slot until a getter discards it.
    assert!(q.is_full());
    assert_eq!(q.try_get(), Err(GetError::Empty));
    assert!(!q.is_full());
    q.try_put("room").unwrap();
    assert_eq!(q.len(), 1);
}

#[test]
fn close_and_release_combine() {
    let q = Queue::with_unbound_policy(0, UnboundPolicy::Remove);
    q.put_owned(1, 1, None).unwrap();
    q.put_owned(2, 2, None).unwrap();
    q.close();
    q.release_owner(2);
    assert_eq!(q.get(None), Ok(Shareable::Int(1)));
    assert_eq!(q.get(None), Err(GetError::Closed));
}

#[test]
fn select_applies_the_policy() {
    let removing = Queue::with_unbound_policy(0, UnboundPolicy::Remove);
    let erroring = Queue::with_unbound_policy(0, UnboundPolicy::Error);
    removing.put_owned("gone", 1, None).unwrap();
    removing.release_owner(1);
    assert_eq!(
        select(&[&removing, &erroring], Some(Duration::from_millis(10))),
        Err(SelectError::Timeout)
    );
    erroring.put_owned("bad", 4, None).unwrap();
    erroring.release_owner(4);
    assert_eq!(
        select(&[&removing, &erroring], None),
        Err(SelectError::Unbound { index: 1, owner: 4 })
    );
}

/// Releases racing with puts and gets keep `len` consistent: once everything
/// settles it counts exactly the live items.
#[test]
fn concurrent_release_keeps_len_consistent() {
    let q = Queue::with_unbound_policy(0, UnboundPolicy::Remove);
    let producers: Vec<_> = (0..4u64)
        .map(|owner| {
            let q = q.clone();
            thread::spawn(move || {
                for i in 0..2000 {
                    q.put_owned(i, owner, None).unwrap();
                    if i % 500 == 499 {
                        q.release_owner(owner);
                    }
                }
            })
        })
        .collect();
    let consumer = {
        let q = q.clone();
        thread::spawn(move || {
            let mut got = 0;
            for _ in 0..3000 {
                if q.try_get().is_ok() {
                    got += 1;
                }
            }
            got
        })
    };
    for p in producers {
        p.join().unwrap();
    }
    let _ = consumer.join().unwrap();
    // Every owner's last release came after its last put: nothing is live.
    assert_eq!(q.len(), 0);
    assert_eq!(q.try_get(), Err(GetError::Empty));
}
