#!/usr/bin/env bash
# Time to write the feeds and sitemaps of a large site: fills a fresh site (SQLite by default, or
# PostgreSQL at MASTHEAD_TEST_POSTGRES_URL) with N published articles (default 100,000) and prints
# the median time and size of each feed and sitemap, every fetch missing the page cache.
#
#   bench/feeds.sh [N] [sqlite|postgresql]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -B -q -o -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
# The server's own heap, as the launcher gives it: the figures hold for a site served as shipped.
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx112m -XX:+UseG1GC -XX:MaxGCPauseMillis=10 \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.masthead.feeds.FeedBenchmark "$@"
