#!/usr/bin/env bash
# Fan-out of one post to 50,000 followers, one command: bench/fanout.sh
#
# A synthetic company of BENCH_FANOUT_FOLLOWERS + 1 colleagues (bench/generate.sql: everyone follows
# colleague 1), loaded once into a seed database and cloned per run. While home-feed reads run at a
# fixed arrival rate (Gatling, bench/gatling FanOutSimulation), colleague 1 posts BENCH_FANOUT_POSTS
# times; for each post the simulation measures the time until the post is in every follower's feed
# (the home_feed table, polled every 20 ms) and until sampled followers see it in their home feed
# through the API, and the home reads' p99 before and while the posts fan out. Results in
# bench/results/fanout-<time>/report.md, with the Gatling HTML report.
#
# Hallway pushes a post into the feeds of at most HALLWAY_FAN_OUT_LIMIT followers (10,000 by default);
# the followers of an author above it pull the author's posts when they read. BENCH_FAN_OUT_LIMIT sets
# the server's limit for the run (e.g. 100000 to push to all 50,000); unset, the server's default holds.
#
# Knobs (environment): BENCH_FANOUT_FOLLOWERS=50000 BENCH_POSTS=100000 BENCH_SEED=42
# BENCH_FANOUT_RATE=100 (home reads/s) BENCH_FANOUT_POSTS=5 BENCH_FANOUT_INTERVAL=5 (s between posts)
# BENCH_FANOUT_PROBES=10 (followers polling their feed) BENCH_FANOUT_PROBE_INTERVAL=200 (ms)
# BENCH_DURATION=30 BENCH_WARMUP=15 BENCH_JIT_WARMUP=60 (s of a mixed day at the same rate before the
# simulation, not reported) BENCH_FAN_OUT_LIMIT BENCH_JAR BENCH_JVM_OPTS BENCH_PG_PORT
# BENCH_HALLWAY_PORT BENCH_RESEED=1.
#
# The JIT warm-up is a mixed day (MixedDaySimulation: home feeds, notifications, profiles, searches
# and a post in 21 requests), so that posting, indexing and delivering are compiled before colleague 1
# posts. Runs before 2026-12-08 warmed up with 20 s of home reads alone: their first post by colleague 1
# was the server's first post (answered after 120-200 ms), and the reads around it waited for the
# compiler and the search index's first flushes rather than for the fan-out (docs/performance-journal.md).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
FOLLOWERS=${BENCH_FANOUT_FOLLOWERS:-50000}
USERS=$((FOLLOWERS + 1))
POSTS=${BENCH_POSTS:-100000}
SEED=${BENCH_SEED:-42}
DURATION=${BENCH_DURATION:-30}
WARMUP=${BENCH_WARMUP:-15}
CONNS=1
RATE=${BENCH_FANOUT_RATE:-100}
FANOUT_POSTS=${BENCH_FANOUT_POSTS:-5}
FANOUT_INTERVAL=${BENCH_FANOUT_INTERVAL:-5}
DB=hallway_bench_fanout
RUN_DIR="$BENCH_DIR/results/fanout-$(date -u +%Y%m%dT%H%M%SZ)"

source "$BENCH_DIR/lib/pg.sh"
source "$BENCH_DIR/lib/hallway.sh"
source "$BENCH_DIR/lib/measure.sh"
source "$BENCH_DIR/lib/seed.sh"
source "$BENCH_DIR/lib/gatling.sh"
[ -n "${BENCH_JAR:-}" ] && JAR=$BENCH_JAR

