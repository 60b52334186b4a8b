#!/usr/bin/env bash
# Regenerates the conformance expectations with CPython (python3; 3.11 is the
# reference): tests/scripts/*.expected, and tests/scripts/pending/*.expected for the
# scripts parked until the features they need exist.
#
# Each script runs from its own directory as `python3 NAME.py [ARGS...]`, where ARGS
# are the lines of NAME.args if that file exists -- exactly as tests/conformance.rs
# runs `atoll NAME.py [ARGS...]`. Only stdout is recorded; scripts must exit with 0.
#
# The example programs examples/scripts/NAME.py that have a NAME.expected are
# regenerated too (name one explicitly to create its .expected).
#
# Usage: tests/regen_expected.sh [NAME ...]    (default: every script)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/scripts"
examples="../../examples/scripts"

PYTHON="${PYTHON:-python3}"
version="$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
if [[ "$version" != "3.11" ]]; then
    echo "warning: $PYTHON is Python $version; the expected files are meant to come from 3.11" >&2
fi

shopt -s nullglob
scripts=()
if [[ $# -gt 0 ]]; then
    for name in "$@"; do
        name="$(basename "${name%.py}")"
        if [[ -f "$name.py" ]]; then
            scripts+=("$name.py")
        elif [[ -f "pending/$name.py" ]]; then
            scripts+=("pending/$name.py")
        elif [[ -f "$examples/$name.py" ]]; then
            scripts+=("$examples/$name.py")
        else
            echo "error: no script $name.py in tests/scripts or tests/scripts/pending" >&2
            exit 1
        fi
    done
else
    scripts=(*.py pending/*.py)
    for ex in "$examples"/*.py; do
        if [[ -f "${ex%.py}.expected" ]]; then
            scripts+=("$ex")
        fi
    done
fi
# interp_* scripts need concurrent.interpreters (3.14): tests/regen_interp_expected.sh
filtered=()
for path in "${scripts[@]}"; do
    [[ "$(basename "$path")" == interp_* ]] || filtered+=("$path")
done
scripts=("${filtered[@]}")

for path in "${scripts[@]}"; do
    dir="$(dirname "$path")"
    script="$(basename "$path")"
    name="${script%.py}"
    (
        cd "$dir"
        args=()
        if [[ -f "$name.args" ]]; then
            mapfile -t args < "$name.args"
        fi
        # A fixed hash seed keeps anything hash-ordered reproducible.
        if ! PYTHONHASHSEED=0 "$PYTHON" "$script" "${args[@]}" > "$name.expected.tmp"; then
            rm -f "$name.expected.tmp"
            echo "error: $path failed under $PYTHON" >&2
            exit 1
        fi
        mv "$name.expected.tmp" "$name.expected"
    )
    echo "wrote $(cd "$dir" && pwd)/$name.expected"
done
