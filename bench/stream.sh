#!/usr/bin/env bash
# Streaming latency, one command: bench/stream.sh
#
# Time from POST /api/v1/statuses to the `update` event on N open WebSocket connections of the
# author's followers (bench/load/StreamLatency.java), p50/p90/p99. Uses the same throwaway
# PostgreSQL 15 and synthetic company as bench/run.sh (colleague 1, followed by everyone, posts;
# colleagues 2..N+1 listen on stream=user), on a fresh clone of the seed database.
#
# Knobs (environment): BENCH_STREAMS="100 1000" (connection counts, one run each) BENCH_STREAM_POSTS=50
# BENCH_STREAM_INTERVAL_MS=200 BENCH_USERS=1100 BENCH_POSTS=20000 BENCH_SEED=42 BENCH_JAR BENCH_JVM_OPTS
# BENCH_PG_PORT BENCH_HALLWAY_PORT. BENCH_USERS must exceed the largest connection count.
#
# Open model (issue 5: p99 at 200 posts/s with 1,000 open streams): BENCH_STREAM_RATE=200 sends
# BENCH_STREAM_RATE x BENCH_STREAM_SECONDS (20) posts on a fixed schedule, each by one of colleagues
# 1..BENCH_STREAM_AUTHORS (50) at random, while the last N colleagues listen; the clock of a post starts
# at its scheduled time. Expected events (listening followers per author) come from PostgreSQL, so
# missing ones are counted. BENCH_USERS must exceed the connection count plus the authors.
# The issue's own size: BENCH_USERS=10000 BENCH_POSTS=1000000 BENCH_STREAM_AUTHORS=9000 (colleagues drawn
# at random post; 5.7 listeners hear a post on average). The default, 1,100 colleagues and the 50 most
# followed posting, is the worst case for delivery (218 listeners a post, 43,700 events/s at 200 posts/s).
# BENCH_STREAM_WARMUP (default 6000) posts at the same rate go first, unmeasured, so the server's JIT
# has compiled the paths (cold, C2 took a third of the server's CPU in the measured window), and the
# run waits for the first feed trim (TrimFeeds, a minute after start), which would otherwise land in it.
# The warm-up runs in the load generator that measures, on the listeners it measures with, so the
# window holds neither their handshakes nor the generator's own JIT; BENCH_STREAM_WARMUP_SEPARATE=1 runs
# it in a JVM of its own first, as runs before 2026-12-06 did. timeline-<connections>.txt beside the
# report has one line per event: when its post was due (ms into the window), its latency (ms) and how
# long its POST took to be answered (ms).
# statements-<connections>.txt beside the report: PostgreSQL's statements in the window by time spent.
# widest.txt beside the report: per run, the post heard by the most streams (its events share their due
# time) with its events' median and maximum latency, and the p99 of every other post's events.
# "client CPU ms" is the load generator's own CPU over the window: it shares the box's two cores. Its
# listeners read frames off raw sockets, one thread for all; BENCH_STREAM_CLIENT=jdk listens with the
# JDK's WebSocket client instead (about 17 µs of its CPU per event against 9 µs; docs/performance-journal.md
# says which runs used which).
# BENCH_DISK_PROBE=1 samples the disk beside the run (bench/load/DiskProbe.java: an 8 KB write and
# fdatasync every 10 ms next to PostgreSQL's data directory); disk-<connections>.txt beside the report
# lists its flushes over 10 ms in the window ("<s into the window> <ms>"; the window's clock starts when
# the go mark is made, up to 100 ms before the load generator's), and widest.txt says how many.
# BENCH_JFR=1 records a JFR profile (settings=profile) of the server over each measured run, in
# stream-<connections>.jfr beside the report (`jfr view hot-methods FILE`). "delivery window µs/event"
# is the server's CPU from the first post until every event arrived, per event: without the
# connections' handshakes, which the whole-run figure includes.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
USERS=${BENCH_USERS:-1100}
POSTS=${BENCH_POSTS:-20000}
SEED=${BENCH_SEED:-42}
STREAMS=${BENCH_STREAMS:-100 1000}
STREAM_POSTS=${BENCH_STREAM_POSTS:-50}
INTERVAL_MS=${BENCH_STREAM_INTERVAL_MS:-200}
DB=hallway_bench_stream
SEED_DB="bench_seed_${USERS}_${POSTS}_${SEED}"
RUN_DIR="$BENCH_DIR/results/stream-$(date -u +%Y%m%dT%H%M%SZ)"

source "$BENCH_DIR/lib/pg.sh"
source "$BENCH_DIR/lib/hallway.sh"
[ -n "${BENCH_JAR:-}" ] && JAR=$BENCH_JAR

