#!/usr/bin/env bash
# Index-level search figures on N synthetic posts (default 200000): rebuild rate, query latency with the
# audience filter (top 400 candidates), and freshness (upsert to searchable). Needs `mvn compile` first.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-200000}
CP=target/classes:$(find ~/.m2/repository/org/apache/lucene -name "*10.6.0.jar" | tr '\n' ':')$(find ~/.m2/repository/org/slf4j/slf4j-api -name "*.jar" | head -1):$(find ~/.m2/repository/org/jspecify -name "*.jar" | head -1)
exec /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -Xmx1g -cp "$CP" bench/search/SearchBench.java "$N"
