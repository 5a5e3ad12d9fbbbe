#!/usr/bin/env bash
# The newsroom's lists on a large site: each page below timed with curl, one at a time, signed
# in as an admin, by one or more builds taking turns on the same data folder (a site grown with
# `masthead demo generate`). The first build's `masthead user add` makes the admin
# bench-admin@example.org when the site has no such account. Each page is asked once to warm up,
# then RUNS times, and the median is printed; ends with a table, one column per build. Asserts
# nothing. A build that brings a migration changes the folder for those after it: give the older
# build first, or a copy of the folder to each.
#
#   bench/newsroom.sh --data DIR [--jar FILE]... [--runs N]
# Without --jar the current build runs. A site on PostgreSQL keeps its address in
# DIR/database-url, as bench/scale.sh writes it.
set -euo pipefail
cd "$(dirname "$0")/.."

data=""
jars=()
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data="$2"; shift 2 ;;
    --jar) jars+=("$(realpath "$2")"); shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
[ -n "$data" ] && [ -d "$data" ] || { echo "--data DIR: a site's data folder is needed" >&2; exit 2; }
[ ${#jars[@]} -gt 0 ] || jars=("")

port=$(( 20000 + RANDOM % 20000 ))
base="http://127.0.0.1:$port"
email=bench-admin@example.org
password=bench-admin-password-1
cookies="$(mktemp)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -f "$cookies"
}
trap cleanup EXIT

pages=(
  "/newsroom"
  "/newsroom/articles"
  "/newsroom/articles?status=PUBLISHED"
  "/newsroom/articles?page=500"
  "/newsroom/comments"
  "/newsroom/comments?status=APPROVED"
  "/newsroom/comments?status=APPROVED&page=500"
  "/newsroom/commenters"
)

db_args=()
[ -f "$data/database-url" ] && db_args=(--database-url "$(cat "$data/database-url")")

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); data folder: $data; $runs runs each"
results=()
for jar in "${jars[@]}"; do
  echo
  echo "== ${jar:-target/masthead.jar}"
  printf '%s\n%s\n' "$password" "$password" | MASTHEAD_JAR="$jar" ./masthead user add --email "$email" \
    --name "Bench Admin" --role admin --data-dir "$data" "${db_args[@]}" >/dev/null 2>&1 || true
  MASTHEAD_JAR="$jar" ./masthead serve --port "$port" --data-dir "$data" --host 127.0.0.1 "${db_args[@]}" \
    >"$data/newsroom-server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do
    curl -fsS "$base/healthz" >/dev/null 2>&1 && break
    kill -0 "$server" 2>/dev/null || { cat "$data/newsroom-server.log"; exit 1; }
    sleep 0.5
  done
  : >"$cookies"
  token=$(curl -sS -c "$cookies" -b "$cookies" "$base/newsroom/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  signed=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -c "$cookies" -b "$cookies" -H "Origin: $base" \
    --data-urlencode "_csrf=$token" --data-urlencode "email=$email" --data-urlencode "password=$password" \
    --data-urlencode "next=/newsroom" "$base/newsroom/login")
  case "$signed" in 303*/newsroom) ;; *) echo "signing in failed: $signed" >&2; exit 1 ;; esac
  column=()
  for path in "${pages[@]}"; do
    status=$(curl -sS -o /dev/null -w '%{http_code}' -b "$cookies" "$base$path")
    seconds=$(for _ in $(seq 1 "$runs"); do curl -sS -o /dev/null -w '%{time_total}\n' -b "$cookies" "$base$path"; done | median)
    printf '%-50s %8s s  (%s)\n' "$path" "$seconds" "$status"
    column+=("$seconds")
  done
  results+=("$(IFS=,; echo "${column[*]}")")
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
done

echo
printf '| page |'; for jar in "${jars[@]}"; do printf ' %s |' "${jar:-target/masthead.jar}"; done; echo
printf '|---|'; for _ in "${jars[@]}"; do printf -- '---|'; done; echo
for i in "${!pages[@]}"; do
  printf '| `%s` |' "${pages[$i]}"
  for column in "${results[@]}"; do IFS=, read -ra values <<<"$column"; printf ' %s s |' "${values[$i]}"; done
  echo
done
