#!/usr/bin/env bash
# CPU per post search, for comparing builds on a shared box: bench/search-cpu.sh JAR [JAR...]
#
# Like search-posts.sh (same PostgreSQL 15, seed databases, generate.sql and open-model load), but
# smaller by default (BENCH_USERS=1000 colleagues, BENCH_POSTS=100000 posts) and measuring what other
# load on the machine disturbs least: the server process's own CPU time (user + system, from
# /proc/<pid>/stat) during the measured load, divided by the searches it answered. Each jar gets the
# same database copy and an empty index directory (it builds the index at start and the measurement
# waits for that), then a warm-up and GET /api/v2/search?type=statuses&limit=20&q=... at
# BENCH_SEARCH_RATE=4 req/s for BENCH_OPEN_DURATION=60 s. With BENCH_JFR=1 a Java Flight Recording
# (profile settings) covers the measured minute: results/<time>-search-cpu/<n>.jfr.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
USERS=${BENCH_USERS:-1000}
POSTS=${BENCH_POSTS:-100000}
SEED=${BENCH_SEED:-42}
RATE=${BENCH_SEARCH_RATE:-4}
OPEN_DURATION=${BENCH_OPEN_DURATION:-60}
REBUILD_TIMEOUT=${BENCH_REBUILD_TIMEOUT:-3600}
BENCH_START_TIMEOUT=${BENCH_START_TIMEOUT:-600}
DB=hallway_bench_search_cpu
SEED_DB="bench_seed_${USERS}_${POSTS}_${SEED}"
RUN_DIR="$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)-search-cpu"
source "$BENCH_DIR/lib/search-queries.sh"
export BENCH_QUERIES=${BENCH_QUERIES:-$(post_queries)}
[ $# -ge 1 ] || { echo "usage: $0 JAR [JAR...]" >&2; exit 2; }

source "$BENCH_DIR/lib/pg.sh"
source "$BENCH_DIR/lib/hallway.sh"
JCMD=$(dirname "$JAVA")/jcmd

cleanup() {
  hallway_stop || true
  pg_stop || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$RUN_DIR"
JAR=$1
pg_start

seed_complete() { [ "$(pg_psql postgres -Atc "select shobj_description(oid, 'pg_database') from pg_database where datname = '$SEED_DB'")" = complete ]; }
if pg_db_exists "$SEED_DB" && ! seed_complete; then pg_psql postgres -c "drop database $SEED_DB" >/dev/null; fi
if ! pg_db_exists "$SEED_DB"; then
  pg_psql postgres -c "create database $SEED_DB" >/dev/null
  hallway_start "$SEED_DB" "$RUN_DIR/hallway-schema.log" && hallway_stop
  echo "Loading the synthetic company: $USERS colleagues, $POSTS posts, seed $SEED"
  started=$SECONDS
  pg_psql "$SEED_DB" -v users="$USERS" -v posts="$POSTS" -v seed="$SEED" -v likes=3 -v days=90 \
    -v feed_cap=800 -v end_at='2026-11-01 00:00:00+00' -f "$BENCH_DIR/generate.sql" >"$RUN_DIR/load.txt"
  echo "   loaded in $((SECONDS - started)) s"
  pg_psql postgres -c "comment on database $SEED_DB is 'complete'" >/dev/null
fi

cpu_ticks() { awk '{print $14 + $15}' "/proc/$HALLWAY_PID/stat"; }
url="http://127.0.0.1:$HALLWAY_PORT"
path='/api/v2/search?type=statuses&limit=20&q={q}'
n=0
for JAR in "$@"; do
  n=$((n + 1))
  echo "== $n: $JAR"
  pg_copy_db "$DB" "$SEED_DB"
  pg_psql "$DB" -Atc "analyze" >/dev/null
  export HALLWAY_BENCH_DATA_DIR="$BENCH_DIR/data/hallway-cpu"
  rm -rf "$HALLWAY_BENCH_DATA_DIR"
  hallway_start "$DB" "$RUN_DIR/hallway.$n.log"
  started=$SECONDS
  until grep -q "Search index rebuilt" "$RUN_DIR/hallway.$n.log"; do
    if (( SECONDS - started > REBUILD_TIMEOUT )); then echo "No rebuild after $REBUILD_TIMEOUT s" >&2; exit 1; fi
    sleep 2
  done
  grep "Search index rebuilt" "$RUN_DIR/hallway.$n.log" | tail -1 | sed 's/.*: Search/   Search/'
  timeout 80 "$JAVA" "$BENCH_DIR/load/OpenLoad.java" "$url" "$RATE" 20 "$USERS" get "$path" >/dev/null 2>&1 || true
  [ "${BENCH_JFR:-0}" = 1 ] && "$JCMD" "$HALLWAY_PID" JFR.start name=search settings=profile \
    filename="$RUN_DIR/$n.jfr" >/dev/null
  before=$(cpu_ticks)
  timeout $((OPEN_DURATION + 60)) "$JAVA" "$BENCH_DIR/load/OpenLoad.java" "$url" "$RATE" "$OPEN_DURATION" "$USERS" \
    get "$path" >"$RUN_DIR/search.$n.open.txt" 2>&1 || true
  after=$(cpu_ticks)
  [ "${BENCH_JFR:-0}" = 1 ] && "$JCMD" "$HALLWAY_PID" JFR.stop name=search >/dev/null
  hz=$(getconf CLK_TCK)
  sed -n 's/^BENCH_RESULT //p' "$RUN_DIR/search.$n.open.txt" \
    | jq -r --argjson cpu "$(( (after - before) * 1000 / hz ))" \
      '"   offered \(.offered_rps) req/s, completed \(.completed)/\(.requests), p50 \(.p50_us / 1000) ms, p90 \(.p90_us / 1000) ms, p99 \(.p99_us / 1000) ms, errors \(.errors); server CPU \($cpu) ms, \(if .completed > 0 then ($cpu / (.completed + .lead_completed) | floor) else "-" end) ms per search"' \
    | tee "$RUN_DIR/search.$n.txt"
  hallway_stop
done
