#!/usr/bin/env bash
# Hallway benchmark, one command: bench/run.sh
#
# Builds the jar if missing, starts a throwaway PostgreSQL 15 under bench/data/pg (127.0.0.1 only),
# lets Hallway create the schema, loads the synthetic company (bench/generate.sql) once into a seed
# database and clones it for every run (so each run starts from the same data), starts Hallway,
# measures with wrk (closed loop: maximum throughput) and bench/load/OpenLoad.java (fixed arrival
# rate: latency), writes bench/results/<time>/report.md and stops everything it started.
#
# BENCH_TOOL=gatling (the default) measures with the Gatling simulations in bench/gatling instead:
# CeilingSimulation (closed loop, one phase after the other: both ceilings, home feed, the mixed day,
# post creation), then HomeFeedSimulation, MixedDaySimulation and PostSimulation at a fixed arrival rate
# of BENCH_OPEN_FRACTION x the closed-loop maximum just measured; the report adds GC pauses (the server
# writes a GC log) and links the Gatling HTML reports. BENCH_TOOL=wrk: wrk + OpenLoad.java as before
# (also the web home page scenario, which the Gatling simulations do not cover).
#
# Knobs (environment): BENCH_USERS=1000 BENCH_POSTS=100000 BENCH_SEED=42 BENCH_DURATION=30 (s per
# measured scenario) BENCH_WARMUP=10 BENCH_CONNECTIONS=32 BENCH_THREADS=2 BENCH_OPEN_DURATION=20
# BENCH_OPEN_FRACTION=0.5 (open-model rate as a fraction of the closed-loop maximum) BENCH_JAR (a
# different Hallway jar to measure) BENCH_JVM_OPTS (default: the run line, pom hallway.jvm.options) BENCH_PG_PORT BENCH_HALLWAY_PORT
# BENCH_RESEED=1 (rebuild the seed database) BENCH_JIT_WARMUP=20 (s per endpoint before measuring)
# BENCH_WEB_SESSIONS=100 (colleagues signed in through the login form for the web page scenario)
# BENCH_PHASES="closed home-open mixed-open post-open" (the Gatling phases to run, in that order; an open
# phase without closed needs its BENCH_OPEN_RATE_*, e.g. BENCH_PHASES=mixed-open BENCH_OPEN_RATE_mixed=400
# for the mixed day alone on a fresh server) BENCH_LOAD_ONLY=1 (build the seed database, report the load time, stop: e.g. to time the
# 10,000-colleague / 1,000,000-post size).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
USERS=${BENCH_USERS:-1000}
POSTS=${BENCH_POSTS:-100000}
SEED=${BENCH_SEED:-42}
DURATION=${BENCH_DURATION:-30}
WARMUP=${BENCH_WARMUP:-10}
CONNS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
OPEN_DURATION=${BENCH_OPEN_DURATION:-20}
JIT_WARMUP=${BENCH_JIT_WARMUP:-20}
OPEN_FRACTION=${BENCH_OPEN_FRACTION:-0.5}
TOOL=${BENCH_TOOL:-gatling}
PHASES=${BENCH_PHASES:-closed home-open mixed-open post-open}
if [[ " $PHASES " != *" closed "* ]]; then
  for phase in home mixed post; do
    if [[ " $PHASES " == *" $phase-open "* ]] && [ -z "$(printenv "BENCH_OPEN_RATE_$phase" || true)" ]; then
      echo "BENCH_PHASES has $phase-open but not closed: set BENCH_OPEN_RATE_$phase" >&2; exit 2
    fi
  done
fi
DB=hallway_bench
SEED_DB="bench_seed_${USERS}_${POSTS}_${SEED}"
RUN_DIR="$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)"

source "$BENCH_DIR/lib/pg.sh"
source "$BENCH_DIR/lib/hallway.sh"
source "$BENCH_DIR/lib/measure.sh"
source "$BENCH_DIR/lib/report.sh"
source "$BENCH_DIR/lib/web.sh"
source "$BENCH_DIR/lib/gatling.sh"
[ -n "${BENCH_JAR:-}" ] && JAR=$BENCH_JAR