cleanup() {
  hallway_stop || true
  pg_stop || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if (( FANOUT_POSTS * FANOUT_INTERVAL > DURATION )); then
  echo "BENCH_FANOUT_POSTS x BENCH_FANOUT_INTERVAL must fit into BENCH_DURATION" >&2; exit 1
fi
mkdir -p "$RUN_DIR"
gatling_build
hallway_build
pg_start
seed_ensure

pg_copy_db "$DB" "$(seed_db_name)"
[ -n "${BENCH_FAN_OUT_LIMIT:-}" ] && export HALLWAY_FAN_OUT_LIMIT=$BENCH_FAN_OUT_LIMIT
LIMIT=${HALLWAY_FAN_OUT_LIMIT:-10000}
HALLWAY_JVM_OPTS="$HALLWAY_JVM_OPTS -Xlog:gc:file=$RUN_DIR/gc.log"
hallway_start "$DB" "$RUN_DIR/hallway.log"
hallway_settle "$DB" "$RUN_DIR/hallway.log"
FOLLOWERS_NOW=$(pg_psql "$DB" -Atc "select followers_count from follow_counts c join oauth_tokens t on t.account_id = c.account_id
  where t.token_hash = sha256(convert_to('bench-token-1', 'UTF8'))")
echo "Colleague 1 has $FOLLOWERS_NOW followers; server fan-out limit $LIMIT ($( ((FOLLOWERS_NOW > LIMIT)) && echo 'pulled at read time' || echo 'pushed into feeds'))"

JIT_WARMUP=${BENCH_JIT_WARMUP:-60}
if (( JIT_WARMUP > 0 )); then
  gatling_run jit MixedDaySimulation "JIT warm-up: a mixed day (reads 20 : posts 1) at $RATE/s for ${JIT_WARMUP}s (not reported)" \
    -Drate="$RATE" -Dwarmup=1 -Dduration="$JIT_WARMUP" >/dev/null
fi
gatling_run fanout FanOutSimulation "home reads at $RATE/s while colleague 1 ($FOLLOWERS_NOW followers) posts $FANOUT_POSTS times" \
  -Drate="$RATE" -DfanoutPosts="$FANOUT_POSTS" -DfanoutInterval="$FANOUT_INTERVAL" \
  -Dprobes="${BENCH_FANOUT_PROBES:-10}" -DprobeInterval="${BENCH_FANOUT_PROBE_INTERVAL:-200}" -DfanOutLimit="$LIMIT" \
  -DjdbcUrl="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" -Dout="$RUN_DIR/fanout.json"

{
  echo "# Hallway fan-out benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "- Machine: $(nproc) cores, load average at report time: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Hallway: \`$JAR\`, repo commit $(git -C "$REPO_DIR" rev-parse --short HEAD), JVM \`$HALLWAY_JVM_OPTS\`, fan-out limit $LIMIT"
  echo "- Data: $USERS colleagues, $POSTS posts, seed $SEED; colleague 1 has $FOLLOWERS_NOW followers$( [ -n "${LOAD_SECONDS:-}" ] && echo "; loaded in $LOAD_SECONDS s (PostgreSQL CPU $LOAD_CPU_SECONDS s)")"
  echo "- Load: home reads (\`GET /api/v1/timelines/home?limit=20\`, random colleagues) at $RATE/s, open model, ${WARMUP}s alone then ${DURATION}s while colleague 1 posts $FANOUT_POSTS times, ${FANOUT_INTERVAL}s apart"
  echo
  echo "## Time from sending the POST until the post is in the feeds"
  echo
  jq -r '"| measure | posts | p50 ms | p99 ms | max ms | not reached |",
         "|---|---:|---:|---:|---:|---:|",
         "| every follower: home_feed rows = followers + author | \(.posts) | \(.every_feed_p50_ms // "n/a") | | \(.every_feed_max_ms // "n/a") | \(.not_in_feed_table) |",
         "| \(.probes) sampled followers see it via the API (polled every \(.probe_interval_ms) ms) | \(.posts) | \(.probe_p50_ms // "n/a") | \(.probe_p99_ms // "n/a") | \(.probe_max_ms // "n/a") | \(.probe_unseen) |"' "$RUN_DIR/fanout.json"
  echo
  echo "\"not reached\" in the home_feed row: posts whose feed rows never reached every follower; with followers above the fan-out limit that is every post, by design (pulled at read time)."
  echo
  echo "## Home reads before and while the post fans out (open model, $RATE/s)"
  echo
  echo "| phase | completed | errors | p50 ms | p95 ms | p99 ms | max ms |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  jq -r --arg w "$WARMUP" 'select(.name == "warmup fanout-home" or .name == "fanout-home" or .name == "fanout-post")
    | "| \(if .name == "warmup fanout-home" then "home reads, before (\($w) s)" elif .name == "fanout-home" then "home reads, while posting" else "(the POSTs of colleague 1 themselves)" end) | \(.ok) | \(.ko) | \(.p50_ms) | \(.p95_ms) | \(.p99_ms) | \(.max_ms) |"' \
    "$RUN_DIR/gatling.jsonl"
  echo
  jq -r 'def r(x): (x * 100 | round) / 100;
    "Resources over the simulation: CPU server \(r(.cpu_server)), db \(r(.cpu_db)), Gatling \(r(.cpu_gen)), other \(r(.cpu_other)) (CPU-s per s); RSS after \(.rss_kb / 1024 | round) MiB; GC pauses \(.gc_pauses) (total \(.gc_pause_total_ms) ms, max \(.gc_pause_max_ms) ms); pool after: \(.pool). Gatling HTML report: [\(.report)](\(.report)/index.html)."' \
    <(jq -c 'select(.sim == "fanout")' "$RUN_DIR/gatling-runs.jsonl")
} >"$RUN_DIR/report.md"
cat "$RUN_DIR/report.md"
echo "Report: $RUN_DIR/report.md"
