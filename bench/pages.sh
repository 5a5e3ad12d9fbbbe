#!/usr/bin/env bash
# Throughput of the reader pages: starts Masthead with the demo content on a fresh SQLite
# folder (or on PostgreSQL with --database-url), then runs wrk on loopback against the home
# page and an article page, each for a bounded time. Prints wrk's figures; asserts nothing.
#
#   bench/pages.sh [--seconds N] [--warm-up N] [--connections N] [--database-url URL] [--page-cache on|off]
# With --page-cache off every request renders its page (the server's own option of that name).
# The warm-up (default 15 s an address) also lets the demo finish drawing its pictures, which it
# does in the background for the first seconds after a fresh start.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=10
warmup=15
connections=16
database_url=""
page_cache=on
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --warm-up) warmup="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --database-url) database_url="$2"; shift 2 ;;
    --page-cache) page_cache="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
port=$(( 20000 + RANDOM % 20000 ))
data="$(mktemp -d)"
log="$data/server.log"
args=(serve --demo --port "$port" --data-dir "$data" --host 127.0.0.1 --page-cache "$page_cache")
[ -n "$database_url" ] && args+=(--database-url "$database_url")

./masthead "${args[@]}" >"$log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done

base="http://127.0.0.1:$port"
article=$(curl -fsS "$base/" | grep -o 'class="lead-headline"><a href="[^"]*"' | sed 's/.*href="//; s/"$//')
echo "server: $base ($(nproc) cores), database: ${database_url:-SQLite}, page cache $page_cache, wrk: 2 threads, $connections connections, ${seconds}s each"
echo "warming up..."
wrk -t2 -c"$connections" -d"${warmup}s" "$base/" >/dev/null
wrk -t2 -c"$connections" -d"${warmup}s" "$base$article" >/dev/null

for path in "/" "$article"; do
  echo
  echo "== GET $path"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$base$path" | grep -E 'Requests/sec|Transfer/sec|Latency|50%|99%|requests in|Non-2xx'
done
