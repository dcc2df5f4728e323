#!/usr/bin/env bash
# Fairness under hostile input: 20 well-behaved ping-pong clients (query-version) on the example
# server, alone and while other monitors of the same server are attacked (fairload.c says how).
#
#   tools/bench/fairness/run.sh [ROUNDS]        (default 3; about 3 minutes per server and round)
#
# FAIR_SERVERS="NAME=JAR NAME=JAR ..." compares several builds of the example server in the same
# rounds (default: ours=generated-example/target/qmp-example-server.jar); e.g. main's jar as
# "before" and this tree's as "after". Every run gets a fresh server (so that its RSS peak is its
# own), started as java -jar JAR with its default heap, except the row "big, -Xmx256m".
# Rounds are interleaved (every attack on every server in a round, the server order rotating) and
# the table shows medians over rounds; unanswered requests are summed.
#
# Environment: FAIR_WARMUP_MS (500), FAIR_MEASURE_MS (3000), FAIR_ATTACKS (the list below).
set -euo pipefail
here=$(cd "$(dirname "$0")/../../.." && pwd)
rounds=${1:-3}
warm=${FAIR_WARMUP_MS:-500}
meas=${FAIR_MEASURE_MS:-3000}
read -r -a servers <<<"${FAIR_SERVERS:-ours=$here/generated-example/target/qmp-example-server.jar}"
read -r -a attacks <<<"${FAIR_ATTACKS:-none big big@256m nest tiny random slow churn all}"

work=$(mktemp -d /tmp/fair-bench.XXXXXX)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log() { printf '%s\n' "$*" >&2; }

gcc -O2 -Wall -pthread -o "$work/fairload" "$here/tools/bench/fairness/fairload.c"
for s in "${servers[@]}"; do
  [ -f "${s#*=}" ] || { log "no ${s#*=} (mvn -T1 -q package -DskipTests builds it)"; exit 1; }
done

sockets=(ctl nest tiny rand)
for i in $(seq 0 19); do sockets+=("good-$i"); done
for i in 0 1 2 3 4; do sockets+=("big-$i" "slow-$i"); done

start_server() { # JAR XMX_OPTION...
  local jar=$1 args=() s
  shift
  rm -rf "$work/s" && mkdir "$work/s"
  for s in "${sockets[@]}"; do
    args+=(-chardev "socket,id=$s,path=$work/s/$s.sock,server=on,wait=off" -mon "chardev=$s,mode=control")
  done
  java "$@" -jar "$jar" "${args[@]}" >"$work/server.log" 2>&1 &
  server_pid=$!
  local i
  for ((i = 0; i < 400; i++)); do
    [ -S "$work/s/good-19.sock" ] && [ -S "$work/s/slow-4.sock" ] && return 0
    sleep 0.05
  done
  log "server did not start:"; cat "$work/server.log" >&2; exit 1
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}

