#!/usr/bin/env bash
# Faults against the real server process, run with the launcher's JVM options (so resident
# memory and threads are the server's own): kill -9 under comment load on SQLite and on
# PostgreSQL, PostgreSQL stopped and started under mixed load (an embedded server of the run's
# own), simultaneous comment posts against the form token and the limits, a junk-URL flood
# and slow clients. Prints Markdown tables of what was seen; asserts nothing.
#
#   bench/faults.sh
#
# PostgreSQL databases for the kill and race runs are created on the server at
# MASTHEAD_TEST_POSTGRES_URL (default jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres)
# and dropped at the end; that server is never stopped. Takes about five minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -B -q -o -DskipTests package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
# The server's JVM options exactly as ./masthead gives them.
server_opts="$(sed -n 's/^default_java_opts="\(.*\)"$/\1/p' masthead)"
[ -n "$server_opts" ] || { echo "faults.sh: default_java_opts not found in ./masthead" >&2; exit 1; }
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx512m \
  -Dmasthead.java.opts="$server_opts" -Djdk.httpclient.allowRestrictedHeaders=host \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.masthead.comments.FaultsBenchmark "$@"
