#!/usr/bin/env bash
# Regenerates the test-scale expectations of the benchmark programs with
# CPython (python3; 3.11 is the reference): bench/programs/NAME.expected.
#
# Each program runs from bench/programs as `python3 NAME.py ARGS...`, where ARGS
# are the lines of NAME.args (the small "test" scale), with NAME.stdin on stdin
# if it exists (else /dev/null) -- exactly as tests/conformance.rs runs
# `atoll NAME.py ARGS...`. Only stdout is recorded; programs must exit with 0.
# Every program is run twice, with PYTHONHASHSEED=0 and =1; the outputs must be
# identical (a benchmark's output may not depend on string hashing).
#
# Usage: bench/regen_expected.sh [NAME ...]    (default: every program)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/programs"

PYTHON="${PYTHON:-python3}"
version="$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
if [[ "$version" != "3.11" ]]; then
    echo "warning: $PYTHON is Python $version; the expected files are meant to come from 3.11" >&2
fi

shopt -s nullglob
names=()
if [[ $# -gt 0 ]]; then
    for name in "$@"; do
        name="$(basename "${name%.py}")"
        if [[ ! -f "$name.py" ]]; then
            echo "error: no program $name.py in bench/programs" >&2
            exit 1
        fi
        names+=("$name")
    done
else
    for path in *.py; do
        names+=("${path%.py}")
    done
fi

status=0
for name in "${names[@]}"; do
    args=()
    if [[ -f "$name.args" ]]; then
        mapfile -t args < "$name.args"
    else
        echo "warning: $name has no $name.args; running at its default (benchmark) scale" >&2
    fi
    input=/dev/null
    if [[ -f "$name.stdin" ]]; then
        input="$name.stdin"
    fi
    if ! PYTHONHASHSEED=0 "$PYTHON" "$name.py" "${args[@]}" < "$input" > "$name.expected.tmp"; then
        rm -f "$name.expected.tmp"
        echo "error: $name.py failed under $PYTHON" >&2
        status=1
        continue
    fi
    if ! PYTHONHASHSEED=1 "$PYTHON" "$name.py" "${args[@]}" < "$input" | cmp -s - "$name.expected.tmp"; then
        echo "error: $name.py prints something that depends on the hash seed" >&2
        rm -f "$name.expected.tmp"
        status=1
        continue
    fi
    mv "$name.expected.tmp" "$name.expected"
    echo "wrote bench/programs/$name.expected"
done
exit $status
