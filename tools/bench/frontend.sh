#!/usr/bin/env bash
# Front-end benchmark: parse + check of QEMU's full schema, ours next to QEMU's own Python front end.
#
#   tools/bench/frontend.sh [ROUNDS]        (default 7; build first: mvn -T1 -q package -DskipTests)
#   BASELINE_JAR=/old/qapi-gen.jar[:/older/qapi-gen.jar...] tools/bench/frontend.sh [ROUNDS]
#                                           (adds the same rows for older builds, run interleaved
#                                            with ours, for before/after figures from one run; a
#                                            baseline jar with an executable qapi-gen launcher beside
#                                            it gets a launcher row too)
#
# cold = one fresh process per run (JVM start included: `java -jar qapi-gen.jar check`, and
#        `python3 -c 'QAPISchema(...)'`), interleaved java/python, median of ROUNDS;
# cold (launcher) = the same through qapi-cli/target/qapi-gen (C1 only, serial GC, class-data sharing),
#        as the generator's benchmark runs it;
# warm = in-process after warm-up: each JVM's median of 21 rounds after 20 warm-up rounds
#        (dev.qapi.cli.FrontendBenchmark), and the median of WARM_RUNS (default 3) such JVMs, run
#        interleaved between the builds: one JVM's figure swings by up to 1.5x on a shared machine
#        (C2 still compiles around round 20-30, on a core shared with other work); QEMU's side is
#        the same loop in Python.
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
launcher_of() { local l; l=$(dirname "$1")/qapi-gen; [ -x "$l" ] && echo "$l" || true; }
# Times one command; appends the milliseconds to the file named by $1.
timed() {
  local out=$1 t0 t1
  shift
  t0=$(now_ms); "$@" >/dev/null; t1=$(now_ms)
  awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f\n", b-a}' >> "$out"
}

jars=("$jar")
if [ -n "${BASELINE_JAR:-}" ]; then
  IFS=: read -r -a more <<< "$BASELINE_JAR"
  jars+=("${more[@]}")
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for ((i = 0; i < rounds; i++)); do
  for ((j = 0; j < ${#jars[@]}; j++)); do
    timed "$work/cold$j" java -jar "${jars[$j]}" check qapi-schema.json
    l=$(launcher_of "${jars[$j]}")
    [ -z "$l" ] || timed "$work/launcher$j" "$l" check qapi-schema.json
  done
  timed "$work/python" python3 -c "import sys; sys.path.insert(0, '$scripts'); from qapi.schema import QAPISchema; QAPISchema('qapi-schema.json')"
done
pc=$(median < "$work/python")

warm_runs=${WARM_RUNS:-3}
for ((i = 0; i < warm_runs; i++)); do
  for ((j = 0; j < ${#jars[@]}; j++)); do
    java -cp "${jars[$j]}" dev.qapi.cli.FrontendBenchmark qapi-schema.json 21 20 \
      | sed -n 's/^java warm ms: \([0-9.]*\).*/\1/p' >> "$work/warm$j"
  done
done
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
row() { printf '%-16s %12s %12s %8s %8s\n' "$1" "$2" "$3" "$(awk -v a="$2" -v b="$3" "BEGIN{printf \"%.${4}f\", a/b}")" "$5"; }
printf '%-16s %12s %12s %8s %8s\n' "" "ours ms" "python ms" "ratio" "target"
for ((j = 0; j < ${#jars[@]}; j++)); do
  if [ "$j" = 0 ]; then suffix=""; target_cold="<= 0.8"; target_warm="<= 0.1"
  else suffix=" (b$j)"; target_cold="(baseline $j)"; target_warm=$target_cold; fi
  row "cold$suffix" "$(median < "$work/cold$j")" "$pc" 2 "$target_cold"
  [ ! -f "$work/launcher$j" ] || row "launcher$suffix" "$(median < "$work/launcher$j")" "$pc" 2 ""
  row "warm$suffix" "$(median < "$work/warm$j")" "$pw" 3 "$target_warm"
done
for ((j = 0; j < ${#jars[@]}; j++)); do
  name=ours
  [ "$j" = 0 ] || name=b$j
  echo "# $name = ${jars[$j]}; warm JVMs: $(tr '\n' ' ' < "$work/warm$j")"
done
