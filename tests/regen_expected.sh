#!/usr/bin/env bash
# Regenerates tests/scripts/*.expected with CPython (python3, 3.11 is the reference).
#
# Each script runs from tests/scripts as `python3 NAME.py [ARGS...]`, where ARGS are
# the lines of NAME.args if that file exists -- exactly as tests/conformance.rs runs
# `atoll NAME.py [ARGS...]`. Only stdout is recorded; scripts must exit with status 0.
#
# Usage: tests/regen_expected.sh [NAME ...]    (default: every script)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/scripts"

PYTHON="${PYTHON:-python3}"
version="$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
if [[ "$version" != "3.11" ]]; then
    echo "warning: $PYTHON is Python $version; the expected files are meant to come from 3.11" >&2
fi

if [[ $# -gt 0 ]]; then
    scripts=()
    for name in "$@"; do
        scripts+=("${name%.py}.py")
    done
else
    scripts=(*.py)
fi

for script in "${scripts[@]}"; do
    name="${script%.py}"
    args=()
    if [[ -f "$name.args" ]]; then
        mapfile -t args < "$name.args"
    fi
    # A fixed hash seed keeps anything hash-ordered reproducible.
    if ! PYTHONHASHSEED=0 "$PYTHON" "$script" "${args[@]}" > "$name.expected.tmp"; then
        rm -f "$name.expected.tmp"
        echo "error: $script failed under $PYTHON" >&2
        exit 1
    fi
    mv "$name.expected.tmp" "$name.expected"
    echo "wrote tests/scripts/$name.expected"
done
