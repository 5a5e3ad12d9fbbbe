#!/usr/bin/env bash
# Scale: the reader pages of a small site and of a large one, side by side. For each of two sizes
# (articles:comments, default 10,000:50,000 and 1,000,000:5,000,000, each on top of the demo's own
# 32 stories) it seeds a fresh site with the demo, grows it with `masthead demo generate`,
# rebuilds the search index with `masthead reindex`, then starts the server with the launcher's
# JVM options and --page-cache off, so every request reads the database, and measures: start-up
# time to a 200 from /healthz and to the first home page; p50, p99 and requests/s under wrk
# (2 threads, 4 connections, after a short warm-up) for the home page, a section page, a few
# hundred article pages (newest, oldest, spread over the ids, and the most commented), the main
# feed, the sitemap index, the first article sitemap, the list and news sitemaps and search
# (bench/search-queries.lua); then the heap used after a full collection and the resident memory.
# Ends with a table of every measure at both sizes and the large/small ratio. Asserts nothing.
#
#   bench/scale.sh [--small A:C] [--large A:C] [--db sqlite|postgres] [--seconds N] [--warm-up N]
#                  [--keep DIR [--reuse]] [--no-search] [--related-threads N]
# --db postgres creates a database per size on 127.0.0.1:5432 (user postgres), runs `vacuum analyze`
# after generating (as autovacuum would soon after), and drops it at the end unless --keep. --keep DIR keeps the data folders (DIR/small, DIR/large, each with its
# generate and reindex output) and databases; --reuse measures what DIR already holds. --no-search
# skips the reindex and the search figures; the server then builds its index in the background
# while it is measured (no option turns search off), which the figures include. --related-threads N
# is passed to the measured servers: 0 keeps a site whose related lists are not all ranked (a
# reindex stopped part-way, as ranking a million takes hours) from ranking them while it is measured.
set -euo pipefail
cd "$(dirname "$0")/.."

small="10000:50000"
large="1000000:5000000"
db=sqlite
seconds=15
warm=5
keep=""
reuse=""
search=1
related=()
while [ $# -gt 0 ]; do
  case "$1" in
    --small) small="$2"; shift 2 ;;
    --large) large="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --warm-up) warm="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    --reuse) reuse=1; shift ;;
    --no-search) search=""; shift ;;
    --related-threads) related=(--related-threads "$2"); shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
for size in "$small" "$large"; do
  [[ "$size" =~ ^[0-9]+:[0-9]+$ ]] || { echo "a size is ARTICLES:COMMENTS, e.g. 10000:50000; got $size" >&2; exit 2; }
done
case "$db" in sqlite | postgres) ;; *) echo "--db is sqlite or postgres, got $db" >&2; exit 2 ;; esac
[ -z "$reuse" ] || [ -n "$keep" ] || { echo "--reuse needs --keep DIR with the folders of an earlier run" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
if [ "$db" = sqlite ]; then
  command -v sqlite3 >/dev/null || { echo "sqlite3 is missing (the article list is read with it): apt-get install sqlite3" >&2; exit 1; }
else
  command -v createdb >/dev/null && command -v psql >/dev/null \
    || { echo "createdb and psql are missing: apt-get install postgresql-client" >&2; exit 1; }
fi

root="${keep:-$(mktemp -d)}"
mkdir -p "$root"
port=$(( 20000 + RANDOM % 20000 ))
base="http://127.0.0.1:$port"
server=""
made_databases=()
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ -z "$keep" ]; then
    for name in ${made_databases[@]+"${made_databases[@]}"}; do
      psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $name with (force)" >/dev/null 2>&1 || true
    done
    rm -rf "$root"
  fi
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

timed() { # timed LOG command...: runs a step with its peak memory noted in LOG
  local log="$1"; shift
  if [ -x /usr/bin/time ]; then /usr/bin/time -f 'peak memory %M KB, cpu %U s user %S s system' -a -o "$log" "$@"; else "$@"; fi
}

# The site's database: an SQLite file in the data folder, or the database named in its database-url file.
storage() { # storage DIR: the options naming the site in DIR
  printf '%s\n' --data-dir "$1"
  [ -f "$1/database-url" ] && printf '%s\n' --database-url "$(cat "$1/database-url")"
  return 0
}

