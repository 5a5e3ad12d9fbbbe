#!/usr/bin/env bash
# Readers and writers at once, precise invalidation beside dropping everything: builds this tree's
# jar and a copy of it whose change-to-tags mapping drops every page on every change (the page
# cache as it was before tags), starts each in turn on a fresh demo site (SQLite), and runs wrk at
# full speed over the home page and the demo's article pages while a writer approves 5 comments a
# second on random stories and publishes a story every 10 s. The writer (org.masthead.site.MixedWriter)
# writes to the site's database as a second instance would; the server hears of its changes through
# the change log, as instances do. Prints each run's hit rate (from X-Cache), requests/s and p50/p99
# read latency, renders (misses) per second and the server's CPU time per read; asserts nothing.
# The writer's changes reach the server through the change-log follower (twice a second, or at once
# on PostgreSQL), so the everything-dropped build empties its cache about twice a second here, not
# at every comment as a single instance's own writes would: the comparison flatters it.
#
#   bench/mixed.sh [--seconds N] [--connections N] [--rounds N]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=30
connections=32
rounds=1
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java_bin="$JAVA_HOME/bin/java"

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

mvn -B -q -o -DskipTests package >&2
cp target/masthead.jar "$work/precise.jar"
# The writer needs only the site's classes and libraries, which the jar carries.
classpath="target/test-classes:$work/precise.jar"

# The same tree, every change mapped to every page: what the cache did before pages had tags.
mkdir -p "$work/tree"
tar --exclude=./target --exclude=./.git -cf - . | tar -xf - -C "$work/tree"
mapping="$work/tree/src/main/java/org/masthead/web/ChangeTags.java"
sed -i 's|^    static Set<String> touched(Change change) {$|&\n        if (!change.entity().equals("spam_model") \&\& !change.entity().equals("comment_block")) {\n            return EVERYTHING;\n        }|' "$mapping"
grep -q 'return EVERYTHING;$' "$mapping" || { echo "mixed.sh: could not patch $mapping" >&2; exit 1; }
(cd "$work/tree" && mvn -B -q -o -DskipTests package >&2)
cp "$work/tree/target/masthead.jar" "$work/everything.jar"

# run LABEL JAR: a fresh demo site on that jar, wrk and the writer at once; prints one result line.
run() {
  local label="$1" jar="$2" port=$(( 20000 + RANDOM % 20000 ))
  local data="$work/$label-$RANDOM"
  mkdir -p "$data"
  MASTHEAD_JAR="$jar" ./masthead serve --demo --port "$port" --data-dir "$data" --host 127.0.0.1 >"$data.log" 2>&1 &
  local server=$!
  pids+=("$server")
  for _ in $(seq 1 240); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    kill -0 "$server" 2>/dev/null || { cat "$data.log" >&2; exit 1; }
    sleep 0.5
  done
  local base="http://127.0.0.1:$port"
  { echo "/"; curl -fsS "$base/" | grep -o 'href="/[0-9]\{4\}/[0-9][0-9]/[0-9][0-9]/[^"#]*"' | sed 's/href="//; s/"$//' | sort -u; } \
    >"$data.paths"
  # Warm the cache, then read and write together.
  MIXED_PATHS="$data.paths" wrk -t2 -c"$connections" -d3s -s bench/mixed.lua "$base" >/dev/null
  local cpu_before
  cpu_before=$(awk '{print $14 + $15}' "/proc/$server/stat")
  "$java_bin" -cp "$classpath" org.masthead.site.MixedWriter "jdbc:sqlite:$data/masthead.db" "$seconds" >"$data.writer" &
  local writer=$!
  local result
  result=$(MIXED_PATHS="$data.paths" wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/mixed.lua "$base" \
    | grep '^RESULT')
  wait "$writer"
  local cpu requests
  cpu=$(awk -v before="$cpu_before" '{print ($14 + $15 - before) / 100}' "/proc/$server/stat")
  requests=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$result")
  kill "$server"; wait "$server" 2>/dev/null || true
  # The server's CPU time over the run, per read: a figure other work on the machine disturbs less than latency.
  printf '%-10s %s misses_per_s=%s server_cpu_s=%s cpu_ms_per_read=%s paths=%s %s\n' "$label" "${result#RESULT }" \
    "$(sed 's/.*misses=\([0-9]*\).*/\1/' <<<"$result" | awk -v s="$seconds" '{printf "%.1f", $1 / s}')" "$cpu" \
    "$(awk -v c="$cpu" -v r="$requests" 'BEGIN {printf "%.2f", 1000 * c / r}')" "$(wc -l <"$data.paths")" "$(cat "$data.writer")"
}

echo "$(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg); wrk: 2 threads, $connections connections, ${seconds}s"
for round in $(seq 1 "$rounds"); do
  run precise "$work/precise.jar"
  run everything "$work/everything.jar"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
