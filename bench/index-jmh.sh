#!/usr/bin/env bash
# Runs a JMH benchmark that reads a grown site's search index (bench/related.sh, bench/search-index.sh):
#   bench/index-jmh.sh BENCHMARK SCRIPT --data DIR [JMH options]   (SCRIPT: the caller's name, for its usage line)
# DIR is the stopped site's data folder; DIR/search-index must exist (masthead reindex).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
benchmark="${1:-}"; script="${2:-index-jmh.sh}"; shift 2 || true
data=""
if [ "${1:-}" = "--data" ]; then data="$2"; shift 2; fi
[ -n "$benchmark" ] && [ -n "$data" ] && [ -d "$data/search-index" ] \
  || { echo "usage: bench/$script --data DIR [JMH options]; DIR/search-index must exist (masthead reindex)" >&2; exit 2; }
mvn -B -q -DskipTests -Djacoco.skip=true test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.openjdk.jmh.Main "$benchmark" -t 1 -p index="$(cd "$data" && pwd)/search-index" "$@"
