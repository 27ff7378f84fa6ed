#!/usr/bin/env bash
# Two builds side by side, in the same conditions: bench/ab.sh A.jar B.jar
#
# On a shared box the load from other work changes from minute to minute, so figures of two runs made
# one after the other do not compare. This script starts both builds at once (each on its own clone of
# the seed database, see run.sh), warms both, and then measures every scenario alternately
# A, B, A, B, ... (BENCH_ROUNDS rounds), each time with the ceiling of the same server measured just
# before. It reports per round and the median ratio B/A. Same knobs as run.sh (BENCH_DURATION etc.);
# BENCH_AB_JVM_OPTS_A / _B override the JVM options of one side.
# BENCH_AB_SCENARIOS (default "ceiling-auth home web-home post") picks the scenarios; keep ceiling-auth,
# the report divides by it. Per request it also reports commits and WAL flushes (pg_stat_wal).
# BENCH_AB_SEED_B names another seed database for B (e.g. the same company with fewer readers,
# BENCH_READERS in lib/seed.sh); both sides use the usual seed unless given.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
JAR_A=$(realpath "$1"); JAR_B=$(realpath "$2")
USERS=${BENCH_USERS:-1000}
POSTS=${BENCH_POSTS:-100000}
SEED=${BENCH_SEED:-42}
DURATION=${BENCH_DURATION:-15}
WARMUP=${BENCH_WARMUP:-5}
CONNS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
JIT_WARMUP=${BENCH_JIT_WARMUP:-20}
ROUNDS=${BENCH_ROUNDS:-2}
# BENCH_AB_SCENARIOS: which scenarios to warm and measure (any of ceiling-auth home web-home post).
SCENARIOS=" ${BENCH_AB_SCENARIOS:-ceiling-auth home web-home post} "
on() { [[ $SCENARIOS == *" $1 "* ]]; }
SEED_DB="bench_seed_${USERS}_${POSTS}_${SEED}"
declare -A SEEDS=([A]=$SEED_DB [B]=${BENCH_AB_SEED_B:-$SEED_DB})
RUN_DIR="$BENCH_DIR/results/ab-$(date -u +%Y%m%dT%H%M%SZ)"
BASE_PORT=${BENCH_HALLWAY_PORT:-18080}

source "$BENCH_DIR/lib/pg.sh"
source "$BENCH_DIR/lib/hallway.sh"
source "$BENCH_DIR/lib/measure.sh"
source "$BENCH_DIR/lib/web.sh"

declare -A PIDS PORTS DBS JARS OPTS
JARS[A]=$JAR_A; JARS[B]=$JAR_B
PORTS[A]=$BASE_PORT; PORTS[B]=$((BASE_PORT + 1))
DBS[A]=hallway_ab_a; DBS[B]=hallway_ab_b
OPTS[A]=${BENCH_AB_JVM_OPTS_A:-$HALLWAY_JVM_OPTS}; OPTS[B]=${BENCH_AB_JVM_OPTS_B:-$HALLWAY_JVM_OPTS}

