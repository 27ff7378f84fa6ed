#!/usr/bin/env bash
# Digest mail throughput, one command: bench/digest.sh
#
# A daily digest run over BENCH_DIGEST_USERS colleagues (default 10,000) of the synthetic company
# (bench/generate.sql, posts spread over the two days before the load, so digests have something to
# say when run within a day of loading; the company is loaded once and kept in bench/data),
# all of whom chose the daily digest. Hallway sends through a local SMTP sink (bench/load/SmtpSink.java)
# that accepts everything; the run ends when every colleague's digest is marked sent. Reports
# digests per second (database timestamps) and mails per second (sink clock), server CPU and RSS.
#
# Knobs (environment): BENCH_DIGEST_USERS=10000 BENCH_DIGEST_POSTS=50000 BENCH_SEED=42 BENCH_JAR
# BENCH_JVM_OPTS BENCH_PG_PORT (default 55917) BENCH_HALLWAY_PORT (default 18917) BENCH_SMTP_PORT=12917.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
USERS=${BENCH_DIGEST_USERS:-10000}
POSTS=${BENCH_DIGEST_POSTS:-50000}
SEED=${BENCH_SEED:-42}
SMTP_PORT=${BENCH_SMTP_PORT:-12917}
export BENCH_PG_PORT=${BENCH_PG_PORT:-55917}
export BENCH_HALLWAY_PORT=${BENCH_HALLWAY_PORT:-18917}
DB=hallway_bench_digest
RUN_DIR="$BENCH_DIR/results/digest-$(date -u +%Y%m%dT%H%M%SZ)"
# Posts end at the start of this hour: recent enough for a daily digest.
END_AT=$(date -u +'%Y-%m-%d %H:00:00+00')

source "$BENCH_DIR/lib/pg.sh"
source "$BENCH_DIR/lib/hallway.sh"
[ -n "${BENCH_JAR:-}" ] && JAR=$BENCH_JAR
SINK_PID=""

cleanup() {
  hallway_stop || true
  [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null || true
  pg_stop || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$RUN_DIR"
hallway_build
pg_start

# The company is loaded once per size and seed and kept (marked complete); digests are reset each run.
seed_complete() { [ "$(pg_psql postgres -Atc "select shobj_description(oid, 'pg_database') from pg_database where datname = '$DB'")" = "$USERS $POSTS $SEED" ]; }
if ! seed_complete; then
  pg_psql postgres -c "drop database if exists $DB" -c "create database $DB" >/dev/null
  echo "Creating the schema: starting Hallway once on $DB"
  hallway_start "$DB" "$RUN_DIR/hallway-schema.log" && hallway_stop
  echo "Loading the synthetic company: $USERS colleagues, $POSTS posts over two days up to $END_AT, seed $SEED"
  pg_psql "$DB" -v users="$USERS" -v posts="$POSTS" -v seed="$SEED" -v likes=3 -v days=2 \
    -v feed_cap=800 -v end_at="$END_AT" -f "$BENCH_DIR/generate.sql" >"$RUN_DIR/load.txt"
  pg_psql postgres -c "comment on database $DB is '$USERS $POSTS $SEED'" >/dev/null
fi
# Everyone asked for the daily digest (mentions and replies by mail too, as the default settings do).
pg_psql "$DB" -c "insert into notification_settings (account_id, network_id, in_app, by_mail, digest, updated_at)
  select id, network_id, '{mention,reply,reblog,favourite,follow,update}', '{mention,reply}', 'daily', now()
  from accounts on conflict (account_id) do update set digest = 'daily', digest_sent_at = null" >/dev/null
pg_psql "$DB" -c "vacuum analyze" >/dev/null

"$JAVA" "$BENCH_DIR/load/SmtpSink.java" "$SMTP_PORT" "$RUN_DIR/sink.txt" &
SINK_PID=$!
until [ -s "$RUN_DIR/sink.txt" ]; do sleep 0.2; done

# The mail job runs every second; each run sends every due digest, 100 at a time over one SMTP connection.
export HALLWAY_SMTP_HOST=127.0.0.1 HALLWAY_SMTP_PORT=$SMTP_PORT HALLWAY_SMTP_TLS=off \
  HALLWAY_MAIL_FROM=hallway@bench.example HALLWAY_MAIL_INTERVAL=1s
hallway_start "$DB" "$RUN_DIR/hallway.log"
cpu_start=$(awk '{print $14 + $15}' "/proc/$HALLWAY_PID/stat")
started=$SECONDS
last_done=-1
stalled=0
while :; do
  done_count=$(pg_psql "$DB" -Atc "select count(*) from notification_settings where digest_sent_at is not null")
  [ "$done_count" -ge "$USERS" ] && break
  if [ "$done_count" = "$last_done" ]; then stalled=$((stalled + 1)); else stalled=0; fi
  if [ "$stalled" -ge 120 ]; then echo "No progress for 120 s at $done_count digests; see $RUN_DIR/hallway.log" >&2; break; fi
  last_done=$done_count
  sleep 1
done
sleep 2
cpu_end=$(awk '{print $14 + $15}' "/proc/$HALLWAY_PID/stat")
rss_kb=$(hallway_rss_kb)
read -r mails bytes first_ms last_ms sessions <"$RUN_DIR/sink.txt"
span=$(pg_psql "$DB" -Atc "select extract(epoch from max(digest_sent_at) - min(digest_sent_at)) from notification_settings where digest_sent_at is not null")
digested=$(pg_psql "$DB" -Atc "select count(*) from notification_settings where digest_sent_at is not null")
ticks=$(getconf CLK_TCK)
{
  echo "| colleagues | digests marked sent | mails received | SMTP sessions | avg mail KiB | run s (db) | digests/s | mails/s (sink) | server CPU s | server RSS MiB |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  awk -v u="$USERS" -v d="$digested" -v m="$mails" -v n="${sessions:-0}" -v b="$bytes" -v s="$span" -v f="$first_ms" -v l="$last_ms" \
      -v c="$(( cpu_end - cpu_start ))" -v t="$ticks" -v r="$rss_kb" 'BEGIN {
    ms = (l - f) / 1000.0; if (ms <= 0) ms = 1;
    printf "| %d | %d | %d | %d | %.1f | %.1f | %.0f | %.0f | %.1f | %.0f |\n", u, d, m, n, (m ? b / m / 1024 : 0), s, (s > 0 ? d / s : 0), m / ms, c / t, r / 1024 }'
} >"$RUN_DIR/report.md"
cat "$RUN_DIR/report.md"
echo "Report: $RUN_DIR/report.md (wall time since start $((SECONDS - started)) s)"
