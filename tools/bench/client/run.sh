#!/usr/bin/env bash
# QMP client benchmark: three clients against the same server, one connection each.
#   ours      dev.qapi.client.QmpClient (qapi-client), ClientBench: synchronous execute() for ping-pong,
#             completion-driven async call() for pipelined
#   qemu.qmp  QEMU's own Python client, from $QEMU_SOURCE/python (default /tmp/qemu-10.0)
#   C         tools/bench/qmp/qmpload.c (one thread, epoll)
# The server is our QmpServer (qapi-runtime's BenchServer: the protocol commands only), not QEMU 7.2:
# QEMU reads its monitor one byte per main-loop iteration, so against it every client measures QEMU.
#
#   tools/bench/client/run.sh [ROUNDS]        (default 5; about 3 minutes; builds what it needs)
#
# Every round runs every client (order rotating) for ping-pong (one query-version at a time) and
# pipelined (INFLIGHT in flight); each run warms up WARMUP ms then counts answers for MEASURE ms. The
# table shows medians over rounds. Then scale: one client JVM (-Xmx64m, one event-loop thread) opens
# SCALE negotiated connections to one server, each does a query-version round trip, and reports the
# heap per idle connection (used heap after full GCs, before vs after, divided by SCALE).
#
# Environment: CLIENT_BENCH_WARMUP_MS (1500), CLIENT_BENCH_MEASURE_MS (2000), CLIENT_BENCH_INFLIGHT
# (256), CLIENT_BENCH_SCALE (5000), QEMU_SOURCE; CLIENT_BENCH_BEFORE=DIR adds a fourth client to every
# round, ours with qapi-client's classes from DIR (an earlier build, for a before/after table from
# one interleaved run), e.g.
#   git archive OLD qapi-client/src/main/java | tar -x -C /tmp/old && javac -d /tmp/old/classes \
#     -cp qapi-runtime/target/classes:JACKSON_JARS $(find /tmp/old -name '*.java')
# CLIENT_BENCH_IDLE_POLL=1 keeps the vCPUs from halting during the rounds (see start_spinners).
set -euo pipefail
here=$(cd "$(dirname "$0")/../../.." && pwd)
rounds=${1:-5}
warm=${CLIENT_BENCH_WARMUP_MS:-1500}
meas=${CLIENT_BENCH_MEASURE_MS:-2000}
inflight=${CLIENT_BENCH_INFLIGHT:-256}
scale=${CLIENT_BENCH_SCALE:-5000}
export QEMU_SOURCE=${QEMU_SOURCE:-/tmp/qemu-10.0}

work=$(mktemp -d /tmp/client-bench.XXXXXX)
declare -a pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log() { printf '%s\n' "$*" >&2; }

# ---- build -----------------------------------------------------------------------------------------
gcc -O2 -Wall -o "$work/qmpload" "$here/tools/bench/qmp/qmpload.c"
mvn_quiet() { (cd "$here" && mvn -q -B "$@") >"$work/mvn.log" 2>&1; }
# Built only when missing (tests build them too): mvn -T1 -pl qapi-client -am test-compile
if [ ! -f "$here/qapi-client/target/test-classes/dev/qapi/client/bench/ClientBench.class" ] \
    || [ ! -f "$here/qapi-runtime/target/test-classes/dev/qapi/runtime/bench/BenchServer.class" ]; then
  log "building qapi-runtime and qapi-client test classes"
  mvn_quiet -T1 -pl qapi-client -am test-compile || { cat "$work/mvn.log" >&2; exit 1; }
