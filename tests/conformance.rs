//! Conformance: every `tests/scripts/NAME.py` is run with the `atoll` binary and its
//! stdout is compared with `NAME.expected`, the output of CPython 3.11 for the same
//! script (regenerate with `tests/regen_expected.sh`).
//!
//! A script runs from `tests/scripts` as `atoll NAME.py [ARGS...]`, where ARGS are
//! the lines of `NAME.args` if that file exists. It must exit with status 0.
//! Every script is run, and every failure is reported with a diff at the end.
//! Scripts parked in `tests/scripts/pending/` (waiting for features) are not run.
//! The `interp_*` scripts (`concurrent.interpreters`) take their expectations from
//! CPython 3.13 with the `backports.interpreters` package instead, or by hand from
//! the 3.14 docs (`tests/regen_interp_expected.sh`).
//!
//! The benchmark programs `bench/programs/NAME.py` are checked the same way at
//! their small test scale: run from `bench/programs` with the lines of `NAME.args`
//! as arguments and `NAME.stdin` (if present) on stdin, compared with `NAME.expected`
//! (regenerate with `bench/regen_expected.sh`). Programs named in
//! `bench/programs/PENDING` (one per line, `NAME  # reason`) are not run yet; the
//! test prints them so they stay visible.
//! The example programs `examples/scripts/NAME.py` that have a `NAME.expected`
//! beside them are run the same way, from `examples/scripts`.

use std::fmt::Write as _;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A script that runs longer than this is killed and reported (a hang, not a timing
/// assertion: the slowest script takes well under a second).
const HANG_LIMIT: Duration = Duration::from_secs(60);

fn scripts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("scripts")
}

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join("scripts")
}

/// The `.py` files of `dir` (all of them, or only those with a `.expected`).
fn scripts_in(dir: &Path, only_with_expected: bool) -> Vec<String> {
    let mut scripts: Vec<String> = std::fs::read_dir(dir)
        .expect("read a scripts directory")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            let stem = name.strip_suffix(".py")?;
            (!only_with_expected || dir.join(format!("{stem}.expected")).exists()).then_some(name)
        })
        .collect();
    scripts.sort();
    scripts
}

struct Outcome {
    status: Option<i32>,
    stdout: String,
    stderr: String,
    hung: bool,
}

fn bench_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("bench")
        .join("programs")
}

/// Runs `atoll SCRIPT ARGS...` in `dir`, with the file `stdin` (or nothing) on stdin.
fn run_script(dir: &Path, script: &str, args: &[String], stdin: Option<&Path>) -> Outcome {
    let stdin = match stdin {
        Some(path) => Stdio::from(
            std::fs::File::open(path).unwrap_or_else(|e| panic!("open {}: {e}", path.display())),
        ),
        None => Stdio::null(),
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_atoll"))
        .arg(script)
        .args(args)
        .current_dir(dir)
        .env_remove("ATOLL_LOG")
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the atoll binary");
    // Drain both pipes on their own threads so a chatty script cannot block.
    let mut out_pipe = child.stdout.take().expect("stdout piped");
    let mut err_pipe = child.stderr.take().expect("stderr piped");
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out_pipe.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_pipe.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let mut hung = false;
    let status = loop {
        match child.try_wait().expect("wait for atoll") {
            Some(status) => break status,
            None if start.elapsed() > HANG_LIMIT => {
                hung = true;
                let _ = child.kill();
                break child.wait().expect("wait for killed atoll");
            }
            None => std::thread::sleep(Duration::from_millis(10)),
        }
    };
    let stdout = out_reader.join().expect("stdout reader");
    let stderr = err_reader.join().expect("stderr reader");
    Outcome {
        status: status.code(),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        hung,
    }
}

/// A line diff (longest common subsequence): `-` expected only, `+` actual only.
fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = String::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            let _ = writeln!(out, "   {}", a[i]);
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            let _ = writeln!(out, "  -{}", a[i]);
            i += 1;
        } else {
            let _ = writeln!(out, "  +{}", b[j]);
            j += 1;
        }
    }
    if expected.ends_with('\n') != actual.ends_with('\n') && !actual.is_empty() {
        let _ = writeln!(out, "  (trailing newline differs)");
    }
    out
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  | {l}\n")).collect()
}

/// The `.py` files of `dir`, sorted.
fn python_files(dir: &Path) -> Vec<String> {
    let mut scripts: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.ends_with(".py").then_some(name)
        })
        .collect();
    scripts.sort();
    scripts
}

