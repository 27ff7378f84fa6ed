#!/usr/bin/env bash
# What idle connections cost the server's heap, one command: bench/connections.sh
#
# Starts Hallway with the embedded defaults on a fresh data directory (the README's lean JVM line),
# then opens BENCH_BURST connections that each send one GET BENCH_BURST_PATH at the same moment and
# then stay open and silent (bench/load/Burst.java), as browsers and apps keep theirs between
# requests. Before the burst and BENCH_BURST_SETTLE s after its last response, a heap histogram of
# live objects (jcmd GC.class_histogram, which collects first) gives: request processors
# (org.apache.coyote.Request), byte and char arrays, open connections (NioSocketWrapper), and the
# live heap per idle connection. Requests beyond the server's in-flight and waiting limits (ADR 0050)
# are answered 503 and their connections closed, so fewer stay open than were opened.
# Writes bench/results/connections-<time>/report.md.
#
# Knobs: BENCH_BURST=4000 BENCH_BURST_PATH=/api/v1/instance BENCH_BURST_SETTLE=5 BENCH_JAR
# BENCH_JVM_OPTS BENCH_HALLWAY_PORT=18181.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JCMD=$(dirname "$JAVA")/jcmd
JAR=${BENCH_JAR:-$REPO_DIR/target/hallway-0.1.0-SNAPSHOT.jar}
PORT=${BENCH_HALLWAY_PORT:-18181}
BURST=${BENCH_BURST:-4000}
BURST_PATH=${BENCH_BURST_PATH:-/api/v1/instance}
SETTLE=${BENCH_BURST_SETTLE:-5}
source "$BENCH_DIR/lib/jvm.sh"
JVM_OPTS=${BENCH_JVM_OPTS:-$(run_line_jvm_options)}
RUN_DIR="$BENCH_DIR/results/connections-$(date -u +%Y%m%dT%H%M%SZ)"
DATA_DIR="$RUN_DIR/data"
PID="" BURST_PID=""

stop() {
  [ -n "$BURST_PID" ] && kill "$BURST_PID" 2>/dev/null || true
  [ -n "$PID" ] || return 0
  kill -TERM "$PID" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$PID" 2>/dev/null && kill -KILL "$PID"
  wait "$PID" 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT TERM

[ "$(ulimit -n)" -gt $((BURST + 100)) ] || ulimit -n $((BURST + 1000))
if [ ! -f "$JAR" ]; then
  echo "Building $JAR"
  (cd "$REPO_DIR" && JAVA_HOME=$(dirname "$(dirname "$JAVA")") mvn -q -B -DskipTests -Dhallway.aot-cache.skip=true package)
fi
mkdir -p "$DATA_DIR"
# shellcheck disable=SC2086
env SERVER_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 HALLWAY_DATA_DIR="$DATA_DIR" \
  HALLWAY_PUBLIC_URL="http://127.0.0.1:$PORT" "$JAVA" $JVM_OPTS -jar "$JAR" >"$RUN_DIR/hallway.log" 2>&1 &
PID=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do
  kill -0 "$PID" 2>/dev/null || { echo "Hallway exited during startup; see $RUN_DIR/hallway.log" >&2; exit 1; }
  sleep 0.2
done
echo "Hallway ready on 127.0.0.1:$PORT (pid $PID)"
sleep 10

# histogram FILE: live objects; prints "processors byte_MiB char_MiB connections".
histogram() {
  "$JCMD" "$PID" GC.class_histogram >"$1"
  awk '$4 == "[B" { b = $3 } $4 == "[C" { c = $3 }
       $4 == "org.apache.coyote.Request" { p = $2 }
       $4 == "org.apache.tomcat.util.net.NioEndpoint$NioSocketWrapper" { w = $2 }
       END { printf "%d %.1f %.1f %d\n", p, b / 1048576, c / 1048576, w }' "$1"
}

read -r p0 b0 c0 w0 < <(histogram "$RUN_DIR/histogram-before.txt")
"$JAVA" "$BENCH_DIR/load/Burst.java" "$PORT" "$BURST" "$BURST_PATH" 600 >"$RUN_DIR/burst.txt" 2>&1 &
BURST_PID=$!
until grep -q '^BURST' "$RUN_DIR/burst.txt"; do
  kill -0 "$BURST_PID" 2>/dev/null || { echo "the burst failed:"; cat "$RUN_DIR/burst.txt"; exit 1; }
  sleep 0.5
done
sleep "$SETTLE"
read -r p1 b1 c1 w1 < <(histogram "$RUN_DIR/histogram-after.txt")
result=$(sed -n 's/^BURST //p' "$RUN_DIR/burst.txt")
per=$(awk -v b0="$b0" -v c0="$c0" -v b1="$b1" -v c1="$c1" -v w="$w1" -v w0="$w0" \
  'BEGIN { n = w - w0; printf "%.1f", (n > 0 ? ((b1 - b0) + (c1 - c0)) * 1024 / n : 0) }')

{
  echo "# Idle connections: what they hold ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
  echo
  echo "- Hallway: \`$JAR\` (sha256 $(sha256sum "$JAR" | cut -c1-12)), repo commit $(git -C "$REPO_DIR" rev-parse --short HEAD), JVM \`$JVM_OPTS\`"
  echo "- Burst: $BURST connections, one \`GET $BURST_PATH\` each at once, then silent; answers: \`$result\`"
  echo "- Live heap after a full collection, before the burst and ${SETTLE} s after its last response:"
  echo
  echo "| | before | after |"
  echo "|---|---:|---:|"
  echo "| open connections (NioSocketWrapper) | $w0 | $w1 |"
  echo "| request processors (org.apache.coyote.Request) | $p0 | $p1 |"
  echo "| byte arrays MiB | $b0 | $b1 |"
  echo "| char arrays MiB | $c0 | $c1 |"
  echo
  echo "Byte and char arrays per idle connection: **$per KiB**. Histograms: \`histogram-before.txt\`, \`histogram-after.txt\`."
} >"$RUN_DIR/report.md"
cat "$RUN_DIR/report.md"