fi
# Jackson and JNA (descriptor passing) are the libraries the two modules need; versions are the parent pom's.
jackson=$(sed -n 's:.*<jackson.version>\(.*\)</jackson.version>.*:\1:p' "$here/pom.xml")
jna=$(sed -n 's:.*<jna.version>\(.*\)</jna.version>.*:\1:p' "$here/pom.xml")
jars=$(ls "$HOME"/.m2/repository/com/fasterxml/jackson/core/jackson-{core,databind,annotations}/"$jackson"/*-"$jackson".jar \
  "$HOME/.m2/repository/net/java/dev/jna/jna/$jna/jna-$jna.jar" | tr '\n' :)
cp="$here/qapi-client/target/classes:$here/qapi-client/target/test-classes"
cp="$cp:$here/qapi-runtime/target/classes:$here/qapi-runtime/target/test-classes:$jars"
before=${CLIENT_BENCH_BEFORE:-}
idle_poll=${CLIENT_BENCH_IDLE_POLL:-0}
cp_before="$before:${cp#*:}"
rc=0; python3 "$here/tools/bench/client/qemu_qmp_bench.py" 2>/dev/null || rc=$?
[ $rc -ne 77 ] || { log "qemu.qmp not found under $QEMU_SOURCE/python"; exit 1; }

ulimit -n "$(ulimit -Hn)"
nofile=$(ulimit -n)

# ---- server ----------------------------------------------------------------------------------------
start_server() { # NAME N XMX: BenchServer with N monitors on $work/NAME/mon-I.sock
  mkdir -p "$work/$1"
  mkfifo "$work/$1/in"
  java "-Xmx$3" -cp "$cp" dev.qapi.runtime.bench.BenchServer "$work/$1" "$2" <"$work/$1/in" >"$work/$1/out" 2>"$work/$1/err" &
  pids+=($!)
  eval "pid_$1=$!"
  exec {fd}>"$work/$1/in"
  eval "fd_$1=$fd"
  local i
  for ((i = 0; i < 1200; i++)); do
    grep -q '^ready' "$work/$1/out" 2>/dev/null && return 0
    sleep 0.05
  done
  log "server $1 did not start:"; cat "$work/$1/err" >&2; exit 1
}
stop_server() { # NAME
  eval "exec {fd_$1}>&-"
  wait "$(eval "echo \$pid_$1")" 2>/dev/null || true
}

# CLIENT_BENCH_IDLE_POLL=1: one spinner per CPU at SCHED_IDLE (it runs only when nothing else wants the
# CPU, and gives way at once) for the rounds, so that no vCPU halts. On a VM whose cpuidle driver does not
# poll (here: haltpoll with guest_halt_poll_ns=0), a halted vCPU is woken through the host, which puts
# ~60 us into every wake-up whatever the client; with the spinners a wake-up is a switch inside the
# guest, as on bare metal or with halt polling on. Every client runs under the same spinners.
spinners=()
start_spinners() {
  local i
  for ((i = 0; i < $(nproc); i++)); do
    chrt -i 0 sh -c 'while :; do :; done' &
    spinners+=($!); pids+=($!)
  done
}
stop_spinners() {
  local p
  for p in "${spinners[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  spinners=()
}

load_before=$(cut -d" " -f1-3 /proc/loadavg)
log "client bench: $rounds rounds, ${meas} ms per run after ${warm} ms warm-up, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), nofile $nofile"
start_server srv 4 128m
# Each client has a monitor of its own: C mon-0 (qmpload numbers from 0), ours mon-1, qemu.qmp mon-2,
# before mon-3.
results=$work/results.txt
: >"$results"
run_client() { # ROUND CLIENT MODE
  local out extra=()
  [ "$3" = pipeline ] && extra=("$inflight")
  case $2 in
    c) out=$("$work/qmpload" "$3" "$work/srv/mon-%d.sock" 1 "$warm" "$meas" "${extra[@]}") ;;
    ours) out=$(java -Xmx256m -cp "$cp" dev.qapi.client.bench.ClientBench "$3" "$work/srv/mon-1.sock" "$warm" "$meas" "${extra[@]}") ;;
    before) out=$(java -Xmx256m -cp "$cp_before" dev.qapi.client.bench.ClientBench "$3" "$work/srv/mon-3.sock" "$warm" "$meas" "${extra[@]}") ;;
    py) out=$(python3 "$here/tools/bench/client/qemu_qmp_bench.py" "$3" "$work/srv/mon-2.sock" "$warm" "$meas" "${extra[@]}") ;;
  esac
  echo "$1 $2 $3 $(sed -n 's/.*rps=\([0-9.]*\).*/\1/p' <<<"$out")" | tee -a "$results" >&2
}
clients=(ours py c)
[ -z "$before" ] || clients+=(before)
nc=${#clients[@]}
[ "$idle_poll" = 1 ] && { log "vCPUs kept from halting: $(nproc) SCHED_IDLE spinners"; start_spinners; }
for ((r = 1; r <= rounds; r++)); do
  log "round $r/$rounds"
  for ((k = 0; k < nc; k++)); do
    cl=${clients[$(((r + k) % nc))]}
    run_client "$r" "$cl" pingpong
    run_client "$r" "$cl" pipeline
  done
done
stop_spinners
stop_server srv
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- scale -----------------------------------------------------------------------------------------
# The server holds two descriptors per monitor (listening socket and client), the client one.
if [ $((scale * 2 + 200)) -gt "$nofile" ]; then
  log "nofile $nofile is too small for $scale connections; using $(((nofile - 200) / 2))"
  scale=$(((nofile - 200) / 2))
fi
log "scale: $scale connections"
start_server big "$scale" 1g
scale_out=$(java -Xmx64m -cp "$cp" dev.qapi.client.bench.ClientBench scale "$work/big/mon-%d.sock" "$scale" 2>&1 | tail -1)
stop_server big

# ---- table -----------------------------------------------------------------------------------------
median() { sort -n | awk '{a[NR] = $1} END {if (NR == 0) print 0; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
med() { awk -v c="$1" -v m="$2" '$2 == c && $3 == m {print $4}' "$results" | median; }
printf '\nQMP client benchmark: %d interleaved rounds, medians; server: our QmpServer (BenchServer), Unix socket;\n' "$rounds"
[ "$idle_poll" = 1 ] && printf 'vCPUs kept from halting by SCHED_IDLE spinners (CLIENT_BENCH_IDLE_POLL=1).\n'
printf '%s CPUs shared with other work (load before %s, after %s): noisy, compare ratios within a run.\n\n' "$(nproc)" "$(cut -d' ' -f1-3 <<<"$load_before" 2>/dev/null || echo "?")" "$load_after"
printf '| %-26s | %10s | %10s | %10s | %8s | %12s |\n' "test (req/s)" "ours" "qemu.qmp" "C" "ours÷C" "ours÷qemu.qmp"
printf '|%s|%s|%s|%s|%s|%s|\n' "----------------------------" "------------" "------------" "------------" "----------" "--------------"
for m in pingpong pipeline; do
  o=$(med ours $m); p=$(med py $m); c=$(med c $m)
  label=$m; [ $m = pipeline ] && label="pipelined ($inflight in flight)"; [ $m = pingpong ] && label="ping-pong"
  printf '| %-26s | %10.0f | %10.0f | %10.0f | %8.2f | %12.1f |\n' "$label" "$o" "$p" "$c" \
    "$(awk -v a="$o" -v b="$c" 'BEGIN {print (b > 0) ? a / b : 0}')" "$(awk -v a="$o" -v b="$p" 'BEGIN {print (b > 0) ? a / b : 0}')"
done
printf '\nScale (one client JVM, -Xmx64m, one event-loop thread): %s\n' "$scale_out"
if [ -n "$before" ]; then
  printf '\nBefore and after, same run: ours with the qapi-client classes of %s as "before".\n\n' "$before"
  printf '| %-26s | %10s | %10s | %12s | %10s | %8s |\n' "test (req/s)" "before" "ours" "ours÷before" "before÷C" "ours÷C"
  printf '|%s|%s|%s|%s|%s|%s|\n' "----------------------------" "------------" "------------" "--------------" "------------" "----------"
  for m in pingpong pipeline; do
    b=$(med before $m); o=$(med ours $m); c=$(med c $m)
    label=$m; [ $m = pipeline ] && label="pipelined ($inflight in flight)"; [ $m = pingpong ] && label="ping-pong"
    printf '| %-26s | %10.0f | %10.0f | %12.2f | %10.2f | %8.2f |\n' "$label" "$b" "$o" \
      "$(awk -v a="$o" -v b="$b" 'BEGIN {print (b > 0) ? a / b : 0}')" \
      "$(awk -v a="$b" -v b="$c" 'BEGIN {print (b > 0) ? a / b : 0}')" "$(awk -v a="$o" -v b="$c" 'BEGIN {print (b > 0) ? a / b : 0}')"
  done
fi
