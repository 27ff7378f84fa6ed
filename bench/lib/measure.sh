# One measured scenario: warm-up, then a bounded wrk run, with the CPU split between server,
# database, load generator and everything else on the box, the server's RSS, the connection pool
# state and PostgreSQL's top statements. Sourced by run.sh; writes into $RUN_DIR.

TICK=$(getconf CLK_TCK)

# utime + stime of the given processes, in clock ticks.
proc_ticks() {
  local sum=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] || continue
    # Fields after the ")" that closes the command name: utime is the 12th, stime the 13th.
    sum=$((sum + $(sed 's/.*) //' "/proc/$p/stat" | awk '{print $12 + $13}')))
  done
  echo "$sum"
}

pg_ticks() { proc_ticks "$PG_PID" $(ps -o pid= --ppid "$PG_PID"); }

# Busy and total ticks of the whole machine (all cores), from /proc/stat.
sys_ticks() { awk '/^cpu / {busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6}' /proc/stat; }

pool_state() {
  curl -s "http://127.0.0.1:$HALLWAY_PORT/actuator/prometheus" \
    | awk '/^hikaricp_connections_(active|pending)\{/ {sub(/\{.*\}/, "", $1); sub(/hikaricp_connections_/, "", $1); printf "%s=%d ", $1, $2}'
}

# wrk_scenario NAME PATH USERS POST(0|1) DESCRIPTION
wrk_scenario() {
  local name=$1 path=$2 users=$3 post=$4 desc=$5
  local url="http://127.0.0.1:$HALLWAY_PORT"
  echo "== $name: $desc (warm-up ${WARMUP}s, measure ${DURATION}s, $CONNS connections)"
  BENCH_PATH=$path BENCH_USERS=$users BENCH_POST=$post \
    timeout $((WARMUP + 30)) wrk -t"$THREADS" -c"$CONNS" -d"${WARMUP}s" --timeout 10s -s "$BENCH_DIR/wrk/scenario.lua" "$url" >/dev/null
  pg_psql "$DB" -Atc "select pg_stat_statements_reset()" >/dev/null
  local hw0 pg0 sys0 hw1 pg1 sys1 gen
  hw0=$(proc_ticks "$HALLWAY_PID"); pg0=$(pg_ticks); sys0=$(sys_ticks)
  local xact0 xact1 wal0 wal1
  xact0=$(pg_psql "$DB" -Atc "select xact_commit from pg_stat_database where datname = current_database()")
  # WAL flushes (fsyncs) of the whole cluster: what a durable commit waits for.
  wal0=$(pg_psql "$DB" -Atc "select wal_sync from pg_stat_wal")
  # /usr/bin/time gives the load generator's own CPU seconds.
  BENCH_PATH=$path BENCH_USERS=$users BENCH_POST=$post \
    /usr/bin/time -f "GEN_CPU %U %S" -o "$RUN_DIR/$name.time" \
    timeout $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --timeout 10s --latency \
      -s "$BENCH_DIR/wrk/scenario.lua" "$url" >"$RUN_DIR/$name.wrk.txt" 2>&1 || true
  hw1=$(proc_ticks "$HALLWAY_PID"); pg1=$(pg_ticks); sys1=$(sys_ticks)
  gen=$(awk '/GEN_CPU/ {print $2 + $3}' "$RUN_DIR/$name.time")
  local rss pool result
  # Give requests still in flight (and after-commit fan-out) 2 s to finish, so that what remains
  # checked out of the connection pool is a leak, not work in progress.
  sleep 2
  rss=$(hallway_rss_kb); pool=$(pool_state)
  # Commits of the window and the 2 s after it (the statistics are flushed by each backend at its
  # transaction's end, at most once a second): divide by the requests for commits per request.
  xact1=$(pg_psql "$DB" -Atc "select xact_commit from pg_stat_database where datname = current_database()")
  wal1=$(pg_psql "$DB" -Atc "select wal_sync from pg_stat_wal")
  result=$(sed -n 's/^BENCH_RESULT //p' "$RUN_DIR/$name.wrk.txt")
  [ -n "$result" ] || result='{"requests":0,"duration_us":1,"bytes":0,"p50_us":0,"p90_us":0,"p99_us":0,"max_us":0,"errors_connect":0,"errors_read":0,"errors_write":0,"errors_status":0,"errors_timeout":0}'
  read -r busy0 total0 <<<"$sys0"; read -r busy1 total1 <<<"$sys1"
  echo "$result" | jq -c --arg name "$name" --arg desc "$desc" --arg path "$path" --arg pool "$pool" \
    --argjson rss "$rss" --argjson hw "$(( hw1 - hw0 ))" --argjson pg "$(( pg1 - pg0 ))" --argjson gen "$gen" \
    --argjson busy "$(( busy1 - busy0 ))" --argjson total "$(( total1 - total0 ))" --argjson tick "$TICK" \
    --argjson ncpu "$(nproc)" --argjson xact "$(( xact1 - xact0 ))" --argjson wal "$(( wal1 - wal0 ))" \
    '. + {name: $name, desc: $desc, path: $path, pool: $pool, rss_kb: $rss,
          rps: (.requests / (.duration_us / 1e6)),
          errors: (.errors_connect + .errors_read + .errors_write + .errors_status + .errors_timeout),
          cpu_server: ($hw / $tick), cpu_db: ($pg / $tick), cpu_gen: $gen,
          cpu_machine_busy: ($busy / $tick), cpu_machine_total: ($total / $tick), ncpu: $ncpu, commits: $xact, wal_syncs: $wal}' \
    >>"$RUN_DIR/results.jsonl"
  jq -r 'select(.name == "'"$name"'") | "   \(.rps | floor) req/s, p50 \(.p50_us / 1000) ms, p99 \(.p99_us / 1000) ms, errors \(.errors), RSS \(.rss_kb / 1024 | floor) MiB, pool: \(.pool)"' "$RUN_DIR/results.jsonl"
  # Where the database time went during the measured window.
  pg_psql "$DB" -c "select calls, round(total_exec_time::numeric, 0) as total_ms, round(mean_exec_time::numeric, 3) as mean_ms,
      rows, left(regexp_replace(query, '\s+', ' ', 'g'), 160) as query
    from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
    order by total_exec_time desc limit 8" >"$RUN_DIR/$name.sql.txt" 2>&1 || true
  # All statements of the window (divide by the requests for statements per request).
  pg_psql "$DB" -c "select sum(calls) as statements, count(*) as distinct_statements, round(sum(total_exec_time)::numeric, 0) as exec_ms
    from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
      and query !~* '^\s*(begin|commit|rollback|set|show|select pg_stat_statements_reset)'" >>"$RUN_DIR/$name.sql.txt" 2>&1 || true
}

