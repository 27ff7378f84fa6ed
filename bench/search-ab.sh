#!/usr/bin/env bash
# People search, two builds side by side: bench/search-ab.sh A.jar B.jar
#
# On a shared box two runs made one after the other do not compare. Like ab.sh, this starts both builds
# (each on its own clone of search.sh's seed database: run bench/search.sh once first), warms both,
# and then measures GET /api/v1/accounts/search?q=...&limit=5 alternately A, B, A, B, ...
# (BENCH_ROUNDS rounds) at the same fixed arrival rate (BENCH_SEARCH_RATE, BENCH_OPEN_DURATION), with
# the statements per request each build ran (pg_stat_statements of its own database, measured window).
# Writes bench/results/<time>-search-ab/rounds.txt and prints each round and the ratios B/A.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
JAR_A=$(realpath "$1"); JAR_B=$(realpath "$2")
USERS=${BENCH_USERS:-10000}
POSTS=${BENCH_POSTS:-20000}
SEED=${BENCH_SEED:-42}
RATE=${BENCH_SEARCH_RATE:-100}
OPEN_DURATION=${BENCH_OPEN_DURATION:-30}
ROUNDS=${BENCH_ROUNDS:-2}
SEED_DB="bench_seed_${USERS}_${POSTS}_${SEED}"
RUN_DIR="$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)-search-ab"
BASE_PORT=${BENCH_HALLWAY_PORT:-18080}
export BENCH_QUERIES=${BENCH_QUERIES:-"a,an,ana,ana ,ana s,ana sm,k,ko,kow,kowa,e,en,eng,engi,v,vi,vic,vice,#,t,ta,tar,tara,tara1,s,sa,sal,sales,m,me,mei,mei k"}

source "$BENCH_DIR/lib/pg.sh"
source "$BENCH_DIR/lib/hallway.sh"

declare -A PIDS PORTS DBS JARS
JARS[A]=$JAR_A; JARS[B]=$JAR_B
PORTS[A]=$BASE_PORT; PORTS[B]=$((BASE_PORT + 1))
DBS[A]=hallway_search_ab_a; DBS[B]=hallway_search_ab_b

use() { HALLWAY_BENCH_DATA_DIR="$BENCH_DIR/data/hallway-search-ab-$1"; HALLWAY_PORT=${PORTS[$1]}; HALLWAY_PID=${PIDS[$1]:-}; DB=${DBS[$1]}; JAR=${JARS[$1]}; }
cleanup() {
  for s in A B; do use "$s"; hallway_stop || true; done
  pg_stop || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$RUN_DIR"
pg_start
[ "$(pg_psql postgres -Atc "select shobj_description(oid, 'pg_database') from pg_database where datname = '$SEED_DB'")" = complete ] \
  || { echo "No complete seed database $SEED_DB: run bench/search.sh once first" >&2; exit 1; }
for s in A B; do
  use "$s"
  pg_copy_db "$DB" "$SEED_DB"
  pg_psql "$DB" -c "create extension if not exists pg_stat_statements" -c "analyze" >/dev/null
  hallway_start "$DB" "$RUN_DIR/hallway-$s.log"
  PIDS[$s]=$HALLWAY_PID
done
for s in A B; do use "$s"; hallway_settle "$DB" "$RUN_DIR/hallway-$s.log"; done

path='/api/v1/accounts/search?q={q}&limit=5'
for s in A B; do
  use "$s"
  echo "== JIT warm-up of $s: 20 s at $RATE req/s"
  timeout 80 "$JAVA" "$BENCH_DIR/load/OpenLoad.java" "http://127.0.0.1:$HALLWAY_PORT" "$RATE" 20 "$USERS" get "$path" >/dev/null 2>&1 || true
done

# CPU ticks of PostgreSQL's processes now (the pools' backends live on, so they are counted alive).
pg_backend_ticks() {
  local sum=0 p t
  for p in $PG_PID $(ps -o pid= --ppid "$PG_PID"); do
    t=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null) || continue
    sum=$(( sum + ${t:-0} ))
  done
  echo "$sum"
}

# measure SIDE ROUND: one window of the search against SIDE, with its statements per request.
measure() {
  local s=$1 round=$2 out
  use "$s"
  out="$RUN_DIR/$s-$round.open.txt"
  pg_psql "$DB" -Atc "select pg_stat_statements_reset()" >/dev/null
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  # CPU time of the server and of PostgreSQL over the window: on a shared box a steadier measure of the
  # work per request than latency, which waits for the cores other tenants hold.
  local hw0 pg0 hw1 pg1
  hw0=$(awk '{print $14 + $15}' "/proc/$HALLWAY_PID/stat"); pg0=$(pg_backend_ticks)
  timeout $((OPEN_DURATION + 60)) "$JAVA" "$BENCH_DIR/load/OpenLoad.java" "http://127.0.0.1:$HALLWAY_PORT" "$RATE" \
    "$OPEN_DURATION" "$USERS" get "$path" >"$out" 2>&1 || true
  hw1=$(awk '{print $14 + $15}' "/proc/$HALLWAY_PID/stat"); pg1=$(pg_backend_ticks)
  local statements
  statements=$(pg_psql "$DB" -Atc "select coalesce(sum(calls), 0) from pg_stat_statements
    where dbid = (select oid from pg_database where datname = current_database())
      and query !~* '^\s*(begin|commit|rollback|set|show|select pg_stat_statements_reset)'")
  pg_psql "$DB" -c "select calls, round(mean_exec_time::numeric, 3) as mean_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 140) as query
    from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
    order by calls desc limit 15" >"$RUN_DIR/$s-$round.sql.txt" 2>&1 || true
  sed -n 's/^BENCH_RESULT //p' "$out" | jq -r --arg s "$s" --arg r "$round" --arg load "$load" --argjson st "$statements" \
    --argjson hw "$(( hw1 - hw0 ))" --argjson pg "$(( pg1 - pg0 ))" --argjson tick "$(getconf CLK_TCK)" \
    '"\($r) \($s) completed \(.completed)/\(.requests) p50_ms \(.p50_us / 1000) p99_ms \(.p99_us / 1000) errors \(.errors) statements_per_request \(if .completed > 0 then ($st / (.completed + .lead_completed) * 10 | round / 10) else 0 end) server_cpu_ms_per_request \(if .completed > 0 then ($hw / $tick * 1000 / (.completed + .lead_completed) * 100 | round / 100) else 0 end) db_cpu_ms_per_request \(if .completed > 0 then ($pg / $tick * 1000 / (.completed + .lead_completed) * 100 | round / 100) else 0 end) load \($load)"' \
    | tee -a "$RUN_DIR/rounds.txt"
}

# Odd rounds A first, even rounds B first: neither side always follows the other.
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 )); then measure A "$round"; measure B "$round"; else measure B "$round"; measure A "$round"; fi
done

# The ratio B/A of each round's p50, p99 and server CPU per request.
awk '{ v[$2, $1, "p50"] = $6; v[$2, $1, "p99"] = $8; v[$2, $1, "cpu"] = $14; if ($1 > n) n = $1 }
  END {
    for (r = 1; r <= n; r++)
      printf "round %d: B/A p50 %.2f, p99 %.2f, server CPU per request %.2f\n", r,
        v["B", r, "p50"] / v["A", r, "p50"], v["B", r, "p99"] / v["A", r, "p99"], v["B", r, "cpu"] / v["A", r, "cpu"]
  }' "$RUN_DIR/rounds.txt" | tee -a "$RUN_DIR/rounds.txt"
echo "Results: $RUN_DIR"
