#!/usr/bin/env bash
# Leave-one-source-out accuracy of the comment spam classifier, in memory: for each YouTube
# Spam Collection file, the model learns the other two and judges the third (recall and
# false positives at the default threshold, and the best recall at <= 1 % false positives);
# then the share of BBC News paragraphs and sentences (../shared/data/news, read in place)
# and demo comments it would mark spam; then how fast a moderator's marks teach it a video it
# never learned (N of its comments learned, the rest judged). Prints figures; asserts nothing.
#
#   bench/spam-sources.sh [BBC.csv [N: show N news texts held or marked]]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -B -o -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
exec "$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.masthead.comments.spam.SourceRotation "$@"