# open_scenario NAME RATE USERS (get PATH | post) DESCRIPTION: fixed arrival rate for OPEN_DURATION s,
# after a short warm-up at the same rate.
open_scenario() {
  local name=$1 rate=$2 users=$3 mode=$4 path=$5 desc=$6
  local url="http://127.0.0.1:$HALLWAY_PORT"
  echo "== $name: $desc at $rate req/s offered (open model, ${OPEN_DURATION}s)"
  timeout 60 "$JAVA" "$BENCH_DIR/load/OpenLoad.java" "$url" "$rate" 5 "$users" "$mode" "$path" >/dev/null 2>&1 || true
  timeout $((OPEN_DURATION + 60)) "$JAVA" "$BENCH_DIR/load/OpenLoad.java" "$url" "$rate" "$OPEN_DURATION" "$users" "$mode" "$path" \
    >"$RUN_DIR/$name.open.txt" 2>&1 || true
  local result
  result=$(sed -n 's/^BENCH_RESULT //p' "$RUN_DIR/$name.open.txt")
  [ -n "$result" ] || { echo "   no result; see $RUN_DIR/$name.open.txt"; return 0; }
  echo "$result" | jq -c --arg name "$name" --arg desc "$desc" --argjson rss "$(hallway_rss_kb)" --arg pool "$(pool_state)" \
    '. + {name: $name, desc: $desc, rss_kb: $rss, pool: $pool, rps: (.completed / (.duration_us / 1e6))}' >>"$RUN_DIR/open.jsonl"
  jq -r 'select(.name == "'"$name"'") | "   offered \(.offered_rps), completed \(.completed)/\(.requests), p50 \(.p50_us / 1000) ms, p99 \(.p99_us / 1000) ms, errors \(.errors), dropped \(.dropped)"' "$RUN_DIR/open.jsonl"
}
