#!/usr/bin/env bash
# Time to ready and idle memory with the company's data in place: bench/idle.sh [JAR...]
#
# bench/start.sh starts Hallway on a data directory it has just made, with no posts and an empty search
# index. This one starts it on a copy of lib/seed.sh's seed (BENCH_USERS=10000 colleagues,
# BENCH_POSTS=1000000 posts) and the search index of bench/data/hallway (built by the first start if
# missing, and kept), as a server restarts after a day's work. Each build (the packaged application
# target/hallway by default; see lib/hallway.sh) starts BENCH_STARTS=3 times, the builds taking turns;
# for each start: the time to ready (Spring's "process running for"), and BENCH_SETTLE=20 s later the
# server's RSS split into anonymous memory and pages of mapped files (the search index's among them).
# Writes results/<time>-idle/report.md.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
USERS=${BENCH_USERS:-10000}
POSTS=${BENCH_POSTS:-1000000}
SEED=${BENCH_SEED:-42}
STARTS=${BENCH_STARTS:-3}
SETTLE=${BENCH_SETTLE:-20}
DB=hallway_bench_idle
RUN_DIR="$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)-idle"

source "$BENCH_DIR/lib/pg.sh"
source "$BENCH_DIR/lib/hallway.sh"
source "$BENCH_DIR/lib/seed.sh"
JARS=()
for a in "$@"; do JARS+=("$(realpath "$a")"); done
[ ${#JARS[@]} -eq 0 ] && JARS=("$JAR")

cleanup() {
  hallway_stop || true
  pg_stop || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$RUN_DIR"
JAR=${JARS[0]}
hallway_build
pg_start
seed_ensure
pg_copy_db "$DB" "$(seed_db_name)"
# A first start brings the search index up to date (or builds it), so that every measured start opens
# the same complete index.
hallway_start "$DB" "$RUN_DIR/hallway.0.log"
hallway_settle "$DB" "$RUN_DIR/hallway.0.log"
hallway_stop

{
  echo "# Time to ready and idle memory on existing data ($USERS colleagues, $POSTS posts, $(nproc) cores)"
  echo
  echo "Search index: $(du -sm "${HALLWAY_BENCH_DATA_DIR:-$BENCH_DIR/data/hallway}/index" | cut -f1) MiB;"
  echo "JVM options: $HALLWAY_JVM_OPTS; RSS read $SETTLE s after ready."
  echo
  echo "| build | start | ready s | RSS MiB | anonymous MiB | mapped files MiB |"
  echo "|---|---:|---:|---:|---:|---:|"
} >"$RUN_DIR/report.md"
n=0
for start in $(seq 1 "$STARTS"); do
  for JAR in "${JARS[@]}"; do
    n=$((n + 1))
    log="$RUN_DIR/hallway.$n.log"
    hallway_start "$DB" "$log" >/dev/null
    sleep "$SETTLE"
    ready=$(grep -o "process running for [0-9.]*" "$log" | head -1 | awk '{print $4}')
    awk -v build="$(hallway_describe)" -v start="$start" -v ready="$ready" '
      /^VmRSS:/ { rss = $2 } /^RssAnon:/ { anon = $2 } /^RssFile:/ { file = $2 }
      END { printf "| %s | %d | %s | %d | %d | %d |\n", build, start, ready, rss / 1024, anon / 1024, file / 1024 }' \
      "/proc/$HALLWAY_PID/status" | tee -a "$RUN_DIR/report.md"
    hallway_stop
  done
done
echo "Report: $RUN_DIR/report.md"
