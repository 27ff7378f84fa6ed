#!/usr/bin/env bash
# Post search through the API at scale, one command: bench/search-posts.sh
#
# Like search.sh (same PostgreSQL 15, seed databases, jar and open-model load), with BENCH_POSTS=1000000
# posts by BENCH_USERS=10000 colleagues by default. Measures, end to end:
#   - the full index rebuild from PostgreSQL at start (an empty data directory: documents/s and time);
#   - GET /api/v2/search?type=statuses&q=... at a fixed arrival rate (BENCH_SEARCH_RATE=5 req/s for
#     BENCH_OPEN_DURATION=60 s), the queries being words, phrases, tags, operators and exclusions
#     (BENCH_QUERIES, by default bench/search/post-queries.txt), each by a random colleague: social
#     ranking over the 400 best matches included;
#   - freshness, first, on the otherwise idle server: a colleague posts a new word and searches for it
#     until it is found (BENCH_FRESH_SAMPLES=200 samples, one after another).
# The load average is written beside each step (loadavg.txt): the box may be shared.
# BENCH_JFR=1 records a Java Flight Recording (profile settings) of the measured search minute
# (search.jfr) and the PostgreSQL statements of that minute by total time (statements.txt).
# BENCH_KEEP_INDEX=1 starts on the seed's own search index, built once (lib/hallway.sh; no rebuild, so
# its figures are then not measured).
# Writes bench/results/<time>-search-posts/ and prints the figures. BENCH_PG_PORT and
# BENCH_HALLWAY_PORT move the two servers off their default ports.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
USERS=${BENCH_USERS:-10000}
POSTS=${BENCH_POSTS:-1000000}
SEED=${BENCH_SEED:-42}
RATE=${BENCH_SEARCH_RATE:-5}
OPEN_DURATION=${BENCH_OPEN_DURATION:-60}
FRESH_SAMPLES=${BENCH_FRESH_SAMPLES:-200}
REBUILD_TIMEOUT=${BENCH_REBUILD_TIMEOUT:-7200}
# A loaded machine can take minutes to start the server.
BENCH_START_TIMEOUT=${BENCH_START_TIMEOUT:-600}
DB=hallway_bench_search_posts
SEED_DB="bench_seed_${USERS}_${POSTS}_${SEED}"
RUN_DIR="$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)-search-posts"

source "$BENCH_DIR/lib/pg.sh"
source "$BENCH_DIR/lib/hallway.sh"
source "$BENCH_DIR/lib/search-queries.sh"
export BENCH_QUERIES=${BENCH_QUERIES:-$(post_queries)}

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
  started=$SECONDS
  pg_psql "$SEED_DB" -v users="$USERS" -v posts="$POSTS" -v seed="$SEED" -v likes=3 -v days=90 \
    -v feed_cap=800 -v end_at='2026-11-01 00:00:00+00' -f "$BENCH_DIR/generate.sql" >"$RUN_DIR/load.txt"
  echo "   loaded in $((SECONDS - started)) s"
  pg_psql postgres -c "comment on database $SEED_DB is 'complete'" >/dev/null
fi
pg_copy_db "$DB" "$SEED_DB"
pg_psql "$DB" -Atc "analyze" >/dev/null

# An empty index directory: Hallway builds the whole index from PostgreSQL at start, in the background.
# With BENCH_KEEP_INDEX=1 the start begins with the seed's own index instead (lib/hallway.sh).
if [ "${BENCH_KEEP_INDEX:-0}" = 1 ]; then export HALLWAY_SEED_INDEX=$SEED_DB; else rm -rf "$BENCH_DIR/data/hallway/index"; fi
hallway_start "$DB" "$RUN_DIR/hallway.log"
if [ "${BENCH_KEEP_INDEX:-0}" = 1 ]; then
  hallway_settle "$DB" "$RUN_DIR/hallway.log"
