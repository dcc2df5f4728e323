#!/usr/bin/env bash
# QMP load benchmark: one client (qmpload.c), used unchanged against three servers:
#   ours  dev.qapi.runtime.bench.BenchServer (QmpServer + ProtocolCommands.registerBasics), -Xmx128m
#   qemu  qemu-system-x86_64 -machine none, one socket chardev + control monitor per connection
#   noop  noop.c, a do-nothing responder: the physical limit of the socket
#
#   tools/bench/qmp/run.sh [ROUNDS]     (default 5; about 3 minutes; builds what it needs)
#
# Every round runs every test against every server (the server order rotates), and the table shows
# medians over rounds. Tests: ping-pong on one connection (req/s, p50/p99), pipelined on one
# connection (INFLIGHT requests in flight), ping-pong on 10/100/1000 connections at once (one monitor
# each). QEMU serves a request in time proportional to bytes x monitors (it reads one byte per main
# loop iteration and every iteration polls every chardev), so each QEMU test gets an instance with
# exactly as many monitors as connections. Ours and noop each serve all tests from one process with
# 1000 monitors. "server CPU us/req" is the server process's user+system CPU time over the whole
# qmpload run divided by every answer it got (warm-up included): unlike req/s it hardly depends on
# how much of the two shared cores the other tenants leave us. Then memory: ours with 1000 negotiated
# connections under -Xmx128m, and with as many as the file limit allows (10,000 needs 20,100
# descriptors: each monitor holds a listening socket and a client socket).
#
# Environment: QMP_BENCH_WARMUP_MS (300), QMP_BENCH_MEASURE_MS (1500), QMP_BENCH_INFLIGHT (256),
# QMP_BENCH_BIG_XMX (heap for the big memory test, 512m), QMP_BENCH_BIG (10000).
set -euo pipefail
here=$(cd "$(dirname "$0")/../../.." && pwd)
rounds=${1:-5}
warm=${QMP_BENCH_WARMUP_MS:-300}
meas=${QMP_BENCH_MEASURE_MS:-1500}
inflight=${QMP_BENCH_INFLIGHT:-256}
big_xmx=${QMP_BENCH_BIG_XMX:-512m}
big_wanted=${QMP_BENCH_BIG:-10000}
monitors=1000
concurrency=(10 100 1000)

work=$(mktemp -d /tmp/qmp-bench.XXXXXX)
declare -a pids=()
declare -A stdin_fd=()
cleanup() {
  local p
  for p in "${pids[@]}"; do
    kill "$p" 2>/dev/null || true
  done
  for p in "${pids[@]}"; do
    wait "$p" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '%s\n' "$*" >&2; }

# ---- build -----------------------------------------------------------------------------------------
mkdir "$work/bin"
gcc -O2 -Wall -o "$work/bin/qmpload" "$here/tools/bench/qmp/qmpload.c"
gcc -O2 -Wall -o "$work/bin/noop" "$here/tools/bench/qmp/noop.c"
classes=$here/qapi-runtime/target/test-classes/dev/qapi/runtime/bench/BenchServer.class
mvn_quiet() { # ARGS...: mvn in the repository, its output shown only when it fails
  (cd "$here" && mvn -q -B "$@") >"$work/mvn.log" 2>&1
}
if [ ! -f "$classes" ]; then
  log "building qapi-runtime test classes"
  mvn_quiet -T1 -pl qapi-runtime -am test-compile || { cat "$work/mvn.log" >&2; exit 1; }
fi
mvn_quiet -o -pl qapi-runtime dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" \
  || mvn_quiet -pl qapi-runtime dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" \
  || { cat "$work/mvn.log" >&2; exit 1; }
cp="$here/qapi-runtime/target/classes:$here/qapi-runtime/target/test-classes:$(cat "$work/cp.txt")"
qemu=${QEMU:-qemu-system-x86_64}
command -v "$qemu" >/dev/null || { log "no $qemu"; exit 1; }

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
nofile=$(ulimit -n)

