//! The thread-safe cores of `_thread.lock` and `_thread.RLock`: plain data behind a
//! `parking_lot` mutex and condition variable, used with the GIL released while a
//! thread blocks. They remember their owner's ident, so a thread dump or deadlock
//! detector can tell who holds what.
//!
//! A `lock` may be released by any thread (as in CPython); an `RLock` only by its
//! owner, and it counts recursive acquisitions.

use std::time::Instant;

use crate::sync::{Condvar, Mutex};

use super::wait::{StopFlag, WaitTarget};

#[derive(Default)]
struct LockState {
    locked: bool,
    /// Ident of the last thread that acquired it (meaningful while locked).
    owner: u64,
}

/// The core of `_thread.lock`.
#[derive(Default)]
pub struct LockCore {
    state: Mutex<LockState>,
    cv: Condvar,
}

impl LockCore {
    /// A new unlocked lock.
    pub fn new() -> LockCore {
        LockCore::default()
    }

    /// Takes the lock for thread `ident` if it is free. Never blocks.
    #[inline]
    pub fn try_acquire(&self, ident: u64) -> bool {
        let mut g = self.state.lock();
        if g.locked {
            return false;
        }
        g.locked = true;
        g.owner = ident;
        true
    }

    /// Blocks (call it with the GIL released) until the lock is taken for `ident`
    /// (true), or the deadline passes or `stop` is set (false).
    pub fn acquire_until(&self, ident: u64, deadline: Option<Instant>, stop: &StopFlag) -> bool {
        let mut g = self.state.lock();
        loop {
            if !g.locked {
                g.locked = true;
                g.owner = ident;
                stop.finish();
                return true;
            }
            if stop.is_set() {
                return false;
            }
            match deadline {
                None => self.cv.wait(&mut g),
                Some(d) => {
                    if self.cv.wait_until(&mut g, d).timed_out() {
                        if !g.locked {
                            g.locked = true;
                            g.owner = ident;
                            stop.finish();
                            return true;
                        }
                        return false;
                    }
                }
            }
        }
    }

    /// Releases it. False if it was not locked.
    #[inline]
    pub fn release(&self) -> bool {
        let mut g = self.state.lock();
        if !g.locked {
            return false;
        }
        g.locked = false;
        g.owner = 0;
        drop(g);
        self.cv.notify_one();
        true
    }

    /// Whether it is locked.
    #[inline]
    pub fn locked(&self) -> bool {
        self.state.lock().locked
    }
}

impl WaitTarget for LockCore {
    fn owner(&self) -> Option<u64> {
        let g = self.state.lock();
        (g.locked && g.owner != 0).then_some(g.owner)
    }

    fn stuck(&self) -> bool {
        self.state.lock().locked
    }

    fn wake_all(&self) {
        let _g = self.state.lock();
        self.cv.notify_all();
    }
}

#[derive(Default)]
struct RLockState {
    /// Ident of the owner, 0 when free.
    owner: u64,
    count: u64,
}

/// The core of `_thread.RLock`: a lock its owner may take again.
#[derive(Default)]
pub struct RLockCore {
    state: Mutex<RLockState>,
    cv: Condvar,
}

/// Why an `RLock` operation failed.
#[derive(Debug, PartialEq, Eq)]
pub enum RLockError {
    /// Released (or saved) by a thread that does not own it.
    NotOwned,
    /// The recursion count would overflow.
    Overflow,
}

impl RLockCore {
    /// A new free RLock.
    pub fn new() -> RLockCore {
        RLockCore::default()
    }

    /// Takes it for `ident` if free or already owned by `ident`. Never blocks.
    #[inline]
    pub fn try_acquire(&self, ident: u64) -> Result<bool, RLockError> {
        let mut g = self.state.lock();
        if g.owner == ident && g.count > 0 {
            g.count = g.count.checked_add(1).ok_or(RLockError::Overflow)?;
            return Ok(true);
        }
        if g.count == 0 {
            g.owner = ident;
            g.count = 1;
            return Ok(true);
        }
        Ok(false)
    }

