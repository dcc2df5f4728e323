#!/usr/bin/env bash
# Front-end benchmark: parse + check of QEMU's full schema, ours next to QEMU's own Python front end.
#
#   tools/bench/frontend.sh [ROUNDS]        (default 7; build first: mvn -T1 -q package -DskipTests)
#   BASELINE_JAR=/path/to/old/qapi-gen.jar tools/bench/frontend.sh [ROUNDS]
#                                           (adds the same rows for an older build, run interleaved
#                                            with ours, for before/after figures from one run)
#
# cold = one fresh process per run (JVM start included: `java -jar qapi-gen.jar check`, and
#        `python3 -c 'QAPISchema(...)'`), interleaved java/python, median of ROUNDS;
# warm = in-process after warm-up, median (dev.qapi.cli.FrontendBenchmark; the same loop in Python).
# QEMU's Python front end is run from its source (../shared/tools/qemu-source); nothing of it is kept.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-7}
schema_dir=${QEMU_SCHEMA_DIR:-$here/../shared/qemu-qapi}
jar=$here/qapi-cli/target/qapi-gen.jar
[ -f "$jar" ] || { echo "build first: mvn -T1 -q package -DskipTests" >&2; exit 1; }
qemu=${QEMU_SOURCE:-$("$here/../shared/tools/qemu-source")}
scripts=$qemu/scripts
cd "$schema_dir"

now_ms() { date +%s%N | awk '{printf "%.1f", $1/1e6}'; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

base_jar=${BASELINE_JAR:-}
java_cold=(); py_cold=(); base_cold=()
for ((i = 0; i < rounds; i++)); do
  t0=$(now_ms); java -jar "$jar" check qapi-schema.json; t1=$(now_ms)
  java_cold+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')")
  if [ -n "$base_jar" ]; then
    t0=$(now_ms); java -jar "$base_jar" check qapi-schema.json; t1=$(now_ms)
    base_cold+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')")
  fi
  t0=$(now_ms); python3 -c "import sys; sys.path.insert(0, '$scripts'); from qapi.schema import QAPISchema; QAPISchema('qapi-schema.json')"; t1=$(now_ms)
  py_cold+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')")
done
jc=$(printf '%s\n' "${java_cold[@]}" | median)
pc=$(printf '%s\n' "${py_cold[@]}" | median)

warm() { java -cp "$1" dev.qapi.cli.FrontendBenchmark qapi-schema.json 21 20 | sed -n 's/^java warm ms: \([0-9.]*\).*/\1/p'; }
jw=$(warm "$jar")
pw=$(python3 - "$scripts" <<'PY'
import sys, time, statistics
sys.path.insert(0, sys.argv[1])
from qapi.schema import QAPISchema
for _ in range(2):
    QAPISchema('qapi-schema.json')
times = []
for _ in range(11):
    t0 = time.perf_counter(); QAPISchema('qapi-schema.json'); times.append((time.perf_counter() - t0) * 1000)
print('%.1f' % statistics.median(times))
PY
)
printf '%-6s %12s %12s %8s %8s\n' "" "ours ms" "python ms" "ratio" "target"
printf '%-6s %12s %12s %8s %8s\n' cold "$jc" "$pc" "$(awk -v a="$jc" -v b="$pc" 'BEGIN{printf "%.2f", a/b}')" "<= 0.8"
printf '%-6s %12s %12s %8s %8s\n' warm "$jw" "$pw" "$(awk -v a="$jw" -v b="$pw" 'BEGIN{printf "%.3f", a/b}')" "<= 0.1"
if [ -n "$base_jar" ]; then
  bc=$(printf '%s\n' "${base_cold[@]}" | median)
  bw=$(warm "$base_jar")
  printf '%-6s %12s %12s %8s %8s\n' cold-b "$bc" "$pc" "$(awk -v a="$bc" -v b="$pc" 'BEGIN{printf "%.2f", a/b}')" "(baseline)"
  printf '%-6s %12s %12s %8s %8s\n' warm-b "$bw" "$pw" "$(awk -v a="$bw" -v b="$pw" 'BEGIN{printf "%.3f", a/b}')" "(baseline)"
fi