# ---- servers ---------------------------------------------------------------------------------------
# detached CMD...: runs CMD without our ends of the servers' stdin fifos (bash opens them without
# close-on-exec; a child holding one would keep that server from seeing end of input).
detached() {
  local f
  for f in "${stdin_fd[@]}"; do
    eval "exec $f>&-"
  done
  exec "$@"
}

# start NAME CMD...: runs CMD with stdin on a fifo we hold open (closing it stops ours and noop).
start() {
  local name=$1 fd
  shift
  mkdir -p "$work/$name"
  mkfifo "$work/$name/in"
  detached "$@" <"$work/$name/in" >"$work/$name/out" 2>"$work/$name/err" &
  pids+=($!)
  exec {fd}>"$work/$name/in"
  stdin_fd[$name]=$fd
  eval "pid_$name=$!"
}

wait_ready() { # NAME: until it printed "ready"
  local i
  for ((i = 0; i < 600; i++)); do
    grep -q '^ready' "$work/$1/out" 2>/dev/null && return 0
    sleep 0.05
  done
  log "$1 did not start:"; cat "$work/$1/err" >&2; exit 1
}

wait_socket() { # PATH
  local i
  for ((i = 0; i < 600; i++)); do
    [ -S "$1" ] && return 0
    sleep 0.05
  done
  log "no socket $1"; exit 1
}

stop() { # NAME: close its stdin (ours, noop) or SIGTERM (qemu), then wait for it
  local name=$1 pid
  pid=$(eval "echo \$pid_$name")
  eval "exec ${stdin_fd[$name]}>&-"
  case $name in qemu*) kill "$pid" 2>/dev/null || true ;; esac
  local i
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

start_ours() { # NAME N XMX
  start "$1" java "-Xmx$3" --add-exports java.base/sun.nio.ch=ALL-UNNAMED -cp "$cp" dev.qapi.runtime.bench.BenchServer "$work/$1" "$2"
  wait_ready "$1"
}

start_qemu() { # NAME N
  local args=() i
  mkdir -p "$work/$1"
  for ((i = 0; i < $2; i++)); do
    args+=(-chardev "socket,id=c$i,path=$work/$1/mon-$i.sock,server=on,wait=off" -mon "chardev=c$i,mode=control")
  done
  start "$1" "$qemu" -machine none -display none -nodefaults "${args[@]}"
  wait_socket "$work/$1/mon-$(($2 - 1)).sock"
}

heap_of() { # NAME: ask ours for its heap after a full GC
  local fd=${stdin_fd[$1]} before
  before=$(grep -c '^heap' "$work/$1/out" || true)
  echo heap >&"$fd"
  local i
  for ((i = 0; i < 200; i++)); do
    [ "$(grep -c '^heap' "$work/$1/out" || true)" -gt "$before" ] && break
    sleep 0.05
  done
  grep '^heap' "$work/$1/out" | tail -1
}

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }

load="$(cut -d' ' -f1-3 /proc/loadavg)"
log "qmp bench: $rounds rounds, ${meas} ms per test after ${warm} ms warm-up, $(nproc) CPUs, load $load, nofile $nofile"

start_ours ours $monitors 128m
start noop "$work/bin/noop" "$work/noop" $monitors
wait_ready noop
start_qemu qemu1 1
for c in "${concurrency[@]}"; do start_qemu "qemu$c" "$c"; done

# dir_for SERVER CONNS: where that server's monitors for a test on CONNS connections are.
dir_for() {
  case $1 in
    qemu) echo "$work/qemu$2" ;;
    *) echo "$work/$1" ;;
  esac
}

results=$work/results.txt
: >"$results"
# pid_for SERVER CONNS: the process serving that test.
pid_for() {
  case $1 in
    qemu) eval "echo \$pid_qemu$2" ;;
    *) eval "echo \$pid_$1" ;;
  esac
}
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # user + system CPU, in clock ticks
hz=$(getconf CLK_TCK)

