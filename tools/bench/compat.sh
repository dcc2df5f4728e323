#!/usr/bin/env bash
# qapi-gen compat benchmark: QEMU's full schema against itself, and QEMU 7.2's query-qmp-schema data
# (recorded from the installed qemu-system-x86_64 into a temporary file, never kept) against it.
#
#   tools/bench/compat.sh [ROUNDS]        (default 9; build first: mvn -T1 -q package -DskipTests)
#
# cold = one fresh process per run, JVM start included, through the launcher (qapi-cli/target/qapi-gen)
#        and through plain `java -jar`, interleaved, median of ROUNDS; `check` of the same schema alongside
#        as the floor (loading the schema is part of every row);
# warm = in process after warm-up, median of 21 (dev.qapi.cli.CompatBenchmark).
# No other tool compares QAPI schemas, so there is no peer column; the targets are absolute.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-9}
schema_dir=${QEMU_SCHEMA_DIR:-$here/../shared/qemu-qapi}
jar=$here/qapi-cli/target/qapi-gen.jar
launcher=$here/qapi-cli/target/qapi-gen
[ -f "$jar" ] || { echo "build first: mvn -T1 -q package -DskipTests" >&2; exit 1; }
command -v qemu-system-x86_64 >/dev/null || { echo "qemu-system-x86_64 (QEMU 7.2) is needed" >&2; exit 1; }
tmp=$(mktemp -d /tmp/compat-bench.XXXXXX)
qemu_pid=
cleanup() { [ -n "$qemu_pid" ] && kill "$qemu_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

# record QEMU 7.2's schema: no machine, a private QMP socket, stopped by its pid
qemu-system-x86_64 -machine none -display none -nodefaults -qmp "unix:$tmp/qmp.sock,server=on,wait=off" &
qemu_pid=$!
python3 - "$tmp/qmp.sock" "$tmp/qemu-7.2.json" <<'PY'
import json, os, socket, sys, time
path, out = sys.argv[1], sys.argv[2]
for _ in range(200):
    if os.path.exists(path):
        break
    time.sleep(0.05)
s = socket.socket(socket.AF_UNIX)
s.connect(path)
f = s.makefile('rwb')
f.readline()
for cmd in ('qmp_capabilities', 'query-qmp-schema'):
    f.write(json.dumps({'execute': cmd}).encode() + b'\n')
    f.flush()
    while True:
        reply = json.loads(f.readline())
        if 'return' in reply or 'error' in reply:
            break
json.dump(reply['return'], open(out, 'w'))
PY
kill "$qemu_pid"; wait "$qemu_pid" 2>/dev/null || true; qemu_pid=
cd "$schema_dir"
old72=$tmp/qemu-7.2.json

now_ms() { date +%s%N | awk '{printf "%.1f", $1/1e6}'; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_run() { local t0 t1; t0=$(now_ms); "$@" >/dev/null 2>&1 || [ $? -eq 1 ]; t1=$(now_ms); awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f\n", b-a}'; }

declare -A cold
rows=(self-launcher self-jar v72-launcher v72-jar check-launcher)
for ((i = 0; i < rounds; i++)); do
  cold[self-launcher]+="$(time_run "$launcher" compat qapi-schema.json qapi-schema.json) "
  cold[v72-launcher]+="$(time_run "$launcher" compat "$old72" qapi-schema.json) "
  cold[check-launcher]+="$(time_run "$launcher" check qapi-schema.json) "
  cold[self-jar]+="$(time_run java -jar "$jar" compat qapi-schema.json qapi-schema.json) "
  cold[v72-jar]+="$(time_run java -jar "$jar" compat "$old72" qapi-schema.json) "
done
med() { printf '%s\n' ${cold[$1]} | median; }
warm_self=$(java -cp "$jar" dev.qapi.cli.CompatBenchmark qapi-schema.json qapi-schema.json | sed -n 's/^java warm ms: \([0-9.]*\).*/\1/p')
warm_72=$(java -cp "$jar" dev.qapi.cli.CompatBenchmark "$old72" qapi-schema.json | sed -n 's/^java warm ms: \([0-9.]*\).*/\1/p')
findings=$(java -jar "$jar" compat "$old72" qapi-schema.json 2>/dev/null | wc -l || true)

printf '%-52s %10s %10s\n' "" "ms" "target"
printf '%-52s %10s %10s\n' "cold, launcher: full schema vs itself" "$(med self-launcher)" "<= 1000"
printf '%-52s %10s %10s\n' "cold, launcher: 7.2 introspection vs full schema" "$(med v72-launcher)" "<= 1000"
printf '%-52s %10s %10s\n' "cold, java -jar: full schema vs itself" "$(med self-jar)" ""
printf '%-52s %10s %10s\n' "cold, java -jar: 7.2 introspection vs full schema" "$(med v72-jar)" ""
printf '%-52s %10s %10s\n' "cold, launcher: check of the full schema (floor)" "$(med check-launcher)" ""
printf '%-52s %10s %10s\n' "warm: full schema vs itself" "$warm_self" "<= 100"
printf '%-52s %10s %10s\n' "warm: 7.2 introspection vs full schema" "$warm_72" "<= 100"
echo "($rounds interleaved cold rounds, medians; warm: median of 21 after 30 warm-up; $findings findings vs 7.2; load: $(cut -d' ' -f1-3 /proc/loadavg))"
