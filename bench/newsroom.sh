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
. bench/side-by-side.sh

while [ $# -gt 0 ]; do
  shared_option "$1" "${2:-}" || { echo "unknown option: $1" >&2; exit 2; }
  shift $(( $# < 2 ? 1 : 2 ))
done
options_checked

port=$(( 20000 + RANDOM % 20000 ))
base="http://127.0.0.1:$port"
email=bench-admin@example.org
password=bench-admin-password-1
cookies="$(mktemp)"
leftovers+=("$cookies")

paths=(
  "/newsroom"
  "/newsroom/articles"
  "/newsroom/articles?status=PUBLISHED"
  "/newsroom/articles?page=500"
  "/newsroom/comments"
  "/newsroom/comments?status=APPROVED"
  "/newsroom/comments?status=APPROVED&page=500"
  "/newsroom/commenters"
  "/newsroom/media/1"
)

status() { curl -sS -o /dev/null -w '(%{http_code})' -b "$cookies" "$base$1"; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); data folder: $data; $runs runs each"
results=()
for jar in "${jars[@]}"; do
  echo
  echo "== ${jar:-target/masthead.jar}"
  mapfile -t site < <(site_args)
  printf '%s\n%s\n' "$password" "$password" | MASTHEAD_JAR="$jar" ./masthead user add --email "$email" \
    --name "Bench Admin" --role admin --data-dir "$data" "${site[@]}" >/dev/null 2>&1 || true
  start_build "$jar" "$data/newsroom-server.log"
  : >"$cookies"
  token=$(curl -sS -c "$cookies" -b "$cookies" "$base/newsroom/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  signed=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -c "$cookies" -b "$cookies" -H "Origin: $base" \
    --data-urlencode "_csrf=$token" --data-urlencode "email=$email" --data-urlencode "password=$password" \
    --data-urlencode "next=/newsroom" "$base/newsroom/login")
  case "$signed" in 303*/newsroom) ;; *) echo "signing in failed: $signed" >&2; exit 1 ;; esac
  time_paths status -b "$cookies"
done

side_by_side page
