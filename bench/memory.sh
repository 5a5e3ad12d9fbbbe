#!/usr/bin/env bash
# Resident memory and throughput of the demo site under reader load, with the launcher's JVM
# options and with the JVM's own defaults, side by side in one run. Each run starts Masthead
# on a fresh SQLite folder, then wrk walks every reader page it can find from the home page;
# one request in four carries a tracking parameter seen once (?utm_id=N), as links shared on
# social sites do, so pages are also rendered, not only served from the page cache.
# Prints requests/s, the peak resident set (VmHWM) and the resident set at the end; asserts
# nothing.
#
#   bench/memory.sh [--seconds N] [--connections N] [--options "JVM OPTIONS"]...
#
# Each --options adds a run with those JVM options (as MASTHEAD_JAVA_OPTS), to compare choices.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=30
connections=32
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --options) extra+=("$2"); shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

work="$(mktemp -d)"
server=""
cleanup() {
  [ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT

# Walks the reader pages: every request picks the next path; every fourth adds a new query.
cat >"$work/walk.lua" <<'LUA'
local paths, i, n = {}, 0, 0
for line in io.lines(os.getenv("PATHS_FILE")) do paths[#paths + 1] = line end
request = function()
  i = i % #paths + 1
  n = n + 1
  local path = paths[i]
  if n % 4 == 0 then
    path = path .. "?utm_id=" .. n .. "-" .. math.random(1000000)
  end
  return wrk.format("GET", path)
end
LUA

kb() { awk -v k="$1" '$1 == k ":" { print $2 }' "/proc/$server/status"; }

run() { # label, MASTHEAD_JAVA_OPTS value or "-" for the launcher's defaults
  local label="$1" opts="$2" port=$(( 20000 + RANDOM % 20000 )) data="$work/data-$RANDOM"
  if [ "$opts" = "-" ]; then
    ./masthead serve --demo --port "$port" --data-dir "$data" --host 127.0.0.1 >"$work/server.log" 2>&1 &
  else
    MASTHEAD_JAVA_OPTS="$opts" ./masthead serve --demo --port "$port" --data-dir "$data" --host 127.0.0.1 \
      >"$work/server.log" 2>&1 &
  fi
  server=$!
  for _ in $(seq 1 240); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
    sleep 0.5
  done
  local base="http://127.0.0.1:$port"
  # The home page's links, and the links of the section pages they lead to: articles,
  # sections, tags, authors and pages.
  curl -fsS "$base/" | grep -o 'href="/[^"#?]*"' | sed 's/href="//; s/"$//' | sort -u >"$work/first"
  : >"$work/more"
  while read -r p; do
    curl -fsS "$base$p" 2>/dev/null | grep -o 'href="/[^"#?]*"' | sed 's/href="//; s/"$//' >>"$work/more" || true
  done <"$work/first"
  sort -u "$work/first" "$work/more" | grep -v -E '^/(static|media|newsroom)/|/comments|/cookies/' >"$work/paths"
  local idle_rss
  idle_rss="$(kb VmRSS)"
  export PATHS_FILE="$work/paths"
  wrk -t2 -c"$connections" -d5s -s "$work/walk.lua" "$base/" >/dev/null # warm-up
  local out
  out="$(wrk -t2 -c"$connections" -d"${seconds}s" -s "$work/walk.lua" "$base/")"
  local rps errors
  rps="$(echo "$out" | awk '/Requests\/sec/ { print $2 }')"
  errors="$(echo "$out" | awk '/Non-2xx/ { print $NF }')"
  printf '%-40s %6s pages  %9s req/s  idle %4d MB  peak %4d MB  end %4d MB  non-2xx %s\n' \
    "$label" "$(wc -l <"$work/paths")" "$rps" $(( idle_rss / 1024 )) $(( $(kb VmHWM) / 1024 )) \
    $(( $(kb VmRSS) / 1024 )) "${errors:-0}"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

echo "$(nproc) cores, $(awk '/MemTotal/ { print int($2 / 1024) }' /proc/meminfo) MB; wrk: 2 threads, $connections connections, ${seconds}s per run"
./masthead --version >/dev/null # builds the jar first when needed, outside the measurements
# The baseline has glibc's own malloc arena count too (8 per core), which the launcher lowers.
MALLOC_ARENA_MAX=$(( 8 * $(nproc) )) run "JVM defaults" ""
run "launcher defaults" "-"
for opts in ${extra[@]+"${extra[@]}"}; do
  run "$opts" "$opts"
done
