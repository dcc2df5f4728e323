#!/usr/bin/env bash
# regen-introspect.sh - regenerate the introspection references of qapi-generator's tests from QEMU's
# own introspection generator, through introspect.py (next to this script).
#
# What it produces: every REFERENCE listed in qapi-generator/src/test/resources/introspect/references.txt
# (lines "REFERENCE SCHEMA [OPTIONS...]"), in that folder. SCHEMA "qemu" means QEMU's full schema: the
# oracle runs in $QAPI_DIR (default /work/shared/qemu-qapi) on qapi-schema.json; any other SCHEMA is a
# file of the references folder, run from there. A REFERENCE ending in .gz is written with gzip -9n.
#
# Usage: tools/qemu-oracle/regen-introspect.sh [--qemu-scripts DIR]
#   (DIR defaults as in oracle.py: $QEMU_SOURCE/scripts, else the QEMU source tool's output)
# Exit status is non-zero if the oracle failed on any line.
set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
refs="$repo/qapi-generator/src/test/resources/introspect"
full_dir="${QAPI_DIR:-/work/shared/qemu-qapi}"
oracle_args=()
if [ "${1:-}" = "--qemu-scripts" ] && [ -n "${2:-}" ]; then
    oracle_args=(--qemu-scripts "$2")
fi

problems=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

while read -r ref schema opts; do
    case "$ref" in ''|'#'*) continue ;; esac
    if [ "$schema" = qemu ]; then
        dir=$full_dir
        file=qapi-schema.json
    else
        dir=$refs
        file=$schema
    fi
    # shellcheck disable=SC2086  # OPTIONS are words
    if (cd "$dir" && python3 "$here/introspect.py" "${oracle_args[@]}" $opts "$file") >"$tmp/out" 2>"$tmp/err"; then
        case "$ref" in
        *.gz) gzip -9n <"$tmp/out" >"$refs/$ref" ;;
        *) cp "$tmp/out" "$refs/$ref" ;;
        esac
        echo "regen-introspect: $ref: $(($(wc -l <"$tmp/out") - 2)) entries"
    else
        echo "regen-introspect: $ref: introspect.py failed: $(cat "$tmp/err")" >&2
        problems=$((problems + 1))
    fi
done <"$refs/references.txt"

[ "$problems" -eq 0 ]
