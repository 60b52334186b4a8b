//! Bad input of every kind ends in a Python exception, never in a panic, a
//! native stack overflow, an abort or a hang.
//!
//! Each case is a program run by the `atoll` binary. It must exit with status 0
//! or 1 within a time limit, and when it fails, stderr must end in a line naming
//! a Python exception (`SyntaxError: ...`, `RecursionError: ...`, `MemoryError`).
//! The cases: random bytes, random token soup, deeply nested expressions and
//! blocks, huge literals, deep recursion, huge allocations, deeply nested data
//! (printed, compared and dropped). A second test runs deep structures on a host
//! thread with a small stack through the library API.

use std::io::{Read as _, Write as _};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use atoll::{Error, InterpreterConfig, Runtime};

/// A case that runs longer than this is a hang.
const LIMIT: Duration = Duration::from_secs(60);

/// How one case ended.
struct Ran {
    status: Option<i32>,
    stderr: String,
    elapsed: Duration,
}

fn run_source(name: &str, source: &[u8]) -> Ran {
    let dir = std::env::temp_dir().join(format!("atoll-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path: PathBuf = dir.join(format!("{name}.py"));
    std::fs::File::create(&path)
        .and_then(|mut f| f.write_all(source))
        .expect("write case");
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_atoll"))
        .arg(&path)
        .env_remove("ATOLL_LOG")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn atoll");
    let mut err_pipe = child.stderr.take().expect("stderr piped");
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_pipe.read_to_end(&mut buf);
        buf
    });
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait") {
            break st.code();
        }
        if start.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            break Some(-1);
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stderr = String::from_utf8_lossy(&reader.join().unwrap_or_default()).into_owned();
    Ran {
        status,
        stderr,
        elapsed: start.elapsed(),
    }
}

/// The complaint about a case's outcome, if any.
fn judge(ran: &Ran) -> Option<String> {
    if ran.elapsed > LIMIT {
        return Some("hung".into());
    }
    if ran.stderr.contains("panicked") || ran.stderr.contains("stack overflow") {
        return Some(format!("crashed: {}", tail(&ran.stderr)));
    }
    match ran.status {
        Some(0) => None,
        Some(1) => {
            let last = ran.stderr.trim_end().lines().last().unwrap_or("");
            let name = last.split(':').next().unwrap_or("");
            let is_exception = !name.is_empty()
                && !name.contains(' ')
                && (name.ends_with("Error") || name.ends_with("Exception") || name == "Exit");
            (!is_exception).then(|| format!("no Python exception at the end: {last:?}"))
        }
        other => Some(format!("exit status {other:?}: {}", tail(&ran.stderr))),
    }
}

fn tail(s: &str) -> String {
    let lines: Vec<&str> = s.trim_end().lines().collect();
    lines[lines.len().saturating_sub(3)..].join(" | ")
}

