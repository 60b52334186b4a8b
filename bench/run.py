#!/usr/bin/env python3
"""Benchmark runner: atoll against CPython on the programs in bench/programs.

For every selected program the runner runs `atoll NAME.py` and `python3 NAME.py`
alternately, --runs times each, from bench/programs. All outputs must be
identical (every run of every interpreter); a program whose outputs differ, or
that fails or times out, is marked FAILED with the first differing line and the
tail of its stderr. For the others it reports the median wall time of each
interpreter and the ratio atoll / python3, then the geometric mean and the
maximum of the ratios.

Programs listed in bench/programs/PENDING (atoll cannot run them yet) are
skipped unless --all is given.

Scales: by default each program runs at its own default (benchmark) scale, with
bench/data/NAME_input.txt on stdin if that file exists. `--scale N` passes N as
argv[1] to every program; `--scale test` uses the small test scale of
NAME.args and NAME.stdin, as tests/conformance.rs does.

Examples:
    python3 bench/run.py                      # build release atoll, 5 runs each
    python3 bench/run.py --runs 3 --markdown  # the table for docs/performance.md
    python3 bench/run.py --no-build --filter nbody --scale 20000
    python3 bench/run.py --peer python3.13=/usr/bin/python3.13

Uses only the standard library.
"""

import argparse
import datetime
import math
import os
import platform
import statistics
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH_DIR)
PROGRAMS = os.path.join(BENCH_DIR, "programs")
DATA = os.path.join(BENCH_DIR, "data")


def read_pending():
    """Names listed in bench/programs/PENDING, with their reasons."""
    pending = {}
    path = os.path.join(PROGRAMS, "PENDING")
    if not os.path.exists(path):
        return pending
    with open(path, encoding="utf-8") as f:
        for line in f:
            name, _, reason = line.partition("#")
            name = name.strip()
            if name:
                pending[name] = reason.strip()
    return pending


def list_programs():
    return sorted(f[:-3] for f in os.listdir(PROGRAMS) if f.endswith(".py"))


def program_invocation(name, scale):
    """(argv after the script name, stdin path or None) for a program."""
    if scale == "test":
        args_path = os.path.join(PROGRAMS, name + ".args")
        args = []
        if os.path.exists(args_path):
            with open(args_path, encoding="utf-8") as f:
                args = f.read().splitlines()
        stdin = os.path.join(PROGRAMS, name + ".stdin")
        return args, stdin if os.path.exists(stdin) else None
    args = [] if scale is None else [str(scale)]
    stdin = os.path.join(DATA, name + "_input.txt")
    if not os.path.exists(stdin):
        stdin = os.path.join(PROGRAMS, name + ".stdin")
    return args, stdin if os.path.exists(stdin) else None


class Result:
    def __init__(self, stdout, stderr, returncode, seconds, timed_out):
        self.stdout = stdout
        self.stderr = stderr
        self.returncode = returncode
        self.seconds = seconds
        self.timed_out = timed_out

    def ok(self):
        return self.returncode == 0 and not self.timed_out


def run_once(interpreter, name, args, stdin_path, timeout):
    cmd = [interpreter, name + ".py"] + args
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    env = dict(os.environ)
    env.pop("ATOLL_LOG", None)
    try:
        start = time.perf_counter()
        try:
            proc = subprocess.run(
                cmd,
                cwd=PROGRAMS,
                stdin=stdin,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                timeout=timeout,
                env=env,
            )
        except subprocess.TimeoutExpired as exc:
            elapsed = time.perf_counter() - start
            out = (exc.stdout or b"").decode("utf-8", "replace")
            err = (exc.stderr or b"").decode("utf-8", "replace")
            return Result(out, err, None, elapsed, True)
        except OSError as exc:
            return Result("", "cannot run %s: %s" % (interpreter, exc), None, 0.0, False)
        elapsed = time.perf_counter() - start
    finally:
        if stdin_path:
            stdin.close()
    return Result(
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
        proc.returncode,
        elapsed,
        False,
    )


def shown(line):
    """A line of output for a message: its repr, or a marker past the end."""
    return "<end of output>" if line is None else repr(line[:200])


def first_difference(expected, actual):
    """A short description of the first line where two outputs differ."""
    a = expected.splitlines()
    b = actual.splitlines()
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else None
        y = b[i] if i < len(b) else None
        if x != y:
            return "line %d:\n      reference: %s\n      got:       %s" % (i + 1, shown(x), shown(y))
    return "outputs differ only in trailing whitespace or newlines"


def tail(text, lines=6):
    rows = text.rstrip().splitlines()[-lines:]
    return "\n".join("      | " + r for r in rows)


def describe_failure(label, result):
    if result.timed_out:
        what = "%s timed out after %.0f s" % (label, result.seconds)
    elif result.returncode is None:
        what = "%s could not start" % label
    else:
        what = "%s exited with status %s" % (label, result.returncode)
    if result.stderr.strip():
        what += "\n    stderr tail:\n" + tail(result.stderr)
    return what


