#!/usr/bin/env bash
# Much-commented article pages, builds side by side. Makes a site (the demo, grown by
# `masthead demo generate --articles 3000 --comments 19000`), copies the most commented story's
# approved comments, threads kept, onto 100 other stories, then takes each build in turn on that
# site (its own data folder, the same database), for --rounds rounds: the server started with
# --page-cache off, and wrk -t2 -c4 (bench/paths.lua) for --seconds after --warm-up seconds over
# the 100 much-commented stories, then over 100 stories with a few comments. Prints each run's
# p50, p95, p99 and requests/s, and a table of them. Asserts nothing.
#
#   bench/comment-pages.sh [--db sqlite|postgres] [--jar FILE]... [--rounds N] [--seconds N] [--warm-up N]
#                          [--keep DIR [--reuse]]
# Without --jar the current build (target/masthead.jar) runs; each --jar adds a build, in order.
# --db postgres makes a fresh database on 127.0.0.1:5432 (user postgres), dropped at the end
# unless --keep. --keep DIR keeps the site in DIR; --reuse measures the one an earlier run left there.
set -euo pipefail
cd "$(dirname "$0")/.."

db=sqlite
jars=()
rounds=2
seconds=15
warm=10
keep=""
reuse=""
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --jar) [ -f "$2" ] || { echo "--jar $2: no such file" >&2; exit 2; }; jars+=("$(realpath "$2")"); shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --warm-up) warm="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    --reuse) reuse=1; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
case "$db" in sqlite | postgres) ;; *) echo "--db is sqlite or postgres, got $db" >&2; exit 2 ;; esac
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "--rounds is a positive number, got $rounds" >&2; exit 2; }
[ -z "$reuse" ] || [ -n "$keep" ] || { echo "--reuse needs --keep DIR with the site of an earlier run" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
if [ "$db" = sqlite ]; then
  command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: apt-get install sqlite3" >&2; exit 1; }
else
  command -v createdb >/dev/null && command -v psql >/dev/null \
    || { echo "createdb and psql are missing: apt-get install postgresql-client" >&2; exit 1; }
fi
if [ ${#jars[@]} -eq 0 ]; then
  [ -f target/masthead.jar ] || { echo "target/masthead.jar is missing: mvn -q package -DskipTests" >&2; exit 1; }
  jars=("$(realpath target/masthead.jar)")
fi

root="${keep:-$(mktemp -d)}"
mkdir -p "$root"
port=$(( 20000 + RANDOM % 20000 ))
base="http://127.0.0.1:$port"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ -z "$keep" ]; then
    if [ -f "$root/database-url" ]; then
      local name; name="$(database_name)"
      psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $name with (force)" >/dev/null 2>&1 || true
    fi
    rm -rf "$root"
  fi
}
trap cleanup EXIT

database_name() { local url; url="$(cat "$root/database-url")"; url="${url#*5432/}"; echo "${url%%\?*}"; }

sql() { # sql QUERY: rows as a|b|c
  if [ -f "$root/database-url" ]; then
    psql -h 127.0.0.1 -U postgres -d "$(database_name)" -v ON_ERROR_STOP=1 -qAtF '|' -c "$1"
  else
    sqlite3 -separator '|' "$root/site/masthead.db" "$1"
  fi
}

site_args() { # the options naming the site for the data folder $1
  printf '%s\n' --data-dir "$1"
  [ -f "$root/database-url" ] && printf '%s\n' --database-url "$(cat "$root/database-url")"
  return 0
}

start() { # start JAR DATA-DIR LOG ARGS...: a server, once /healthz answers
  local jar="$1" dir="$2" log="$3" site; shift 3
  mapfile -t site < <(site_args "$dir")
  MASTHEAD_JAR="$jar" ./masthead serve --port "$port" --host 127.0.0.1 "${site[@]}" "$@" >"$log" 2>&1 &
  server=$!
  for _ in $(seq 1 6000); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/healthz" 2>/dev/null)" = 200 ] && return 0
    kill -0 "$server" 2>/dev/null || { echo "the server stopped; its log:" >&2; tail -n 30 "$log" >&2; exit 1; }
    sleep 0.1
  done
  echo "the server did not answer in 10 minutes" >&2; exit 1
}

stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

paths_of() { # paths_of WHERE FILE: the addresses of the published stories WHERE picks (a condition on a)
  local zone
  zone="$(sql "select value from site_settings where name = 'zone'")"
  sql "select a.slug, a.published_at from articles a where a.status = 'PUBLISHED' and $1 order by a.id" \
    | while IFS='|' read -r slug published; do
        printf '%s%s\n' "$(TZ="$zone" date -d "@$(( published / 1000 ))" +/%Y/%m/%d/)" "$slug"
      done >"$2"
}