else
  echo "rebuild start: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RUN_DIR/loadavg.txt"
  echo "== rebuild: waiting for the index of $POSTS posts"
  started=$SECONDS
  until grep -q "Search index rebuilt" "$RUN_DIR/hallway.log"; do
    if (( SECONDS - started > REBUILD_TIMEOUT )); then echo "No rebuild after $REBUILD_TIMEOUT s" >&2; exit 1; fi
    sleep 2
  done
  grep "Search index rebuilt" "$RUN_DIR/hallway.log" | tail -1 \
    | sed -E 's/.*rebuilt: ([0-9]+) documents in ([0-9]+) ms.*/\1 \2/' \
    | awk '{printf "   %d documents in %.0f s, %.0f documents/s\n", $1, $2 / 1000, $1 * 1000 / $2}' \
    | tee "$RUN_DIR/rebuild.txt"
  echo "   server RSS after the rebuild: $(( $(hallway_rss_kb) / 1024 )) MiB" | tee -a "$RUN_DIR/rebuild.txt"
fi

url="http://127.0.0.1:$HALLWAY_PORT"
path='/api/v2/search?type=statuses&limit=20&q={q}'
echo "rebuild end / freshness start: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RUN_DIR/loadavg.txt"
echo "== freshness: $FRESH_SAMPLES posts, each searched for until found"
timeout 1200 "$JAVA" "$BENCH_DIR/load/SearchFreshness.java" "$url" "$FRESH_SAMPLES" "$USERS" \
  >"$RUN_DIR/freshness.out.txt" 2>&1 || true
sed -n 's/^BENCH_RESULT //p' "$RUN_DIR/freshness.out.txt" \
  | jq -r '"   post to searchable: p50 \(.p50_ms) ms, p99 \(.p99_ms) ms, max \(.max_ms) ms, missed \(.missed) of \(.samples)"' \
  | tee "$RUN_DIR/freshness.txt"
echo "== JIT warm-up: 20 s at $RATE req/s"
timeout 80 "$JAVA" "$BENCH_DIR/load/OpenLoad.java" "$url" "$RATE" 20 "$USERS" get "$path" >/dev/null 2>&1 || true
if [ "${BENCH_JFR:-0}" = 1 ]; then
  "$(dirname "$JAVA")/jcmd" "$HALLWAY_PID" JFR.start name=search settings=profile filename="$RUN_DIR/search.jfr" >/dev/null
  pg_psql "$DB" -Atc "create extension if not exists pg_stat_statements" -c "select pg_stat_statements_reset()" >/dev/null
fi
echo "search start: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RUN_DIR/loadavg.txt"
echo "== search: $RATE req/s offered for ${OPEN_DURATION} s, $POSTS posts"
timeout $((OPEN_DURATION + 60)) "$JAVA" "$BENCH_DIR/load/OpenLoad.java" "$url" "$RATE" "$OPEN_DURATION" "$USERS" get "$path" \
  >"$RUN_DIR/search.open.txt" 2>&1 || true
sed -n 's/^BENCH_RESULT //p' "$RUN_DIR/search.open.txt" \
  | jq -r '"   offered \(.offered_rps) req/s, completed \(.completed)/\(.requests), p50 \(.p50_us / 1000) ms, p90 \(.p90_us / 1000) ms, p95 \(.p95_us / 1000) ms, p99 \(.p99_us / 1000) ms, max \(.max_us / 1000) ms, errors \(.errors)"' \
  | tee "$RUN_DIR/search.txt"
echo "search end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RUN_DIR/loadavg.txt"
if [ "${BENCH_JFR:-0}" = 1 ]; then
  "$(dirname "$JAVA")/jcmd" "$HALLWAY_PID" JFR.stop name=search >/dev/null
  pg_psql "$DB" -c "select calls, round(total_exec_time) as total_ms, round(mean_exec_time::numeric, 2) as mean_ms,
      rows, left(regexp_replace(query, '\s+', ' ', 'g'), 160) as query
    from pg_stat_statements order by total_exec_time desc limit 20" >"$RUN_DIR/statements.txt"
fi
sed 's/^/   load average (1, 5, 15 min) at /' "$RUN_DIR/loadavg.txt"