use() { HALLWAY_BENCH_DATA_DIR="$BENCH_DIR/data/hallway-ab-$1"; HALLWAY_PORT=${PORTS[$1]}; HALLWAY_PID=${PIDS[$1]:-}; DB=${DBS[$1]}; JAR=${JARS[$1]}; HALLWAY_JVM_OPTS=${OPTS[$1]}; }
cleanup() {
  for s in A B; do use "$s"; hallway_stop || true; done
  pg_stop || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$RUN_DIR"
pg_start
for s in A B; do
  pg_db_exists "${SEEDS[$s]}" || { echo "No seed database ${SEEDS[$s]}: run bench/run.sh once first" >&2; exit 1; }
done
for s in A B; do
  use "$s"
  pg_copy_db "$DB" "${SEEDS[$s]}"
  pg_psql "$DB" -c "create extension if not exists pg_stat_statements" >/dev/null
  hallway_start "$DB" "$RUN_DIR/hallway-$s.log"
  PIDS[$s]=$HALLWAY_PID
  # A new data directory rebuilds the search index at start: let that finish before measuring.
  hallway_settle "$DB" "$RUN_DIR/hallway-$s.log"
  echo "$s: $JAR on ${SEEDS[$s]}, idle RSS $(( $(hallway_rss_kb) / 1024 )) MiB" | tee -a "$RUN_DIR/servers.txt"
  if on web-home; then web_sessions "${BENCH_WEB_SESSIONS:-100}" "$RUN_DIR/cookies-$s.txt"; fi
done

warm() {
  local path=$1 users=$2 post=$3 cookies=${4:-}
  BENCH_COOKIES=$cookies BENCH_PATH=$path BENCH_USERS=$users BENCH_POST=$post timeout $((JIT_WARMUP + 30)) \
    wrk -t"$THREADS" -c"$CONNS" -d"${JIT_WARMUP}s" --timeout 10s -s "$BENCH_DIR/wrk/scenario.lua" "http://127.0.0.1:$HALLWAY_PORT" >/dev/null || true
}
echo "== JIT warm-up: ${JIT_WARMUP}s per endpoint and server"
for s in A B; do
  use "$s"
  ! on ceiling-auth || warm /api/v1/custom_emojis "$USERS" 0
  ! on home || warm '/api/v1/timelines/home?limit=20' "$USERS" 0
  ! on web-home || warm / 0 0 "$RUN_DIR/cookies-$s.txt"
  ! on post || warm /api/v1/statuses "$USERS" 1
done

for r in $(seq 1 "$ROUNDS"); do
  for s in A B; do
    use "$s"
    ! on ceiling-auth || wrk_scenario "$s:$r:ceiling-auth" /api/v1/custom_emojis "$USERS" 0 "ceiling"
    ! on home || wrk_scenario "$s:$r:home" '/api/v1/timelines/home?limit=20' "$USERS" 0 "home feed"
    ! on web-home || BENCH_COOKIES="$RUN_DIR/cookies-$s.txt" wrk_scenario "$s:$r:web-home" / 0 0 "web home page"
    ! on post || wrk_scenario "$s:$r:post" /api/v1/statuses "$USERS" 1 "posting"
  done
done

{
  echo "# A/B, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  cat "$RUN_DIR/servers.txt"
  echo
  echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). wrk $THREADS threads, $CONNS connections, ${DURATION}s per scenario, $ROUNDS rounds alternating A and B."
  echo
  echo "| server | round | scenario | req/s | p50 ms | p99 ms | errors | vs own ceiling-auth | CPU server | CPU db | CPU other | RSS MiB |"
  echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  jq -rs '
    def r(x): (x * 10 | round) / 10;
    (map(select(.name | endswith(":ceiling-auth"))) | map({key: (.name | split(":")[0:2] | join(":")), value: .rps}) | from_entries) as $c |
    .[] | (.name | split(":")) as $n | (.duration_us / 1e6) as $s |
    "| \($n[0]) | \($n[1]) | \($n[2]) | \(.rps | round) | \(r(.p50_us / 1000)) | \(r(.p99_us / 1000)) | \(.errors) | \(.rps / $c[$n[0] + ":" + $n[1]] * 100 | round)% | \(r(.cpu_server / $s)) | \(r(.cpu_db / $s)) | \(r(([.cpu_machine_busy - .cpu_server - .cpu_db - .cpu_gen, 0] | max) / $s)) | \(.rss_kb / 1024 | round) |"
  ' "$RUN_DIR/results.jsonl"
  echo
  echo "Median over rounds of each scenario's share of its own server's ceiling (same round):"
  echo
  jq -rs '
    (map(select(.name | endswith(":ceiling-auth"))) | map({key: (.name | split(":")[0:2] | join(":")), value: .rps}) | from_entries) as $c |
    map((.name | split(":")) as $n | {s: $n[0], sc: $n[2], share: (.rps / $c[$n[0] + ":" + $n[1]])}) |
    group_by(.sc)[] | . as $g |
    ([$g[] | select(.s == "A") | .share] | sort | .[length / 2 | floor]) as $a |
    ([$g[] | select(.s == "B") | .share] | sort | .[length / 2 | floor]) as $b |
    "- \($g[0].sc): A \($a * 1000 | round / 10)%, B \($b * 1000 | round / 10)%, B/A \(if $a > 0 then ($b / $a * 100 | round / 100) else "n/a" end)"
  ' "$RUN_DIR/results.jsonl"
  echo
  echo "CPU per request (server JVM + PostgreSQL CPU-seconds in the window / requests; posting includes the"
  echo "after-commit work done within the window). On a box shared with other work this moves less than req/s:"
  echo
  jq -rs 'def r(x): (x * 100 | round) / 100;
    .[] | "- \(.name): server \(r(.cpu_server / .requests * 1000)) ms + db \(r(.cpu_db / .requests * 1000)) ms, \(r((.commits // 0) / .requests)) commits, \(r((.wal_syncs // 0) / .requests)) WAL flushes"' "$RUN_DIR/results.jsonl"
} >"$RUN_DIR/report.md"
cat "$RUN_DIR/report.md"
