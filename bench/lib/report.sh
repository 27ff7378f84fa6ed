# Writes $RUN_DIR/report.md from results.jsonl / open.jsonl. Sourced by run.sh.

write_report() {
  local out="$RUN_DIR/report.md" ceiling_anon ceiling_auth
  ceiling_anon=$(jq -r 'select(.name == "ceiling-anon") | .rps' "$RUN_DIR/results.jsonl")
  ceiling_auth=$(jq -r 'select(.name == "ceiling-auth") | .rps' "$RUN_DIR/results.jsonl")
  {
    echo "# Hallway benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo
    echo "## Setup"
    echo
    echo "- Machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM; load average at report time: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- Hallway: $(hallway_describe), repo commit $(git -C "$REPO_DIR" rev-parse --short HEAD), JVM options \`$HALLWAY_JVM_OPTS\`, $("$JAVA" -version 2>&1 | head -1)"
    echo "- PostgreSQL: $(pg_psql "$DB" -Atc 'show server_version'), shared_buffers $(pg_psql "$DB" -Atc 'show shared_buffers'), synchronous_commit $(pg_psql "$DB" -Atc 'show synchronous_commit'), same box"
    echo "- Load generator: wrk $THREADS threads, $CONNS connections, ${WARMUP}s warm-up + ${DURATION}s measured per scenario (closed loop); OpenLoad.java fixed arrival rate ${OPEN_DURATION}s at ${OPEN_FRACTION} x the closed-loop maximum"
    echo "- Data: $USERS colleagues, $POSTS posts, seed $SEED; $(pg_psql "$DB" -Atc "select format('%s follows, %s posts (%s replies, %s reposts), %s likes, %s home_feed rows', (select count(*) from follows), (select count(*) from posts), (select count(*) from posts where in_reply_to_id is not null), (select count(*) from posts where reblog_of_id is not null), (select count(*) from favourites), (select count(*) from home_feed))") (after the run)"
    echo "- Server RSS idle after start: $((RSS_IDLE_KB / 1024)) MiB"
    echo
    echo "## Closed loop (wrk): maximum throughput"
    echo
    echo "CPU columns: CPU-seconds per wall second (1.00 = one core busy) for the server JVM, PostgreSQL, wrk, and the rest of the machine (other tenants) over the measured window; $(nproc) cores in total."
    echo
    echo "| scenario | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | vs anon ceiling | vs auth ceiling | CPU server | CPU db | CPU wrk | CPU other | RSS MiB | pool after |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    jq -r --argjson ca "${ceiling_anon:-0}" --argjson cu "${ceiling_auth:-0}" '
      def r(x): (x * 100 | round) / 100;
      def pct(x; c): if c > 0 then "\(x / c * 100 | round)%" else "n/a" end;
      def ms(x): if .requests == 0 then "n/a" else r(x / 1000) end;
      (.duration_us / 1e6) as $s |
      "| \(.name) | \(.rps | round) | \(ms(.p50_us)) | \(ms(.p90_us)) | \(ms(.p99_us)) | \(ms(.max_us)) | \(if .requests == 0 then "no response in window" else .errors end) | \(pct(.rps; $ca)) | \(pct(.rps; $cu)) | \(r(.cpu_server / $s)) | \(r(.cpu_db / $s)) | \(r(.cpu_gen / $s)) | \(r(([.cpu_machine_busy - .cpu_server - .cpu_db - .cpu_gen, 0] | max) / $s)) | \(.rss_kb / 1024 | round) | \(.pool) |"
    ' "$RUN_DIR/results.jsonl"
    echo
    jq -r '"- \(.name): \(.desc)"' "$RUN_DIR/results.jsonl"
    if [ -s "$RUN_DIR/open.jsonl" ]; then
      echo
      echo "## Open model (fixed arrival rate): latency at a stated load"
      echo
      echo "Latency counts from each request's scheduled time (no coordinated omission). -1 = the percentile falls on a request that never completed."
      echo
      echo "| scenario | offered req/s | completed req/s | p50 ms | p90 ms | p99 ms | max ms | errors | dropped | unfinished | RSS MiB |"
      echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
      jq -r 'def r(x): (x * 100 | round) / 100;
        "| \(.name) | \(.offered_rps) | \(.rps | round) | \(r(.p50_us / 1000)) | \(r(.p90_us / 1000)) | \(r(.p99_us / 1000)) | \(r(.max_us / 1000)) | \(.errors) | \(.dropped) | \(.unfinished) | \(.rss_kb / 1024 | round) |"' "$RUN_DIR/open.jsonl"
    fi
    echo
    echo "## PostgreSQL: top statements per scenario (pg_stat_statements, measured window)"
    for f in "$RUN_DIR"/*.sql.txt; do
      echo
      echo "### $(basename "$f" .sql.txt)"
      echo
      echo '```'
      cat "$f"
      echo '```'
    done
    echo
    echo "Raw output: wrk in \`*.wrk.txt\`, OpenLoad in \`*.open.txt\`, server log \`hallway.log\`."
  } >"$out"
}