results=$work/results.txt
: >"$results"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
log "fairness bench: $rounds rounds, ${meas} ms per run after ${warm} ms warm-up, $(nproc) CPUs, load $load"
for ((r = 1; r <= rounds; r++)); do
  for a in "${attacks[@]}"; do
    for ((k = 0; k < ${#servers[@]}; k++)); do
      s=${servers[$(((r + k) % ${#servers[@]}))]}
      name=${s%%=*} jar=${s#*=}
      opts=()
      attack=$a
      case $a in *@*) opts=("-Xmx${a#*@}"); attack=${a%@*} ;; esac
      start_server "$jar" "${opts[@]}"
      out=$("$work/fairload" "$work/s" "$server_pid" "$attack" "$warm" "$meas") || out="failed"
      alive=yes
      kill -0 "$server_pid" 2>/dev/null || alive=no
      stop_server
      log "round $r $name $a: $out alive=$alive"
      echo "$r $name $a $out alive=$alive" >>"$results"
    done
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{a[NR] = $1} END {if (NR) print a[int((NR + 1) / 2)]; else print "-"}'; }
get() { # SERVER ATTACK KEY -> median over rounds
  awk -v s="$1" -v t="$2" -v k="$3" '$2 == s && $3 == t {for (i = 4; i <= NF; i++) {split($i, kv, "="); if (kv[1] == k) print kv[2]}}' "$results" | median
}
sum() { # SERVER ATTACK KEY -> sum over rounds
  awk -v s="$1" -v t="$2" -v k="$3" '$2 == s && $3 == t {for (i = 4; i <= NF; i++) {split($i, kv, "="); if (kv[1] == k) n += kv[2]}} END {print n + 0}' "$results"
}
failed() { awk -v s="$1" -v t="$2" '$2 == s && $3 == t && ($4 == "failed" || /alive=no/) {n++} END {print n + 0}' "$results"; }

echo
echo "Fairness under hostile input: 20 ping-pong clients (query-version), median of $rounds rounds (${meas} ms+ each); $(nproc) CPUs, load avg before $load, after $load_after"
for s in "${servers[@]}"; do
  name=${s%%=*}
  base99=$(get "$name" none p99_us)
  peak0=$(get "$name" none rss_peak_kb)
  echo
  echo "$name"
  printf '%-14s %8s %8s %9s %7s %6s %8s %9s %9s %7s %12s %s\n' attack "p50 us" "p99 us" "max us" "p99/bl" unans \
    "peak MB" "+peak MB" "attack MB" "loop %" "att. answ." "targets"
  for a in "${attacks[@]}"; do
    p99=$(get "$name" "$a" p99_us) mx=$(get "$name" "$a" max_us)
    base=$(get "$name" "$a" rss_base_kb) peak=$(get "$name" "$a" rss_peak_kb) ab=$(get "$name" "$a" attack_bytes)
    ans=$(sum "$name" "$a" attack_answers) exp=$(sum "$name" "$a" attack_expected)
    un=$(sum "$name" "$a" unanswered) bad=$(failed "$name" "$a")
    verdict=$(awk -v p="$p99" -v b="$base99" -v m="$mx" -v u="$un" -v rb="$peak0" -v rp="$peak" -v ab="$ab" -v a="$a" -v f="$bad" -v an="$ans" -v ex="$exp" 'BEGIN {
      v = "";
      if (m > 100000) v = v " max>100ms";
      if (a != "none" && p > 2 * b) v = v " p99>2x";
      if (u > 0 || f > 0) v = v " unanswered/failed";
      if (an < ex) v = v " attackers-unanswered";
      if (a != "none" && (rp - rb) * 1024 > 2 * ab) v = v " RSS>2x";
      print (v == "") ? "met" : "MISSED:" v }')
    printf '%-14s %8s %8s %9s %7s %6s %8s %9s %9s %7s %12s %s\n' "$a" "$(get "$name" "$a" p50_us)" "$p99" "$mx" \
      "$(awk -v p="$p99" -v b="$base99" 'BEGIN {if (b > 0) printf "%.1f", p / b; else print "-"}')" "$un$([ "$bad" -gt 0 ] && echo "+${bad}f")" \
      "$(awk -v k="$peak" 'BEGIN {printf "%.0f", k / 1024}')" "$(awk -v a="$peak0" -v b="$peak" 'BEGIN {printf "%.0f", (b - a) / 1024}')" \
      "$(awk -v b="$ab" 'BEGIN {printf "%.1f", b / 1048576}')" "$(get "$name" "$a" loop_busy_pct)" "$ans/$exp" "$verdict"
  done
done
echo
echo "p99/bl: p99 over the same server's p99 with no attack. peak MB: the server's RSS peak during the run;"
echo "+peak MB: that above the peak of the run without attack (the JVM grows its young generation under the"
echo "ping-pong load alone: that is not the attack's doing). att. answ.: answers the attackers got / answers expected, over all rounds (nest and random"
echo "are not counted: how many answers they get depends on how their bytes fall). unans: good clients'"
echo "requests never answered; 'f': runs where the client failed or the server died."
exit 0
