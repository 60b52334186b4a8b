//! Thread states and their lifecycle, step by step as CPython does it:
//!
//! 1. [`create_thread_state`]: insert a `ThreadEntry` into the interpreter's registry
//! 2. [`create_os_thread`]: spawn the OS thread
//! 3. [`bind_os_thread`]: record the OS thread's ident and native id
//! 4. [`start_eval_loop`]: take the GIL and make the thread's [`Vm`]
//! 5. [`finalize_thread_state`]: clear its objects under the GIL, leave the registry,
//!    drop the GIL
//! 6. [`exit_os_thread`]: the OS thread ends
//!
//! A host thread running code (`exec`) does steps 1, 3, 4 and 5 on its own OS thread.
//! Every step is a `tracing` event under target `atoll::thread` with fields `interp`,
//! `thread`, `native_id` and `step`.
//!
//! Blocking waits ([`block`]) leave records that a thread dump ([`dump`]) and the
//! deadlock detector ([`deadlock`]) read; [`interrupt`] raises `KeyboardInterrupt`
//! in the main thread on SIGINT.

pub mod deadlock;
pub mod dump;
pub mod interrupt;
mod lifecycle;
pub mod lock;
mod shutdown;
mod spawn;
pub mod stack;
pub mod wait;

pub use interrupt::interrupt_main;
pub use lifecycle::{
    bind_os_thread, create_os_thread, create_thread_state, current_ident, current_native_id,
    exit_os_thread, finalize_thread_state, start_eval_loop, with_vm,
};
pub use shutdown::{
    abandon_threads, run_threading_shutdown, stop_daemon_threads, wait_for_non_daemon_threads,
};
pub use spawn::{ThreadHandle, spawn_thread};
pub use stack::{Stack, StackFrame};
pub use wait::{Abort, StopFlag, WaitCtl, WaitKind, WaitRecord, WaitTarget, block};
