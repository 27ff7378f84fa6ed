#!/usr/bin/env bash
# People search for mention autocomplete, one command: bench/search.sh
#
# Like run.sh (same PostgreSQL 15, seed databases and jar), but a company of BENCH_USERS=10000 and a
# single measurement: GET /api/v1/accounts/search?q=...&limit=5 at a fixed arrival rate
# (BENCH_SEARCH_RATE=100 req/s for BENCH_OPEN_DURATION=30 s), the queries being what people type
# into the compose box keystroke by keystroke (one letter first, which matches thousands of people).
# Writes bench/results/<time>/search.open.txt and prints p50/p99 and the SQL statements per request
# (pg_stat_statements over the measured window; the busiest statements in search.sql.txt).
# bench/search-ab.sh compares two builds side by side on the same seed database.
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
pg_copy_db "$DB" "$SEED_DB"
pg_psql "$DB" -Atc "analyze" >/dev/null
hallway_start "$DB" "$RUN_DIR/hallway.log"
# The search index rebuild and the link backfill a start may run must not share the measured window.
hallway_settle "$DB" "$RUN_DIR/hallway.log"

url="http://127.0.0.1:$HALLWAY_PORT"
path='/api/v1/accounts/search?q={q}&limit=5'
echo "== JIT warm-up: 20 s at $RATE req/s"
timeout 80 "$JAVA" "$BENCH_DIR/load/OpenLoad.java" "$url" "$RATE" 20 "$USERS" get "$path" >/dev/null 2>&1 || true
echo "== search: $RATE req/s offered for ${OPEN_DURATION} s, $USERS colleagues"
# Statements per request: pg_stat_statements counts the measured window only (the server's own
# background work, a few statements a second, is counted with it).
pg_psql "$DB" -c "create extension if not exists pg_stat_statements" >/dev/null
pg_psql "$DB" -Atc "select pg_stat_statements_reset()" >/dev/null
timeout $((OPEN_DURATION + 60)) "$JAVA" "$BENCH_DIR/load/OpenLoad.java" "$url" "$RATE" "$OPEN_DURATION" "$USERS" get "$path" \
  >"$RUN_DIR/search.open.txt" 2>&1 || true
sed -n 's/^BENCH_RESULT //p' "$RUN_DIR/search.open.txt" \
  | jq -r '"   offered \(.offered_rps) req/s, completed \(.completed)/\(.requests), p50 \(.p50_us / 1000) ms, p99 \(.p99_us / 1000) ms, max \(.max_us / 1000) ms, errors \(.errors)"' \
  | tee "$RUN_DIR/search.txt"
completed=$(sed -n 's/^BENCH_RESULT //p' "$RUN_DIR/search.open.txt" | jq -r '.completed + .lead_completed')
pg_psql "$DB" -c "select calls, round(total_exec_time::numeric, 1) as total_ms, round(mean_exec_time::numeric, 3) as mean_ms,
    rows, left(regexp_replace(query, '\s+', ' ', 'g'), 140) as query
  from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
  order by calls desc limit 20" >"$RUN_DIR/search.sql.txt" 2>&1 || true
read -r statements all_statements exec_ms < <(pg_psql "$DB" -Atc "select
    coalesce(sum(calls) filter (where query !~* '^\s*(begin|commit|rollback|set|show|select pg_stat_statements_reset)'), 0),
    coalesce(sum(calls), 0), round(coalesce(sum(total_exec_time), 0)::numeric, 0)
  from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())" | tr '|' ' ')
if [ "${completed:-0}" -gt 0 ]; then
  awk -v s="$statements" -v a="$all_statements" -v e="$exec_ms" -v n="$completed" \
    'BEGIN { printf "   statements per request: %.1f (%.1f with begin/commit), database time %.2f ms per request\n", s / n, a / n, e / n }' \
    | tee -a "$RUN_DIR/search.txt"
fi
echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RUN_DIR/search.txt"