grow() {
  rm -rf "$root/site"; mkdir -p "$root/site"
  if [ "$db" = postgres ]; then
    local name="masthead_comments_$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    createdb -h 127.0.0.1 -U postgres "$name"
    echo "jdbc:postgresql://127.0.0.1:5432/$name?user=postgres" >"$root/database-url"
    echo "database: $name"
  fi
  start "${jars[-1]}" "$root/site" "$root/seed.log" --demo
  stop
  local site; mapfile -t site < <(site_args "$root/site")
  echo "generating 3,000 stories and 19,000 comments"
  MASTHEAD_JAR="${jars[-1]}" ./masthead demo generate --articles 3000 --comments 19000 "${site[@]}" \
    >"$root/generate.log" 2>&1 || { tail -n 20 "$root/generate.log" >&2; exit 1; }
  local from columns
  from="$(sql "select article_id from comments where status = 'APPROVED' group by article_id order by count(*) desc, article_id limit 1")"
  if [ "$db" = postgres ]; then
    columns="$(sql "select column_name from information_schema.columns where table_name = 'comments' order by ordinal_position")"
  else
    columns="$(sql "select name from pragma_table_info('comments')")"
  fi
  # Every column but the key, the story, the parent and the form's one-time key, which the copies get anew.
  columns="$(grep -vxE 'id|article_id|parent_id|form_key' <<<"$columns" | paste -sd, -)"
  echo "copying the approved comments of story $from onto 100 stories with few comments"
  sql "create table bench_targets as select a.id from articles a where a.status = 'PUBLISHED' and a.id <> $from
         and (select count(*) from comments c where c.article_id = a.id) < 10 order by a.id limit 100"
  # Copies made in id order, so a parent is always copied before its replies; bench_copies maps old
  # ids to new for each target.
  sql "create table bench_copies (target bigint, old bigint, new bigint)"
  sql "create index bench_copies_old on bench_copies (target, old)"
  local ids target id
  ids="$(sql "select id from comments where article_id = $from and status = 'APPROVED' order by id")"
  for target in $(sql "select id from bench_targets order by id"); do
    {
      echo "begin;"
      for id in $ids; do
        echo "insert into comments (article_id, parent_id, $columns)
              select $target, (select new from bench_copies where target = $target and old = c.parent_id), $columns
              from comments c where c.id = $id;
              insert into bench_copies values ($target, $id, (select max(id) from comments));"
      done
      echo "commit;"
    } >"$root/copy.sql"
    if [ "$db" = postgres ]; then
      psql -h 127.0.0.1 -U postgres -d "$(database_name)" -v ON_ERROR_STOP=1 -q -f "$root/copy.sql" >/dev/null
    else
      sqlite3 "$root/site/masthead.db" <"$root/copy.sql"
    fi
  done
  [ "$db" = postgres ] && sql "vacuum analyze" >/dev/null
  paths_of "a.id in (select id from bench_targets)" "$root/much.txt"
  paths_of "a.id in (select article_id from comments where status = 'APPROVED' group by article_id
            having count(*) between 1 and 9 order by article_id limit 100)" "$root/few.txt"
  touch "$root/grown"
}

if [ -n "$reuse" ]; then
  [ -f "$root/grown" ] || { echo "--reuse: $root holds no site made by this script" >&2; exit 2; }
  [ "$db" = postgres ] && [ ! -f "$root/database-url" ] && { echo "--reuse: $root holds a SQLite site" >&2; exit 2; }
  [ "$db" = sqlite ] && [ -f "$root/database-url" ] && { echo "--reuse: $root holds a PostgreSQL site" >&2; exit 2; }
  echo "reusing $root"
else
  grow
fi
echo "much-commented: $(wc -l <"$root/much.txt") stories with $(sql "select min(n) || '-' || max(n) from (select count(*) as n
  from comments where status = 'APPROVED' and article_id in (select id from bench_targets) group by article_id) t") approved comments;"
echo "few comments: $(wc -l <"$root/few.txt") stories"

declare -A figures
for round in $(seq 1 "$rounds"); do
  for i in "${!jars[@]}"; do
    dir="$root/build-$i"
    if [ ! -d "$dir" ]; then # each build's own data folder (its search index), the site's media and database
      mkdir -p "$dir"
      if [ "$db" = sqlite ]; then cp -r "$root/site/." "$dir/"; else cp -r "$root/site/media" "$dir/" 2>/dev/null || true; fi
    fi
    echo
    echo "round $round, build $i (${jars[$i]}):"
    start "${jars[$i]}" "$dir" "$dir/server-$round.log" --page-cache off
    for set in much few; do
      PATHS_FILE="$root/$set.txt" wrk -t2 -c4 -d"${warm}s" --timeout 30s -s bench/paths.lua "$base" >/dev/null
      line="$(PATHS_FILE="$root/$set.txt" wrk -t2 -c4 -d"${seconds}s" --timeout 30s -s bench/paths.lua "$base" | tail -1)"
      printf '  %-5s %s\n' "$set" "$line"
      figures["$set|$i|$round"]="$(sed -n 's/.* p50 \([0-9.]*\) ms, p95 \([0-9.]*\) ms, p99 \([0-9.]*\) ms, \([0-9]*\) requests.*/\1 \/ \3 ms, \4/p' <<<"$line")"
    done
    stop
  done
done

echo
printf '| pages (%s): p50 / p99, requests/s |' "$db"; for i in "${!jars[@]}"; do printf ' %s |' "$(basename "${jars[$i]}")"; done; echo
printf '|---|'; for _ in "${jars[@]}"; do printf -- '---|'; done; echo
for set in much few; do
  label="100 much-commented stories"; [ "$set" = few ] && label="100 stories with a few comments"
  printf '| %s |' "$label"
  for i in "${!jars[@]}"; do
    cell=""
    for round in $(seq 1 "$rounds"); do cell+="${cell:+; }${figures["$set|$i|$round"]}"; done
    printf ' %s |' "$cell"
  done
  echo
done
