//! [`select()`]: wait for an item from any of several queues.

use std::time::Duration;

use crossbeam_channel::Select;
use crossbeam_utils::Backoff;

use crate::queue::{Taken, Wait, Waiting};
use crate::{Queue, SelectError, Shareable};

/// Takes an item from whichever of `queues` has one first, waiting forever
/// with `None` or at most `timeout`, and returns it with the position of its
/// queue in `queues`.
///
/// When several queues have items, one of them is picked at random, so no
/// queue starves another. A queue that is closed and drained is left out
/// of the wait; when every queue is (or `queues` is empty) the result is
/// [`SelectError::Closed`]. Items of released owners are handled as
/// [`Queue::get`] handles them. While waiting, the caller counts in each
/// queue's [`waiting_getters`](Queue::waiting_getters).
///
/// ```
/// use atoll_channels::{select, Queue, Shareable};
/// use std::time::Duration;
///
/// let (a, b) = (Queue::new(0), Queue::new(0));
/// b.put("on b", None).unwrap();
/// let (index, item) = select(&[&a, &b], Some(Duration::from_secs(1))).unwrap();
/// assert_eq!((index, item), (1, Shareable::from("on b")));
/// ```
pub fn select(
    queues: &[&Queue],
    timeout: Option<Duration>,
) -> Result<(usize, Shareable), SelectError> {
    let wait = Wait::from_timeout(timeout);
    let mut sel = Select::new();
    for queue in queues {
        sel.recv(queue.receiver());
    }
    let mut open = queues.len();
    let mut waiting: Vec<Waiting<'_>> = Vec::new();
    while open > 0 {
        let op = match sel.try_select() {
            Ok(op) => op,
            Err(_) => {
                // Spin and yield briefly before sleeping, as `Queue::put` does.
                let backoff = Backoff::new();
                let mut ready = None;
                while ready.is_none() && !backoff.is_completed() && !wait.expired() {
                    backoff.snooze();
                    ready = sel.try_select().ok();
                }
                match ready {
                    Some(op) => op,
                    None => {
                        if waiting.is_empty() {
                            waiting = queues
                                .iter()
                                .map(|q| Waiting::enter(q.getters_counter()))
                                .collect();
                        }
                        match wait {
                            Wait::No => return Err(SelectError::Timeout),
                            Wait::Forever => sel.select(),
                            Wait::Until(deadline) => sel
                                .select_deadline(deadline)
                                .map_err(|_| SelectError::Timeout)?,
                        }
                    }
                }
            }
        };
        let index = op.index();
        let queue = queues[index];
        match op.recv(queue.receiver()) {
            Ok(slot) => match queue.settle(slot) {
                Taken::Item(item) => return Ok((index, item)),
                Taken::Removed => {}
                Taken::Unbound(owner) => return Err(SelectError::Unbound { index, owner }),
            },
            Err(_) => {
                // Closed and drained: stop watching it.
                sel.remove(index);
                open -= 1;
            }
        }
    }
    Err(SelectError::Closed)
}
