#!/usr/bin/env bash
# Speed of the comment spam classifier (JMH, one thread): compiles the test classes (JMH's
# harness is generated there by its annotation processor), then runs ClassifyBenchmark
# (comments classified per second) or the benchmark named first, such as RefitBenchmark
# (milliseconds per refit), on the test classpath. Reads the YouTube spam files where they ship (src/main/resources/spam). Prints JMH's figures.
#
#   bench/classify.sh [RefitBenchmark] [extra JMH options, e.g. -i 10]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -B -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
benchmark=ClassifyBenchmark
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then benchmark="$1"; shift; fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.openjdk.jmh.Main "$benchmark" -t 1 "$@"
