# Sourced by bench/wpapi.sh, bench/newsroom.sh and bench/rebuild.sh: each build's server on the same data folder,
# one request timed with curl, and the builds' figures side by side. Both scripts keep the data
# folder in `data`, the server's address in `port` and `base`, the addresses in `paths`, the builds
# in `jars` and each build's figures, comma-separated in the order of `paths`, in `results`.

data=""
jars=()
runs=3
serve_extra=() # more options for `masthead serve`, set by the script that sources this
server=""      # the running build's server
leftovers=()   # files and folders the script made, removed at exit

cleanup() { # at exit: the server stops and the leftovers go
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf ${leftovers[@]+"${leftovers[@]}"}
}
trap cleanup EXIT

# shared_option OPTION VALUE: takes --data DIR, --jar FILE (again for each build) and --runs N; false
# for any other option
shared_option() {
  case "$1" in
    --data) data="$2" ;;
    --jar) jars+=("$(realpath "$2")") ;;
    --runs) runs="$2" ;;
    *) return 1 ;;
  esac
}

# options_checked: a data folder is given; without --jar the current build runs
options_checked() {
  [ -n "$data" ] && [ -d "$data" ] || { echo "--data DIR: a site's data folder is needed" >&2; exit 2; }
  [ ${#jars[@]} -gt 0 ] || jars=("")
}

# site_args: the database option for the site in $data (a PostgreSQL site keeps its address there)
site_args() {
  [ -f "$data/database-url" ] && printf '%s\n' --database-url "$(cat "$data/database-url")"
  return 0
}

# start_build JAR LOG [READY-COMMAND]: the build's server on $data, once /healthz and READY answer
start_build() {
  local jar="$1" log="$2" ready="${3:-true}"
  mapfile -t site < <(site_args)
  MASTHEAD_JAR="$jar" ./masthead serve --port "$port" --data-dir "$data" --host 127.0.0.1 "${site[@]}" \
    ${serve_extra[@]+"${serve_extra[@]}"} >"$log" 2>&1 &
  server=$!
  for _ in $(seq 1 3600); do
    curl -fsS "$base/healthz" >/dev/null 2>&1 && $ready && break
    kill -0 "$server" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 1
  done
}

# seconds_for URL [CURL-OPTION]...: the median time of $runs requests, after one to warm up
seconds_for() {
  local url="$1"; shift
  curl -sS -o /dev/null "$@" "$url"
  for _ in $(seq 1 "$runs"); do curl -sS -o /dev/null -w '%{time_total}\n' "$@" "$url"; done \
    | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

# time_paths NOTE [CURL-OPTION]...: each of $paths timed on the running build, whose server then
# stops; `NOTE PATH` prints what to show beside each figure
time_paths() {
  local note="$1"; shift
  local column=() path seconds
  for path in "${paths[@]}"; do
    seconds=$(seconds_for "$base$path" "$@")
    printf '%-60s %8s s  %s\n' "$path" "$seconds" "$("$note" "$path")"
    column+=("$seconds")
  done
  results+=("$(IFS=,; echo "${column[*]}")")
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

# side_by_side HEADING [LABELS UNIT]: a Markdown table, one column per build and one row per entry of
# the array named LABELS (default: each of $paths, shown as code), each figure followed by UNIT
# (default " s")
side_by_side() {
  local i column values
  local -n rows="${2:-paths}"
  local unit="${3- s}" code=""
  [ -n "${2:-}" ] || code='`'
  echo
  printf '| %s |' "$1"; for jar in "${jars[@]}"; do printf ' %s |' "${jar:-target/masthead.jar}"; done; echo
  printf '|---|'; for _ in "${jars[@]}"; do printf -- '---|'; done; echo
  for i in "${!rows[@]}"; do
    printf '| %s%s%s |' "$code" "${rows[$i]}" "$code"
    for column in "${results[@]}"; do IFS=, read -ra values <<<"$column"; printf ' %s%s |' "${values[$i]}" "$unit"; done
    echo
  done
}
