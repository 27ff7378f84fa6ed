#!/usr/bin/env bash
# CPU per post, the server's and PostgreSQL's, for comparing builds: bench/post-cpu.sh JAR [JAR...]
#
# Each jar gets a fresh copy of the seed database (lib/seed.sh: BENCH_USERS=1100 colleagues,
# BENCH_POSTS=20000 posts), a warm-up of BENCH_POST_WARMUP=120 s and then BENCH_POST_DURATION=40 s of
# POST /api/v1/statuses (a hashtag and a mention, by random colleagues; OpenLoad, open model) at
# BENCH_POST_RATE=200 posts/s. The measuring load generator first runs BENCH_POST_LEAD=20 s at the
# same rate unmeasured: a new JVM on a full box takes that long to compile its own HTTP client.
# Reports the latency, the CPU time per post of the server process and of PostgreSQL (every backend
# and auxiliary process, user + system, from /proc), the write-ahead log written per post with the
# checkpoints in the window, and PostgreSQL's statements ranked by execution plus planning time
# (pg_stat_statements, planning tracked for the run's database only). BENCH_ROUNDS=1: with 2, the
# jars run again in the same order, for a second reading on a box whose load varies.
# BENCH_POST_CONNS=32: after the open-model warm-up, a closed loop (wrk, that many connections, each
# posting as soon as its last post is answered) for another BENCH_POST_WARMUP s of warm-up and then
# the measured BENCH_POST_DURATION s: the most posts a second the build takes, with the CPU per post
# at that rate. Writes results/<time>-post-cpu/.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
USERS=${BENCH_USERS:-1100}
POSTS=${BENCH_POSTS:-20000}
SEED=${BENCH_SEED:-42}
RATE=${BENCH_POST_RATE:-200}
LEAD=${BENCH_POST_LEAD:-20}
WARMUP=${BENCH_POST_WARMUP:-120}
DURATION=${BENCH_POST_DURATION:-40}
ROUNDS=${BENCH_ROUNDS:-1}
CONNS=${BENCH_POST_CONNS:-}
DB=hallway_bench_post_cpu
RUN_DIR="$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)-post-cpu"
[ $# -ge 1 ] || { echo "usage: $0 JAR [JAR...]" >&2; exit 2; }

source "$BENCH_DIR/lib/pg.sh"
source "$BENCH_DIR/lib/hallway.sh"
source "$BENCH_DIR/lib/seed.sh"

cleanup() {
  hallway_stop || true
  pg_stop || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$RUN_DIR"
if [ -n "$CONNS" ]; then
  command -v wrk >/dev/null || { echo "Installing wrk (apt)"; apt-get install -y wrk >/dev/null; }
  export BENCH_PATH=/api/v1/statuses BENCH_POST=1 BENCH_USERS="$USERS"
fi
pg_start
seed_ensure

url="http://127.0.0.1:$HALLWAY_PORT"
hz=$(getconf CLK_TCK)
n=0
for round in $(seq 1 "$ROUNDS"); do
  for JAR in "$@"; do
    n=$((n + 1))
    echo "== $n: round $round, $JAR" | tee -a "$RUN_DIR/report.md"
    pg_copy_db "$DB" "$(seed_db_name)"
    pg_psql "$DB" -c "create extension if not exists pg_stat_statements" \
      -c "alter database $DB set pg_stat_statements.track_planning = on" >/dev/null
    hallway_start "$DB" "$RUN_DIR/hallway.$n.log"
    hallway_settle "$DB" "$RUN_DIR/hallway.$n.log"
    "$JAVA" "$BENCH_DIR/load/OpenLoad.java" "$url" "$RATE" "$WARMUP" "$USERS" post >"$RUN_DIR/warmup.$n.txt" 2>&1 || true
    if [ -n "$CONNS" ]; then
      wrk -t2 -c"$CONNS" -d"${WARMUP}s" --timeout 10s -s "$BENCH_DIR/wrk/scenario.lua" "$url" >/dev/null || true
    fi
    sleep 3
    pg_psql "$DB" -c "select pg_stat_statements_reset()" >/dev/null
    posts_before=$(pg_psql "$DB" -Atc "select count(*) from posts")
    wal_before=$(pg_psql "$DB" -Atc "select pg_current_wal_lsn()")
    checkpoints_before=$(pg_psql "$DB" -Atc "select checkpoints_timed + checkpoints_req from pg_stat_bgwriter")
    pg_before=$(pg_all_ticks)
    server_before=$(hallway_cpu_ticks)
    if [ -n "$CONNS" ]; then
      wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency --timeout 10s -s "$BENCH_DIR/wrk/scenario.lua" "$url" \
        >"$RUN_DIR/post.$n.txt" 2>&1 || true
    else
      BENCH_OPEN_LEAD=$LEAD "$JAVA" "$BENCH_DIR/load/OpenLoad.java" "$url" "$RATE" "$DURATION" "$USERS" post \
        >"$RUN_DIR/post.$n.txt" 2>&1 || true
    fi
    server_ms=$(( ($(hallway_cpu_ticks) - server_before) * 1000 / hz ))
    pg_ms=$(( ($(pg_all_ticks) - pg_before) * 1000 / hz ))
    if [ -n "$CONNS" ]; then
      posts=$(( $(pg_psql "$DB" -Atc "select count(*) from posts") - posts_before ))
      awk -v posts="$posts" -v secs="$DURATION" -v conns="$CONNS" -v server="$server_ms" -v pg="$pg_ms" '
        $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 } /Non-2xx/ { errors = $NF }
        END { printf "   closed loop, %d connections: %d posts/s, p50 %s, p99 %s, non-2xx %d; CPU per post: server %d µs, PostgreSQL %d µs\n",
                     conns, posts / secs, p50, p99, errors, server * 1000 / posts, pg * 1000 / posts }' \
        "$RUN_DIR/post.$n.txt" | tee -a "$RUN_DIR/report.md"
    else
      sed -n 's/^BENCH_RESULT //p' "$RUN_DIR/post.$n.txt" \
        | jq -r --argjson server "$server_ms" --argjson pg "$pg_ms" \
          '"   offered \(.offered_rps) posts/s, completed \(.completed)/\(.requests), p50 \(.p50_us / 1000) ms, p99 \(.p99_us / 1000) ms, errors \(.errors); CPU per post: server \($server * 1000 / (.completed + .lead_completed) | floor) µs, PostgreSQL \($pg * 1000 / (.completed + .lead_completed) | floor) µs"' \
        | tee -a "$RUN_DIR/report.md"
    fi
    # What the window wrote to the write-ahead log, and the checkpoints in it (after each, the first
    # change to a page writes the whole page: docs/performance-journal.md, "Posting and the write-ahead log").
    pg_psql "$DB" -Atc "select format('   WAL: %s KiB per post, %s checkpoints in the window',
        round(pg_wal_lsn_diff(pg_current_wal_lsn(), '$wal_before') / 1024 / greatest(count(*) - $posts_before, 1), 1),
        (select checkpoints_timed + checkpoints_req from pg_stat_bgwriter) - $checkpoints_before) from posts" \
      | tee -a "$RUN_DIR/report.md"
    pg_psql "$DB" -c "select round(total_exec_time::numeric) exec_ms, round(total_plan_time::numeric) plan_ms, calls,
        left(regexp_replace(query, '\s+', ' ', 'g'), 110) statement
      from pg_stat_statements order by total_exec_time + total_plan_time desc limit 12" >"$RUN_DIR/statements.$n.txt"
    head -8 "$RUN_DIR/statements.$n.txt"
    hallway_stop
  done
done
echo "Report: $RUN_DIR/report.md"
