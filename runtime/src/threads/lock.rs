//! The thread-safe cores of `_thread.lock` and `_thread.RLock`: plain data behind a
//! `parking_lot` mutex and condition variable, used with the GIL released while a
//! thread blocks. They remember their owner's ident, so a thread dump or deadlock
//! detector can tell who holds what.
//!
//! A `lock` may be released by any thread (as in CPython); an `RLock` only by its
//! owner, and it counts recursive acquisitions.

use std::time::Instant;

use crate::sync::{AtomicU64, AtomicUsize, Condvar, Mutex, Ordering};

use super::wait::{StopFlag, WaitTarget};

/// The value an owner field holds for thread `ident`: 0 means "free", so a (never
/// seen in practice) ident 0 is stored as `u64::MAX`.
#[inline]
fn tag(ident: u64) -> u64 {
    if ident == 0 { u64::MAX } else { ident }
}

/// The ident a non-zero owner field stands for.
#[inline]
fn untag(owner: u64) -> u64 {
    if owner == u64::MAX { 0 } else { owner }
}

/// The blocking half shared by both cores: threads that found the lock taken wait
/// on `cv` under `mutex`, counted in `waiters`.
///
/// Taking and releasing the lock are single atomic operations on the owner field
/// and never touch the mutex. A waiter counts itself in `waiters` (under the mutex)
/// before it tries to take the lock, and a releaser frees the lock before it reads
/// `waiters` (both sequentially consistent), so either the waiter sees the lock
/// free or the releaser sees the waiter and notifies it under the mutex, which
/// the waiter only lets go of inside `Condvar::wait`: no wake-up is lost.
#[derive(Default)]
struct Parking {
    mutex: Mutex<()>,
    cv: Condvar,
    waiters: AtomicUsize,
}

impl Parking {
    /// Wakes one waiter, if there is one (after the lock was freed).
    #[inline]
    fn wake_one(&self) {
        if self.waiters.load(Ordering::SeqCst) > 0 {
            let _g = self.mutex.lock();
            self.cv.notify_one();
        }
    }

    /// Blocks until `take` succeeds (true), or the deadline passes or `stop` is set
    /// (false). `take` runs under the mutex, so the deadlock detector (which reads
    /// the state under it too) sees the new owner and the finished wait together.
    fn wait_for(
        &self,
        deadline: Option<Instant>,
        stop: &StopFlag,
        mut take: impl FnMut() -> bool,
    ) -> bool {
        let mut g = self.mutex.lock();
        self.waiters.fetch_add(1, Ordering::SeqCst);
        let got = loop {
            if take() {
                stop.finish();
                break true;
            }
            if stop.is_set() {
                break false;
            }
            match deadline {
                None => self.cv.wait(&mut g),
                Some(d) => {
                    if self.cv.wait_until(&mut g, d).timed_out() {
                        let got = take();
                        if got {
                            stop.finish();
                        }
                        break got;
                    }
                }
            }
        };
        self.waiters.fetch_sub(1, Ordering::SeqCst);
        got
    }

    /// Wakes every waiter (to make it look at its stop flag).
    fn wake_all(&self) {
        let _g = self.mutex.lock();
        self.cv.notify_all();
    }
}

/// The core of `_thread.lock`.
#[derive(Default)]
pub struct LockCore {
    /// 0 when free, else the tagged ident of the thread that took it.
    owner: AtomicU64,
    parking: Parking,
}

impl LockCore {
    /// A new unlocked lock.
    pub fn new() -> LockCore {
        LockCore::default()
    }

    /// Takes the lock for thread `ident` if it is free. Never blocks.
    #[inline]
    pub fn try_acquire(&self, ident: u64) -> bool {
        self.owner
            .compare_exchange(0, tag(ident), Ordering::SeqCst, Ordering::Relaxed)
            .is_ok()
    }

    /// Blocks (call it with the GIL released) until the lock is taken for `ident`
    /// (true), or the deadline passes or `stop` is set (false).
    pub fn acquire_until(&self, ident: u64, deadline: Option<Instant>, stop: &StopFlag) -> bool {
        self.parking
            .wait_for(deadline, stop, || self.try_acquire(ident))
    }

