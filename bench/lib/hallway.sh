# Starts and stops Hallway against the bench PostgreSQL, on 127.0.0.1 only. Sourced by run.sh.
# JAR is what the README's run line starts, the packaged application target/hallway (hallway.jar,
# lib/ and the AOT cache hallway.aot, ADRs 0052 and 0062), or any such directory, or an executable jar
# (started without a cache).

JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAR="$REPO_DIR/target/hallway"
HALLWAY_PORT=${BENCH_HALLWAY_PORT:-18080}
source "$(dirname "${BASH_SOURCE[0]}")/jvm.sh"
# The run line's options by default: its heap bounds are what the RSS figures are about.
HALLWAY_JVM_OPTS=${BENCH_JVM_OPTS:-$(run_line_jvm_options)}
HALLWAY_PID=""

hallway_build() {
  [ -e "$JAR" ] && return
  echo "Building $JAR"
  # The jte plugin fails when src/main/jte is absent; git does not keep that empty directory.
  mkdir -p "$REPO_DIR/src/main/jte"
  (cd "$REPO_DIR" && JAVA_HOME=$(dirname "$(dirname "$JAVA")") mvn -q -B -DskipTests package)
}

# Sets HALLWAY_LAUNCH, the arguments after the JVM options (an array: a path with spaces stays one
# argument): the jar, or the packaged application's jar with its AOT cache. The JVM would start
# without a cache it cannot use (other options, or a jar copied without its times: copy with cp -a);
# AOTMode=on makes that an error instead of a slower run measured as this one.
hallway_launch_args() {
  if [ -d "$JAR" ]; then
    HALLWAY_LAUNCH=(-jar "$JAR/hallway.jar")
    [ -f "$JAR/hallway.aot" ] && HALLWAY_LAUNCH=("-XX:AOTCache=$JAR/hallway.aot" -XX:AOTMode=on "${HALLWAY_LAUNCH[@]}")
  else
    HALLWAY_LAUNCH=(-jar "$JAR")
  fi
  return 0
}

# What runs, for the reports: the path, the jar's sha256 and the cache it starts with.
hallway_describe() {
  local jar=$JAR cache=", no AOT cache"
  if [ -d "$JAR" ]; then
    jar=$JAR/hallway.jar
    [ -f "$JAR/hallway.aot" ] && cache=", AOT cache $(du -m "$JAR/hallway.aot" | cut -f1) MiB"
  fi
  echo "\`$JAR\` (sha256 $(sha256sum "$jar" | cut -c1-12)$cache)"
}

# The search index of the seed a run's database is copied from (HALLWAY_SEED_INDEX names that seed;
# the scripts set it once the seed exists). A run posts into its copy of the database and into the
# index in the data directory, so an index kept from run to run would hold posts that no new copy has
# (docs/performance-journal.md, "The search index checked without mapping it"). So each start begins with the
# seed's index, kept in data/index-<seed>: made by the first start that settles with none there (it
# builds the index from its copy of the seed), and made again when a build rebuilds it at start (a
# new document schema).
hallway_seed_index_dir() {
  echo "$BENCH_DIR/data/index-$HALLWAY_SEED_INDEX"
}

hallway_restore_seed_index() {
  local data=$1
  [ -n "${HALLWAY_SEED_INDEX:-}" ] || return 0
  rm -rf "$data/index"
  if [ -d "$(hallway_seed_index_dir)" ]; then cp -a "$(hallway_seed_index_dir)" "$data/index"; fi
}

hallway_keep_seed_index() {
  local log=$1 data=${HALLWAY_BENCH_DATA_DIR:-$BENCH_DIR/data/hallway}
  [ -n "${HALLWAY_SEED_INDEX:-}" ] || return 0
  if [ -d "$(hallway_seed_index_dir)" ] && ! grep -q "Search index rebuilt" "$log"; then return 0; fi
  # The server is running: merges and commits may add and delete files meanwhile. Lucene never changes
  # a file once written, so a copy during which the listing (names and sizes) stayed the same is whole.
  local attempt listing
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    rm -rf "$(hallway_seed_index_dir).new"
    listing=$(ls -lR "$data/index")
    if cp -a "$data/index" "$(hallway_seed_index_dir).new" 2>/dev/null && [ "$(ls -lR "$data/index")" = "$listing" ]; then
      break
    fi
    if (( attempt == 10 )); then echo "The search index kept changing; not kept" >&2; rm -rf "$(hallway_seed_index_dir).new"; return 0; fi
    sleep 3
  done
  find "$(hallway_seed_index_dir).new" -name write.lock -delete
  rm -rf "$(hallway_seed_index_dir)"
  mv "$(hallway_seed_index_dir).new" "$(hallway_seed_index_dir)"
  echo "Kept the search index of $HALLWAY_SEED_INDEX in $(hallway_seed_index_dir)"
}

