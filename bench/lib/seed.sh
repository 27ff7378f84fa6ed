# The seed database of a synthetic company, shared by the benchmark scripts: the schema by Hallway's
# own migrations, then bench/generate.sql; built once per size and seed, later runs clone it. A seed
# counts only once the generator committed (the database is then commented 'complete'). Sourced after
# pg.sh and hallway.sh; expects USERS, POSTS, SEED, RUN_DIR. Sets LOAD_SECONDS (wall) and
# LOAD_CPU_SECONDS (PostgreSQL's CPU time) when it loaded. The seed's reads are dated when it is made:
# hallway.sh starts Hallway with a keep period of a century, so that a seed made weeks ago keeps its feeds.

# BENCH_READERS: the share of colleagues who read their home feed (ADR 0055), 1 unless given.
READERS=${BENCH_READERS:-1}
seed_db_name() {
  if [ "$READERS" = 1 ]; then echo "bench_seed_${USERS}_${POSTS}_${SEED}"
  else echo "bench_seed_${USERS}_${POSTS}_${SEED}_r${READERS/./}"; fi
}

seed_ensure() {
  local seed_db; seed_db=$(seed_db_name)
  local complete
  complete=$(pg_psql postgres -Atc "select shobj_description(oid, 'pg_database') from pg_database where datname = '$seed_db'")
  if pg_db_exists "$seed_db" && { [ "${BENCH_RESEED:-0}" = 1 ] || [ "$complete" != complete ]; }; then
    pg_psql postgres -c "drop database $seed_db" >/dev/null
  fi
  if pg_db_exists "$seed_db"; then HALLWAY_SEED_INDEX=$seed_db; return 0; fi
  pg_psql postgres -c "create database $seed_db" >/dev/null
  echo "Creating the schema: starting Hallway once on $seed_db"
  hallway_start "$seed_db" "$RUN_DIR/hallway-schema.log" && hallway_stop
  echo "Loading the synthetic company: $USERS colleagues, $POSTS posts, seed $SEED"
  local started=$SECONDS ticks0
  ticks0=$(pg_cluster_ticks)
  if ! pg_psql "$seed_db" -v users="$USERS" -v posts="$POSTS" -v seed="$SEED" -v readers="$READERS" -v likes=3 -v days=90 \
      -v feed_cap=800 -v end_at='2026-11-01 00:00:00+00' -f "$BENCH_DIR/generate.sql" >"$RUN_DIR/load.txt"; then
    pg_psql postgres -c "drop database $seed_db" >/dev/null; cat "$RUN_DIR/load.txt"; return 1
  fi
  LOAD_SECONDS=$((SECONDS - started))
  LOAD_CPU_SECONDS=$(awk -v a="$ticks0" -v b="$(pg_cluster_ticks)" -v t="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", (b - a) / t}')
  echo "load_seconds=$LOAD_SECONDS load_cpu_seconds=$LOAD_CPU_SECONDS (PostgreSQL CPU time)" >>"$RUN_DIR/load.txt"
  pg_psql postgres -c "comment on database $seed_db is 'complete'" >/dev/null
  cat "$RUN_DIR/load.txt"
  HALLWAY_SEED_INDEX=$seed_db
}