cleanup() {
  if [ -n "${probe_pid:-}" ]; then kill "$probe_pid" 2>/dev/null || true; fi
  hallway_stop || true
  pg_stop || true
}
trap cleanup EXIT

trap 'exit 130' INT TERM

mkdir -p "$RUN_DIR"
hallway_build
pg_start

# The post of a timeline (due ms, latency ms, POST answered ms per event) heard by the most streams, and all the others.
widest_post() {
  local due
  due=$(awk '{ c[$1]++ } END { for (d in c) if (c[d] > most) { most = c[d]; due = d }; print due }' "$1")
  awk -v d="$due" '$1 == d { print $2 }' "$1" | sort -n | awk -v d="$due" \
    '{ v[NR] = $1 } END { printf "widest post: %d events due %.1f s into the window, median %d ms, max %d ms; ", NR, d / 1000, v[int((NR + 1) / 2)], v[NR] }'
  awk -v d="$due" '$1 != d { print $2 }' "$1" | sort -n | awk \
    '{ v[NR] = $1 } END { printf "every other post'"'"'s events: %d, p99 %d ms\n", NR, v[int(NR * 0.99)] }'
}

# The disk probe's slow flushes (epoch s, ms) inside the window that starts at the go file's time, as
# "<s into the window> <ms>" in OUT, and a summary line.
disk_stalls() {
  local start
  start=$(stat -c %.3Y "$2")
  awk -v s="$start" '$1 >= s && $1 <= s + 25 { printf "%.2f %s\n", $1 - s, $2 }' "$1" >"$3"
  sort -k2 -n -r "$3" | awk -v all="$(wc -l <"$3")" 'NR == 1 { t = $1; ms = $2 }
    END { if (all > 0) printf "disk: %d flushes over 10 ms in the window, the longest %s ms at %s s\n", all, ms, t;
          else print "disk: no flush over 10 ms in the window" }'
}

seed_complete() { [ "$(pg_psql postgres -Atc "select shobj_description(oid, 'pg_database') from pg_database where datname = '$SEED_DB'")" = complete ]; }
if pg_db_exists "$SEED_DB" && ! seed_complete; then pg_psql postgres -c "drop database $SEED_DB" >/dev/null; fi
if ! pg_db_exists "$SEED_DB"; then
  pg_psql postgres -c "create database $SEED_DB" >/dev/null
  echo "Creating the schema: starting Hallway once on $SEED_DB"
  hallway_start "$SEED_DB" "$RUN_DIR/hallway-schema.log" && hallway_stop
  echo "Loading the synthetic company: $USERS colleagues, $POSTS posts, seed $SEED"
  pg_psql "$SEED_DB" -v users="$USERS" -v posts="$POSTS" -v seed="$SEED" -v likes=3 -v days=90 \
    -v feed_cap=800 -v end_at='2026-11-01 00:00:00+00' -f "$BENCH_DIR/generate.sql" >"$RUN_DIR/load.txt"
  pg_psql postgres -c "comment on database $SEED_DB is 'complete'" >/dev/null
fi
HALLWAY_SEED_INDEX=$SEED_DB