sql() { # sql DIR QUERY: rows as a|b|c
  if [ -f "$1/database-url" ]; then
    local url name
    url="$(cat "$1/database-url")"; name="${url#*5432/}"; name="${name%%\?*}"
    psql -h 127.0.0.1 -U postgres -d "$name" -v ON_ERROR_STOP=1 -AtF '|' -c "$2"
  else
    sqlite3 -separator '|' "$1/masthead.db" "$2"
  fi
}

start_server() { # start_server DIR LOG ARGS...: starts the site; the launcher execs java, so $server is the JVM
  local dir="$1" log="$2" site; shift 2
  mapfile -t site < <(storage "$dir")
  ./masthead serve --port "$port" --host 127.0.0.1 "${site[@]}" "$@" >"$log" 2>&1 &
  server=$!
}

wait_for() { # wait_for PATH LOG: until PATH answers 200, polling every 50 ms (10 minutes at most)
  for _ in $(seq 1 12000); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base$1" 2>/dev/null)" = 200 ] && return 0
    kill -0 "$server" 2>/dev/null || { echo "the server stopped; its log:" >&2; tail -n 30 "$2" >&2; exit 1; }
    sleep 0.05
  done
  echo "$1 did not answer 200 within 10 minutes" >&2; exit 1
}

stop_server() {
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

# One wrk script for every measure: each request takes the next path of PATHS_FILE (one line for a
# single page), as bench/search-queries.lua takes the next search.
lua=bench/paths.lua

declare -A result known
measures=()
note() { # note LABEL MEASURE VALUE: the table's rows in the order first noted
  result["$1|$2"]="$3"
  [ -n "${known["$2"]:-}" ] || { known["$2"]=1; measures+=("$2"); }
}

grow() { # grow DIR ARTICLES COMMENTS: a fresh demo site of that size, indexed unless --no-search
  local dir="$1" articles="$2" comments="$3" site
  if [ -f "$dir/database-url" ]; then # a kept folder grown again: its old database goes with it
    local old; old="$(cat "$dir/database-url")"; old="${old#*5432/}"; old="${old%%\?*}"
    psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $old with (force)" >/dev/null
  fi
  rm -rf "$dir"; mkdir -p "$dir"
  if [ "$db" = postgres ]; then
    local name="masthead_scale_$(basename "$dir")_$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    createdb -h 127.0.0.1 -U postgres "$name"
    made_databases+=("$name")
    echo "jdbc:postgresql://127.0.0.1:5432/$name?user=postgres" >"$dir/database-url"
    echo "database: $name"
  fi
  start_server "$dir" "$dir/seed.log" --demo
  wait_for /healthz "$dir/seed.log"
  stop_server
  mapfile -t site < <(storage "$dir")
  echo "generating $articles articles and $comments comments"
  timed "$dir/generate.time" ./masthead demo generate --articles "$articles" --comments "$comments" "${site[@]}" \
    >"$dir/generate.log" 2>"$dir/generate.err" \
    || { echo "generate failed; its error output:" >&2; tr '\r' '\n' <"$dir/generate.err" | grep -v ' \[' >&2; exit 1; }
  cat "$dir/generate.log" "$dir/generate.time"
  if [ "$db" = postgres ]; then
    # What autovacuum does a minute after a bulk load, done now: table statistics for the planner and
    # the visibility map that lets counts read an index alone. (Test servers often run without it.)
    echo "vacuum analyze"
    sql "$dir" "vacuum analyze" >/dev/null
  fi
  if [ -n "$search" ]; then
    echo "reindex"
    timed "$dir/reindex.time" ./masthead reindex "${site[@]}" >"$dir/reindex.log" 2>"$dir/reindex.err" \
      || { echo "reindex failed; its error output:" >&2; tr '\r' '\n' <"$dir/reindex.err" | grep -v ' \[' >&2; exit 1; }
    grep -E 'search index built|rebuilt in' "$dir/reindex.log" | sed 's/^[0-9:.]* INFO  [^ ]* - //' || true
    cat "$dir/reindex.time"
  fi
  echo "$articles:$comments" >"$dir/size"
}

pick_articles() { # pick_articles DIR FILE: article paths, newest, oldest, spread by id and most commented
  local dir="$1" file="$2" zone count step
  zone="$(sql "$dir" "select value from site_settings where name = 'zone'")"
  count="$(sql "$dir" "select count(*) from articles where status = 'PUBLISHED'")"
  step=$(( count / 100 > 1 ? count / 100 : 1 ))
  {
    sql "$dir" "select slug, published_at from articles where status = 'PUBLISHED' order by published_at desc limit 100"
    sql "$dir" "select slug, published_at from articles where status = 'PUBLISHED' order by published_at limit 100"
    sql "$dir" "select slug, published_at from articles where status = 'PUBLISHED' and id % $step = 0 order by id limit 100"
    sql "$dir" "select a.slug, a.published_at from articles a join (select article_id, count(*) as n from comments
                where status = 'APPROVED' group by article_id order by n desc limit 100) c on c.article_id = a.id
                where a.status = 'PUBLISHED'"
  } | sort -u | while IFS='|' read -r slug published; do
    printf '%s%s\n' "$(TZ="$zone" date -d "@$(( published / 1000 ))" +/%Y/%m/%d/)" "$slug"
  done >"$file"
  local most
  most="$(sql "$dir" "select count(*) as n from comments where status = 'APPROVED' group by article_id order by n desc limit 1")"
  echo "article pages: $(wc -l <"$file") addresses (newest, oldest, every ${step}th id, most commented: up to ${most:-0} comments)"
}

