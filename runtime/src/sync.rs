//! The one place locks and atomics come from, and the one GIL-guarded cell.
//!
//! [`GilCell`] holds an interpreter's object state. It hands out a reference only to a
//! caller that shows a [`GilHeld`] token for that same interpreter: holding the GIL is
//! what makes it sound for several OS threads of one interpreter to reach the same
//! `Rc`/`RefCell` objects, exactly as in CPython.

pub use parking_lot::{Condvar, Mutex, MutexGuard, RwLock};
pub use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering};

use std::cell::UnsafeCell;
use std::marker::PhantomData;

/// Proof that the current OS thread holds the GIL of interpreter `interp`.
///
/// Only the thread-state code that takes the GIL creates one, and it drops it before
/// releasing the GIL. It is `!Send`, so it can't leak to another thread.
pub struct GilHeld {
    interp: u64,
    _not_send: PhantomData<*const ()>,
}

impl GilHeld {
    /// Makes a token. Crate-private: only the GIL-taking code may call it, right after
    /// taking interpreter `interp`'s GIL.
    pub(crate) fn assert_held(interp: u64) -> GilHeld {
        GilHeld {
            interp,
            _not_send: PhantomData,
        }
    }

    /// The interpreter whose GIL is held.
    pub fn interp(&self) -> u64 {
        self.interp
    }
}

/// A value owned by one interpreter, reachable only with its GIL held.
pub struct GilCell<T> {
    interp: u64,
    value: UnsafeCell<T>,
}

// SAFETY: the value is only reached through `get`/`get_mut`, which require a
// `GilHeld` token for this cell's interpreter; at most one OS thread holds that GIL at
// a time, and taking/releasing the GIL (a parking_lot mutex) orders every access.
// So the !Send/!Sync contents are never touched by two threads concurrently.
unsafe impl<T> Sync for GilCell<T> {}
// SAFETY: as above; moving the cell between threads moves no access with it.
unsafe impl<T> Send for GilCell<T> {}

impl<T> GilCell<T> {
    /// A cell owned by interpreter `interp`.
    pub fn new(interp: u64, value: T) -> GilCell<T> {
        GilCell {
            interp,
            value: UnsafeCell::new(value),
        }
    }

    /// The value, for a holder of this interpreter's GIL.
    pub fn get<'a>(&'a self, held: &'a GilHeld) -> &'a T {
        assert_eq!(held.interp, self.interp, "GIL of another interpreter");
        // SAFETY: the caller holds this interpreter's GIL (see the impls above); shared
        // references handed out here never outlive the token's borrow.
        unsafe { &*self.value.get() }
    }

    /// Replaces the value, for a holder of this interpreter's GIL.
    pub fn replace(&self, held: &GilHeld, value: T) -> T {
        assert_eq!(held.interp, self.interp, "GIL of another interpreter");
        // SAFETY: GIL held as in `get`; callers don't hold a reference from `get` across
        // this call (the only caller replaces the state at creation and at finalization,
        // when no frame of this interpreter runs).
        unsafe { std::mem::replace(&mut *self.value.get(), value) }
    }
}

/// Moves a `!Send` value to another OS thread of the *same* interpreter.
///
/// The one hand-off of a thread's target to its new OS thread: the new thread opens it
/// only after it has taken the interpreter's GIL.
pub(crate) struct SendBox<T>(T);

// SAFETY: the box is created by a thread holding interpreter I's GIL and opened with
// `into_inner` only by a thread holding I's GIL (both enforced by the token argument);
// the GIL hand-off orders the two accesses, so the contents are never shared unsynchronized.
unsafe impl<T> Send for SendBox<T> {}

impl<T> SendBox<T> {
    /// Wraps `value`; the caller holds the GIL.
    pub(crate) fn new(_held: &GilHeld, value: T) -> SendBox<T> {
        SendBox(value)
    }

    /// Unwraps; the caller holds the GIL of the interpreter that made it.
    pub(crate) fn into_inner(self, _held: &GilHeld) -> T {
        self.0
    }
}
