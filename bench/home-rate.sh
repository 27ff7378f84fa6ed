#!/usr/bin/env bash
# Home reads at fixed arrival rates, with the ceiling and the closed-loop maximum of the same server:
# bench/home-rate.sh [JAR]
#
# On a fresh copy of lib/seed.sh's seed (BENCH_USERS=10000 colleagues, BENCH_POSTS=1000000 posts, the
# issue's size), after BENCH_HOME_WARMUP=60 s of home reads in a closed loop: ceiling-auth
# (GET /api/v1/custom_emojis with a token) and home (GET /api/v1/timelines/home?limit=20, tokens of
# random colleagues) in a closed loop (wrk, 32 connections, 20 s each), then home at each rate of
# BENCH_HOME_RATES (default 2500 requests/s) for BENCH_HOME_DURATION=60 s: wrk's open model
# (wrk/scenario.lua, BENCH_RATE) over BENCH_HOME_CONNS=400 connections, so that an arrival finds a
# free connection; the report says how many did not ("late") and how late the worst was. wrk is a C
# program with one event loop per thread: a light load generator, which the JVM-based ones beside a
# server on two cores were not (OpenLoad.java dropped 13-15% of 2,500 arrivals a second itself).
# Before those windows, BENCH_HOME_OPEN_WARMUP=30 s at the first rate warm the open model's own paths
# up (reported as "open-warm-up"; 0 skips it).
# BENCH_HOME_WEB=1 measures the web home page instead (GET / with the browser sessions of
# BENCH_WEB_SESSIONS=100 colleagues signed in through the login form, bench/lib/web.sh; rates default
# to 150 pages/s): the closed loop and the windows read pages, the ceiling stays the API's.
# Per window: requests/s, p50/p90/p99/max, non-2xx and socket errors, CPU of server, PostgreSQL and
# load generator, the server's RSS. Writes results/<time>-home-rate/report.md.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
USERS=${BENCH_USERS:-10000}
POSTS=${BENCH_POSTS:-1000000}
SEED=${BENCH_SEED:-42}
WARMUP=${BENCH_HOME_WARMUP:-60}
DURATION=${BENCH_HOME_DURATION:-60}
# What the windows read: the API's home feed with a colleague's token, or the web home page with a
# browser session (HOME_TOKENS=0: no token; the sessions are made once the server runs).
WEB=${BENCH_HOME_WEB:-0}
KIND=home TITLE="Home reads" HOME_TOKENS=$USERS RATES=${BENCH_HOME_RATES:-2500}
if [ "$WEB" = 1 ]; then KIND=page TITLE="Web home pages" HOME_TOKENS=0 RATES=${BENCH_HOME_RATES:-150}; fi
OPEN_CONNS=${BENCH_HOME_CONNS:-400}
OPEN_WARMUP=${BENCH_HOME_OPEN_WARMUP:-30}
THREADS=2
DB=hallway_bench_home_rate
RUN_DIR="$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)-home-rate"
HOME_PATH="/api/v1/timelines/home?limit=20"
COOKIES=""

