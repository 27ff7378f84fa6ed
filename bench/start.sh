#!/usr/bin/env bash
# Start time and idle memory, zero-config (embedded PostgreSQL in a data directory): bench/start.sh
#
# Builds the jar if missing, starts Hallway once on a fresh data directory (creates the database and
# the schema), stops it, then starts it BENCH_STARTS times on that existing data directory and
# measures for each start: the time from launching the JVM to the first 200 of
# /actuator/health/readiness, the RSS of the java process BENCH_SETTLE s after ready (idle), and the
# RSS of the embedded PostgreSQL processes (postmaster and its children; shared buffers count in
# every process that touched them, so their sum overstates the real footprint: PSS is shown too).
# Writes bench/results/start-<time>/report.md.
#
# It measures the packaged application, as the README runs it (ADRs 0052, 0062): the script extracts
# the jar, makes the JDK's AOT cache in a training run (-XX:AOTCacheOutput; Hallway stops once ready)
# on a throwaway data directory, as the build does, and starts with -XX:AOTCache and -XX:AOTMode=on.
# BENCH_AOT=0 measures the executable jar instead, without a cache.
#
# Knobs: BENCH_JVM_OPTS (default: the README's run line, see JVM_OPTS below)
# BENCH_STARTS=3 BENCH_SETTLE=10 BENCH_JAR BENCH_HALLWAY_PORT=18180 BENCH_JAVA_CMD (e.g. to run the
# extracted jar with an AOT cache: "java -XX:AOTCache=... -jar extracted/hallway.jar").
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAR=${BENCH_JAR:-$REPO_DIR/target/hallway-0.1.0-SNAPSHOT.jar}
PORT=${BENCH_HALLWAY_PORT:-18180}
STARTS=${BENCH_STARTS:-3}
SETTLE=${BENCH_SETTLE:-10}
# The README's run line; BENCH_JVM_OPTS= (empty) measures the JVM's defaults.
source "$BENCH_DIR/lib/jvm.sh"
JVM_OPTS=${BENCH_JVM_OPTS-$(run_line_jvm_options)}
RUN_DIR="$BENCH_DIR/results/start-$(date -u +%Y%m%dT%H%M%SZ)"
DATA_DIR="$RUN_DIR/data"
PID=""

stop() {
  [ -n "$PID" ] || return 0
  kill -TERM "$PID" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$PID" 2>/dev/null && kill -KILL "$PID"
  wait "$PID" 2>/dev/null || true
  PID=""
  # A JVM killed before its graceful shutdown leaves the embedded PostgreSQL of our data directory.
  local pm
  pm=$(head -1 "$DATA_DIR/postgres/postmaster.pid" 2>/dev/null) || return 0
  if tr "\0" " " <"/proc/$pm/cmdline" 2>/dev/null | grep -qF "$DATA_DIR/postgres"; then kill -INT "$pm"; sleep 2; fi
}
trap stop EXIT
trap 'exit 130' INT TERM

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
pss_kb() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
# The embedded PostgreSQL: postmaster of our data directory and its children.
pg_pids() {
  local pm
  pm=$(head -1 "$DATA_DIR/postgres/postmaster.pid" 2>/dev/null) || return 0
  echo "$pm" $(ps -o pid= --ppid "$pm")
}

# start LOG: launches the JVM, waits for readiness; sets READY_MS (not a subshell: PID must stay set).
start() {
  local log=$1 t0
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  env SERVER_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 HALLWAY_DATA_DIR="$DATA_DIR" \
    HALLWAY_PUBLIC_URL="http://127.0.0.1:$PORT" \
    ${BENCH_JAVA_CMD:-$JAVA $JVM_OPTS -jar $JAR} >"$log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do
    kill -0 "$PID" 2>/dev/null || { echo "Hallway exited during startup; see $log" >&2; PID=""; exit 1; }
    # Someone else answering on the port would fake a start.
    ss -ltnp "sport = :$PORT" 2>/dev/null | grep -q "pid=" && ! ss -ltnp "sport = :$PORT" | grep -q "pid=$PID," && {
      echo "port $PORT is taken by another process" >&2; exit 1; }
    (( ($(date +%s%N) - t0) / 1000000000 > ${BENCH_START_TIMEOUT:-900} )) && { echo "not ready after ${BENCH_START_TIMEOUT:-900} s; see $log" >&2; exit 1; }
    sleep 0.05
  done
  READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
  # CPU the JVM used to get ready (user + system): on a box shared with other work, the wall time
  # mostly measures the neighbours; this does not.
  READY_CPU=$(sed 's/.*) //' "/proc/$PID/stat" | awk -v t="$(getconf CLK_TCK)" '{printf "%.1f", ($12 + $13) / t}')
}