run() { # ROUND SERVER TEST MODE CONNS [INFLIGHT]: one qmpload run, plus the server's CPU per answer
  local out pid t0 t1 n
  pid=$(pid_for "$2" "$5")
  t0=$(ticks "$pid")
  out=$("$work/bin/qmpload" "$4" "$(dir_for "$2" "$5")/mon-%d.sock" "$5" "$warm" "$meas" "${6:-}")
  t1=$(ticks "$pid")
  n=$(sed -n 's/.*answered=\([0-9]*\).*/\1/p' <<<"$out")
  echo "$1 $2 $3 $out cpu_us=$(awk -v t=$((t1 - t0)) -v hz="$hz" -v n="$n" 'BEGIN {printf "%.2f", (n > 0) ? t * 1e6 / hz / n : 0}')" >>"$results"
}

log "warm-up"
for s in ours noop qemu; do
  "$work/bin/qmpload" pipeline "$(dir_for $s 1)/mon-%d.sock" 1 0 1000 "$inflight" >/dev/null
  "$work/bin/qmpload" pingpong "$(dir_for $s 100)/mon-%d.sock" 100 0 1000 >/dev/null
done

servers=(ours qemu noop)
for ((r = 1; r <= rounds; r++)); do
  log "round $r/$rounds"
  for ((k = 0; k < 3; k++)); do
    s=${servers[$(((r + k) % 3))]}
    run "$r" "$s" pingpong pingpong 1
    run "$r" "$s" pipeline pipeline 1 "$inflight"
    for c in "${concurrency[@]}"; do
      run "$r" "$s" "conns$c" pingpong "$c"
    done
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---- memory ----------------------------------------------------------------------------------------
# Connected-memory of the long-running servers (1000 monitors each): qmpload connect holds them.
declare -A mem=()
hold() { # DIR N NAME: connect and negotiate N monitors and keep them; sets hold_pid, hold_fd, hold_ms
  mkfifo "$work/hold-$3.in"
  (detached "$work/bin/qmpload" connect "$1/mon-%d.sock" "$2" <"$work/hold-$3.in" >"$work/hold-$3.out") &
  hold_pid=$!
  pids+=($hold_pid)
  exec {hold_fd}>"$work/hold-$3.in"
  local i
  for ((i = 0; i < 1200; i++)); do
    grep -q connect_ms "$work/hold-$3.out" 2>/dev/null && break
    kill -0 "$hold_pid" 2>/dev/null || { log "qmpload connect $3 failed"; exit 1; }
    sleep 0.05
  done
  hold_ms=$(sed -n 's/.*connect_ms=\([0-9.]*\).*/\1/p' "$work/hold-$3.out")
}
release() { eval "exec $hold_fd>&-"; wait "$hold_pid" 2>/dev/null || true; }

for s in noop qemu1000; do
  before=$(rss_kb "$(eval "echo \$pid_$s")")
  hold "$work/$s" $monitors "$s"
  after=$(rss_kb "$(eval "echo \$pid_$s")")
  mem[$s]="$hold_ms $before $after"
  release
done
stop ours; stop noop
for c in 1 "${concurrency[@]}"; do stop "qemu$c"; done

# Ours, fresh: 1000 under -Xmx128m, then as many as the file limit allows.
mem_ours() { # NAME N XMX
  start_ours "$1" "$2" "$3"
  local idle rss0 conn rss1
  idle=$(heap_of "$1")
  rss0=$(rss_kb "$(eval "echo \$pid_$1")")
  hold "$work/$1" "$2" "$1"
  conn=$(heap_of "$1")
  rss1=$(rss_kb "$(eval "echo \$pid_$1")")
  release
  stop "$1"
  local u0 u1
  u0=$(sed -n 's/.*used=\([0-9]*\).*/\1/p' <<<"$idle")
  u1=$(sed -n 's/.*used=\([0-9]*\).*/\1/p' <<<"$conn")
  mem[$1]="$hold_ms $rss0 $rss1 $u0 $u1"
}
mem_ours mem1k $monitors 128m
big=$(((nofile - 100) / 2))
[ "$big" -gt "$big_wanted" ] && big=$big_wanted
mem_ours membig "$big" "$big_xmx"

# ---- table -----------------------------------------------------------------------------------------
median() { sort -n | awk '{a[NR] = $1} END {if (NR) print a[int((NR + 1) / 2)]; else print "-"}'; }
get() { # SERVER TEST KEY -> median over rounds
  awk -v s="$1" -v t="$2" -v k="$3" '$2 == s && $3 == t {for (i = 4; i <= NF; i++) {split($i, kv, "="); if (kv[1] == k) print kv[2]}}' "$results" | median
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}'; }
verdict() { awk -v r="$1" -v t="$2" 'BEGIN {print (r >= t) ? "met" : "MISSED"}'; }

