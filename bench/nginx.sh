#!/usr/bin/env bash
# Masthead's cached pages beside nginx serving the very same bytes: starts the demo site twice on
# fresh SQLite folders (page cache on, and --page-cache off), saves one article's plain and gzip
# bytes as Masthead sends them, serves those files from nginx (gzip_static, so nginx compresses
# nothing either), and runs wrk against each in turn on loopback. Prints wrk's figures and the
# ratios to nginx; asserts nothing.
#
#   bench/nginx.sh [--seconds N] [--connections N] [--rounds N] [--jar FILE]
#
# --rounds repeats the whole set, servers interleaved, and the ratios use each one's median: on a
# machine shared with other work a single run can land on a burst of someone else's load.
# --jar runs that jar with the launcher's JVM options instead of ./masthead (to compare builds).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=10
connections=64
rounds=1
jar=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --jar) jar="$(realpath "$2")"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$nginx_bin" ] || { echo "nginx is missing: apt-get install nginx-light" >&2; exit 1; }

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# masthead ARGS...: run in the background, it replaces its subshell (exec), so $! is the server itself.
# --jar runs through the launcher too (MASTHEAD_JAR), so both builds get the same JVM options.
masthead() {
  MASTHEAD_JAR="$jar" exec ./masthead "$@"
}

# start VAR NAME EXTRA-ARGS...: a demo site on a free port; sets VAR to its base URL. (Not called
# as $(...): the server's pid must reach this shell's list for the clean-up.)
start() {
  local var="$1" name="$2"; shift 2
  local port=$(( 20000 + RANDOM % 20000 ))
  mkdir -p "$work/$name"
  masthead serve --demo --port "$port" --data-dir "$work/$name" --host 127.0.0.1 "$@" >"$work/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 240); do
    if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
      printf -v "$var" 'http://127.0.0.1:%s' "$port"
      return
    fi
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$work/$name.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$name did not start" >&2; exit 1
}

cached=""
uncached=""
start cached cached
if [ -z "$jar" ] || "${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar "$jar" serve --help 2>/dev/null | grep -q -- --page-cache; then
  start uncached uncached --page-cache off
fi

article=$(curl -fsS "$cached/" | grep -o 'class="lead-headline"><a href="[^"]*"' | sed 's/.*href="//; s/"$//')
mkdir -p "$work/www"
curl -fsS "$cached$article" -o "$work/www/article.html"
curl -fsS -H 'Accept-Encoding: gzip' "$cached$article" -o "$work/www/article.html.gz"
chmod -R a+rX "$work"

nginx_port=$(( 20000 + RANDOM % 20000 ))
mkdir -p "$work/nginx/logs"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { text/html html; }
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    gzip_static on;
    gzip_vary on;
  }
}
CONF
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' 2>"$work/nginx/logs/stderr.log" &
pids+=($!)
nginx="http://127.0.0.1:$nginx_port"
for _ in $(seq 1 40); do curl -fsS "$nginx/article.html" >/dev/null 2>&1 && break; sleep 0.25; done

# A fresh demo site draws its pictures in the background for its first seconds: let both finish
# (and the JIT compile the page path) before anything is measured.
wrk -t2 -c"$connections" -d15s "$cached$article" >/dev/null
[ -n "$uncached" ] && wrk -t2 -c"$connections" -d15s "$uncached$article" >/dev/null

echo "article: $article ($(wc -c <"$work/www/article.html") bytes plain, $(wc -c <"$work/www/article.html.gz") gzip)"
echo "$(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg); wrk: 2 threads, $connections connections, ${seconds}s each after 3 s of warm-up"

# run LABEL URL [HEADER]: prints wrk's summary and adds its requests/s to LABEL's list.
declare -A rps
run() {
  local label="$1" url="$2" header="${3:-}"
  local args=(-t2 -c"$connections")
  [ -n "$header" ] && args+=(-H "$header")
  wrk "${args[@]}" -d3s "$url" >/dev/null
  local out
  out="$(wrk "${args[@]}" -d"${seconds}s" --latency "$url")"
  rps[$label]="${rps[$label]:-} $(echo "$out" | awk '/Requests\/sec/ {print $2}')"
  echo
  echo "== $label${header:+ ($header)}"
  echo "$out" | grep -E 'Requests/sec|Transfer/sec|50%|99%|Non-2xx|Socket errors'
}

gz='Accept-Encoding: gzip'
for round in $(seq 1 "$rounds"); do
  [ "$rounds" -gt 1 ] && { echo; echo "#### round $round of $rounds"; }
  run "nginx plain" "$nginx/article.html"
  run "masthead cached plain" "$cached$article"
  run "nginx gzip" "$nginx/article.html" "$gz"
  run "masthead cached gzip" "$cached$article" "$gz"
  if [ -n "$uncached" ]; then
    run "masthead page cache off, plain" "$uncached$article"
    run "masthead page cache off, gzip" "$uncached$article" "$gz"
  fi
done

echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$(median "$1")" -v b="$(median "$2")" 'BEGIN { printf "%.2f", a / b }'; }
echo "requests/s (median of $rounds):"
for label in "nginx plain" "masthead cached plain" "nginx gzip" "masthead cached gzip" \
    "masthead page cache off, plain" "masthead page cache off, gzip"; do
  [ -n "${rps[$label]:-}" ] && printf '  %-32s %10.0f   (runs:%s)\n' "$label" "$(median "${rps[$label]}")" "${rps[$label]}"
done
echo "masthead/nginx, plain: $(ratio "${rps[masthead cached plain]}" "${rps[nginx plain]}")"
echo "masthead/nginx, gzip:  $(ratio "${rps[masthead cached gzip]}" "${rps[nginx gzip]}")"
if [ -n "$uncached" ]; then
  echo "page cache off / on, plain: $(ratio "${rps[masthead page cache off, plain]}" "${rps[masthead cached plain]}")"
fi
