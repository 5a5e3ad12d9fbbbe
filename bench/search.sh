#!/usr/bin/env bash
# Search under concurrent load: starts Masthead with the demo content on a fresh SQLite folder,
# waits for the search index, then runs wrk on loopback against the search page (a common word,
# two words, a phrase with a filter, a misspelling) and the autocomplete. Pages are not cached, so
# every request searches the index. Prints wrk's figures; asserts nothing.
#
#   bench/search.sh [--seconds N] [--connections N]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=10
connections=16
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
port=$(( 20000 + RANDOM % 20000 ))
data="$(mktemp -d)"
log="$data/server.log"

./masthead serve --demo --port "$port" --data-dir "$data" --host 127.0.0.1 >"$log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

base="http://127.0.0.1:$port"
for _ in $(seq 1 240); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && ! curl -fsS "$base/search?q=harbour" | grep -q search-catching-up \
    && grep -q 'search index built' "$log" && break
  kill -0 "$server" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done

echo "server: $base ($(nproc) cores), demo content, wrk: 2 threads, $connections connections, ${seconds}s each"
paths=("/search?q=harbour" "/search?q=night+buses" "/search?q=%22harbour+line%22&section=transport&sort=date"
       "/search?q=harbur" "/search/suggest?q=bu")
echo "warming up..."
for path in "${paths[@]}"; do
  wrk -t2 -c"$connections" -d2s "$base$path" >/dev/null
done
for path in "${paths[@]}"; do
  echo
  echo "== GET $path"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$base$path" | grep -E 'Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx'
done
