#!/usr/bin/env bash
# Generator benchmark: QEMU's full schema to Java (ours) next to QEMU's own `scripts/qapi-gen.py` (C),
# and the javac time of our generated sources.
#
#   tools/bench/generate.sh [ROUNDS]        (default 9; build first: mvn -T1 -q package -DskipTests)
#
# cold = one fresh process per run, into a fresh directory: `java -jar qapi-gen.jar java -o D -p P
#        qapi-schema.json`, the same through the launcher `qapi-cli/target/qapi-gen` (C1 only, serial GC,
#        class-data-sharing archive) and `python3 scripts/qapi-gen.py -o D -b qapi-schema.json`,
#        interleaved (the order rotating from round to round), median;
# files = the same files created by `cp -r` of each output, in the same rounds: what the file system
#        alone costs (creating ~840 files on a busy ext4 varies from ~40 to ~500 ms here);
# warm = in process (load + generate + write into a fresh directory), median of 11 rounds once the JIT
#        compiler has settled (dev.qapi.cli.GeneratorBenchmark: warm-up until 10 rounds add < 20 ms of
#        compilation; on 2 cores that takes 150-200 rounds, written to and deleted from /dev/shm where
#        it exists); early = the same after only 10
#        warm-up rounds, while C2 still compiles on the second core; QEMU's side is the same loop in
#        Python around its backend (3 warm-up rounds: nothing to compile).
# QEMU's source comes from ../shared/tools/qemu-source (or $QEMU_SOURCE); nothing of it is kept.
# Output goes under $TMPDIR (mktemp); TMPDIR=/dev/shm takes the disk out of the comparison.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-9}
schema_dir=${QEMU_SCHEMA_DIR:-$here/../shared/qemu-qapi}
jar=$here/qapi-cli/target/qapi-gen.jar
launcher=$here/qapi-cli/target/qapi-gen
[ -f "$jar" ] && [ -x "$launcher" ] || { echo "build first: mvn -T1 -q package -DskipTests" >&2; exit 1; }
qemu=${QEMU_SOURCE:-$("$here/../shared/tools/qemu-source")}
scripts=$qemu/scripts
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$schema_dir"

now_ms() { date +%s%N | awk '{printf "%.1f", $1/1e6}'; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.1f", b-a}'; }

# One cold run of variant $1 in round $2, its time appended to the variant's list.
cold_run() {
  local t0 t1
  case $1 in
    0) t0=$(now_ms); java -jar "$jar" java -o "$work/j$2" -p org.qemu.qmp qapi-schema.json >/dev/null; t1=$(now_ms)
       java_cold+=("$(elapsed "$t0" "$t1")") ;;
    1) t0=$(now_ms); "$launcher" java -o "$work/l$2" -p org.qemu.qmp qapi-schema.json >/dev/null; t1=$(now_ms)
       launcher_cold+=("$(elapsed "$t0" "$t1")") ;;
    2) t0=$(now_ms); python3 "$scripts/qapi-gen.py" -o "$work/p$2" -b qapi-schema.json; t1=$(now_ms)
       py_cold+=("$(elapsed "$t0" "$t1")") ;;
  esac
}

java_cold=(); launcher_cold=(); py_cold=(); java_copy=(); py_copy=()
for ((i = 0; i < rounds; i++)); do
  # The order rotates from round to round: a run is slowed by the one before it (a java -jar run
  # leaves ~400 MB of freshly freed memory and a busy second core behind), and each variant should
  # follow each other one equally often.
  for ((k = 0; k < 3; k++)); do
    cold_run $(((i + k) % 3)) "$i"
  done
  t0=$(now_ms); cp -r "$work/j$i" "$work/jc$i"; t1=$(now_ms)
  java_copy+=("$(elapsed "$t0" "$t1")")
  t0=$(now_ms); cp -r "$work/p$i" "$work/pc$i"; t1=$(now_ms)
  py_copy+=("$(elapsed "$t0" "$t1")")
done
jc=$(printf '%s\n' "${java_cold[@]}" | median)
lc=$(printf '%s\n' "${launcher_cold[@]}" | median)
pc=$(printf '%s\n' "${py_cold[@]}" | median)
jcp=$(printf '%s\n' "${java_copy[@]}" | median)
pcp=$(printf '%s\n' "${py_copy[@]}" | median)

# Warm-up rounds write and delete their files on tmpfs where there is one (the disk's file system slows
# down for a while after mass deletions); measured rounds write under $work like everything else.
scratch=$work/scratch
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  scratch=$(mktemp -d /dev/shm/qapi-bench.XXXXXX)
  trap 'rm -rf "$work" "$scratch"' EXIT
fi
java -cp "$jar" dev.qapi.cli.GeneratorBenchmark qapi-schema.json "$work/jw" 11 10 "$scratch" > "$work/warm.txt"
je=$(sed -n 's/^java early ms: \([0-9.]*\).*/\1/p' "$work/warm.txt")
jw=$(sed -n 's/^java warm ms: \([0-9.]*\).*/\1/p' "$work/warm.txt")
pw=$(python3 - "$scripts" "$work/pw" <<'PY'
import sys, time, statistics
sys.path.insert(0, sys.argv[1])
from qapi.schema import QAPISchema
from qapi.backend import QAPICBackend
def once(i):
    QAPICBackend().generate(QAPISchema('qapi-schema.json'), output_dir='%s/%d' % (sys.argv[2], i),
                            prefix='', unmask=False, builtins=True, gen_tracing=True)
for i in range(3):
    once(100 + i)
times = []
for i in range(11):
    t0 = time.perf_counter(); once(i); times.append((time.perf_counter() - t0) * 1000)
print('%.1f' % statistics.median(times))
PY
)

# javac of the generated sources against the runtime (median of 3).
find "$work/j0" -name '*.java' > "$work/sources.txt"
jt=()
for ((i = 0; i < 3; i++)); do
  t0=$(now_ms); javac -nowarn -encoding UTF-8 -cp "$here/qapi-runtime/target/classes:$jar" -d "$work/classes$i" @"$work/sources.txt"; t1=$(now_ms)
  jt+=("$(elapsed "$t0" "$t1")")
done
jtm=$(printf '%s\n' "${jt[@]}" | median)

sed 's/^/# /' "$work/warm.txt"
printf '%-18s %12s %12s %8s %8s\n' "" "ours ms" "qemu ms" "ratio" "target"
printf '%-18s %12s %12s %8s %8s\n' "cold (java -jar)" "$jc" "$pc" "$(awk -v a="$jc" -v b="$pc" 'BEGIN{printf "%.2f", a/b}')" "<= 0.5"
printf '%-18s %12s %12s %8s %8s\n' "cold (launcher)" "$lc" "$pc" "$(awk -v a="$lc" -v b="$pc" 'BEGIN{printf "%.2f", a/b}')" "<= 0.5"
printf '%-18s %12s %12s   (cp -r of %s and %s files)\n' "files alone" "$jcp" "$pcp" \
  "$(find "$work/j0" -type f | wc -l)" "$(find "$work/p0" -type f | wc -l)"
printf '%-18s %12s %12s %8s\n' "early (10 rounds)" "$je" "$pw" "$(awk -v a="$je" -v b="$pw" 'BEGIN{printf "%.3f", a/b}')"
printf '%-18s %12s %12s %8s %8s\n' "warm (JIT done)" "$jw" "$pw" "$(awk -v a="$jw" -v b="$pw" 'BEGIN{printf "%.3f", a/b}')" "<= 0.1"
printf '%-18s %12s   (%s files)\n' "javac" "$jtm" "$(wc -l < "$work/sources.txt")"
