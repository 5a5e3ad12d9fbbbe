#!/usr/bin/env bash
# Cost of ranking one related-story list (JMH, one thread, milliseconds a list) in the search
# index of a grown site, against the whole index (window 0) and against the stories nearest in
# time (the default window), side by side in one run. The site must be stopped and indexed:
# grow it with `masthead demo generate`, then `masthead reindex` (the related lists need not
# finish: stop the reindex once it logs that the documents are indexed).
#
#   bench/related.sh --data DIR [extra JMH options, e.g. -p window=0,10000,20000 -i 3]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
data=""
if [ "${1:-}" = "--data" ]; then data="$2"; shift 2; fi
[ -n "$data" ] && [ -d "$data/search-index" ] \
  || { echo "usage: bench/related.sh --data DIR [JMH options]; DIR/search-index must exist (masthead reindex)" >&2; exit 2; }
mvn -B -q -DskipTests -Djacoco.skip=true test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.openjdk.jmh.Main RelatedBenchmark -t 1 -p index="$(cd "$data" && pwd)/search-index" "$@"