RATE=${BENCH_STREAM_RATE:-}
if [ -n "$RATE" ]; then
  SECONDS_RUN=${BENCH_STREAM_SECONDS:-20}
  AUTHORS=${BENCH_STREAM_AUTHORS:-50}
  N_POSTS=$(jq -n --argjson r "$RATE" --argjson s "$SECONDS_RUN" '$r * $s | floor')
  echo "Open model: $RATE posts/s for ${SECONDS_RUN}s by colleagues 1..$AUTHORS; listeners: the last N of $USERS colleagues" >"$RUN_DIR/report.md"
  echo >>"$RUN_DIR/report.md"
  echo "| connections | posts | offered posts/s | achieved posts/s | failed posts | POST p99 ms | events | expected | missing | p50 ms | p90 ms | p99 ms | max ms | server CPU ms | server CPU µs/event | delivery window µs/event | client CPU ms | PostgreSQL CPU ms | load average |" >>"$RUN_DIR/report.md"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|" >>"$RUN_DIR/report.md"
  for n in $STREAMS; do
    (( USERS - n >= AUTHORS )) || { echo "BENCH_USERS ($USERS) must be at least connections ($n) + authors ($AUTHORS)" >&2; exit 1; }
    pg_copy_db "$DB" "$SEED_DB"
    pg_psql "$DB" -c "create extension if not exists pg_stat_statements" >/dev/null
    # Listening followers of each author: colleague n is the account whose username ends in n.
    pg_psql "$DB" -At -F ' ' -c "with ids as (select id, (regexp_match(username, '(\d+)\$'))[1]::int as n from accounts)
      select a.n, (select count(*) from follows f join ids b on b.id = f.follower_id
                   where f.followee_id = a.id and b.n > $USERS - $n) from ids a where a.n <= $AUTHORS" >"$RUN_DIR/expected-$n.txt"
    hallway_start "$DB" "$RUN_DIR/hallway-$n.log"
    hallway_settle "$DB" "$RUN_DIR/hallway-$n.log"
    probe_pid=""
    if [ -n "${BENCH_DISK_PROBE:-}" ]; then
      "$JAVA" "$BENCH_DIR/load/DiskProbe.java" "$(dirname "$PG_DATA")/disk-probe.bin" "$RUN_DIR/disk-raw-$n.txt" 3600 &
      probe_pid=$!
    fi
    "$JAVA" "$BENCH_DIR/load/StreamLatency.java" "http://127.0.0.1:$HALLWAY_PORT" 20 20 50 >/dev/null
    WARMUP=${BENCH_STREAM_WARMUP:-6000}
    inline=()
    if (( WARMUP > 0 )) && [ -n "${BENCH_STREAM_WARMUP_SEPARATE:-}" ]; then
      echo "== warm-up: $WARMUP posts at $RATE/s (a JVM of its own)"
      "$JAVA" "$BENCH_DIR/load/StreamLatency.java" "http://127.0.0.1:$HALLWAY_PORT" "$n" "$WARMUP" 0 "$RATE" "$USERS" "$AUTHORS" \
        "$RUN_DIR/expected-$n.txt" | grep '^BENCH_RESULT' | sed 's/^BENCH_RESULT/warm-up/'
      for _ in $(seq 1 120); do grep -q "Trimmed" "$RUN_DIR/hallway-$n.log" && break; sleep 1; done
    elif (( WARMUP > 0 )); then
      echo "== warm-up: $WARMUP posts at $RATE/s on the measured connections"
      inline=("$WARMUP" "$RUN_DIR/hallway-$n.log")
    fi
    # The load generator marks the start of its window (after its warm-up) and waits for the go: the
    # CPU figures and PostgreSQL's statements below cover the window, not the warm-up.
    mark="$RUN_DIR/window-$n"
    BENCH_WINDOW_MARK=$mark BENCH_STREAM_TIMELINE="$RUN_DIR/timeline-$n.txt" BENCH_SERVER_PID=$HALLWAY_PID "$JAVA" "$BENCH_DIR/load/StreamLatency.java" "http://127.0.0.1:$HALLWAY_PORT" \
      "$n" "$N_POSTS" 0 "$RATE" "$USERS" "$AUTHORS" "$RUN_DIR/expected-$n.txt" "${inline[@]}" >"$RUN_DIR/load-$n.txt" &
    load_pid=$!
    while [ ! -f "$mark.start" ] && kill -0 "$load_pid" 2>/dev/null; do sleep 0.2; done
    echo "== $n connections, $N_POSTS posts at $RATE/s"
    # CPU time of the server and of PostgreSQL over the run (posting, fan-out and delivery together):
    # on a shared box the ratio per delivered event compares runs where wall-clock latencies cannot.
    [ -n "${BENCH_JFR:-}" ] && "$(dirname "$JAVA")/jcmd" "$HALLWAY_PID" JFR.start name=stream settings=profile >/dev/null
    pg_psql "$DB" -c "select pg_stat_statements_reset()" >/dev/null
    cpu0=$(hallway_cpu_ticks); pg0=$(pg_all_ticks); load0=$(cut -d' ' -f1 /proc/loadavg)
    touch "$mark.go"
    wait "$load_pid"
    grep '^warm-up' "$RUN_DIR/load-$n.txt" || true
    line=$(grep '^BENCH_RESULT' "$RUN_DIR/load-$n.txt")
    cpu1=$(hallway_cpu_ticks); pg1=$(pg_all_ticks); load1=$(cut -d' ' -f1 /proc/loadavg)
    [ -n "${BENCH_JFR:-}" ] && "$(dirname "$JAVA")/jcmd" "$HALLWAY_PID" JFR.stop name=stream filename="$RUN_DIR/stream-$n.jfr" >/dev/null
    # Where PostgreSQL's time in the window went, statement by statement.
    pg_psql "$DB" -c "select round(total_exec_time::numeric) exec_ms, calls, left(regexp_replace(query, '\s+', ' ', 'g'), 110) statement
      from pg_stat_statements order by total_exec_time desc limit 12" >"$RUN_DIR/statements-$n.txt"
    tck=$(getconf CLK_TCK)
    line=$(echo "$line" | sed 's/^BENCH_RESULT //' | jq -c --argjson c $(( (cpu1 - cpu0) * 1000 / tck )) \
      --argjson p $(( (pg1 - pg0) * 1000 / tck )) --arg l "$load0 → $load1" \
      '. + {server_cpu_ms: $c, pg_cpu_ms: $p, load: $l,
            server_cpu_us_per_event: (if .events > 0 then ($c * 1000 / .events | floor) else null end),
            window_cpu_us_per_event: (if .events > 0 and .window_cpu_ms >= 0 then (.window_cpu_ms * 1000 / .events | floor) else null end)}')
    echo "BENCH_RESULT $line"
    echo "$line" | jq -r '"| \(.connections) | \(.posts) | \(.offered_rate) | \(.achieved_rate) | \(.failed_posts) | \(.post_p99_ms) | \(.events) | \(.expected) | \(.missing) | \(.p50_ms) | \(.p90_ms) | \(.p99_ms) | \(.max_ms) | \(.server_cpu_ms) | \(.server_cpu_us_per_event) | \(.window_cpu_us_per_event) | \(.client_cpu_ms) | \(.pg_cpu_ms) | \(.load) |"' >>"$RUN_DIR/report.md"
    widest_post "$RUN_DIR/timeline-$n.txt" | tee -a "$RUN_DIR/widest.txt"
    if [ -n "$probe_pid" ]; then
      kill "$probe_pid" 2>/dev/null || true
      wait "$probe_pid" 2>/dev/null || true
      disk_stalls "$RUN_DIR/disk-raw-$n.txt" "$mark.go" "$RUN_DIR/disk-$n.txt" | tee -a "$RUN_DIR/widest.txt"
    fi
    hallway_stop
  done
  cat "$RUN_DIR/report.md"
  echo "Report: $RUN_DIR/report.md"
  exit 0
