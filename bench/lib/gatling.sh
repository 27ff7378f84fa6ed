# Gatling runs for bench/run.sh (BENCH_TOOL=gatling, the default): builds bench/gatling once, runs a
# simulation with Gatling's own main class (not through Maven, so the load generator's CPU time is its
# own), and records per request name the counts and percentiles (bench/gatling/stats.py reads them
# from the HTML report), plus per simulation the CPU split, the server's RSS, its GC pauses (from the
# GC log run.sh asks the server to write) and the connection pool. Sourced by run.sh after measure.sh.

GATLING_DIR="$BENCH_DIR/gatling"
GATLING_JVM_OPTS=${BENCH_GATLING_JVM_OPTS:--Xms512m -Xmx512m}

gatling_build() {
  echo "Building the Gatling simulations (bench/gatling)"
  (cd "$GATLING_DIR" && JAVA_HOME=$(dirname "$(dirname "$JAVA")") mvn -q -B test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test)
}

# GC pauses in the server's GC log between two line numbers: "count total_ms max_ms".
gc_pauses() {
  local from=$1 to=$2
  sed -n "$((from + 1)),${to}p" "$RUN_DIR/gc.log" 2>/dev/null \
    | awk '/Pause/ && match($0, /[0-9.]+ms$/) { ms = substr($0, RSTART, RLENGTH - 2) + 0; n++; t += ms; if (ms > m) m = ms }
           END { printf "%d %.1f %.1f\n", n, t, m }'
}

# rss_peak_sampler FILE: writes the server's highest RSS so far (KiB) to FILE every second until killed.
rss_peak_sampler() {
  local peak=0 rss
  while kill -0 "$HALLWAY_PID" 2>/dev/null; do
    rss=$(hallway_rss_kb 2>/dev/null || echo 0)
    if (( rss > peak )); then peak=$rss; echo "$peak" >"$1"; fi
    sleep 1
  done
}

# gatling_run NAME SIMULATION DESCRIPTION [-Dknob=value ...]
gatling_run() {
  local name=$1 sim=$2 desc=$3; shift 3
  echo "== $name: $desc"
  mkdir -p "$RUN_DIR/gatling"
  local hw0 pg0 sys0 hw1 pg1 sys1 gc0 gc1 started
  hw0=$(proc_ticks "$HALLWAY_PID"); pg0=$(pg_ticks); sys0=$(sys_ticks)
  gc0=$(wc -l <"$RUN_DIR/gc.log" 2>/dev/null || echo 0); started=$SECONDS
  # The highest RSS while the simulation runs, read every second (the figure after it can be lower).
  rss_peak_sampler "$RUN_DIR/$name.rss-peak" &
  local sampler=$!
  # shellcheck disable=SC2086
  /usr/bin/time -f "GEN_CPU %U %S" -o "$RUN_DIR/$name.time" \
    "$JAVA" $GATLING_JVM_OPTS -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12 \
      --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
      --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
      -cp "$GATLING_DIR/target/test-classes:$(cat "$GATLING_DIR/target/classpath.txt")" \
      -DbaseUrl="http://127.0.0.1:$HALLWAY_PORT" -Dusers="$USERS" -Dduration="$DURATION" -Dwarmup="$WARMUP" \
      -Dconcurrency="$CONNS" "$@" \
      io.gatling.app.Gatling --simulation "hallway.bench.$sim" --results-folder "$RUN_DIR/gatling" \
      --run-description "$name" --launcher maven --build-tool-version "$(mvn -v 2>/dev/null | sed -n '1s/.*Maven \([0-9.]*\).*/\1/p')" \
      >"$RUN_DIR/$name.gatling.txt" 2>&1 || true
  local wall=$((SECONDS - started))
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  local rss_peak; rss_peak=$(cat "$RUN_DIR/$name.rss-peak" 2>/dev/null || echo 0)
  hw1=$(proc_ticks "$HALLWAY_PID"); pg1=$(pg_ticks); sys1=$(sys_ticks)
  gc1=$(wc -l <"$RUN_DIR/gc.log" 2>/dev/null || echo 0)
  local report
  report=$(ls -td "$RUN_DIR"/gatling/"${sim,,}"-*/ 2>/dev/null | head -1)
  if [ -z "$report" ] || [ ! -f "$report/index.html" ]; then
    echo "   no Gatling report; see $RUN_DIR/$name.gatling.txt"; return 0
  fi
  report=${report%/}
  python3 "$GATLING_DIR/stats.py" "$report" | jq -c --arg sim "$name" '. + {sim: $sim}' >>"$RUN_DIR/gatling.jsonl"
  local gen rss pool gc
  gen=$(awk '/GEN_CPU/ {print $2 + $3}' "$RUN_DIR/$name.time")
  sleep 2
  rss=$(hallway_rss_kb); pool=$(pool_state); gc=$(gc_pauses "$gc0" "$gc1")
  read -r busy0 total0 <<<"$sys0"; read -r busy1 total1 <<<"$sys1"
  read -r gc_n gc_total gc_max <<<"$gc"
  jq -nc --arg sim "$name" --arg desc "$desc" --arg report "${report#"$RUN_DIR"/}" --arg pool "$pool" \
    --argjson wall "$wall" --argjson rss "$rss" --argjson rss_peak "$rss_peak" --argjson hw "$((hw1 - hw0))" --argjson pg "$((pg1 - pg0))" \
    --argjson gen "${gen:-0}" --argjson busy "$((busy1 - busy0))" --argjson tick "$TICK" \
    --argjson gc_n "$gc_n" --argjson gc_total "$gc_total" --argjson gc_max "$gc_max" \
    '{sim: $sim, desc: $desc, report: $report, pool: $pool, wall_s: $wall, rss_kb: $rss, rss_peak_kb: $rss_peak,
      cpu_server: ($hw / $tick / $wall), cpu_db: ($pg / $tick / $wall), cpu_gen: ($gen / $wall),
      cpu_other: ([($busy - $hw - $pg) / $tick - $gen, 0] | max / $wall),
      gc_pauses: $gc_n, gc_pause_total_ms: $gc_total, gc_pause_max_ms: $gc_max}' >>"$RUN_DIR/gatling-runs.jsonl"
  jq -r --arg sim "$name" 'select(.sim == $sim and (.name | startswith("warmup") | not))
    | "   \(.name): \(.ok | floor) ok, \(.ko | floor) errors, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms"' "$RUN_DIR/gatling.jsonl"
}

