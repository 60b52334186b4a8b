//! Dropping deeply nested objects without deep native recursion (CPython's
//! "trashcan").
//!
//! Dropping a container drops its items, which may be containers themselves: a
//! linked list of 100,000 objects, or a list nested 100,000 deep, would recurse
//! once per level in Rust's drop glue and overflow a thread's stack. Containers
//! hand the contents they drop to [`dispose`]: below [`MAX_DEPTH`] nested
//! disposals the contents are dropped at once; deeper, they are parked on a
//! per-thread list that the outermost disposal drains in a loop.

use std::any::Any;
use std::cell::{Cell, RefCell};

/// Nested drops allowed before contents are parked.
const MAX_DEPTH: u32 = 200;

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    static PARKED: RefCell<Vec<Box<dyn Any>>> = const { RefCell::new(Vec::new()) };
}

/// Drops `contents` (a container's items), without recursing deeper than
/// [`MAX_DEPTH`] levels of nested containers on the native stack.
///
/// ```
/// use atoll_runtime::object::{trashcan, Value};
///
/// // A list nested a million deep drops without a stack overflow.
/// let mut v = Value::list(vec![]);
/// for _ in 0..1_000_000 {
///     v = Value::list(vec![v]);
/// }
/// drop(v);
/// trashcan::dispose(vec![1u8, 2, 3]); // any value can be disposed of
/// ```
#[inline]
pub fn dispose<T: 'static>(contents: T) {
    let depth = DEPTH.with(Cell::get);
    if depth >= MAX_DEPTH {
        PARKED.with(|p| p.borrow_mut().push(Box::new(contents)));
        return;
    }
    DEPTH.with(|d| d.set(depth + 1));
    drop(contents);
    if depth == 0 {
        // The outermost disposal: drop what deeper levels parked, which may park
        // more, until nothing is left.
        while let Some(batch) = PARKED.with(|p| {
            let mut p = p.borrow_mut();
            if p.is_empty() {
                None
            } else {
                Some(std::mem::take(&mut *p))
            }
        }) {
            drop(batch);
        }
    }
    DEPTH.with(|d| d.set(depth));
}
