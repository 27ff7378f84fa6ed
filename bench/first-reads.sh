#!/usr/bin/env bash
# Colleagues' first home reads: bench/first-reads.sh [JAR...]
#
# A colleague's first request of the hour notes their token's use, their presence and the read of
# their home feed, and loads that feed into memory; later reads are served from memory. bench/home-rate.sh
# measures the later reads. This one starts each build (BENCH_ROUNDS=2 rounds, the builds taking turns)
# on a fresh copy of lib/seed.sh's seed (BENCH_USERS=10000 colleagues, BENCH_POSTS=1000000 posts),
# warms it up with the reads and posts of colleagues 1..2000 (wrk, 20 s each), and then measures
# (bench/load/FirstReads.java, open model, BENCH_FIRST_RATE=50 reads a second) 1,500 first reads on
# the otherwise idle server and 1,500 more beside posting at BENCH_FIRST_POST_RATE=200 posts a second.
# Between the warm-up and the first row it waits BENCH_FIRST_SETTLE=150 s: for minutes after a start
# the JIT compiles what the load made hot (up to a fifth of a core one to two minutes in), and rows
# measured right after the warm-up measured the compiler as much as the reads. Each row also gives the
# CPU seconds of its window: the server's, its JIT compiler threads' among them, and PostgreSQL's.
# Writes results/<time>-first-reads/report.md.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
USERS=${BENCH_USERS:-10000}
POSTS=${BENCH_POSTS:-1000000}
SEED=${BENCH_SEED:-42}
ROUNDS=${BENCH_ROUNDS:-2}
RATE=${BENCH_FIRST_RATE:-50}
POST_RATE=${BENCH_FIRST_POST_RATE:-200}
SETTLE=${BENCH_FIRST_SETTLE:-150}
DB=hallway_bench_first
RUN_DIR="$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)-first-reads"
(( USERS >= 5000 )) || { echo "BENCH_USERS must be at least 5000" >&2; exit 1; }

source "$BENCH_DIR/lib/pg.sh"
source "$BENCH_DIR/lib/hallway.sh"
source "$BENCH_DIR/lib/seed.sh"
JARS=()
for a in "$@"; do JARS+=("$(realpath "$a")"); done
[ ${#JARS[@]} -eq 0 ] && JARS=("$JAR")

WRK_PID=""
cleanup() {
  [ -n "$WRK_PID" ] && kill "$WRK_PID" 2>/dev/null || true
  hallway_stop || true
  pg_stop || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$RUN_DIR"
JAR=${JARS[0]}
hallway_build
pg_start
seed_ensure
url="http://127.0.0.1:$HALLWAY_PORT"
# wrk PATH_OR_POST RATE SECONDS: the open model over colleagues 1..2000 (wrk/scenario.lua).
load() {
  local post=0 path=$1
  [ "$path" = post ] && { post=1; path=/api/v1/statuses; }
  BENCH_PATH=$path BENCH_POST=$post BENCH_USERS=2000 BENCH_RATE=$2 \
    wrk -t2 -c16 -d"$3"s -s "$BENCH_DIR/wrk/scenario.lua" "$url"
}

# row BESIDE FIRST LAST: one report row, the first reads of colleagues FIRST..LAST in this round.
row() {
  local beside=$1 figures server0 jit0 pg0 server jit pg
  server0=$(hallway_cpu_ticks) jit0=$(hallway_jit_ticks) pg0=$(pg_all_ticks)
  figures=$("$JAVA" "$BENCH_DIR/load/FirstReads.java" "$url" "$2" "$3" "$RATE")
  server=$(( $(hallway_cpu_ticks) - server0 )) jit=$(( $(hallway_jit_ticks) - jit0 )) pg=$(( $(pg_all_ticks) - pg0 ))
  echo "$figures" | awk -v build="$(hallway_describe)" -v round="$round" -v beside="$beside" -v tick="$(getconf CLK_TCK)" \
    -v server="$server" -v jit="$jit" -v pg="$pg" '
    { gsub(/,/, ""); printf "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %.1f | %.1f | %.1f |\n", build, round, beside, $2, $4, $6, $9, $12, $15,
      server / tick, jit / tick, pg / tick }' \
    | tee -a "$RUN_DIR/report.md"
}

{
  echo "# First home reads ($USERS colleagues, $POSTS posts, $(nproc) cores)"
  echo
  echo "JVM options: $HALLWAY_JVM_OPTS. Each row: 1,500 colleagues' first reads at $RATE/s (open model; those of the"
  echo "first 2 s not measured), after 20 s of reads and 20 s of posts by colleagues 1..2000 and $SETTLE s of rest."
  echo "CPU: seconds used during the row (about 30 s) by the server, by its JIT compiler threads (part of the"
  echo "server's), and by PostgreSQL."
  echo
  echo "| build | round | beside | reads | errors | p50 ms | p90 ms | p99 ms | max ms | CPU server s | CPU JIT s | CPU PostgreSQL s |"
  echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$RUN_DIR/report.md"
n=0
for round in $(seq 1 "$ROUNDS"); do
  for JAR in "${JARS[@]}"; do
    n=$((n + 1))
    pg_copy_db "$DB" "$(seed_db_name)"
    hallway_start "$DB" "$RUN_DIR/hallway.$n.log" >/dev/null
    hallway_settle "$DB" "$RUN_DIR/hallway.$n.log" >/dev/null
    load "/api/v1/timelines/home?limit=20" 500 20 >"$RUN_DIR/warmup-reads.$n.txt" 2>&1
    load post "$POST_RATE" 20 >"$RUN_DIR/warmup-posts.$n.txt" 2>&1
    sleep "$SETTLE"
    row "nothing" 2001 3500
    load post "$POST_RATE" 40 >"$RUN_DIR/posts.$n.txt" 2>&1 &
    WRK_PID=$!
    sleep 3
    row "posts at $POST_RATE/s" 3501 5000
    wait "$WRK_PID" || true
    WRK_PID=""
    hallway_stop
  done
done
echo "Report: $RUN_DIR/report.md"