# hallway_start DB LOGFILE: starts the server on database DB and waits until it answers.
hallway_start() {
  local db=$1 log=$2
  local data=${HALLWAY_BENCH_DATA_DIR:-$BENCH_DIR/data/hallway}
  mkdir -p "$data"
  hallway_restore_seed_index "$data"
  hallway_launch_args
  # shellcheck disable=SC2086
  env SERVER_PORT="$HALLWAY_PORT" SERVER_ADDRESS=127.0.0.1 \
    HALLWAY_DATA_DIR="$data" \
    HALLWAY_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" HALLWAY_DB_USER=postgres HALLWAY_DB_PASSWORD= \
    HALLWAY_PUBLIC_URL="http://127.0.0.1:$HALLWAY_PORT" \
    HALLWAY_FEED_KEEP_FOR="${HALLWAY_FEED_KEEP_FOR:-36500d}" \
    "$JAVA" $HALLWAY_JVM_OPTS "${HALLWAY_LAUNCH[@]}" >"$log" 2>&1 &
  HALLWAY_PID=$!
  local started=$SECONDS
  until curl -sf -o /dev/null "http://127.0.0.1:$HALLWAY_PORT/actuator/health/readiness"; do
    if ! kill -0 "$HALLWAY_PID" 2>/dev/null; then
      echo "Hallway exited during startup; see $log" >&2; HALLWAY_PID=""; return 1
    fi
    if (( SECONDS - started > ${BENCH_START_TIMEOUT:-600} )); then
      echo "Hallway not ready after ${BENCH_START_TIMEOUT:-600} s; see $log" >&2; return 1
    fi
    sleep 0.5
  done
  echo "Hallway ready on 127.0.0.1:$HALLWAY_PORT (pid $HALLWAY_PID) in $((SECONDS - started)) s"
}

# hallway_settle DB LOG: waits until the work a start may leave running in the background is done (a
# search index rebuilt after a document schema change, the one-off backfill of older posts' links), so
# it does not run beside a measurement.
hallway_settle() {
  local db=$1 log=$2 started=$SECONDS
  while :; do
    local rebuilding=0 backfill
    if grep -q -E "building it from the database|rebuilding it from the database" "$log" \
        && ! grep -q "Search index rebuilt" "$log"; then rebuilding=1; fi
    backfill=$(pg_psql "$db" -Atc "select count(*) from search_backfills where finished_at is null" 2>/dev/null || echo 0)
    local begun
    begun=$(pg_psql "$db" -Atc "select count(*) from search_backfills" 2>/dev/null || echo 1)
    if (( rebuilding == 0 )) && [ "$backfill" = 0 ] && [ "$begun" != 0 ]; then break; fi
    if (( SECONDS - started > ${BENCH_SETTLE_TIMEOUT:-900} )); then
      echo "Background start-up work not done after ${BENCH_SETTLE_TIMEOUT:-900} s; measuring anyway" >&2; break
    fi
    sleep 2
  done
  echo "Hallway settled in $((SECONDS - started)) s"
  hallway_keep_seed_index "$log"
}

hallway_stop() {
  [ -n "$HALLWAY_PID" ] || return 0
  kill -TERM "$HALLWAY_PID" 2>/dev/null || true
  # Graceful shutdown is bounded at 20 s by application.yml; do not wait forever beyond that.
  for _ in $(seq 1 60); do kill -0 "$HALLWAY_PID" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$HALLWAY_PID" 2>/dev/null; then kill -KILL "$HALLWAY_PID"; fi
  # The JVM exits with 143 on SIGTERM; that is the expected outcome, not a failure.
  wait "$HALLWAY_PID" 2>/dev/null || true
  HALLWAY_PID=""
}

# CPU ticks (user + system) the server has used so far.
hallway_cpu_ticks() {
  awk '{print $14 + $15}' "/proc/$HALLWAY_PID/stat"
}

# CPU ticks the server's JIT compiler threads have used so far (a thread's name may hold a space, so
# its fields are counted from the end of the name).
hallway_jit_ticks() {
  local task total=0
  for task in /proc/"$HALLWAY_PID"/task/*; do
    case $(cat "$task/comm" 2>/dev/null) in
      C1\ CompilerThre* | C2\ CompilerThre*)
        total=$(( total + $(sed 's/.*) //' "$task/stat" | awk '{print $12 + $13}') )) ;;
    esac
  done
  echo "$total"
}

hallway_rss_kb() {
  awk '/^VmRSS:/ {print $2}' "/proc/$HALLWAY_PID/status"
}
