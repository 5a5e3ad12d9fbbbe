#!/usr/bin/env bash
# The sitemaps of a large site: the index, the first article sitemap, the list sitemap and the news
# sitemap, each timed with curl, one at a time, by one or more builds taking turns on the same data
# folder (a site grown with `masthead demo generate`, e.g. kept by bench/scale.sh). Each build's
# server starts with the launcher's JVM options and --page-cache off (sitemaps are never kept in the
# page cache; the option keeps the rest of the site from warming it). Each request's first answer
# is timed apart, as it is what a crawler meets after a change (what a build keeps in memory is
# read then); then the newest story's change is written to the change log as another instance's
# edit would be, and once the server has heard it (2 s) each request's first answer is timed again;
# then each is sent once more to warm up and RUNS times, and the median is printed with the
# answer's addresses and bytes. Ends with a table: one column per build, the first answers' rows,
# those after the change, then the medians'. Asserts nothing; the change log keeps the rows it added
# (each server that starts on the folder reads them as any other change).
#
#   bench/sitemaps.sh --data DIR [--jar FILE]... [--runs N]
# Without --jar the current build (target/masthead.jar) runs. A site on PostgreSQL keeps its address
# in DIR/database-url, as bench/scale.sh writes it.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/side-by-side.sh

while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || { echo "$1 needs a value" >&2; exit 2; }
  shared_option "$1" "$2" || { echo "unknown option: $1" >&2; exit 2; }
  shift 2
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "--runs is a whole number of at least 1, got $runs" >&2; exit 2; }
options_checked
serve_extra=(--page-cache off --related-threads 0)

port=$(( 20000 + RANDOM % 20000 ))
base="http://127.0.0.1:$port"
paths=(/sitemap.xml /sitemaps/articles-1.xml /sitemaps/lists.xml /sitemaps/news.xml)

sql() { # sql STATEMENT: run on the site's database
  if [ -f "$data/database-url" ]; then
    local url name; url="$(cat "$data/database-url")"; name="${url#*5432/}"; name="${name%%\?*}"
    psql -h 127.0.0.1 -U postgres -d "$name" -Atqc "$1"
  else
    sqlite3 "$data/masthead.db" "$1"
  fi
}
if [ -f "$data/database-url" ]; then
  command -v psql >/dev/null || { echo "psql is missing: apt-get install postgresql-client" >&2; exit 1; }
else
  command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: apt-get install sqlite3" >&2; exit 1; }
fi

size() { # the addresses and bytes of an answer
  local body; body="$(curl -fsS "$base$1")"
  printf '%s addresses, %s bytes' "$(grep -o '<loc>' <<<"$body" | wc -l)" "$(printf '%s' "$body" | wc -c)"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); data folder: $data; $runs runs each"
results=()
firsts=()
labels=()
for path in "${paths[@]}"; do labels+=("first \`$path\`"); done
for path in "${paths[@]}"; do labels+=("first \`$path\` after a change"); done
for path in "${paths[@]}"; do labels+=("\`$path\`"); done
for jar in "${jars[@]}"; do
  echo
  echo "== ${jar:-target/masthead.jar}"
  start_build "$jar" "$data/sitemaps-server.log"
  first=()
  for path in "${paths[@]}"; do
    first+=("$(curl -sS -o /dev/null -w '%{time_total}' "$base$path")")
    printf '%-60s %8s s  (first answer)\n' "$path" "${first[-1]}"
  done
  # The newest published story, edited on another instance: a row in the change log, which this
  # server's follower reads (at once on PostgreSQL, within half a second on SQLite).
  newest="$(sql "select max(id) from articles where status = 'PUBLISHED'")"
  [ -n "$newest" ] || { echo "$data has no published story to change; grow it first (masthead demo generate)" >&2; exit 2; }
  sql "insert into change_log (entity, entity_id, kind, changed_at) values ('article', $newest, 'UPDATED', $(date +%s%3N))" >/dev/null
  sleep 2
  for path in "${paths[@]}"; do
    first+=("$(curl -sS -o /dev/null -w '%{time_total}' "$base$path")")
    printf '%-60s %8s s  (first answer after a change to story %s)\n' "$path" "${first[-1]}" "$newest"
  done
  firsts+=("$(IFS=,; echo "${first[*]}")")
  time_paths size
  results[-1]="${firsts[-1]},${results[-1]}"
done

side_by_side request labels