echo
echo "QMP load, median of $rounds rounds (${meas} ms each, ${warm} ms warm-up); $(nproc) CPUs, load avg before $load, after $load_after"
printf '%-28s %10s %10s %10s %10s %10s  %s\n' "" ours qemu noop ours/noop ours/qemu target
row() { # LABEL TEST KEY [TARGET_TEXT]
  local o q n
  o=$(get ours "$2" "$3"); q=$(get qemu "$2" "$3"); n=$(get noop "$2" "$3")
  printf '%-28s %10s %10s %10s %10s %10s  %s\n' "$1" "$o" "$q" "$n" "$(ratio "$o" "$n")" "$(ratio "$o" "$q")" "${4:-}"
}
pp=$(ratio "$(get ours pingpong rps)" "$(get noop pingpong rps)")
row "ping-pong 1 conn req/s" pingpong rps ">= 0.70 x noop: $(verdict "$pp" 0.7)"
row "  p50 latency us" pingpong p50_us
row "  p99 latency us" pingpong p99_us
row "  server CPU us/req" pingpong cpu_us
pl=$(ratio "$(get ours pipeline rps)" "$(get qemu pipeline rps)")
row "pipelined ($inflight) req/s" pipeline rps ">= 100 x qemu: $(verdict "$pl" 100)"
row "  server CPU us/req" pipeline cpu_us
for c in "${concurrency[@]}"; do
  if [ "$c" = 100 ]; then
    cc=$(ratio "$(get ours conns100 rps)" "$(get noop conns100 rps)")
    row "$c conns req/s" "conns$c" rps ">= 0.70 x noop: $(verdict "$cc" 0.7)"
  else
    row "$c conns req/s" "conns$c" rps
  fi
  row "  p99 latency us" "conns$c" p99_us
  row "  server CPU us/req" "conns$c" cpu_us
done
echo
echo "memory (connect = connect + greeting + qmp_capabilities on every monitor; heap = used after full GC)"
printf '%-34s %12s %12s %12s %14s %14s\n' "" "connect ms" "RSS idle MB" "RSS conn MB" "heap idle MB" "heap conn MB"
mb() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
mbb() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1048576}'; }
read -r ms r0 r1 u0 u1 <<<"${mem[mem1k]}"
printf '%-34s %12s %12s %12s %14s %14s\n' "ours $monitors, -Xmx128m" "$ms" "$(mb "$r0")" "$(mb "$r1")" "$(mbb "$u0")" "$(mbb "$u1")"
per1k=$(awk -v a="$u0" -v b="$u1" -v n="$monitors" 'BEGIN {printf "%.0f", (b - a) / n}')
read -r ms r0 r1 u0 u1 <<<"${mem[membig]}"
printf '%-34s %12s %12s %12s %14s %14s\n' "ours $big, -Xmx$big_xmx" "$ms" "$(mb "$r0")" "$(mb "$r1")" "$(mbb "$u0")" "$(mbb "$u1")"
perbig=$(awk -v a="$u0" -v b="$u1" -v n="$big" 'BEGIN {printf "%.0f", (b - a) / n}')
read -r ms r0 r1 <<<"${mem[qemu1000]}"
printf '%-34s %12s %12s %12s %14s %14s\n' "qemu $monitors (1000 monitors)" "$ms" "$(mb "$r0")" "$(mb "$r1")" - -
read -r ms r0 r1 <<<"${mem[noop]}"
printf '%-34s %12s %12s %12s %14s %14s\n' "noop $monitors" "$ms" "$(mb "$r0")" "$(mb "$r1")" - -
echo "ours: heap per connected monitor $per1k B at $monitors, $perbig B at $big"
[ "$big" -lt "$big_wanted" ] && echo "note: $big_wanted monitors need $((2 * big_wanted + 100)) descriptors in ours (listener + client each); the file limit here is $nofile"
exit 0
