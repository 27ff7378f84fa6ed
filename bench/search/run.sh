#!/usr/bin/env bash
# Index-level search figures. `run.sh [N]`: N synthetic posts (default 200000), the rebuild rate, query
# latency with the audience filter, freshness (upsert to searchable). `run.sh --index [ROOT]`: a copy of
# an existing index (default the bench's kept one, data/index-bench_seed_10000_1000000_42), the mixed
# day's one-word searches for the candidates of post search, order=recent and the expert finder.
# Needs `mvn compile` first.
set -euo pipefail
cd "$(dirname "$0")/../.."
CP=target/classes:$(find ~/.m2/repository/org/apache/lucene -name "*10.6.0.jar" | tr '\n' ':')$(find ~/.m2/repository/org/slf4j/slf4j-api -name "*.jar" | head -1):$(find ~/.m2/repository/org/jspecify -name "*.jar" | head -1)
ARGS=("${1:-200000}")
if [ "${1:-}" = --index ]; then
  COPY=$(mktemp -d)
  trap 'rm -rf "$COPY"' EXIT
  cp -a "${2:-bench/data/index-bench_seed_10000_1000000_42}/." "$COPY/"
  find "$COPY" -name write.lock -delete
  ARGS=(--index "$COPY")
fi
/usr/lib/jvm/temurin-25-jdk-amd64/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -Xmx1g -cp "$CP" bench/search/SearchBench.java "${ARGS[@]}"