    /// Blocks (GIL released) until it is taken by `ident` with recursion count
    /// `count` (true), or the deadline passes or `stop` is set (false).
    pub fn acquire_until(
        &self,
        ident: u64,
        count: u64,
        deadline: Option<Instant>,
        stop: &StopFlag,
    ) -> bool {
        let mut g = self.state.lock();
        loop {
            if g.count == 0 {
                g.owner = ident;
                g.count = count;
                stop.finish();
                return true;
            }
            if stop.is_set() {
                return false;
            }
            match deadline {
                None => self.cv.wait(&mut g),
                Some(d) => {
                    if self.cv.wait_until(&mut g, d).timed_out() {
                        if g.count == 0 {
                            g.owner = ident;
                            g.count = count;
                            stop.finish();
                            return true;
                        }
                        return false;
                    }
                }
            }
        }
    }

    /// Takes it with recursion count `count` if free (for `_acquire_restore`).
    pub fn try_acquire_count(&self, ident: u64, count: u64) -> bool {
        let mut g = self.state.lock();
        if g.count == 0 {
            g.owner = ident;
            g.count = count;
            return true;
        }
        false
    }

    /// Releases one level for `ident`.
    #[inline]
    pub fn release(&self, ident: u64) -> Result<(), RLockError> {
        let mut g = self.state.lock();
        if g.count == 0 || g.owner != ident {
            return Err(RLockError::NotOwned);
        }
        g.count -= 1;
        if g.count == 0 {
            g.owner = 0;
            drop(g);
            self.cv.notify_one();
        }
        Ok(())
    }

    /// Releases it completely, returning (count, owner) (`_release_save`).
    pub fn release_save(&self) -> Result<(u64, u64), RLockError> {
        let mut g = self.state.lock();
        if g.count == 0 {
            return Err(RLockError::NotOwned);
        }
        let saved = (g.count, g.owner);
        g.count = 0;
        g.owner = 0;
        drop(g);
        self.cv.notify_one();
        Ok(saved)
    }

    /// Whether `ident` owns it.
    pub fn is_owned_by(&self, ident: u64) -> bool {
        let g = self.state.lock();
        g.count > 0 && g.owner == ident
    }

    /// (owner, count); owner is 0 when free.
    pub fn snapshot(&self) -> (u64, u64) {
        let g = self.state.lock();
        (g.owner, g.count)
    }
}

impl WaitTarget for RLockCore {
    fn owner(&self) -> Option<u64> {
        let g = self.state.lock();
        (g.count > 0).then_some(g.owner)
    }

    fn stuck(&self) -> bool {
        self.state.lock().count > 0
    }

    fn wake_all(&self) {
        let _g = self.state.lock();
        self.cv.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::Duration;

    #[test]
    fn lock_times_out_and_hands_over() {
        let l = Arc::new(LockCore::new());
        assert!(l.try_acquire(1));
        assert!(!l.try_acquire(2));
        assert_eq!(l.owner(), Some(1));
        let d = Instant::now() + Duration::from_millis(20);
        assert!(!l.acquire_until(2, Some(d), &StopFlag::never()));
        let l2 = l.clone();
        let h = std::thread::spawn(move || l2.acquire_until(2, None, &StopFlag::never()));
        std::thread::sleep(Duration::from_millis(10));
        assert!(l.release());
        assert!(h.join().unwrap());
        assert_eq!(l.owner(), Some(2));
        assert!(l.release());
        assert!(!l.release());
    }

    #[test]
    fn rlock_counts_and_checks_owner() {
        let r = RLockCore::new();
        assert_eq!(r.try_acquire(1), Ok(true));
        assert_eq!(r.try_acquire(1), Ok(true));
        assert_eq!(r.try_acquire(2), Ok(false));
        assert_eq!(r.release(2), Err(RLockError::NotOwned));
        assert_eq!(r.release_save(), Ok((2, 1)));
        assert!(r.try_acquire_count(1, 2));
        assert_eq!(r.snapshot(), (1, 2));
        assert_eq!(r.release(1), Ok(()));
        assert_eq!(r.release(1), Ok(()));
        assert_eq!(r.release(1), Err(RLockError::NotOwned));
    }
}
