#!/usr/bin/env bash
# What drawing a search's page from the headlines first changes in a grown site's index: for each
# search of several words, page one's ranking scores as the search page gives it against every match
# ranked (src/test/java/org/masthead/search/HeadlinesFirstCheck.java). The site must be stopped and
# indexed, as for bench/search-index.sh. Asserts nothing.
#
#   bench/headlines-first.sh --data DIR [--sample N] [SEARCH ...]
# Without SEARCH, the several-word searches of bench/search-queries.lua; --sample N (default 150)
# adds N made of neighbouring words of headlines spread over the index.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
data=""
sample=150
searches=()
usage="usage: bench/headlines-first.sh --data DIR [--sample N] [SEARCH ...]; DIR/search-index must exist (masthead reindex)"
while [ $# -gt 0 ]; do
  case "$1" in
    --data|--sample) [ $# -ge 2 ] || { echo "$1 needs a value; $usage" >&2; exit 2; }
      if [ "$1" = --data ]; then data="$2"; else sample="$2"; fi; shift 2 ;;
    -*) echo "unknown option: $1; $usage" >&2; exit 2 ;;
    *) searches+=("$1"); shift ;;
  esac
done
[ -n "$data" ] && [ -d "$data/search-index" ] \
  || { echo "$usage" >&2; exit 2; }
[[ "$sample" =~ ^[0-9]+$ ]] || { echo "--sample takes a whole number, got $sample" >&2; exit 2; }
if [ ${#searches[@]} -eq 0 ]; then
  # The benchmark's searches of several plain words (no filter, no quotes).
  while read -r q; do searches+=("$q"); done < <(grep -o '"/search?q=[a-z+]*"' bench/search-queries.lua | sed 's|"/search?q=||; s|"$||' | grep '+' | tr '+' ' ')
fi
mvn -B -q -DskipTests -Djacoco.skip=true test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.masthead.search.HeadlinesFirstCheck "$(cd "$data" && pwd)/search-index" "$sample" "${searches[@]}"