source "$BENCH_DIR/lib/pg.sh"
source "$BENCH_DIR/lib/hallway.sh"
source "$BENCH_DIR/lib/seed.sh"
source "$BENCH_DIR/lib/web.sh"
[ $# -ge 1 ] && JAR=$(realpath "$1")

cleanup() {
  hallway_stop || true
  pg_stop || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$RUN_DIR"
command -v wrk >/dev/null || { echo "Installing wrk (apt)"; apt-get install -y wrk >/dev/null; }
hallway_build
pg_start
seed_ensure
pg_copy_db "$DB" "$(seed_db_name)"
hallway_start "$DB" "$RUN_DIR/hallway.log"
hallway_settle "$DB" "$RUN_DIR/hallway.log"
url="http://127.0.0.1:$HALLWAY_PORT"
if [ "$WEB" = 1 ]; then
  HOME_PATH=/
  COOKIES="$RUN_DIR/cookies.txt"
  web_sessions "${BENCH_WEB_SESSIONS:-100}" "$COOKIES"
fi
hz=$(getconf CLK_TCK)
{
  echo "# $TITLE at fixed rates ($USERS colleagues, $POSTS posts, $(nproc) cores)"
  echo
  echo "$JAR, JVM options: $HALLWAY_JVM_OPTS; idle RSS $(( $(hallway_rss_kb) / 1024 )) MiB"
  echo
  echo "| window | model | req/s | p50 | p90 | p99 | max | non-2xx + errors | late (worst) | CPU s: server / PostgreSQL / wrk | RSS MiB |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$RUN_DIR/report.md"

# window NAME PATH SECONDS CONNECTIONS [RATE]: one measured wrk run and its report line.
window() {
  local name=$1 path=$2 secs=$3 conns=$4 rate=${5:-}
  local server0 pg0 server1 pg1
  server0=$(hallway_cpu_ticks); pg0=$(pg_all_ticks)
  local tokens=$USERS cookies=""
  [ "$path" = "$HOME_PATH" ] && tokens=$HOME_TOKENS cookies=$COOKIES
  BENCH_PATH=$path BENCH_USERS=$tokens BENCH_COOKIES=$cookies BENCH_RATE=$rate BENCH_THREADS=$THREADS \
    /usr/bin/time -f "GEN_CPU %U %S" -o "$RUN_DIR/$name.time" \
    timeout $((secs + 30)) wrk -t"$THREADS" -c"$conns" -d"${secs}s" --timeout 10s --latency \
      -s "$BENCH_DIR/wrk/scenario.lua" "$url" >"$RUN_DIR/$name.wrk.txt" 2>&1 || true
  server1=$(hallway_cpu_ticks); pg1=$(pg_all_ticks)
  local model="closed, $conns connections"
  [ -z "$rate" ] || model="open, $rate/s over $conns connections"
  sed -n 's/^BENCH_RESULT //p' "$RUN_DIR/$name.wrk.txt" | jq -r --arg name "$name" --arg model "$model" \
    --argjson server "$(( server1 - server0 ))" --argjson pg "$(( pg1 - pg0 ))" --argjson hz "$hz" \
    --argjson gen "$(awk '/GEN_CPU/ {print $2 + $3}' "$RUN_DIR/$name.time")" --argjson rss "$(hallway_rss_kb)" \
    --argjson non2xx "$(awk '/Non-2xx/ {print $NF}' "$RUN_DIR/$name.wrk.txt" | grep . || echo 0)" '
    def ms: . / 1000 | . * 10 | round / 10;
    "| \($name) | \($model) | \(.requests / (.duration_us / 1e6) | floor) | \(.p50_us | ms) ms | \(.p90_us | ms) ms | \(.p99_us | ms) ms | \(.max_us | ms) ms | \($non2xx + .errors_connect + .errors_read + .errors_write + .errors_timeout) | \(.late) (\(.worst_late_us | ms) ms) | \($server / $hz) / \($pg / $hz) / \($gen) | \($rss / 1024 | floor) |"' \
    | tee -a "$RUN_DIR/report.md"
}

echo "== warm-up: ${WARMUP}s of home reads, closed loop"
BENCH_PATH=$HOME_PATH BENCH_USERS=$HOME_TOKENS BENCH_COOKIES=$COOKIES timeout $((WARMUP + 30)) \
  wrk -t"$THREADS" -c32 -d"${WARMUP}s" --timeout 10s -s "$BENCH_DIR/wrk/scenario.lua" "$url" >/dev/null || true
BENCH_PATH=/api/v1/custom_emojis BENCH_USERS=$USERS timeout 40 \
  wrk -t"$THREADS" -c32 -d10s --timeout 10s -s "$BENCH_DIR/wrk/scenario.lua" "$url" >/dev/null || true
window ceiling-auth /api/v1/custom_emojis 20 32
window "$KIND-closed" "$HOME_PATH" 20 32
# The open model's first burst: hundreds of connections at once put more requests in flight than the
# closed loop ever did, and the JIT recompiles what it had compiled without that path (the request
# gate's wait, among others), once per process. Reported, not counted among the windows.
first_rate=${RATES%% *}
if [ -n "$first_rate" ] && [ "$OPEN_WARMUP" -gt 0 ]; then
  sleep 5
  window "open-warm-up" "$HOME_PATH" "$OPEN_WARMUP" "$OPEN_CONNS" "$first_rate"
fi
n=0
for rate in $RATES; do
  sleep 5
  n=$((n + 1))
  window "$KIND-$rate-$n" "$HOME_PATH" "$DURATION" "$OPEN_CONNS" "$rate"
done
echo "Report: $RUN_DIR/report.md"