measure() { # measure LABEL NAME SCRIPT [PATHS-FILE]: warm-up, then p50, p99 and requests/s of a run
  local label="$1" name="$2" script="$3" paths="${4:-/dev/null}" line
  PATHS_FILE="$paths" wrk -t2 -c4 -d"${warm}s" --timeout 60s -s "$script" "$base" >/dev/null
  line="$(PATHS_FILE="$paths" wrk -t2 -c4 -d"${seconds}s" --timeout 60s -s "$script" "$base" | tail -1)"
  printf '%-16s %s\n' "$name" "$line"
  note "$label" "$name p50 ms" "$(sed -n 's/.* p50 \([0-9.]*\) ms.*/\1/p' <<<"$line")"
  note "$label" "$name p99 ms" "$(sed -n 's/.* p99 \([0-9.]*\) ms.*/\1/p' <<<"$line")"
  note "$label" "$name requests/s" "$(sed -n 's/.* \([0-9]*\) requests\/s.*/\1/p' <<<"$line")"
  local errors
  errors="$(sed -n 's/.*errors \([0-9]*\),.*/\1/p' <<<"$line")"
  [ "${errors:-0}" = 0 ] || echo "  ($errors requests failed or answered an error)"
}

one_page() { # one_page DIR PATH: a paths file holding PATH, after checking that it answers 200
  local file="$1/path-$(echo "$2" | tr -c 'a-zA-Z0-9\n' '_')"
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' "$base$2")"
  [ "$code" = 200 ] || echo "  $2 answers $code, not 200" >&2
  echo "$2" >"$file"
  echo "$file"
}