def bench_program(name, interpreters, runs, scale, timeout, verbose):
    """Run one program; returns (medians dict or None, failure text or None)."""
    args, stdin = program_invocation(name, scale)
    times = {label: [] for label, _ in interpreters}
    reference_label = interpreters[1][0]  # the reference Python
    reference = None
    for _ in range(runs):
        # atoll first, then the reference, then peers: alternating order
        # spreads any drift in machine load evenly over the interpreters.
        round_results = {}
        for label, path in interpreters:
            res = run_once(path, name, args, stdin, timeout)
            if not res.ok():
                return None, describe_failure(label, res)
            round_results[label] = res
            times[label].append(res.seconds)
        if reference is None:
            reference = round_results[reference_label].stdout
        for label, res in round_results.items():
            if res.stdout != reference:
                text = "output of %s differs from %s at %s" % (
                    label,
                    reference_label,
                    first_difference(reference, res.stdout),
                )
                if res.stderr.strip():
                    text += "\n    %s stderr tail:\n%s" % (label, tail(res.stderr))
                return None, text
        if verbose:
            print(
                "    %s: %s"
                % (name, "  ".join("%s %.3fs" % (l, round_results[l].seconds) for l, _ in interpreters)),
                file=sys.stderr,
            )
    return {label: statistics.median(ts) for label, ts in times.items()}, None


def build_atoll():
    print("building: cargo build --release --bin atoll", file=sys.stderr)
    subprocess.run(["cargo", "build", "--release", "--bin", "atoll"], cwd=ROOT, check=True)


def default_atoll():
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    if not os.path.isabs(target):
        target = os.path.join(ROOT, target)
    exe = "atoll.exe" if os.name == "nt" else "atoll"
    return os.path.join(target, "release", exe)


