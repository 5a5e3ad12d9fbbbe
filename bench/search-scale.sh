#!/usr/bin/env bash
# Search at scale: grows a demo site to N articles (default 100,000) in a fresh SQLite folder,
# rebuilds the index with `masthead reindex` (indexing rate, related lists per article, time,
# size on disk, heap after collections, peak memory of the process), then starts the site and
# runs wrk against a list of reader searches (bench/search-queries.lua) at 4, 8 and 16
# connections, printing p50, p95 and p99. Asserts nothing.
#
#   bench/search-scale.sh [--articles N] [--seconds N] [--keep DIR [--searches-only]]
# --searches-only skips the reindex of a kept folder and measures its searches again.
# MASTHEAD_JAVA_OPTS applies to every step (default: the launcher's 112 MB heap, serial GC, as for its batch commands).
set -euo pipefail
cd "$(dirname "$0")/.."

articles=100000
seconds=15
keep=""
searches_only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --articles) articles="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    --searches-only) searches_only=1; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
java_opts="${MASTHEAD_JAVA_OPTS:--Xms32m -Xmx112m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:+ExitOnOutOfMemoryError}"
data="${keep:-$(mktemp -d)}"
mkdir -p "$data"
port=$(( 20000 + RANDOM % 20000 ))
base="http://127.0.0.1:$port"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  [ -n "$keep" ] || rm -rf "$data"
}
trap cleanup EXIT

timed() { # timed LOG command...: runs a step with its peak memory noted in LOG
  local log="$1"; shift
  if [ -x /usr/bin/time ]; then /usr/bin/time -f 'peak memory %M KB, cpu %U s user %S s system' -a -o "$log" "$@"; else "$@"; fi
}

start_server() { # start_server LOG [--demo]
  MASTHEAD_JAVA_OPTS="$java_opts" ./masthead serve --port "$port" --data-dir "$data" --host 127.0.0.1 "${@:2}" >"$1" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do
    curl -fsS "$base/healthz" >/dev/null 2>&1 && ! curl -fsS "$base/search?q=harbour" 2>/dev/null | grep -q search-catching-up && break
    kill -0 "$server" 2>/dev/null || { cat "$1"; exit 1; }
    sleep 0.5
  done
}

stop_server() {
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); java options: $java_opts"
echo "data folder: $data"

if [ ! -f "$data/masthead.db" ]; then
  start_server "$data/seed.log" --demo
  stop_server
  echo
  echo "== generating $articles articles"
  MASTHEAD_JAVA_OPTS="$java_opts" timed "$data/generate.time" ./masthead demo generate --articles "$articles" \
    --data-dir "$data" 2>"$data/generate.err"
  cat "$data/generate.time"
fi

if [ -n "$searches_only" ] && { [ -z "$keep" ] || [ ! -f "$data/masthead.db" ]; }; then
  echo "--searches-only needs --keep with a folder this script built before" >&2; exit 2
fi

if [ -z "$searches_only" ]; then
echo
echo "== reindex"
rm -f "$data/reindex.time"
started=$(date +%s.%N)
MASTHEAD_JAVA_OPTS="$java_opts -Xlog:gc:file=$data/reindex-gc.log" timed "$data/reindex.time" \
  ./masthead reindex --data-dir "$data" >"$data/reindex.log" 2>"$data/reindex.err" \
  || { echo "reindex failed with status $?; its error output:" >&2; tr '\r' '\n' <"$data/reindex.err" | grep -v '^\(indexing\|relating\) \[' >&2; exit 1; }
ended=$(date +%s.%N)
grep -E 'indexed in|search index built|rebuilt in' "$data/reindex.log" | sed 's/^[0-9:.]* INFO  [^ ]* - //'
cat "$data/reindex.time"
awk -v s="$started" -v e="$ended" 'BEGIN { printf "reindex wall time %.1f s\n", e - s }'
sed -n 's/.*->\([0-9]*\)M(.*/\1/p' "$data/reindex-gc.log" | sort -n | tail -1 | sed 's/^/largest heap after a collection: /; s/$/ MB/'
sed -n 's/.*built: \([0-9][0-9,]*\) articles indexed in.*related lists in \([0-9]*\) ms.*/\1 \2/p' "$data/reindex.log" \
  | tr -d , | awk '$1 > 0 { printf "related lists: %.2f ms an article (wall, all threads together)\n", $2 / $1 }'
sed -n 's/.*ranking related \([0-9]*\) ms CPU (all threads, \([0-9.]*\) ms an article).*/related lists: \2 ms CPU an article (\1 ms CPU in all)/p' "$data/reindex.log"
fi

echo
echo "== search under load (wrk, 2 threads, ${seconds}s each after a 15 s warm-up)"
start_server "$data/server.log"
# Long enough for the JIT to have compiled the search path: a site serves for days, not seconds.
wrk -t2 -c8 -d15s -s bench/search-queries.lua "$base" >/dev/null
for c in 4 8 16; do
  printf -- '-c%-3s ' "$c"
  wrk -t2 -c"$c" -d"${seconds}s" -s bench/search-queries.lua "$base" | tail -1
done
echo "one at a time:"
printf -- '-c1   '
wrk -t1 -c1 -d"${seconds}s" -s bench/search-queries.lua "$base" | tail -1
# The launcher execs java, so the server's pid is the JVM's.
ps -o rss= -p "$server" | awk '{ printf "server resident memory after the load: %d MB\n", $1 / 1024 }'
