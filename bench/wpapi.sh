#!/usr/bin/env bash
# The WordPress-compatible API on a large site: each request below timed with curl, one at a
# time, by one or more builds taking turns on the same data folder (a site grown with
# `masthead demo generate`, e.g. kept by bench/search-scale.sh or bench/scale.sh). Each build's
# server starts with the launcher's JVM options and waits until its search index is complete;
# each request is sent once to warm up, then RUNS times, and the median is printed. Ends with a
# table: one column per build. Asserts nothing.
#
#   bench/wpapi.sh --data DIR [--jar FILE]... [--runs N] [--word W] [--no-index-wait]
# Without --jar the current build (target/masthead.jar) runs. --word is the search word
# (default council); the demo's section 2 and tag 1 narrow it. A site on PostgreSQL keeps its address in DIR/database-url, as
# bench/scale.sh writes it. --no-index-wait measures as soon as the server answers, on a site whose
# index is still being built (posts?search= then reads the database's text).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/side-by-side.sh

word=council
index_wait=1
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data="$2"; shift 2 ;;
    --jar) jars+=("$(realpath "$2")"); shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --word) word="$2"; shift 2 ;;
    --no-index-wait) index_wait=""; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
options_checked

port=$(( 20000 + RANDOM % 20000 ))
base="http://127.0.0.1:$port"

paths=(
  "/wp-json/wp/v2/posts"
  "/wp-json/wp/v2/posts?search=$word"
  "/wp-json/wp/v2/posts?search=$word&orderby=relevance"
  "/wp-json/wp/v2/posts?search=$word&categories=2&tags=1"
  "/wp-json/wp/v2/posts?search=$word&categories=2&tags=1&orderby=title"
  "/wp-json/wp/v2/posts?search=$word&page=999"
  "/wp-json/wp/v2/tags"
  "/wp-json/wp/v2/tags?orderby=count&order=desc"
  "/wp-json/wp/v2/comments"
  "/wp-json/wp/v2/comments?parent=7"
  "/wp-json/wp/v2/comments?parent=0"
  "/wp-json/wp/v2/media"
)

total() { # the X-WP-Total of a request
  printf 'X-WP-Total %s' "$(curl -sS -o /dev/null -D - "$base$1" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-wp-total" { print $2 }')"
}
index_ready() { [ -z "$index_wait" ] || ! curl -fsS "$base/search?q=harbour" 2>/dev/null | grep -q search-catching-up; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); data folder: $data; $runs runs each"
results=()
for jar in "${jars[@]}"; do
  echo
  echo "== ${jar:-target/masthead.jar}"
  start_build "$jar" "$data/wpapi-server.log" index_ready
  time_paths total
done

side_by_side request
