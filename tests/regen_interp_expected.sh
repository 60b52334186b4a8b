#!/usr/bin/env bash
# Regenerates the expectations of the concurrent.interpreters conformance
# scripts (tests/scripts/interp_*.py) with CPython 3.13 and the PyPI backport
# `backports.interpreters`, aliased as `concurrent.interpreters` and
# `interpreters` by tests/interp_ref/sitecustomize.py (on PYTHONPATH, so every
# subinterpreter gets the alias too).
#
# One-time setup of the reference environment:
#   ~/.pyenv/versions/3.13.0/bin/python3 -m venv /work/venv313
#   /work/venv313/bin/pip install backports.interpreters
#
# A script whose first line is `# expected: hand-written` is skipped: its
# .expected was written by hand from the Python 3.14 documentation, because the
# backport cannot run it (InterpreterPoolExecutor is 3.14-only) or behaves
# differently there (it pickles everything, so it accepts objects that 3.14 and
# atoll refuse); the script's header says which.
#
# Usage: tests/regen_interp_expected.sh [NAME ...]   (default: every interp_* script)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/scripts"

PYTHON="${PYTHON313:-/work/venv313/bin/python}"
export PYTHONPATH="$here/interp_ref"

if [[ $# -gt 0 ]]; then
    scripts=()
    for name in "$@"; do
        scripts+=("$(basename "${name%.py}").py")
    done
else
    scripts=(interp_*.py)
fi

for script in "${scripts[@]}"; do
    name="${script%.py}"
    if head -n1 "$script" | grep -q '^# expected: hand-written'; then
        echo "skip  $name (hand-written expectation)"
        continue
    fi
    if ! PYTHONHASHSEED=0 "$PYTHON" "$script" > "$name.expected.tmp"; then
        rm -f "$name.expected.tmp"
        echo "error: $script failed under $PYTHON" >&2
        exit 1
    fi
    mv "$name.expected.tmp" "$name.expected"
    echo "wrote tests/scripts/$name.expected"
done
