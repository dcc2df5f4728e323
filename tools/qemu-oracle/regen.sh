#!/usr/bin/env bash
# regen.sh - regenerate every expected output of the QAPI parser tests from QEMU's own front end.
#
# What it produces (all under qapi-parser/src/test/resources/):
#   cases/NAME.out | cases/NAME.err      for every case root cases/NAME.json
#   cases/include/NAME.out | .err        for every case root in cases/include/ (files named
#                                        *-sub*.json there, and anything in subfolders, are only
#                                        included by other cases and get no expectation)
#   qemu-full/qapi-schema.dump.gz        gzip -9n of the dump of QEMU's full schema
#   qemu-full/counts.json                oracle.py --counts of that schema
#
# How: oracle.py (next to this script) is run once per case root with the case's own directory as
# the working directory and the bare file name as argument, so that file names in messages print
# bare ("enum-bad-name.json:3: ..."). Exit 0 means QEMU accepted the schema: stdout becomes NAME.out
# and any NAME.err is removed. Exit 1 means QEMU reported an error: stderr becomes NAME.err and any
# NAME.out is removed. Exit 3 means QEMU's front end crashed: those cases keep their hand-written
# NAME.err (see cases/CRASHES.md) and are left untouched (CRASHES.md also lists a few crashes that
# deliberately have no expectation at all); a crash not listed in CRASHES.md is reported as a
# problem. The full schema is dumped from $QAPI_DIR (default /work/shared/qemu-qapi) with the
# argument qapi-schema.json, with that directory as the working directory.
#
# Usage: tools/qemu-oracle/regen.sh [--qemu-scripts DIR]
#   (DIR defaults as in oracle.py: $QEMU_SOURCE/scripts, else the QEMU source tool's output)
# Exit status is non-zero if any case behaved unexpectedly.
set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
oracle="$here/oracle.py"
res="$repo/qapi-parser/src/test/resources"
cases="$res/cases"
full_dir="${QAPI_DIR:-/work/shared/qemu-qapi}"
oracle_args=()
if [ "${1:-}" = "--qemu-scripts" ] && [ -n "${2:-}" ]; then
    oracle_args=(--qemu-scripts "$2")
fi

problems=0
n_out=0
n_err=0
n_crash=0
n_noexp=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run_dir() {
    local dir=$1 f name rc
    [ -d "$dir" ] || return 0
    # drop expectations whose case is gone
    for f in "$dir"/*.out "$dir"/*.err; do
        [ -e "$f" ] || continue
        [ -e "${f%.*}.json" ] || { echo "regen: removing orphan $f" >&2; rm -f "$f"; }
    done
    for f in "$dir"/*.json; do
        [ -e "$f" ] || continue
        name=$(basename "$f" .json)
        case "$name" in *-sub*) continue ;; esac
        (cd "$dir" && python3 "$oracle" "${oracle_args[@]}" "$name.json") \
            >"$tmp/out" 2>"$tmp/err"
        rc=$?
        case $rc in
        0)
            cp "$tmp/out" "$dir/$name.out"
            rm -f "$dir/$name.err"
            n_out=$((n_out + 1))
            ;;
        1)
            cp "$tmp/err" "$dir/$name.err"
            rm -f "$dir/$name.out"
            n_err=$((n_err + 1))
            ;;
        3)
            n_crash=$((n_crash + 1))
            rm -f "$dir/$name.out"
            if ! grep -q "\`${name}\\.json\`" "$cases/CRASHES.md" 2>/dev/null; then
                echo "regen: $f: QEMU crashes ($(cat "$tmp/err")) but the case is not listed in CRASHES.md" >&2
                problems=$((problems + 1))
            elif [ ! -f "$dir/$name.err" ]; then
                # listed under "other crashes": deliberately without expectation
                n_noexp=$((n_noexp + 1))
            fi
            ;;
        *)
            echo "regen: $f: oracle exit status $rc: $(cat "$tmp/err")" >&2
            problems=$((problems + 1))
            ;;
        esac
    done
}

run_dir "$cases"
run_dir "$cases/include"
echo "regen: cases: $n_out accepted (.out), $n_err rejected (.err), $n_crash QEMU crashes ($n_noexp of them without expectation)"

mkdir -p "$res/qemu-full"
if (cd "$full_dir" && python3 "$oracle" "${oracle_args[@]}" qapi-schema.json) >"$tmp/full" 2>"$tmp/ferr" &&
   (cd "$full_dir" && python3 "$oracle" "${oracle_args[@]}" --counts qapi-schema.json) >"$tmp/counts" 2>>"$tmp/ferr"; then
    gzip -9n <"$tmp/full" >"$res/qemu-full/qapi-schema.dump.gz"
    cp "$tmp/counts" "$res/qemu-full/counts.json"
    echo "regen: qemu-full: $(wc -l <"$tmp/full") dump lines"
else
    echo "regen: full schema in $full_dir failed: $(cat "$tmp/ferr")" >&2
    problems=$((problems + 1))
fi

[ "$problems" -eq 0 ]