mkdir -p "$RUN_DIR"
[ -f "$JAR" ] || (cd "$REPO_DIR" && mvn -q -B -DskipTests package)
if [ -z "${BENCH_JAVA_CMD:-}" ] && [ "${BENCH_AOT:-1}" = 1 ]; then
  echo "Extracting the jar and making the AOT cache (training run)"
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$RUN_DIR/app" --application-filename hallway.jar >/dev/null
  app_jar="$RUN_DIR/app/hallway.jar"
  aot_started=$(date +%s)
  # As the build does (pom.xml, profile aot-cache): Hallway starts, stops once ready, the JVM writes the cache.
  # shellcheck disable=SC2086
  env HALLWAY_DATA_DIR="$RUN_DIR/training-data" SERVER_PORT=0 SERVER_ADDRESS=127.0.0.1 timeout 600 \
    "$JAVA" $JVM_OPTS -XX:AOTCacheOutput="$RUN_DIR/app/hallway.aot" -Dhallway.aot-training=true -jar "$app_jar" \
    >"$RUN_DIR/training.log" 2>&1 || true
  [ -f "$RUN_DIR/app/hallway.aot" ] || { echo "no AOT cache made; see $RUN_DIR/training.log" >&2; exit 1; }
  echo "   cache $(du -m "$RUN_DIR/app/hallway.aot" | cut -f1) MiB in $(( $(date +%s) - aot_started )) s"
  BENCH_JAVA_CMD="$JAVA $JVM_OPTS -XX:AOTCache=$RUN_DIR/app/hallway.aot -XX:AOTMode=on -jar $app_jar"
fi
echo "First start (new data directory: database and schema)"
start "$RUN_DIR/first.log"; first_ms=$READY_MS; first_cpu=$READY_CPU
echo "   ready in $first_ms ms"
stop

{
  echo "# Start and idle memory, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "- Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
  echo "- Jar: \`$JAR\` (sha256 $(sha256sum "$JAR" | cut -c1-12)); command: \`${BENCH_JAVA_CMD:-java $JVM_OPTS -jar …}\`"
  echo "- First start on an empty data directory: $first_ms ms ($first_cpu s of JVM CPU)"
  echo
  echo "| start | ready ms | JVM CPU s to ready | \"Started … in\" (JVM s) | java RSS MiB (idle, +${SETTLE} s) | java heap used MiB | PostgreSQL processes | PostgreSQL RSS sum MiB | PostgreSQL PSS sum MiB |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$RUN_DIR/report.md"

for i in $(seq 1 "$STARTS"); do
  start "$RUN_DIR/start-$i.log"; ms=$READY_MS; cpu=$READY_CPU
  sleep "$SETTLE"
  java_rss=$(rss_kb "$PID")
  heap=$("$(dirname "$JAVA")/jstat" -gc "$PID" 2>/dev/null | awk 'NR == 1 {for (i = 1; i <= NF; i++) h[$i] = i}
    NR == 2 {printf "%d", ($h["S0U"] + $h["S1U"] + $h["EU"] + $h["OU"]) / 1024}')
  pgs=$(pg_pids); n=0; pg_rss=0; pg_pss=0
  for p in $pgs; do n=$((n + 1)); pg_rss=$((pg_rss + $(rss_kb "$p"))); pg_pss=$((pg_pss + $(pss_kb "$p"))); done
  started=$(sed -n 's/.*Started HallwayApplication in \([0-9.]*\) seconds.*/\1/p' "$RUN_DIR/start-$i.log")
  echo "| $i | $ms | $cpu | ${started:-?} | $((java_rss / 1024)) | $heap | $n | $((pg_rss / 1024)) | $((pg_pss / 1024)) |" | tee -a "$RUN_DIR/report.md"
  stop
done
echo "Report: $RUN_DIR/report.md"
