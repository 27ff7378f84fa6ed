#!/usr/bin/env bash
# People search for mention autocomplete, one command: bench/search.sh
#
# Like run.sh (same PostgreSQL 15, seed databases and jar), but a company of BENCH_USERS=10000 and a
# single measurement: GET /api/v1/accounts/search?q=...&limit=5 at a fixed arrival rate
# (BENCH_SEARCH_RATE=100 req/s for BENCH_OPEN_DURATION=30 s), the queries being what people type
# into the compose box keystroke by keystroke (one letter first, which matches thousands of people).
# Writes bench/results/<time>/search.open.txt and prints p50/p99.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
USERS=${BENCH_USERS:-10000}
POSTS=${BENCH_POSTS:-20000}
SEED=${BENCH_SEED:-42}
RATE=${BENCH_SEARCH_RATE:-100}
OPEN_DURATION=${BENCH_OPEN_DURATION:-30}
DB=hallway_bench_search
SEED_DB="bench_seed_${USERS}_${POSTS}_${SEED}"
RUN_DIR="$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)-search"
export BENCH_QUERIES=${BENCH_QUERIES:-"a,an,ana,ana ,ana s,ana sm,k,ko,kow,kowa,e,en,eng,engi,v,vi,vic,vice,#,t,ta,tar,tara,tara1,s,sa,sal,sales,m,me,mei,mei k"}

source "$BENCH_DIR/lib/pg.sh"
source "$BENCH_DIR/lib/hallway.sh"
source "$BENCH_DIR/lib/measure.sh"

cleanup() {
  hallway_stop || true
  pg_stop || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$RUN_DIR"
[ -n "${BENCH_JAR:-}" ] && JAR=$BENCH_JAR
hallway_build
pg_start

seed_complete() { [ "$(pg_psql postgres -Atc "select shobj_description(oid, 'pg_database') from pg_database where datname = '$SEED_DB'")" = complete ]; }
if pg_db_exists "$SEED_DB" && ! seed_complete; then pg_psql postgres -c "drop database $SEED_DB" >/dev/null; fi
if ! pg_db_exists "$SEED_DB"; then
  pg_psql postgres -c "create database $SEED_DB" >/dev/null
  hallway_start "$SEED_DB" "$RUN_DIR/hallway-schema.log" && hallway_stop
  echo "Loading the synthetic company: $USERS colleagues, $POSTS posts, seed $SEED"
  pg_psql "$SEED_DB" -v users="$USERS" -v posts="$POSTS" -v seed="$SEED" -v likes=3 -v days=90 \
    -v feed_cap=800 -v end_at='2026-11-01 00:00:00+00' -f "$BENCH_DIR/generate.sql" >"$RUN_DIR/load.txt"
  pg_psql postgres -c "comment on database $SEED_DB is 'complete'" >/dev/null
fi
pg_psql postgres -c "drop database if exists $DB" -c "create database $DB template $SEED_DB" >/dev/null
pg_psql "$DB" -Atc "analyze" >/dev/null
hallway_start "$DB" "$RUN_DIR/hallway.log"
# The search index rebuild and the link backfill a start may run must not share the measured window.
hallway_settle "$DB" "$RUN_DIR/hallway.log"

url="http://127.0.0.1:$HALLWAY_PORT"
path='/api/v1/accounts/search?q={q}&limit=5'
echo "== JIT warm-up: 20 s at $RATE req/s"
timeout 80 "$JAVA" "$BENCH_DIR/load/OpenLoad.java" "$url" "$RATE" 20 "$USERS" get "$path" >/dev/null 2>&1 || true
echo "== search: $RATE req/s offered for ${OPEN_DURATION} s, $USERS colleagues"
timeout $((OPEN_DURATION + 60)) "$JAVA" "$BENCH_DIR/load/OpenLoad.java" "$url" "$RATE" "$OPEN_DURATION" "$USERS" get "$path" \
  >"$RUN_DIR/search.open.txt" 2>&1 || true
sed -n 's/^BENCH_RESULT //p' "$RUN_DIR/search.open.txt" \
  | jq -r '"   offered \(.offered_rps) req/s, completed \(.completed)/\(.requests), p50 \(.p50_us / 1000) ms, p99 \(.p99_us / 1000) ms, max \(.max_us / 1000) ms, errors \(.errors)"' \
  | tee "$RUN_DIR/search.txt"