# Requests per second of the measured phase NAME (all its request names: "mixed" sums "mixed home",
# "mixed post", ...) in simulation SIM: completed requests / BENCH_DURATION.
gatling_rps() {
  jq -s -r --arg sim "$1" --arg n "$2" --argjson d "$DURATION" \
    '[.[] | select(.sim == $sim and (.name == $n or (.name | startswith($n + " "))))] | (map(.ok) | add // 0) / $d' \
    "$RUN_DIR/gatling.jsonl"
}

write_gatling_report() {
  local out="$RUN_DIR/report.md" anon auth
  anon=$(gatling_rps closed ceiling-anon); auth=$(gatling_rps closed ceiling-auth)
  {
    echo "# Hallway benchmark (Gatling), $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo
    echo "## Setup"
    echo
    echo "- Machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM; load average at report time: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- Hallway: $(hallway_describe), repo commit $(git -C "$REPO_DIR" rev-parse --short HEAD), JVM options \`$HALLWAY_JVM_OPTS\`, $("$JAVA" -version 2>&1 | head -1)"
    echo "- PostgreSQL: $(pg_psql "$DB" -Atc 'show server_version'), shared_buffers $(pg_psql "$DB" -Atc 'show shared_buffers'), synchronous_commit $(pg_psql "$DB" -Atc 'show synchronous_commit'), same box"
    echo "- Load generator: Gatling 3.15.1 (Java DSL, bench/gatling), JVM \`$GATLING_JVM_OPTS\`, one shared keep-alive connection pool; closed loop: $CONNS virtual users, ${CEILING_WARMUP}s warm-up + ${DURATION}s measured per phase; open model: ${WARMUP}s warm-up rising from a tenth of the rate + ${DURATION}s measured at ${OPEN_FRACTION} x the closed-loop maximum"
    echo "- Data: $USERS colleagues, $POSTS posts, seed $SEED; $(pg_psql "$DB" -Atc "select format('%s follows, %s posts, %s home_feed rows', (select count(*) from follows), (select count(*) from posts), (select count(*) from home_feed))") (after the run)"
    echo "- Server RSS idle after start: $((RSS_IDLE_KB / 1024)) MiB"
    echo
    echo "## Closed loop: maximum throughput, and the ratio to the ceiling measured in the same run"
    echo
    echo "req/s = completed requests / ${DURATION} s. Latency in ms (Gatling: from sending the request to the end of the response)."
    echo
    echo "| request | req/s | p50 | p95 | p99 | max | errors | vs anon ceiling | vs auth ceiling |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    gatling_rows closed "$anon" "$auth"
    for phase in home mixed post; do
      local rps; rps=$(gatling_rps closed "$phase")
      jq -rn --arg p "$phase" --argjson r "$rps" --argjson a "${anon:-0}" --argjson u "${auth:-0}" \
        'def pct(x; c): if c > 0 then "\(x / c * 100 | round)%" else "n/a" end;
         "| **\($p), all requests** | \($r | round) | | | | | | \(pct($r; $a)) | \(pct($r; $u)) |"'
    done
    echo
    echo "## Open model: fixed arrival rate"
    echo
    echo "Each measured phase offers a fixed number of arrivals per second (Gatling \`constantUsersPerSec\`) whatever the server's answers, so queueing shows as latency."
    echo
    echo "| request | simulation's offered arrivals/s | completed req/s | p50 | p95 | p99 | max | errors |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    for sim in home-open mixed-open post-open fanout; do
      jq -r --arg sim "$sim" --argjson d "$DURATION" --arg rate "$(rate_offered "$sim")" \
        'select(.sim == $sim and (.name | startswith("warmup") | not))
         | "| \(.name) | \($rate) | \(.ok / $d | round) | \(.p50_ms) | \(.p95_ms) | \(.p99_ms) | \(.max_ms) | \(.ko) |"' "$RUN_DIR/gatling.jsonl"
    done
    [ -n "$(rate_offered mixed-open)" ] && echo "| **mixed-open, all requests** | $(rate_offered mixed-open) | $(gatling_rps mixed-open mixed-open | jq 'round') | | | | | |"
    echo
    echo "## Resources per simulation"
    echo
    echo "CPU: CPU-seconds per wall second over the whole simulation (warm-up included; $(nproc) cores in total). GC: the server's pauses (\`-Xlog:gc\`) during the simulation."
    echo
    echo "| simulation | wall s | CPU server | CPU db | CPU Gatling | CPU other | RSS peak MiB | RSS after MiB | GC pauses | GC pause total ms | GC pause max ms | pool after | HTML report |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
    jq -r 'def r(x): (x * 100 | round) / 100;
      "| \(.sim): \(.desc) | \(.wall_s) | \(r(.cpu_server)) | \(r(.cpu_db)) | \(r(.cpu_gen)) | \(r(.cpu_other)) | \((.rss_peak_kb // 0) / 1024 | round) | \(.rss_kb / 1024 | round) | \(.gc_pauses) | \(.gc_pause_total_ms) | \(.gc_pause_max_ms) | \(.pool) | [\(.report)](\(.report)/index.html) |"' \
      "$RUN_DIR/gatling-runs.jsonl"
    if [ -s "$RUN_DIR/fanout.json" ]; then
      echo
      echo "## Fan-out to ${FANOUT_FOLLOWERS:-all} followers (FanOutSimulation)"
      echo
      echo '```'
      jq . "$RUN_DIR/fanout.json"
      echo '```'
    fi
    echo
    echo "Raw output: \`*.gatling.txt\` (Gatling console), \`gatling/*/index.html\` (Gatling HTML reports), \`gatling.jsonl\` (per request), \`gatling-runs.jsonl\` (per simulation), server log \`hallway.log\`, GC log \`gc.log\`."
  } >"$out"
}

gatling_rows() {
  local sim=$1 anon=$2 auth=$3
  jq -r --arg sim "$sim" --argjson d "$DURATION" --argjson a "${anon:-0}" --argjson u "${auth:-0}" '
    def pct(x; c): if c > 0 then "\(x / c * 100 | round)%" else "n/a" end;
    select(.sim == $sim and (.name | startswith("warmup") | not)) | (.ok / $d) as $r
    | "| \(.name) | \($r | round) | \(.p50_ms) | \(.p95_ms) | \(.p99_ms) | \(.max_ms) | \(.ko) | \(pct($r; $a)) | \(pct($r; $u)) |"' \
    "$RUN_DIR/gatling.jsonl"
}

rate_offered() {
  sed -n "s/^$1=//p" "$RUN_DIR/rates.txt" 2>/dev/null
}
