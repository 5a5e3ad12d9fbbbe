#!/usr/bin/env bash
# A rebuild of the search index on a serving site, by one or more builds taking turns on the same
# data folder (a site grown with `masthead demo generate`, whose index a start rebuilds). Before
# each build the index folder and every stored related list are removed, so each starts from the
# same state. Measures, from the server's start: when /healthz answers; when the search page stops
# saying the index is being built (searches answered from the index again); reader latency of the
# article pages under wrk (2 threads, 4 connections, page cache off, so every request renders)
# for SECONDS, starting 5 s after the server logs that the documents are indexed, while the related
# lists are being recomputed; and when the server logs that the related lists are done. Ends with a
# table, one column per build. Asserts nothing. Kill it to stop early; the folder then holds a
# half-rebuilt index, which the next start finishes.
#
#   bench/rebuild.sh --data DIR [--jar FILE]... [--seconds N] [--articles N]
# Without --jar the current build runs. --articles: how many article addresses wrk takes in turn
# (spread over the first sitemap file of articles; default 200). A site on PostgreSQL keeps its address in
# DIR/database-url, as bench/scale.sh writes it.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/side-by-side.sh

seconds=20
articles=200
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --articles) articles="$2"; shift 2 ;;
    *) shared_option "$1" "${2:-}" || { echo "unknown option: $1" >&2; exit 2; }
       shift $(( $# < 2 ? 1 : 2 )) ;;
  esac
done
options_checked
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "--seconds N: a whole number of seconds, got $seconds" >&2; exit 2; }
[[ "$articles" =~ ^[1-9][0-9]*$ ]] || { echo "--articles N: a whole number, got $articles" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
serve_extra=(--page-cache off)

port=$(( 20000 + RANDOM % 20000 ))
base="http://127.0.0.1:$port"
work="$(mktemp -d)"
leftovers+=("$work")

now_ms() { date +%s%3N; }

forget_index() { # the index folders and the stored related lists: what a site that never had them has
  rm -rf "$data"/search-index*
  if [ -f "$data/database-url" ]; then
    local url name; url="$(cat "$data/database-url")"; name="${url#*5432/}"; name="${name%%\?*}"
    psql -h 127.0.0.1 -U postgres -d "$name" -qc "delete from article_related" >/dev/null
  else
    command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: apt-get install sqlite3" >&2; exit 1; }
    sqlite3 "$data/masthead.db" "delete from article_related"
  fi
}

labels=("/healthz answers" "search answered from the index" "related lists done"
        "article p50 ms while relating" "article p99 ms while relating" "article requests/s while relating")
results=()
for jar in "${jars[@]}"; do
  echo "== ${jar:-target/masthead.jar}"
  forget_index
  log="$work/server.log"
  start=$(now_ms)
  start_build "$jar" "$log"
  ready=$(( $(now_ms) - start ))
  if [ ! -s "$work/articles" ]; then
    curl -fsS "$base/sitemap.xml" >"$work/index.xml"
    first="$(grep -o '<loc>[^<]*/sitemaps/articles-[^<]*</loc>' "$work/index.xml" | sed 's/<[^>]*>//g' | sed -n 1p)"
    curl -fsS "$first" >"$work/articles.xml"
    grep -o '<loc>[^<]*</loc>' "$work/articles.xml" | sed 's/<[^>]*>//g; s#^https\?://[^/]*##' >"$work/all"
    step=$(( $(wc -l <"$work/all") / articles )); [ "$step" -ge 1 ] || step=1
    awk -v s="$step" -v n="$articles" 'NR % s == 0 && c < n { print; c++ }' "$work/all" >"$work/articles"
    echo "article pages: $(wc -l <"$work/articles") addresses, every ${step}th of the first sitemap file"
  fi
  searchable=""
  indexed=""
  done_ms=""
  check_searchable() { # notes when search is answered from the index, and when the related lists are done
    if [ -z "$done_ms" ] && grep -q "search index built:" "$log"; then done_ms=$(( $(now_ms) - start )); fi
    [ -z "$searchable" ] || return 0
    local page
    page="$(curl -fsS "$base/search?q=harbour" 2>/dev/null || true)"
    if [ -n "$page" ] && ! grep -q search-catching-up <<<"$page"; then
      searchable=$(( $(now_ms) - start ))
    fi
  }
  while [ -z "$indexed" ]; do
    check_searchable
    if grep -q "articles indexed in" "$log"; then indexed=$(now_ms); fi
    kill -0 "$server" 2>/dev/null || { echo "the server stopped; its log:" >&2; tail -n 30 "$log" >&2; exit 1; }
    sleep 0.1
  done
  while [ $(( $(now_ms) - indexed )) -lt 5000 ]; do check_searchable; sleep 0.1; done
  PATHS_FILE="$work/articles" wrk -t2 -c4 -d"${seconds}s" --timeout 60s -s bench/paths.lua "$base" >"$work/wrk" &
  readers=$!
  while kill -0 "$readers" 2>/dev/null; do check_searchable; sleep 0.1; done
  wait "$readers"
  line="$(tail -1 "$work/wrk")"
  echo "  articles while relating: $line"
  if [ -n "$done_ms" ]; then
    echo "  (the related lists were done before the reader window ended: part of it measured an idle server)"
  fi
  until [ -n "$done_ms" ]; do
    check_searchable
    kill -0 "$server" 2>/dev/null || { echo "the server stopped; its log:" >&2; tail -n 30 "$log" >&2; exit 1; }
    sleep 0.1
  done
  check_searchable
  grep -o "search index built:.*" "$log" | sed 's/^/  /'
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  p50="$(sed -n 's/.* p50 \([0-9.]*\) ms.*/\1/p' <<<"$line")"
  p99="$(sed -n 's/.* p99 \([0-9.]*\) ms.*/\1/p' <<<"$line")"
  rps="$(sed -n 's/.* \([0-9]*\) requests\/s.*/\1/p' <<<"$line")"
  printf '  /healthz %.1f s, searchable %.1f s, related lists done %.1f s\n' \
    "$(bc -l <<<"$ready/1000")" "$(bc -l <<<"$searchable/1000")" "$(bc -l <<<"$done_ms/1000")"
  results+=("$(printf '%.1f s,%.1f s,%.1f s,%s,%s,%s' "$(bc -l <<<"$ready/1000")" "$(bc -l <<<"$searchable/1000")" \
    "$(bc -l <<<"$done_ms/1000")" "$p50" "$p99" "$rps")")
done

side_by_side measure labels ""