def interpreter_version(path):
    try:
        out = subprocess.run(
            [path, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            timeout=30,
        )
        return out.stdout.decode().strip() or "?"
    except (OSError, subprocess.TimeoutExpired):
        return "?"


def git_commit():
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        return out.stdout.decode().strip() or "?"
    except OSError:
        return "?"


def resolve(path):
    """The interpreter binary itself, as an absolute path that works from
    bench/programs. A name without a directory is looked up on PATH, and a
    launcher (pyenv's `python3` is a shell-script shim that costs about 0.1 s
    per start) is replaced by the executable it runs, as that reports in
    `sys.executable`, so only the interpreter is timed."""
    path = os.path.abspath(path) if os.sep in path else path
    try:
        out = subprocess.run(
            [path, "-c", "import sys; print(sys.executable)"],
            capture_output=True, text=True, timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return path
    real = out.stdout.strip()
    if out.returncode == 0 and real and os.path.isabs(real) and os.path.exists(real):
        return real
    return path


def geometric_mean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Compare atoll with CPython on bench/programs.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--runs", type=int, default=5, help="runs per interpreter and program (default 5)")
    p.add_argument("--filter", action="append", default=[], help="only programs whose name contains this (repeatable)")
    p.add_argument("--scale", help="an int passed as argv[1] to every program, or 'test' for the small test scale")
    p.add_argument("--python", default="python3", help="the reference interpreter (default python3)")
    p.add_argument("--atoll", help="the atoll binary (default: target/release/atoll, built first)")
    p.add_argument("--no-build", action="store_true", help="do not run cargo build --release first")
    p.add_argument("--peer", action="append", default=[], metavar="NAME=PATH", help="another interpreter to time (repeatable)")
    p.add_argument("--all", action="store_true", help="also run the programs listed in PENDING")
    p.add_argument("--timeout", type=float, default=300.0, help="seconds before one run is killed (default 300)")
    p.add_argument("--markdown", action="store_true", help="print the results as a markdown table")
    p.add_argument("-v", "--verbose", action="store_true", help="print every run's times on stderr")
    args = p.parse_args(argv)
    if args.runs < 1:
        p.error("--runs must be at least 1")
    if args.scale is not None and args.scale != "test":
        try:
            int(args.scale)
        except ValueError:
            p.error("--scale takes an int or 'test'")
    for peer in args.peer:
        if "=" not in peer:
            p.error("--peer takes NAME=PATH")
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    atoll = args.atoll or default_atoll()
    if not args.no_build and not args.atoll:
        build_atoll()
    if not os.path.exists(atoll):
        sys.exit("error: no atoll binary at %s (build it, or pass --atoll)" % atoll)
    ref_label = "python3" if args.python == "python3" else os.path.basename(args.python)
    interpreters = [("atoll", os.path.abspath(atoll)), (ref_label, resolve(args.python))]
    for peer in args.peer:
        label, _, path = peer.partition("=")
        interpreters.append((label, resolve(path)))

    pending = read_pending()
    names = list_programs()
    if args.filter:
        names = [n for n in names if any(f in n for f in args.filter)]
    skipped = [n for n in names if n in pending and not args.all]
    names = [n for n in names if n not in skipped]
    if not names:
        sys.exit("error: no programs selected")

    started = datetime.datetime.now()
    rows = []
    failures = []
    for name in names:
        print("running %s ..." % name, file=sys.stderr)
        medians, failure = bench_program(name, interpreters, args.runs, args.scale, args.timeout, args.verbose)
        if failure:
            failures.append((name, failure))
            rows.append((name, None))
            print("  FAILED: " + failure, file=sys.stderr)
        else:
            rows.append((name, medians))

    ok = [(n, m) for n, m in rows if m is not None]
    ratios = {n: m["atoll"] / m[ref_label] for n, m in ok}
    versions = {label: interpreter_version(path) for label, path in interpreters[1:]}
    header_info = [
        "date: %s" % started.strftime("%Y-%m-%d %H:%M"),
        "machine: %s, %s, %d cores" % (platform.system(), platform.machine(), os.cpu_count() or 0),
        "atoll: %s (commit %s)" % (os.path.relpath(interpreters[0][1], ROOT), git_commit()),
        "reference: %s" % ", ".join("%s %s" % (l, v) for l, v in versions.items()),
        "runs: %d per interpreter, median wall time, scale: %s" % (args.runs, args.scale or "default"),
    ]
    peer_labels = [l for l, _ in interpreters[2:]]

    if args.markdown:
        print_markdown(rows, ratios, ref_label, peer_labels, header_info, failures, skipped, pending)
    else:
        print_text(rows, ratios, ref_label, peer_labels, header_info, failures, skipped, pending)
    return 1 if failures else 0


def summary_lines(ratios, ref_label):
    if not ratios:
        return ["no program ran successfully"]
    worst = max(ratios, key=lambda n: ratios[n])
    best = min(ratios, key=lambda n: ratios[n])
    return [
        "geometric mean of atoll/%s over %d programs: %.2f"
        % (ref_label, len(ratios), geometric_mean(list(ratios.values()))),
        "max ratio: %.2f (%s), min ratio: %.2f (%s)" % (ratios[worst], worst, ratios[best], best),
    ]


def print_text(rows, ratios, ref_label, peers, info, failures, skipped, pending):
    for line in info:
        print(line)
    print()
    cols = ["program", ref_label + " (s)", "atoll (s)", "atoll/" + ref_label] + ["%s (s)" % p for p in peers]
    width = max([len(n) for n, _ in rows] + [7])
    print("%-*s  %12s  %12s  %14s" % (width, cols[0], cols[1], cols[2], cols[3]) + "".join("  %12s" % c for c in cols[4:]))
    for name, m in rows:
        if m is None:
            print("%-*s  %s" % (width, name, "FAILED"))
            continue
        line = "%-*s  %12.3f  %12.3f  %14.2f" % (width, name, m[ref_label], m["atoll"], ratios[name])
        line += "".join("  %12.3f" % m[p] for p in peers)
        print(line)
    print()
    for line in summary_lines(ratios, ref_label):
        print(line)
    if failures:
        print()
        print("FAILED (%d):" % len(failures))
        for name, text in failures:
            print("  %s: %s" % (name, text))
    if skipped:
        print()
        print("pending, not run (%d): %s" % (len(skipped), ", ".join(skipped)))


def print_markdown(rows, ratios, ref_label, peers, info, failures, skipped, pending):
    for line in info:
        print("- " + line)
    print()
    head = ["program", ref_label + " (s)", "atoll (s)", "atoll / " + ref_label] + ["%s (s)" % p for p in peers]
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|")
    for name, m in rows:
        if m is None:
            print("| %s | FAILED | FAILED | - |" % name + " - |" * len(peers))
            continue
        cells = [name, "%.3f" % m[ref_label], "%.3f" % m["atoll"], "%.2f" % ratios[name]]
        cells += ["%.3f" % m[p] for p in peers]
        print("| " + " | ".join(cells) + " |")
    print()
    for line in summary_lines(ratios, ref_label):
        print("**" + line[0].upper() + line[1:] + "**" if line.startswith("geometric") else line[0].upper() + line[1:])
        print()
    if failures:
        print("Failed:")
        print()
        for name, text in failures:
            lines = [l.strip() for l in text.splitlines() if l.strip()]
            if "differs" in lines[0] and len(lines) >= 3:
                reference = lines[1].split(":", 1)[1].strip()
                got = lines[2].split(":", 1)[1].strip()
                detail = "%s expected `%s`, got `%s`" % (lines[0], reference, got)
            elif len(lines) > 1:
                detail = "%s: %s" % (lines[0], lines[-1].lstrip("| "))
            else:
                detail = lines[0]
            print("- `%s`: %s" % (name, detail))
        print()
    if skipped:
        print("Pending (not run):")
        print()
        for name in skipped:
            print("- `%s`: %s" % (name, pending.get(name, "")))


if __name__ == "__main__":
    sys.exit(main())