fi

echo "| connections | posts | events | missing | p50 ms | p90 ms | p99 ms | max ms | server CPU ms | server CPU µs/event | delivery window µs/event | load average |" >"$RUN_DIR/report.md"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|" >>"$RUN_DIR/report.md"
for n in $STREAMS; do
  pg_copy_db "$DB" "$SEED_DB"
  hallway_start "$DB" "$RUN_DIR/hallway-$n.log"
  hallway_settle "$DB" "$RUN_DIR/hallway-$n.log"
  # A short warm-up run so the first measured posts do not pay for class loading and the JIT.
  "$JAVA" "$BENCH_DIR/load/StreamLatency.java" "http://127.0.0.1:$HALLWAY_PORT" 20 20 50 >/dev/null
  echo "== $n connections, $STREAM_POSTS posts, one every $INTERVAL_MS ms"
  [ -n "${BENCH_JFR:-}" ] && "$(dirname "$JAVA")/jcmd" "$HALLWAY_PID" JFR.start name=stream settings=profile >/dev/null
  # One author posting slowly to many listeners: the server's CPU per event is mostly the stream path's.
  cpu0=$(hallway_cpu_ticks); load0=$(cut -d' ' -f1 /proc/loadavg)
  line=$(BENCH_SERVER_PID=$HALLWAY_PID "$JAVA" "$BENCH_DIR/load/StreamLatency.java" "http://127.0.0.1:$HALLWAY_PORT" "$n" "$STREAM_POSTS" "$INTERVAL_MS" | grep '^BENCH_RESULT')
  cpu1=$(hallway_cpu_ticks); load1=$(cut -d' ' -f1 /proc/loadavg)
  [ -n "${BENCH_JFR:-}" ] && "$(dirname "$JAVA")/jcmd" "$HALLWAY_PID" JFR.stop name=stream filename="$RUN_DIR/stream-$n.jfr" >/dev/null
  line=$(echo "$line" | sed 's/^BENCH_RESULT //' | jq -c --argjson c $(( (cpu1 - cpu0) * 1000 / $(getconf CLK_TCK) )) --arg l "$load0 → $load1" \
    '. + {server_cpu_ms: $c, load: $l, server_cpu_us_per_event: (if .events > 0 then ($c * 1000 / .events | floor) else null end),
          window_cpu_us_per_event: (if .events > 0 and .window_cpu_ms >= 0 then (.window_cpu_ms * 1000 / .events | floor) else null end)}')
  echo "BENCH_RESULT $line"
  echo "$line" | jq -r '"| \(.connections) | \(.posts) | \(.events) | \(.missing) | \(.p50_ms) | \(.p90_ms) | \(.p99_ms) | \(.max_ms) | \(.server_cpu_ms) | \(.server_cpu_us_per_event) | \(.window_cpu_us_per_event) | \(.load) |"' >>"$RUN_DIR/report.md"
  hallway_stop
done
cat "$RUN_DIR/report.md"
echo "Report: $RUN_DIR/report.md"