    /// Releases it. False if it was not locked.
    #[inline]
    pub fn release(&self) -> bool {
        if self.owner.swap(0, Ordering::SeqCst) == 0 {
            return false;
        }
        self.parking.wake_one();
        true
    }

    /// Whether it is locked.
    #[inline]
    pub fn locked(&self) -> bool {
        self.owner.load(Ordering::SeqCst) != 0
    }
}

impl WaitTarget for LockCore {
    fn owner(&self) -> Option<u64> {
        let _g = self.parking.mutex.lock();
        match self.owner.load(Ordering::SeqCst) {
            0 => None,
            o => Some(untag(o)).filter(|&o| o != 0),
        }
    }

    fn stuck(&self) -> bool {
        let _g = self.parking.mutex.lock();
        self.locked()
    }

    fn wake_all(&self) {
        self.parking.wake_all();
    }
}

/// The core of `_thread.RLock`: a lock its owner may take again.
#[derive(Default)]
pub struct RLockCore {
    /// 0 when free, else the tagged ident of the owner.
    owner: AtomicU64,
    /// Recursion count; only the owner changes it while it is owned.
    count: AtomicU64,
    parking: Parking,
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
        let me = tag(ident);
        if self.owner.load(Ordering::Relaxed) == me {
            // only the owner itself gets here, and only it changes the count
            let c = self.count.load(Ordering::Relaxed);
            let c = c.checked_add(1).ok_or(RLockError::Overflow)?;
            self.count.store(c, Ordering::Relaxed);
            return Ok(true);
        }
        Ok(self.try_acquire_count(ident, 1))
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
        self.parking
            .wait_for(deadline, stop, || self.try_acquire_count(ident, count))
    }

    /// Takes it with recursion count `count` if free (for `_acquire_restore`).
    #[inline]
    pub fn try_acquire_count(&self, ident: u64, count: u64) -> bool {
        if self
            .owner
            .compare_exchange(0, tag(ident), Ordering::SeqCst, Ordering::Relaxed)
            .is_ok()
        {
            self.count.store(count, Ordering::Relaxed);
            true
        } else {
            false
        }
    }

    /// Releases one level for `ident`.
    #[inline]
    pub fn release(&self, ident: u64) -> Result<(), RLockError> {
        if self.owner.load(Ordering::Relaxed) != tag(ident) {
            return Err(RLockError::NotOwned);
        }
        let c = self.count.load(Ordering::Relaxed) - 1;
        self.count.store(c, Ordering::Relaxed);
        if c == 0 {
            self.owner.store(0, Ordering::SeqCst);
            self.parking.wake_one();
        }
        Ok(())
    }

    /// Releases it completely, returning (count, owner) (`_release_save`).
    pub fn release_save(&self) -> Result<(u64, u64), RLockError> {
        let owner = self.owner.load(Ordering::SeqCst);
        if owner == 0 {
            return Err(RLockError::NotOwned);
        }
        let saved = (self.count.load(Ordering::SeqCst), untag(owner));
        self.count.store(0, Ordering::Relaxed);
        self.owner.store(0, Ordering::SeqCst);
        self.parking.wake_one();
        Ok(saved)
    }

    /// Whether `ident` owns it.
    #[inline]
    pub fn is_owned_by(&self, ident: u64) -> bool {
        self.owner.load(Ordering::SeqCst) == tag(ident)
    }

    /// (owner, count); owner is 0 when free.
    pub fn snapshot(&self) -> (u64, u64) {
        let owner = self.owner.load(Ordering::SeqCst);
        if owner == 0 {
            (0, 0)
        } else {
            (untag(owner), self.count.load(Ordering::SeqCst))
        }
    }
}

impl WaitTarget for RLockCore {
    fn owner(&self) -> Option<u64> {
        let _g = self.parking.mutex.lock();
        match self.owner.load(Ordering::SeqCst) {
            0 => None,
            o => Some(untag(o)),
        }
    }

    fn stuck(&self) -> bool {
        let _g = self.parking.mutex.lock();
        self.owner.load(Ordering::SeqCst) != 0
    }

    fn wake_all(&self) {
        self.parking.wake_all();
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
