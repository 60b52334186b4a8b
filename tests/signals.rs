//! Signals of the `atoll` CLI: SIGQUIT prints every thread's Python stack on
//! stderr and the program goes on; SIGINT raises `KeyboardInterrupt` in the main
//! thread, also while it is blocked (sleep, lock, join, queue), and the program
//! exits with status 130 after the traceback, as CPython's does.
//!
//! The signals are sent with the system's `kill` command (no `unsafe` needed).
//! No test asserts how long anything took.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

/// Writes `source` to a fresh script file.
fn script(name: &str, source: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atoll-signals-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, source).expect("write script");
    path
}

/// Starts `atoll path` and waits until it printed the line `ready`. Its stdin
/// is an open pipe nobody writes to.
fn start(path: &PathBuf) -> (Child, BufReader<ChildStdout>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_atoll"))
        .arg(path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start atoll");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    out.read_line(&mut line).expect("read stdout");
    assert_eq!(line, "ready\n", "the script did not start");
    (child, out)
}

fn kill(child: &Child, signal: &str) {
    let status = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(child.id().to_string())
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -{signal} failed");
}

/// Waits for the child to exit (at most a minute: a hang is a failure); returns
/// its exit code, the rest of its stdout and its stderr.
fn finish(mut child: Child, mut out: BufReader<ChildStdout>) -> (Option<i32>, String, String) {
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("atoll did not exit");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let mut stdout = String::new();
    out.read_to_string(&mut stdout).expect("stdout");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("stderr");
    (status.code(), stdout, stderr)
}

/// Sends SIGQUIT a few times, 200 ms apart (the first may come while the main
/// thread is still on its way to its sleep), then lets the program finish.
fn dump_a_few_times(child: &Child) {
    for _ in 0..4 {
        kill(child, "QUIT");
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The dump's per-thread blocks (header line, faulthandler header, frames).
fn blocks(stderr: &str) -> Vec<&str> {
    stderr
        .split("\n\n")
        .filter(|b| b.starts_with("Interpreter "))
        .collect()
}

#[test]
fn sigquit_dumps_every_thread_and_the_program_goes_on() {
    let path = script(
        "dump.py",
        r#"import threading, time
lock = threading.Lock()
lock.acquire()
about_to_block = threading.Event()
def take_lock():
    about_to_block.set()
    with lock:
        print("worker got the lock", flush=True)
def nap():
    time.sleep(3)
t = threading.Thread(target=take_lock, name="locker")
t.start()
about_to_block.wait()
time.sleep(0.2)
print("ready", flush=True)
nap()
lock.release()
t.join()
print("finished")
"#,
    );
    let (child, out) = start(&path);
    dump_a_few_times(&child);
    let (code, stdout, stderr) = finish(child, out);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stdout, "worker got the lock\nfinished\n", "{stderr}");
    let path = path.display().to_string();
    let blocks = blocks(&stderr);
    // the main thread, sleeping: its stack most recent call first
    let nap = format!(
        " (most recent call first):\n  File \"{path}\", line 10 in nap\n  File \"{path}\", line 16 in <module>"
    );
    assert!(
        blocks.iter().any(|b| b
            .starts_with("Interpreter 0, thread \"MainThread\" (main): sleeping (3.000s)\n")
            && b.ends_with(&nap)),
        "{stderr}"
    );
    // the worker, blocked on the lock the main thread holds
    assert!(
        blocks.iter().any(|b| b.starts_with(
            "Interpreter 0, thread \"locker\": waiting for lock <locked _thread.lock object at 0x"
        ) && b.contains(" \"MainThread\"\nThread 0x")
            && b.contains(&format!("  File \"{path}\", line 7 in take_lock\n"))),
        "{stderr}"
    );
}

#[test]
fn sigquit_asks_running_threads_for_their_stacks() {
    let path = script(
        "dump_running.py",
        r#"import threading, time
stop = threading.Event()
spinning = threading.Event()
def spin():
    spinning.set()
    n = 0
    while not stop.is_set():
        n += 1
t = threading.Thread(target=spin, name="spinner")
t.start()
spinning.wait()
print("ready", flush=True)
time.sleep(5)
stop.set()
t.join()
print("finished")
"#,
    );
    let (child, out) = start(&path);
    // A loaded machine may not schedule the spinner at every dump: ask often.
    for _ in 0..12 {
        kill(&child, "QUIT");
        std::thread::sleep(Duration::from_millis(300));
    }
    let (code, stdout, stderr) = finish(child, out);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stdout, "finished\n");
    assert!(
        blocks(&stderr).iter().any(|b| b
            .starts_with("Interpreter 0, thread \"spinner\": running\n")
            && b.contains(" in spin\n")),
        "{stderr}"
    );
}

#[track_caller]
fn interrupted(name: &str, source: &str) {
    let path = script(name, source);
    let (child, out) = start(&path);
    kill(&child, "INT");
    let (code, _, stderr) = finish(child, out);
    assert_eq!(code, Some(130), "{stderr}");
    assert!(
        stderr.starts_with("Traceback (most recent call last):\n"),
        "{stderr}"
    );
    assert!(stderr.ends_with("\nKeyboardInterrupt\n"), "{stderr}");
}

#[test]
fn sigint_stops_a_busy_loop() {
    interrupted(
        "busy.py",
        "print('ready', flush=True)\nwhile True:\n    pass\n",
    );
}

#[test]
fn sigint_wakes_a_sleep() {
    interrupted(
        "sleep.py",
        "import time\nprint('ready', flush=True)\ntime.sleep(100)\n",
    );
}

#[test]
fn sigint_wakes_input() {
    let path = script(
        "input.py",
        r#"try:
    print("ready", flush=True)
    input()
except KeyboardInterrupt:
    print("input interrupted", flush=True)
"#,
    );
    let (child, mut out) = start(&path);
    kill(&child, "INT");
    let mut line = String::new();
    out.read_line(&mut line).expect("stdout");
    assert_eq!(line, "input interrupted\n");
    let (code, _, stderr) = finish(child, out);
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn sigint_wakes_lock_queue_and_join_waits() {
    let path = script(
        "waits.py",
        r#"import threading, time, queue
lock = threading.Lock()
lock.acquire()
# a sleeping thread keeps these waits from being a deadlock
sleeper = threading.Thread(target=time.sleep, args=(100,), daemon=True)
sleeper.start()
# each signal may come a little before the wait: the prints are inside the try
try:
    print("ready", flush=True)
    lock.acquire()
except KeyboardInterrupt:
    pass
try:
    print("lock interrupted", flush=True)
    queue.Queue().get()
except KeyboardInterrupt:
    pass
print("get interrupted", flush=True)
sleeper.join()
"#,
    );
    let (child, mut out) = start(&path);
    for expected in ["lock interrupted\n", "get interrupted\n"] {
        kill(&child, "INT");
        let mut line = String::new();
        out.read_line(&mut line).expect("stdout");
        assert_eq!(line, expected);
    }
    kill(&child, "INT");
    let (code, _, stderr) = finish(child, out);
    assert_eq!(code, Some(130), "{stderr}");
    assert!(stderr.ends_with("\nKeyboardInterrupt\n"), "{stderr}");
}