declare -A sizes
run() { # run LABEL A:C
  local label="$1" size="$2" dir="$root/$1"
  if [ -n "$reuse" ]; then
    [ -f "$dir/size" ] || { echo "--reuse: $dir holds no generated site" >&2; exit 2; }
    local kind=sqlite
    [ -f "$dir/database-url" ] && kind=postgres
    if [ "$kind" != "$db" ]; then
      echo "--reuse: $dir holds a site of the other database; give --db as it was made" >&2; exit 2
    fi
    size="$(cat "$dir/size")"
  fi
  sizes[$label]="$size"
  echo
  echo "=== $label site: ${size%%:*} articles and ${size##*:} comments generated over the demo ($db)"
  if [ -n "$reuse" ]; then
    echo "reusing $dir"
  else
    grow "$dir" "${size%%:*}" "${size##*:}"
  fi
  pick_articles "$dir" "$dir/articles.txt"

  local started healthy home
  started="$(now_ms)"
  start_server "$dir" "$dir/server.log" --page-cache off ${related[@]+"${related[@]}"}
  wait_for /healthz "$dir/server.log"
  healthy="$(now_ms)"
  wait_for / "$dir/server.log"
  home="$(now_ms)"
  note "$label" "start-up to /healthz s" "$(awk -v t=$(( healthy - started )) 'BEGIN { printf "%.2f", t / 1000 }')"
  note "$label" "start-up to home s" "$(awk -v t=$(( home - started )) 'BEGIN { printf "%.2f", t / 1000 }')"
  echo "start-up: /healthz after $(( healthy - started )) ms, the home page after $(( home - started )) ms"
  if [ -n "$search" ]; then
    local page
    for _ in $(seq 1 1200); do
      page="$(curl -fsS "$base/search?q=harbour" 2>/dev/null || true)"
      grep -q search-catching-up <<<"$page" || break
      sleep 0.5
    done
  else
    echo "(--no-search: the server is building its search index in the background meanwhile)"
  fi

  local bad=0 path
  while read -r path; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base$path")" = 200 ] || { bad=$(( bad + 1 )); echo "  $path does not answer 200" >&2; }
  done <"$dir/articles.txt"
  [ "$bad" = 0 ] || echo "$bad article addresses do not answer 200"
  local section sitemap
  section="$(curl -fsS "$base/" | grep -o 'href="/section/[^"]*"' | awk 'NR == 1' | sed 's/href="//; s/"$//')"
  sitemap="$(curl -fsS "$base/sitemap.xml" | grep -o '<loc>[^<]*/sitemaps/articles-[0-9]*\.xml</loc>' | awk 'NR == 1' \
    | sed 's|<loc>[^/]*//[^/]*||; s|</loc>||')"
  echo "section page $section, sitemap file $sitemap ($(curl -fsS "$base$sitemap" | grep -o '<url>' | wc -l) addresses)," \
    "list sitemap $(curl -fsS "$base/sitemaps/lists.xml" | grep -o '<url>' | wc -l), news sitemap $(curl -fsS "$base/sitemaps/news.xml" | grep -o '<url>' | wc -l)"

  echo "wrk: 2 threads, 4 connections, ${seconds}s each after ${warm}s of warm-up"
  measure "$label" home "$lua" "$(one_page "$dir" /)"
  measure "$label" section "$lua" "$(one_page "$dir" "$section")"
  measure "$label" articles "$lua" "$dir/articles.txt"
  measure "$label" feed "$lua" "$(one_page "$dir" /rss.xml)"
  measure "$label" sitemap-index "$lua" "$(one_page "$dir" /sitemap.xml)"
  measure "$label" sitemap-file "$lua" "$(one_page "$dir" "$sitemap")"
  measure "$label" sitemap-lists "$lua" "$(one_page "$dir" /sitemaps/lists.xml)"
  measure "$label" sitemap-news "$lua" "$(one_page "$dir" /sitemaps/news.xml)"
  if [ -n "$search" ]; then
    measure "$label" search bench/search-queries.lua
  fi

  local jcmd used rss peak
  jcmd="$(dirname "$(readlink "/proc/$server/exe")")/jcmd"
  [ -x "$jcmd" ] || jcmd=jcmd
  "$jcmd" "$server" GC.run >/dev/null
  used="$("$jcmd" "$server" GC.heap_info | awk '/ total [0-9]+K, used [0-9]+K/ || /garbage-first heap.* used [0-9]+K/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K.*/, "", v); kb += v } }
    END { printf "%.0f", kb / 1024 }')"
  rss="$(awk '$1 == "VmRSS:" { printf "%.0f", $2 / 1024 }' "/proc/$server/status")"
  peak="$(awk '$1 == "VmHWM:" { printf "%.0f", $2 / 1024 }' "/proc/$server/status")"
  echo "heap used after a full collection: $used MB; resident: $rss MB (peak $peak MB)"
  note "$label" "heap after full GC MB" "$used"
  note "$label" "resident MB" "$rss"
  note "$label" "peak resident MB" "$peak"
  stop_server
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); server: launcher's JVM options, --page-cache off"
echo "data folders: $root"
./masthead --version >/dev/null # builds the jar first when needed, outside the measurements
run small "$small"
run large "$large"

echo
echo "=== side by side ($db; small ${sizes[small]}, large ${sizes[large]} articles:comments over the demo)"
printf '%-28s %12s %12s %12s\n' measure small large large/small
for m in "${measures[@]}"; do
  s="${result["small|$m"]:-}"; l="${result["large|$m"]:-}"
  printf '%-28s %12s %12s %12s\n' "$m" "${s:--}" "${l:--}" \
    "$(awk -v s="$s" -v l="$l" 'BEGIN { if (s == "" || l == "" || s + 0 == 0) print "-"; else printf "%.2f", l / s }')"
done
