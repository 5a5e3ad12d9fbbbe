#!/usr/bin/env bash
# Search on several indexed sites, each on a fresh server of its own build, taking turns: for each
# round and each --site JAR:DIR, starts `masthead serve` from JAR on the stopped site in DIR (page
# cache off, no related-list ranking), waits until search answers from a complete index, runs wrk
# over bench/search-queries.lua (2 threads, 4 connections) for a warm-up and then the measured
# seconds, prints p50, p95, p99 and requests/s, and stops the server. Used to put a small and a
# large site, or two builds, side by side in one run. With --each S, each search of the list is then
# also sent alone (wrk -t1 -c2, 2 s of warm-up, S seconds) and its p50, p95 and p99 printed, to see
# which searches grow with the site. Asserts nothing.
#
#   bench/search-turns.sh --site JAR:DIR [--site JAR:DIR ...] [--rounds N] [--warm-up S] [--seconds S] [--each S]
# Each DIR is a data folder grown and reindexed (as bench/scale.sh --keep leaves them) by a build of
# JAR's index layout. The run checks every folder's index first (bench/IndexLayout.java) and refuses,
# before starting anything, a folder whose index that build would empty and rebuild.
set -euo pipefail
cd "$(dirname "$0")/.."

sites=()
rounds=2
warm=20
seconds=15
each=""
while [ $# -gt 0 ]; do
  case "$1" in
    --site) sites+=("$2"); shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --warm-up) warm="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --each) each="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
[ ${#sites[@]} -gt 0 ] || { echo "usage: bench/search-turns.sh --site JAR:DIR [--site JAR:DIR ...] [--rounds N] [--warm-up S] [--seconds S]" >&2; exit 2; }
for n in "$rounds" "$warm" "$seconds" ${each:+"$each"}; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "--rounds, --warm-up, --seconds and --each take a whole number above 0, got $n" >&2; exit 2; }
done
for site in "${sites[@]}"; do
  jar="${site%%:*}"; dir="${site#*:}"
  [ "$jar" != "$site" ] || { echo "a site is JAR:DIR, got $site" >&2; exit 2; }
  [ -f "$jar" ] || { echo "no jar at $jar" >&2; exit 2; }
  [ -d "$dir/search-index" ] || { echo "$dir holds no search index: grow and reindex it first" >&2; exit 2; }
  # Checked before any server starts: a build that finds another layout empties the index to rebuild it.
  layout="$("${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -cp "$jar" bench/IndexLayout.java "$dir/search-index" 2>/dev/null)" \
    || { echo "$dir: ${layout:-no readable search index} ($(basename "$jar")); reindex the folder with that build first" >&2; exit 2; }
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

port=$(( 20000 + RANDOM % 20000 ))
base="http://127.0.0.1:$port"
server=""
log="$(mktemp)"
one="$(mktemp)"
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -f "$log" "$one"
}
trap cleanup EXIT

for round in $(seq 1 "$rounds"); do
  for site in "${sites[@]}"; do
    jar="${site%%:*}"; dir="${site#*:}"
    database=()
    [ -f "$dir/database-url" ] && database=(--database-url "$(cat "$dir/database-url")")
    MASTHEAD_JAR="$jar" ./masthead serve --port "$port" --host 127.0.0.1 --data-dir "$dir" ${database[@]+"${database[@]}"} \
      --related-threads 0 --page-cache off >"$log" 2>&1 &
    server=$!
    for _ in $(seq 1 3000); do
      [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/healthz" 2>/dev/null)" = 200 ] && break
      kill -0 "$server" 2>/dev/null || { echo "the server stopped; its log:" >&2; tail -n 30 "$log" >&2; exit 1; }
      sleep 0.1
    done
    wrk -t2 -c4 -d"${warm}s" --timeout 60s -s bench/search-queries.lua "$base" >/dev/null
    line="$(wrk -t2 -c4 -d"${seconds}s" --timeout 60s -s bench/search-queries.lua "$base" | tail -1)"
    printf 'round %s  %-20s %-28s %s\n' "$round" "$(basename "$jar")" "$dir" "$line"
    if [ -n "$each" ]; then
      grep -o '"/search[^"]*"' bench/search-queries.lua | tr -d '"' | while read -r path; do
        echo "$path" >"$one"
        PATHS_FILE="$one" wrk -t1 -c2 -d2s --timeout 60s -s bench/paths.lua "$base" >/dev/null
        line="$(PATHS_FILE="$one" wrk -t1 -c2 -d"${each}s" --timeout 60s -s bench/paths.lua "$base" | tail -1)"
        printf '  %-44s %s\n' "$path" "${line#*errors 0, }"
      done
    fi
    kill "$server"; wait "$server" 2>/dev/null || true; server=""
  done
done
