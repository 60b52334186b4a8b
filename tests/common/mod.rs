//! Helpers shared by the integration tests (each test file is its own crate and uses
//! only some of them).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use atoll::{Error, Interpreter};
use tracing::field::{Field, Visit};
use tracing::subscriber::Interest;
use tracing::{Metadata, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

/// Formats an error for a test failure message, with the Python traceback if any.
pub fn describe(err: &Error) -> String {
    match err {
        Error::Python(exc) => format!(
            "uncaught Python exception {}: {}\n{}",
            exc.type_name, exc.message, exc.traceback
        ),
        other => format!("{other} ({other:?})"),
    }
}

/// Runs `code` in `interp` and panics with the Python traceback if it fails.
#[track_caller]
pub fn exec(interp: &Interpreter, code: &str) {
    if let Err(err) = interp.exec(code) {
        panic!("exec failed: {}\n--- code ---\n{code}", describe(&err));
    }
}

/// Polls `cond` every few milliseconds until it holds or `limit` passes; returns
/// whether it held. Used to wait for asynchronous effects (an OS thread exiting), never
/// to assert how long something took.
pub fn wait_until(limit: Duration, mut cond: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    loop {
        if cond() {
            return true;
        }
        if start.elapsed() > limit {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// One captured `tracing` event.
#[derive(Clone, Debug, Default)]
pub struct Captured {
    pub target: String,
    pub message: String,
    pub fields: BTreeMap<String, String>,
}

impl Captured {
    /// A field as an integer (fields recorded as u64, i64 or their text).
    pub fn u64(&self, name: &str) -> Option<u64> {
        self.fields.get(name)?.trim_matches('"').parse().ok()
    }
}

/// Every captured event of the target below, in the order they were emitted.
static EVENTS: Mutex<Vec<Captured>> = Mutex::new(Vec::new());

/// The target collected; everything else is never even enabled.
const TARGET: &str = "atoll::thread";

struct Collector;

struct FieldVisitor<'a> {
    message: &'a mut String,
    fields: &'a mut BTreeMap<String, String>,
}

impl Visit for FieldVisitor<'_> {
    fn record_u64(&mut self, field: &Field, value: u64) {
        self.fields
            .insert(field.name().to_owned(), value.to_string());
    }
    fn record_i64(&mut self, field: &Field, value: i64) {
        self.fields
            .insert(field.name().to_owned(), value.to_string());
    }
    fn record_bool(&mut self, field: &Field, value: bool) {
        self.fields
            .insert(field.name().to_owned(), value.to_string());
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            *self.message = value.to_owned();
        } else {
            self.fields
                .insert(field.name().to_owned(), value.to_owned());
        }
    }
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        let text = format!("{value:?}");
        if field.name() == "message" {
            *self.message = text;
        } else {
            self.fields.insert(field.name().to_owned(), text);
        }
    }
}

impl<S: Subscriber> Layer<S> for Collector {
    fn register_callsite(&self, metadata: &'static Metadata<'static>) -> Interest {
        if metadata.target() == TARGET {
            Interest::always()
        } else {
            Interest::never()
        }
    }

    fn enabled(&self, metadata: &Metadata<'_>, _ctx: Context<'_, S>) -> bool {
        metadata.target() == TARGET
    }

    fn on_event(&self, event: &tracing::Event<'_>, _ctx: Context<'_, S>) {
        if event.metadata().target() != TARGET {
            return;
        }
        let mut captured = Captured {
            target: event.metadata().target().to_owned(),
            ..Captured::default()
        };
        event.record(&mut FieldVisitor {
            message: &mut captured.message,
            fields: &mut captured.fields,
        });
        EVENTS
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(captured);
    }
}

/// Installs the collector as the process-wide default subscriber (once).
///
/// A scoped default (`tracing::subscriber::with_default`) would only see events of
/// the test's own thread; thread-lifecycle events are also emitted on the OS threads
/// the interpreter starts, so the collector must be the global default. Tests that
/// share the process tell their events apart by the `interp` field.
pub fn install_collector() {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        let subscriber = tracing_subscriber::registry().with(Collector);
        tracing::subscriber::set_global_default(subscriber)
            .expect("no other global tracing subscriber in this test binary");
    });
}

/// The captured `atoll::thread` events of interpreter `interp`, in emission order.
pub fn thread_events(interp: u64) -> Vec<Captured> {
    EVENTS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .filter(|e| e.u64("interp") == Some(interp))
        .cloned()
        .collect()
}

/// The OS thread ids of this process (entries of /proc/self/task).
#[cfg(target_os = "linux")]
pub fn os_threads() -> std::collections::BTreeSet<u64> {
    std::fs::read_dir("/proc/self/task")
        .expect("read /proc/self/task")
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .collect()
}