/// A small deterministic generator (64-bit LCG), so failures reproduce.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn cases() -> Vec<(String, Vec<u8>)> {
    let mut cases: Vec<(String, Vec<u8>)> = Vec::new();
    let mut add = |name: &str, src: String| cases.push((name.to_owned(), src.into_bytes()));

    // Deep nesting in expressions and statements.
    add(
        "parens",
        format!("x = {}1{}\n", "(".repeat(1000), ")".repeat(1000)),
    );
    add(
        "brackets",
        format!("x = {}{}\n", "[".repeat(5000), "]".repeat(5000)),
    );
    add("unary_minus", format!("x = {}1\n", "-".repeat(100_000)));
    add("nots", format!("x = {}1\n", "not ".repeat(10_000)));
    add("attributes", format!("a{}\n", ".b".repeat(10_000)));
    add(
        "subscripts",
        format!("x = [0]\nx{}\n", "[0]".repeat(10_000)),
    );
    add(
        "long_sum",
        format!("x = {}\n", vec!["1"; 100_000].join("+")),
    );
    add("lambdas", format!("f = {}1\n", "lambda: ".repeat(5000)));
    add(
        "dicts",
        format!("x = {}1{}\n", "{1: ".repeat(3000), "}".repeat(3000)),
    );
    add(
        "fstrings",
        format!("x = f\"{}1{}\"\n", "{".repeat(100), "}".repeat(100)),
    );
    let mut ifs = String::new();
    for i in 0..200 {
        ifs.push_str(&format!("{}if 1:\n", " ".repeat(i)));
    }
    ifs.push_str(&format!("{}pass\n", " ".repeat(200)));
    add("nested_ifs", ifs);

    // Huge literals.
    add("big_int_literal", format!("x = {}\n", "7".repeat(100_000)));
    add(
        "big_str_literal",
        format!("x = \"{}\"\nprint(len(x))\n", "a".repeat(5_000_000)),
    );
    add(
        "big_list_literal",
        format!("x = [{}]\nprint(len(x))\n", "1,".repeat(100_000)),
    );

    // Recursion.
    add(
        "recursion_10000",
        "import sys\nsys.setrecursionlimit(100000)\n\
         def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(10000))\n"
            .into(),
    );
    add(
        "recursion_unbounded",
        "def f(n):\n    return f(n + 1)\nf(0)\n".into(),
    );
    add(
        "recursion_in_method",
        "class A:\n    def __repr__(self):\n        return repr(self)\nrepr(A())\n".into(),
    );

    // Huge allocations.
    add("list_repeat", "x = [0] * 10**12\n".into());
    add("str_repeat", "x = 'ab' * 10**13\n".into());
    add("tuple_repeat", "x = (1, 2) * 10**18\n".into());
    add("left_shift", "x = 1 << 10**12\n".into());
    add("huge_range_len", "print(len(range(10**20)))\n".into());

    // Deeply nested data: printed, compared, dropped.
    add(
        "nested_list_repr",
        "x = []\nfor i in range(100000):\n    x = [x]\nprint(len(repr(x)))\n".into(),
    );
    add(
        "nested_dict_repr",
        "x = {}\nfor i in range(100000):\n    x = {1: x}\nprint(len(repr(x)))\n".into(),
    );
    add(
        "nested_drop",
        "class N:\n    def __init__(self, n):\n        self.n = n\n\
         h = None\nfor i in range(200000):\n    h = N(h)\n\
         t = ()\nfor i in range(200000):\n    t = (t,)\ndel h, t\nprint('ok')\n"
            .into(),
    );

    // Odd bytes.
    add("null_byte", "x = 1\0\n".into());
    add("lone_indent", "    x = 1\n".into());
    add("bad_dedent", "if 1:\n        x = 1\n    y = 2\n".into());
    add("unterminated", "x = '''abc\n".into());
    add("tabs_and_spaces", "if 1:\n\tx = 1\n        y = 2\n".into());
    add(
        "match_statement",
        "match 1:\n    case 1:\n        pass\n".into(),
    );
    let mut raw: Vec<(String, Vec<u8>)> = vec![("not_utf8".into(), b"x = '\xff\xfe'\n".to_vec())];

    // Random bytes and random token soup.
    const CHARS: &[u8] = b" \n\t()[]{}:;,.=+-*/%<>!'\"#\\@0123456789abcxyz";
    let mut rng = Lcg(0x5eed);
    for i in 0..40 {
        let len = 1 + rng.below(200);
        let bytes: Vec<u8> = (0..len)
            .map(|_| match rng.below(4) {
                0 => rng.below(256) as u8,
                _ => CHARS[rng.below(CHARS.len())],
            })
            .collect();
        raw.push((format!("random_bytes_{i}"), bytes));
    }
    const TOKENS: &[&str] = &[
        "def",
        "class",
        "if",
        "else",
        "elif",
        "while",
        "for",
        "in",
        "return",
        "yield",
        "lambda",
        "try",
        "except",
        "finally",
        "with",
        "as",
        "import",
        "from",
        "global",
        "nonlocal",
        "del",
        "pass",
        "break",
        "continue",
        "raise",
        "assert",
        "async",
        "await",
        "not",
        "and",
        "or",
        "is",
        "None",
        "True",
        "x",
        "y",
        "f",
        "1",
        "2.5",
        "'s'",
        "b'b'",
        "f'{x}'",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ":",
        ",",
        ".",
        "=",
        "==",
        "+",
        "-",
        "*",
        "**",
        "/",
        "//",
        "%",
        "@",
        "<",
        ">",
        "->",
        ":=",
        "\n",
        "\n    ",
        "\n        ",
        ";",
        "...",
        "*args",
        "**kw",
    ];
    for i in 0..80 {
        let n = 1 + rng.below(60);
        let src: Vec<&str> = (0..n).map(|_| TOKENS[rng.below(TOKENS.len())]).collect();
        add(&format!("token_soup_{i}"), src.join(" "));
    }
    cases.extend(raw);
    cases
}

#[test]
fn bad_programs_end_in_python_exceptions() {
    let mut failures = Vec::new();
    for (name, source) in cases() {
        let ran = run_source(&name, &source);
        if let Some(why) = judge(&ran) {
            failures.push(format!("{name}: {why}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn deep_structures_on_a_small_host_stack() {
    // A host thread with a 512 KiB stack: deep recursion, repr and drops must
    // still end in exceptions or succeed, not overflow the native stack.
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    let worker = interp.clone();
    let outcome = std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(move || {
            let recursion = worker.exec("def f(n):\n    return f(n + 1)\nf(0)\n");
            let nested = worker.exec("x = []\nfor i in range(50000):\n    x = [x]\ns = repr(x)\n");
            let dropped = worker.exec(
                "class N:\n    def __init__(self, n):\n        self.n = n\n\
                 h = None\nfor i in range(100000):\n    h = N(h)\ndel h\n",
            );
            (recursion, nested, dropped)
        })
        .expect("spawn")
        .join()
        .expect("the host thread must not crash");
    let kind = |r: &Result<(), Error>| match r {
        Err(Error::Python(e)) => e.type_name.clone(),
        Ok(()) => "ok".into(),
        Err(e) => format!("{e}"),
    };
    assert_eq!(kind(&outcome.0), "RecursionError");
    assert_eq!(kind(&outcome.1), "RecursionError");
    assert_eq!(kind(&outcome.2), "ok");
    interp.close().expect("close");
}