cleanup() {
  hallway_stop || true
  pg_stop || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$RUN_DIR"
if [ "$TOOL" = gatling ]; then
  gatling_build
else
  command -v wrk >/dev/null || { echo "Installing wrk (apt)"; apt-get install -y wrk >/dev/null; }
fi
hallway_build
pg_start

# The seed database: schema by Hallway's own migrations, then the generator. Built once per size
# and seed; later runs clone it (CREATE DATABASE ... TEMPLATE copies files: seconds, not minutes).
# A seed counts only once the generator committed (it comments the database when done).
seed_complete() { [ "$(pg_psql postgres -Atc "select shobj_description(oid, 'pg_database') from pg_database where datname = '$SEED_DB'")" = complete ]; }
if pg_db_exists "$SEED_DB" && { [ "${BENCH_RESEED:-0}" = 1 ] || ! seed_complete; }; then
  pg_psql postgres -c "drop database $SEED_DB" >/dev/null
fi
if ! pg_db_exists "$SEED_DB"; then
  pg_psql postgres -c "create database $SEED_DB" >/dev/null
  echo "Creating the schema: starting Hallway once on $SEED_DB"
  hallway_start "$SEED_DB" "$RUN_DIR/hallway-schema.log" && hallway_stop
  echo "Loading the synthetic company: $USERS colleagues, $POSTS posts, seed $SEED"
  load_started=$SECONDS
  load_ticks=$(pg_cluster_ticks)
  if ! pg_psql "$SEED_DB" -v users="$USERS" -v posts="$POSTS" -v seed="$SEED" -v likes=3 -v days=90 \
      -v feed_cap=800 -v end_at='2026-11-01 00:00:00+00' -f "$BENCH_DIR/generate.sql" >"$RUN_DIR/load.txt"; then
    pg_psql postgres -c "drop database $SEED_DB" >/dev/null; cat "$RUN_DIR/load.txt"; exit 1
  fi
  echo "load_seconds=$((SECONDS - load_started)) load_cpu_seconds=$(awk -v a="$load_ticks" -v b="$(pg_cluster_ticks)" -v t="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", (b - a) / t}') (PostgreSQL CPU time)" >>"$RUN_DIR/load.txt"
  pg_psql postgres -c "comment on database $SEED_DB is 'complete'" >/dev/null
  cat "$RUN_DIR/load.txt"
fi
HALLWAY_SEED_INDEX=$SEED_DB

# Work a new build does once per database at start (index rebuild, link backfill) is done in the seed
# once, so that no run measures beside it.
if [ "$(pg_psql "$SEED_DB" -Atc "select count(*) from search_backfills where finished_at is not null" 2>/dev/null || echo 0)" = 0 ]; then
  echo "Settling the seed database: starting Hallway once on $SEED_DB"
  hallway_start "$SEED_DB" "$RUN_DIR/hallway-settle.log" && hallway_settle "$SEED_DB" "$RUN_DIR/hallway-settle.log"
  hallway_stop
fi

if [ "${BENCH_LOAD_ONLY:-0}" = 1 ]; then
  echo "Seed database $SEED_DB: $(pg_psql "$SEED_DB" -Atc "select pg_size_pretty(pg_database_size(current_database()))")"
  exit 0
fi

pg_copy_db "$DB" "$SEED_DB"
pg_psql "$DB" -c "create extension if not exists pg_stat_statements" >/dev/null
[ "$TOOL" = gatling ] && HALLWAY_JVM_OPTS="$HALLWAY_JVM_OPTS -Xlog:gc:file=$RUN_DIR/gc.log"
hallway_start "$DB" "$RUN_DIR/hallway.log"
hallway_settle "$DB" "$RUN_DIR/hallway.log"
RSS_IDLE_KB=$(hallway_rss_kb)

if [ "$TOOL" = gatling ]; then
  # The closed-loop warm-up phases double as the JIT warm-up: BENCH_JIT_WARMUP s per endpoint.
  CEILING_WARMUP=$(( JIT_WARMUP > WARMUP ? JIT_WARMUP : WARMUP ))
  has_phase() { [[ " $PHASES " == *" $1 "* ]]; }
  if has_phase closed; then
    gatling_run closed CeilingSimulation "closed loop, $CONNS virtual users: ceilings, home feed, mixed day, post creation" \
      -Dwarmup="$CEILING_WARMUP"
  fi
  # BENCH_OPEN_RATE_home / _mixed / _post fix a simulation's rate instead (to compare runs at the same rate).
  open_rate() {
    local fixed; fixed=$(printenv "BENCH_OPEN_RATE_$1" || true); [ -n "$fixed" ] && { echo "$fixed"; return; }
    jq -rn --argjson r "$(gatling_rps closed "$1")" --argjson f "$OPEN_FRACTION" --argjson k "${2:-1}" '[($r * $f * $k | floor), 1] | max'
  }
  # A mixed-day arrival is 22/21 requests on average (a profile view is two).
  {
    has_phase home-open && echo "home-open=$(open_rate home)"
    has_phase mixed-open && echo "mixed-open=$(open_rate mixed 0.9545)"
    has_phase post-open && echo "post-open=$(open_rate post)"
  } >"$RUN_DIR/rates.txt"
  has_phase home-open && gatling_run home-open HomeFeedSimulation "home feed reads at $(rate_offered home-open)/s" -Drate="$(rate_offered home-open)"
  has_phase mixed-open && gatling_run mixed-open MixedDaySimulation "mixed day at $(rate_offered mixed-open) arrivals/s" -Drate="$(rate_offered mixed-open)"
  has_phase post-open && gatling_run post-open PostSimulation "post creation at $(rate_offered post-open)/s" -Drate="$(rate_offered post-open)"
  write_gatling_report
  echo "Report: $RUN_DIR/report.md"
  exit 0
fi
# Browser sessions for the web page scenario: the first BENCH_WEB_SESSIONS colleagues sign in.
web_sessions "${BENCH_WEB_SESSIONS:-100}" "$RUN_DIR/cookies.txt"
echo "Signed in $(wc -l <"$RUN_DIR/cookies.txt") browser sessions"

# JIT warm-up over every path measured below: on this box C2 needs about a minute of traffic
# (the instance endpoint went 177 -> 329 -> 463 req/s over three 20 s runs), and the first
# scenario should not pay for all of it.
echo "== JIT warm-up: ${JIT_WARMUP}s per endpoint"
for spec in "/api/v1/instance 0 0" "/api/v1/custom_emojis $USERS 0" "/api/v1/timelines/home?limit=20 $USERS 0" "/api/v1/statuses $USERS 1"; do
  read -r path users post <<<"$spec"
  BENCH_COOKIES="" BENCH_PATH=$path BENCH_USERS=$users BENCH_POST=$post timeout $((JIT_WARMUP + 30)) \
    wrk -t"$THREADS" -c"$CONNS" -d"${JIT_WARMUP}s" --timeout 10s -s "$BENCH_DIR/wrk/scenario.lua" "http://127.0.0.1:$HALLWAY_PORT" >/dev/null || true
done
BENCH_COOKIES="$RUN_DIR/cookies.txt" BENCH_PATH=/ BENCH_USERS=0 BENCH_POST=0 timeout $((JIT_WARMUP + 30)) \
  wrk -t"$THREADS" -c"$CONNS" -d"${JIT_WARMUP}s" --timeout 10s -s "$BENCH_DIR/wrk/scenario.lua" "http://127.0.0.1:$HALLWAY_PORT" >/dev/null || true

# Closed loop, maximum throughput. The ceilings first, then reads, then writes (they add rows).
wrk_scenario ceiling-anon /api/v1/instance 0 0 "GET /api/v1/instance, no token (framework + 2 tiny queries)"
wrk_scenario ceiling-auth /api/v1/custom_emojis "$USERS" 0 "GET /api/v1/custom_emojis with a token (framework + token check)"
wrk_scenario home '/api/v1/timelines/home?limit=20' "$USERS" 0 "GET /api/v1/timelines/home?limit=20, tokens of all colleagues"
BENCH_COOKIES="$RUN_DIR/cookies.txt" wrk_scenario web-home / 0 0 "GET / (web home page, HTML) with the browser sessions of $(wc -l <"$RUN_DIR/cookies.txt") colleagues"
wrk_scenario post /api/v1/statuses "$USERS" 1 "POST /api/v1/statuses (JSON, hashtag + mention), all colleagues as authors"

# Open model at a stated fraction of the closed-loop maximum just measured.
# BENCH_OPEN_RATE_home / _web_home / _post fix a scenario's rate instead (to compare runs at the same rate).
rate_of() { local fixed; fixed=$(printenv "BENCH_OPEN_RATE_${1//-/_}" || true); [ -n "$fixed" ] && { echo "$fixed"; return; }; jq -r --arg n "$1" --argjson f "$OPEN_FRACTION" 'select(.name == $n) | ([(.rps * $f | floor), 1] | max)' "$RUN_DIR/results.jsonl"; }
open_scenario home-open "$(rate_of home)" "$USERS" get '/api/v1/timelines/home?limit=20' "home feed reads"
BENCH_COOKIES="$RUN_DIR/cookies.txt" open_scenario web-home-open "$(rate_of web-home)" "$USERS" get / "web home page (HTML, browser sessions)"
open_scenario post-open "$(rate_of post)" "$USERS" post '' "post creation"

write_report
echo "Report: $RUN_DIR/report.md"