/// Runs each script of `dir` and compares its stdout with `NAME.expected`; returns
/// one report per failing script. `NAME.args` gives the arguments, one per line;
/// if `with_stdin`, `NAME.stdin` (when it exists) is piped in. `regen` is the
/// command that rewrites the expectations, for the hint on a missing file.
fn check_scripts(dir: &Path, scripts: &[String], with_stdin: bool, regen: &str) -> Vec<String> {
    let mut failures = Vec::new();
    for script in scripts {
        let stem = script.trim_end_matches(".py");
        let expected_path = dir.join(format!("{stem}.expected"));
        let Ok(expected) = std::fs::read_to_string(&expected_path) else {
            failures.push(format!(
                "{script}: missing {stem}.expected (run {regen} {stem})"
            ));
            continue;
        };
        let args: Vec<String> = std::fs::read_to_string(dir.join(format!("{stem}.args")))
            .map(|text| text.lines().map(str::to_owned).collect())
            .unwrap_or_default();
        let stdin_path = dir.join(format!("{stem}.stdin"));
        let stdin = (with_stdin && stdin_path.exists()).then_some(stdin_path.as_path());

        let out = run_script(dir, script, &args, stdin);
        let mut problems = Vec::new();
        if out.hung {
            problems.push(format!("killed after {HANG_LIMIT:?} (hang?)"));
        } else if out.status != Some(0) {
            problems.push(format!("exit status {:?}, expected 0", out.status));
        }
        if out.stdout != expected {
            problems.push(format!(
                "stdout differs (-expected +actual):\n{}",
                diff(&expected, &out.stdout)
            ));
        }
        if !problems.is_empty() {
            let mut report = format!("{script}: {}", problems.join("\n"));
            if !out.stderr.is_empty() {
                let _ = write!(report, "\nstderr:\n{}", indent(&out.stderr));
            }
            failures.push(report);
        } else {
            eprintln!("ok   {script}");
        }
    }
    failures
}

#[test]
fn scripts_match_cpython() {
    let dir = scripts_dir();
    let scripts = python_files(&dir);
    assert!(!scripts.is_empty(), "no scripts in {}", dir.display());

    let mut failures = check_scripts(&dir, &scripts, false, "tests/regen_expected.sh");
    // The example programs that have an expected output are conformance scripts too.
    let examples_dir = examples_dir();
    let examples = scripts_in(&examples_dir, true);
    failures.extend(check_scripts(
        &examples_dir,
        &examples,
        false,
        "tests/regen_expected.sh",
    ));
    if !failures.is_empty() {
        panic!(
            "{} of {} conformance scripts failed:\n\n{}",
            failures.len(),
            scripts.len() + examples.len(),
            failures.join("\n\n")
        );
    }
}

/// `bench/programs/PENDING`: `(name, reason)` for each program atoll cannot run yet.
fn pending_programs(dir: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(dir.join("PENDING")).unwrap_or_default();
    text.lines()
        .filter_map(|line| {
            let (name, reason) = line.split_once('#').unwrap_or((line, ""));
            let name = name.trim();
            (!name.is_empty()).then(|| (name.to_owned(), reason.trim().to_owned()))
        })
        .collect()
}

#[test]
fn bench_programs_match_cpython_at_test_scale() {
    let dir = bench_dir();
    let all = python_files(&dir);
    assert!(!all.is_empty(), "no programs in {}", dir.display());
    let pending = pending_programs(&dir);

    let mut failures = Vec::new();
    for (name, reason) in &pending {
        if all.iter().any(|p| p.trim_end_matches(".py") == name) {
            eprintln!("pending   {name}.py: {reason}");
        } else {
            failures.push(format!(
                "PENDING names {name}, but there is no bench/programs/{name}.py"
            ));
        }
    }
    let programs: Vec<String> = all
        .into_iter()
        .filter(|p| !pending.iter().any(|(n, _)| n == p.trim_end_matches(".py")))
        .collect();
    eprintln!(
        "{} benchmark programs at test scale, {} pending",
        programs.len(),
        pending.len()
    );

    failures.extend(check_scripts(
        &dir,
        &programs,
        true,
        "bench/regen_expected.sh",
    ));
    if !failures.is_empty() {
        panic!(
            "{} of {} benchmark programs failed at test scale \
             (add one that atoll cannot run yet to bench/programs/PENDING):\n\n{}",
            failures.len(),
            programs.len(),
            failures.join("\n\n")
        );
    }
}

#[test]
fn pending_list_parses_names_and_reasons() {
    let dir = std::env::temp_dir().join(format!("atoll-pending-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(
        dir.join("PENDING"),
        "a  # needs math\n\n  b\n# only a comment\n",
    )
    .expect("write PENDING");
    let got = pending_programs(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        got,
        vec![
            ("a".to_owned(), "needs math".to_owned()),
            ("b".to_owned(), String::new())
        ]
    );
}

#[test]
fn diff_marks_changed_lines() {
    let d = diff("a\nb\nc\n", "a\nx\nc\n");
    assert_eq!(d, "   a\n  -b\n  +x\n   c\n");
}
