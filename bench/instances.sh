#!/usr/bin/env bash
# How soon a change committed on one instance shows on another's pages: one instance in the
# benchmark's JVM, the other the jar in its own process, both on a fresh PostgreSQL database
# (MASTHEAD_TEST_POSTGRES_URL's server, or an embedded one). Prints p50/p95/p99/max of the delay
# from commit to the reader's page showing a new story (home page) and an edit (article page).
#
#   bench/instances.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -B -q -o -DskipTests package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx256m \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.masthead.InstancesBenchmark "${1:-50}" target/masthead.jar
