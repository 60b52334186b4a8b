//! Interruptible line reads of the process's stdin (`input()`,
//! `sys.stdin.readline()`).
//!
//! A blocking `read` can't be woken by another thread, so the reads are done by
//! one helper OS thread (started at the first line read) that reads a line each
//! time one is asked for; the reading Python thread waits for it through
//! [`crate::threads::block`] (a wait of kind `Input`, which a thread dump shows
//! and the deadlock detector never calls dead). `KeyboardInterrupt` (SIGINT) thus
//! ends the wait of the main thread; the line being read is then kept for the
//! next line read.

use std::io::BufRead;
use std::sync::{Arc, OnceLock};

use crate::sync::{Condvar, Mutex};
use crate::threads::{WaitKind, WaitTarget, block};
use crate::vm::{PyResult, Vm};

#[derive(Default)]
struct State {
    /// A line is wanted and the reader has not delivered it yet.
    wanted: bool,
    /// The line read (with its newline; empty at end of input), not taken yet.
    line: Option<std::io::Result<Vec<u8>>>,
}

/// The reader thread's mailbox.
#[derive(Default)]
struct Reader {
    state: Mutex<State>,
    cv: Condvar,
}

impl WaitTarget for Reader {
    fn wake_all(&self) {
        let _g = self.state.lock();
        self.cv.notify_all();
    }
}

static READER: OnceLock<Option<Arc<Reader>>> = OnceLock::new();

/// The reader, started on first use (None if no thread could be started).
fn reader() -> Option<Arc<Reader>> {
    READER
        .get_or_init(|| {
            let r = Arc::new(Reader::default());
            let r2 = r.clone();
            std::thread::Builder::new()
                .name("atoll-stdin".into())
                .spawn(move || read_lines(&r2))
                .ok()
                .map(|_| r)
        })
        .clone()
}

/// The reader thread: reads a line each time one is wanted.
fn read_lines(r: &Reader) {
    loop {
        {
            let mut g = r.state.lock();
            while !g.wanted || g.line.is_some() {
                r.cv.wait(&mut g);
            }
        }
        let mut buf = Vec::new();
        let got = std::io::stdin()
            .lock()
            .read_until(b'\n', &mut buf)
            .map(|_| buf);
        let mut g = r.state.lock();
        g.line = Some(got);
        g.wanted = false;
        r.cv.notify_all();
    }
}

/// Reads one line (with its newline; empty at end of input), releasing the GIL;
/// the wait ends early with `KeyboardInterrupt` in the main thread on SIGINT.
pub fn read_line(vm: &mut Vm) -> PyResult<std::io::Result<Vec<u8>>> {
    let Some(r) = reader() else {
        // no helper thread: a plain blocking read
        return Ok(vm.allow_threads(|| {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .read_until(b'\n', &mut buf)
                .map(|_| buf)
        }));
    };
    {
        let mut g = r.state.lock();
        if let Some(line) = g.line.take() {
            r.cv.notify_all();
            return Ok(line);
        }
        g.wanted = true;
        r.cv.notify_all();
    }
    let r2 = r.clone();
    let got = block(vm, WaitKind::Input, 0, None, r, move |_, stop| {
        let mut g = r2.state.lock();
        loop {
            if let Some(line) = g.line.take() {
                stop.finish();
                r2.cv.notify_all();
                return Some(line);
            }
            if stop.is_set() {
                return None;
            }
            r2.cv.wait(&mut g);
        }
    })?;
    match got {
        Some(line) => Ok(line),
        // ended without an exception (a daemon thread told to stop raises)
        None => Ok(Ok(Vec::new())),
    }
}
