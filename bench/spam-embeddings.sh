#!/usr/bin/env bash
# Would sentence embeddings help the comment spam classifier on a source it never learned? Embeds
# every YouTube, reader, demo and BBC text with all-MiniLM-L6-v2 (quantized, ONNX Runtime through
# langchain4j; cached in target/spam-embeddings), then for each leave-one-video-out rotation scores
# the classifier alone, classifiers over the embeddings alone, and their combinations (stacked, or
# consulted only in the classifier's uncertain band): best recall at <= 1 % false positives, recall
# and false positives at the default threshold, and the share of BBC paragraphs and demo comments
# marked spam; and the same nearest-neighbour score over letter 4-grams, which needs no model. Also
# what the model costs: load time, time per comment, resident memory. The product does not depend
# on it; these jars (about 131 MB) are fetched for this script only.
# Prints figures; asserts nothing.
#
#   bench/spam-embeddings.sh [eval | embed | cost | rss base | rss emb]     (default: eval)
# JVM_OPTS (e.g. -Xmx112m, or -Dnested=false to skip choosing a variant on the learned videos) is
# passed to the JVM; the BBC file is read from ../shared/data/news.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
work=target/spam-embeddings
mkdir -p "$work/classes" "$work/tmp"
mvn -B -o -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
mvn -B -q -f bench/spam-embeddings/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/$work/classpath.txt" >&2
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt):$(cat "$work/classpath.txt")"
"$JAVA_HOME/bin/javac" -nowarn -d "$work/classes" -cp "$cp" \
  bench/spam-embeddings/src/main/java/org/masthead/comments/spam/EmbeddingStage.java
# ONNX Runtime and the tokenizer unpack their native libraries under the work folder, not the home folder.
export DJL_CACHE_DIR="$PWD/$work/tmp/djl" ENGINE_CACHE_DIR="$PWD/$work/tmp/djl"
exec "$JAVA_HOME/bin/java" ${JVM_OPTS:-} -Djava.io.tmpdir="$work/tmp" --enable-native-access=ALL-UNNAMED \
  -Dembeddings.dir="$work" -cp "$work/classes:$cp" org.masthead.comments.spam.EmbeddingStage "$@"
