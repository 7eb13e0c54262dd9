#!/usr/bin/env bash
# Scale benchmark (issue 12): a synthetic library of N leaflets (scripts/make-library.sh), and what the service costs
# with it. Writes bench/results/scale.md (bench/results/scale-N.md when N is not 10000, so a quick baseline never
# overwrites the measurement of record). Every row carries the 1-minute load average when it was taken: the machine
# is shared, and a figure is only as good as the load it was measured under.
#   - `leaflets list` (load only) and `leaflets check` (the publish gate) over the library: wall time and peak RSS.
#   - Cold start, process start to first answer (COLD_RUNS times each, median and every run): a leaflet's JSON, and
#     in another fresh process its PDF, in files mode from the Markdown, then from the compiled snapshot `leaflets
#     snapshot` writes (SNAPSHOT=0 skips it); the same in blob mode (Azurite, after `leaflets publish`, which writes one);
#     and the JSON in files mode from a ReadyToRun publish of the CLI against a plain publish of it (R2R=0 skips).
#   - RSS after 60 s of mixed load at 64 connections (wrk; JSON, HTML, list pages, searches and PDFs of many leaflets).
#   - Under 64 connections, SECONDS each: the health route (the floor), leaflet JSON and HTML (every leaflet in turn:
#     what a miss costs), json-hot and html-hot (HOT_N leaflets read Zipf-like, all kept in memory: what the 0.8x target
#     is judged on, bench/README says why), list pages, searches of six repeated queries and of fifty different ones,
#     with requests/s, p50 and p99, and each as a share of the floor. Then the same cases (but the misses) against the
#     bare floor, a server that answers each path with the bytes the product answered, from memory, and nothing else
#     (`leaflets-soak floor`; FLOOR=0 leaves it out): what any server pays on this machine to send those bytes.
#   - Blob mode: the whole library uploaded to Azurite by publish's own code without its gate (`leaflets-soak
#     put-content`: the gate over 10,000 leaflets takes hours; the uploads are what this times), then `leaflets publish`,
#     gate and all, of a library of PUBLISH_N leaflets to an empty container (its time per leaflet is the figure that
#     does not depend on N), then of the same library with one leaflet changed (the gate checks only that one).
# Usage: scripts/bench-scale.sh [N, default 10000] [SECONDS per latency case, default 15]
#   COLD_RUNS (default 3), REPEAT (default 1: runs of each latency case, 1 to 9, reported as the medians with every
#   run's p99; odd, so the median is a run's), MIXED_SECONDS (default 60), PUBLISH_N (default N, at most 1000), HOT_N (default 200), HEAP_LIMIT
#   (megabytes: the steady server's DOTNET_GCHeapHardLimit when served from the snapshot, default 256, 0 for none), STEADY_ENV (more
#   environment for the steady server alone, NAME=VALUE words separated by spaces, e.g. STEADY_ENV="DOTNET_GCgen0size=0x2000000
#   DOTNET_GCConserveMemory=5": the GC's settings are read from the environment as the runtime starts, so this is how
#   one is measured against another); SNAPSHOT=0, R2R=0, CHECK=0
#   and BLOB=0 leave out the compiled snapshot, the ReadyToRun comparison, the check and blob mode; MARKDOWN=0 leaves out
#   `leaflets list` and the cold starts from the Markdown (at 10,000, 95 s and 80 to 100 s each: 10 minutes of a run) (the check renders
#   every leaflet, and so does publish's gate: at 20 leaflets it took 33 s here, so at thousands these are the long
#   parts of a run); ENCODING (e.g. br) sends `Accept-Encoding: ENCODING` with every request of the latency cases, as
#   browsers and partner apps do (identity when unset: the bytes as rendered)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
count=${1:-10000}
seconds=${2:-15}
cold_runs=${COLD_RUNS:-3}
mixed_seconds=${MIXED_SECONDS:-60}
publish_count=${PUBLISH_N:-$(( count < 1000 ? count : 1000 ))}
port=7191
azurite_port=${SCALE_AZURITE_PORT:-10012}
results="$root/bench/results"
report="$results/scale.md"
[ "$count" = 10000 ] || report="$results/scale-$count.md"
work=$(mktemp -d /tmp/leaflets-bench-scale.XXXXXX)
server=""
azurite=""
floor_server=""
# The emulator's published development account; it is not a secret.
connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;"
container=scale
blob_env=(Content__Source=blob "Content__Blob__ConnectionString=$connection" Content__Blob__Container=$container)

stop_pid() { if [ -n "${1:-}" ]; then kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; fi; }
stop_server() { stop_pid "$server"; server=""; }
cleanup() { stop_server; stop_pid "$floor_server"; stop_pid "$azurite"; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$results"
# Another benchmark on this machine may be serving on the port: take the first free one, or our server could not
# listen and the other's answers would be timed as ours.
while curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; do
  port=$((port + 1))
done

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk ..."
  export DEBIAN_FRONTEND=noninteractive
  (apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk) >"$work/apt.log" 2>&1 \
    || { echo "apt-get install wrk failed:" >&2; tail -20 "$work/apt.log" >&2; exit 1; }
fi

echo "Building ..."
dotnet build -c Release src/Cli -v q -nologo >"$work/build.log" 2>&1 || { tail -20 "$work/build.log" >&2; exit 1; }
built="$root/src/Cli/bin/Release/net10.0/leaflets"
if [ "${BLOB:-1}" = 1 ] || [ "${FLOOR:-1}" = 1 ]; then
  dotnet build -c Release bench/Leaflets.Soak -v q -nologo >>"$work/build.log" 2>&1 || { tail -20 "$work/build.log" >&2; exit 1; }
fi
soak="$root/bench/Leaflets.Soak/bin/Release/net10.0/leaflets-soak"

echo "Making a library of $count leaflets ..."
library="$work/library"
made_at=$(date +%s%N)
scripts/make-library.sh "$count" "$library" >/dev/null
make_ms=$(( ($(date +%s%N) - made_at) / 1000000 ))
mapfile -t ids < <(ls "$library/leaflets")
probe=${ids[$(( ${#ids[@]} / 2 ))]} # a leaflet from the middle: not the first one any scan or cache meets

rows="$work/rows.md"
echo "| Measurement | Result | Load (1 min) |" >"$rows"
echo "|---|---:|---:|" >>"$rows"
load1() { cut -d' ' -f1 /proc/loadavg; }
row() { echo "| $1 | $2 | $(load1) |" >>"$rows"; echo "  $1: $2"; }
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# ms_of LATENCY: wrk's latency (850.00us, 1.97ms, 1.20s) in milliseconds.
ms_of() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/) n *= 1000; printf "%.2f", n }'; }
repeat=${REPEAT:-1}
[[ $repeat =~ ^[1-9]$ ]] || { echo "bench-scale.sh: REPEAT must be 1 to 9" >&2; exit 1; }

# timed_case NAME CASE PORT: the case's wrk script against PORT, REPEAT times for SECONDS each (run k's output in
# $work/wrk-NAME-k.txt); sets rps, p50 and p99 (milliseconds) to their medians over the runs and p99s to every run's p99.
# A p99 on this shared two-core machine moves 2 to 6 times from one run to the next (bench/README), so one run says little.
timed_case() {
  local name=$1 case=$2 at=$3 k out
  local all_rps=() all_p50=() all_p99=()
  for k in $(seq 1 "$repeat"); do
    out="$work/wrk-$name-$k.txt"
    wrk -t2 -c64 -d"${seconds}s" --timeout 30s --latency ${ENCODING:+-H "Accept-Encoding: $ENCODING"} -s "$work/$case.lua" \
      "http://127.0.0.1:$at" >"$out"
    grep -q "Non-2xx" "$out" && { echo "$name: non-2xx answers:" >&2; cat "$out" >&2; exit 1; }
    all_rps+=("$(awk '/^Requests\/sec/ { print $2 }' "$out")")
    all_p50+=("$(ms_of "$(awk '$1 == "50%" { print $2 }' "$out")")")
    all_p99+=("$(ms_of "$(awk '$1 == "99%" { print $2 }' "$out")")")
  done
  rps=$(median "${all_rps[@]}")
  p50=$(median "${all_p50[@]}")
  p99=$(median "${all_p99[@]}")
  p99s="${all_p99[*]}"
}

# timed NAME COMMAND...: runs a command under /usr/bin/time, which writes "seconds peak-KB" to $work/time.txt.
timed() {
  local name=$1
  shift
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" >"$work/$name.log" 2>&1 \
    || { echo "$name failed:" >&2; tail -30 "$work/$name.log" >&2; exit 1; }
}

# start_server NAME CLI [ENV...]: starts `CLI serve` on the library and records its PID; returns at once.
start_server() {
  local name=$1 cli=$2
  shift 2
  env "$@" "$cli" serve --content "$library" --urls "http://127.0.0.1:$port" >"$work/server-$name.log" 2>&1 &
  server=$!
}

# first_answer PATH: waits for a 200 from PATH (polling every 20 ms, at most 10 minutes) and prints the milliseconds
# since $started. A connection refused (Kestrel not listening yet) and a 503 (the first load of the content took longer
# than Content:RefreshTimeoutSeconds; it goes on loading) are tried again; any other status is a failure.
first_answer() {
  local path=$1 code
  for _ in $(seq 1 30000); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 600 "http://127.0.0.1:$port$path") || true
    if [ "$code" = 200 ]; then
      kill -0 "$server" 2>/dev/null || { echo "GET $path answered 200, but not from our server, which exited; its log:" >&2; cat "$work/server-"*.log >&2; exit 1; }
      echo $(( $(now_ms) - started ))
      return 0
    fi
    if [ "$code" != 000 ] && [ "$code" != 503 ]; then
      echo "GET $path answered $code; the server's log:" >&2
      cat "$work/server-"*.log >&2
      exit 1
    fi
    kill -0 "$server" 2>/dev/null || { echo "the server exited; its log:" >&2; cat "$work/server-"*.log >&2; exit 1; }
    sleep 0.02
  done
  echo "GET $path did not answer within 10 minutes" >&2
  exit 1
}

kib() { awk -v k="$1" 'BEGIN { printf "%.0f MB", k / 1024 }'; }
rss_of() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
peak_of() { awk '/^VmHWM/ { print $2 }' "/proc/$1/status"; }

# cold NAME CLI PATH [ENV...]: COLD_RUNS fresh processes, each timed from its start to the first 200 from PATH.
cold() {
  local name=$1 cli=$2 path=$3
  shift 3
  local times=() peaks=()
  for run in $(seq 1 "$cold_runs"); do
    sync
    started=$(now_ms)
    start_server "$name-$run" "$cli" "$@"
    times+=("$(first_answer "$path")")
    peaks+=("$(peak_of "$server")")
    stop_server
  done
  row "Cold start to first answer, $name (ms; median of ${cold_runs}: runs)" "$(median "${times[@]}") (${times[*]})"
  row "Peak RSS at that first answer, $name" "$(kib "$(median "${peaks[@]}")")"
}

json="/api/leaflets/$probe"
pdf="/api/leaflets/$probe/pdf?variant=plain"
started_at=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
row "Library made by scripts/make-library.sh (ms)" "$make_ms"

# `leaflets list` reads and parses the whole library and runs no checks: what any process that loads it pays.
if [ "${MARKDOWN:-1}" = 1 ]; then
  echo "leaflets list ..."
  timed list "$built" list --content "$library"
  read -r list_seconds list_kb <"$work/time.txt"
  row "leaflets list, whole library loaded with no checks (s)" "$list_seconds"
  row "leaflets list, peak RSS" "$(kib "$list_kb")"
fi

if [ "${CHECK:-1}" = 1 ]; then
  echo "leaflets check ..."
  timed check "$built" check --content "$library"
  read -r check_seconds check_kb <"$work/time.txt"
  row "leaflets check, whole library (s)" "$check_seconds"
  row "leaflets check, peak RSS" "$(kib "$check_kb")"
fi

if [ "${MARKDOWN:-1}" = 1 ]; then
  echo "Cold starts, files mode ..."
  cold "files mode, leaflet JSON" "$built" "$json"
  cold "files mode, leaflet PDF" "$built" "$pdf"
fi

# The compiled snapshot (src/Content/Snapshot): written without rendering anything, then the same cold starts from it.
# It stays in the library, so everything after (the mixed load, the latency cases) serves from it too; SNAPSHOT=0 leaves it out.
if [ "${SNAPSHOT:-1}" = 1 ]; then
  echo "leaflets snapshot ..."
  timed snapshot "$built" snapshot --content "$library"
  read -r snapshot_seconds snapshot_kb <"$work/time.txt"
  row "leaflets snapshot, compiled snapshot of the library written (s)" "$snapshot_seconds"
  row "leaflets snapshot, peak RSS" "$(kib "$snapshot_kb")"
  row "Compiled snapshot size" "$(kib "$(du -k "$library/.snapshot" | cut -f1)")"
  cold "files mode from the compiled snapshot, leaflet JSON" "$built" "$json"
  cold "files mode from the compiled snapshot, leaflet PDF" "$built" "$pdf"
fi

if [ "${R2R:-1}" = 1 ]; then
  echo "Publishing the CLI with and without ReadyToRun ..."
  for r2r in false true; do
    rm -rf src/*/obj/Release/net10.0/linux-x64/R2R # stale images from another publish abort the app (bench-cold-start.sh says why)
    dotnet publish src/Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=$r2r -o "$work/publish-r2r-$r2r" \
      -v q -nologo >"$work/publish-r2r-$r2r.log" 2>&1 || { tail -20 "$work/publish-r2r-$r2r.log" >&2; exit 1; }
  done
  cold "files mode, leaflet JSON, published without ReadyToRun" "$work/publish-r2r-false/leaflets" "$json"
  cold "files mode, leaflet JSON, published with ReadyToRun" "$work/publish-r2r-true/leaflets" "$json"
fi

echo "Mixed load for ${mixed_seconds} s at 64 connections ..."
# scripts/mixed-load.lua (shared with scripts/bench-memory.sh) says what the mixed load asks for.
lua_ids="$work/ids.lua"
{ echo "ids = {"; printf '"%s",\n' "${ids[@]}"; echo "}"; } >"$lua_ids"
pages=$(( (count + 24) / 25 ))
# One Lua file per case below: request n asks for item n of the case in turn.
# Fifty different searches, from the words make-library.sh writes (its subjects, their clinical synonyms, its codes'
# names) and the real leaflets' (exact, stemmed and misspelt), so most requests are not the one before: the
# remembered searches (RememberedSearches) and rendered pages are kept per query, and six queries fit in any cache.
many_queries=(
  asthma "heart%20failure" diabetes "high%20blood%20pressure" "hip%20replacement" "knee%20replacement"
  "cataract%20surgery" "breast%20cancer" "lung%20cancer" "bowel%20screening" "kidney%20stones" osteoporosis
  "rheumatoid%20arthritis" "stroke%20recovery" chemotherapy radiotherapy "hearing%20loss" "sleep%20problems"
  pregnancy physiotherapy "wound%20care" "blood%20tests" "MRI%20scans" "CT%20scans" "cardiac%20failure"
  hypertension "hip%20arthroplasty" "knee%20arthroplasty" "renal%20calculi" "stroke%20rehabilitation"
  "magnetic%20resonance%20imaging" "computed%20tomography" "cataract%20operation" "secondary%20bone"
  "myocardial%20infarction" "obstructive%20lung" "hypertensive%20disorder" "diabetes%20mellitus"
  "neoplasm%20of%20breast" "bone%20cement" vertebroplasty vertebroplasy cementoplasty kyphoplasty sedation
  "local%20anaesthetic" scans "living%20with%20asthma" "questions%20about%20pregnancy" "caring%20for%20someone"
)
[ "${#many_queries[@]}" = 50 ] || { echo "bench-scale.sh: ${#many_queries[@]} queries in many_queries, not 50" >&2; exit 1; }
lua_many="$work/queries.lua"
{ echo "many_queries = {"; printf '"%s",\n' "${many_queries[@]}"; echo "}"; } >"$lua_many"
queries=("bone%20cement" asthma vertebroplasty "hip%20replacement" diabetes pain)
cycle() { # NAME PATH-EXPRESSION (Lua, of id, n, pages, queries and many_queries)
  cat >"$work/$1.lua" <<EOF
dofile("$lua_ids")
dofile("$lua_many")
local queries = {$(printf '"%s", ' "${queries[@]}")}
local pages = $pages
local n = 0
request = function()
  n = n + 1
  local id = ids[(n * 7919) % #ids + 1]
  return wrk.format(nil, $2)
end
EOF
}
cycle health '"/api/health"'
cycle json '"/api/leaflets/" .. id'
cycle html '"/api/leaflets/" .. id .. "/html"'
cycle list '"/api/leaflets?page=" .. ((n % pages) + 1)'
cycle search '"/api/leaflets?q=" .. queries[(n % #queries) + 1]'
cycle search50 '"/api/leaflets?q=" .. many_queries[(n % #many_queries) + 1]'
# From memory (json-hot, html-hot): a library is read the way a few leaflets are read most. HOT_N leaflets (default 200,
# spread over the library: every (N / HOT_N)-th), each asked for in proportion to 1 / its rank (Zipf, s = 1), request n
# taking the rank at the golden-ratio point n * 0.618... (mod 1) of the distribution: deterministic, every rank reached.
# Every hot leaflet is asked for once (JSON and HTML) before the timing, so these cases measure answers kept in memory
# (the representation cache holds them; bench/README says why not Zipf over the whole library), json and html above
# what a miss costs.
hot_count=${HOT_N:-200}
[ "$hot_count" -ge 1 ] && [ "$hot_count" -le "$count" ] || { echo "bench-scale.sh: HOT_N must be 1 to $count" >&2; exit 1; }
hot_ids=()
for i in $(seq 0 $(( hot_count - 1 ))); do hot_ids+=("${ids[$(( i * (count / hot_count) ))]}"); done
hot() { # NAME PATH-EXPRESSION (Lua, of id)
  cat >"$work/$1.lua" <<EOF
hot = {
$(printf '"%s",\n' "${hot_ids[@]}")
}
function path_of(id) return $2 end
dofile("$root/scripts/hot-load.lua")
EOF
}
hot json-hot '"/api/leaflets/" .. id'
hot html-hot '"/api/leaflets/" .. id .. "/html"'
cases=(health json html json-hot html-hot list search search50)

started=$(now_ms)
# Served from the compiled snapshot, the steady server runs with the heap limit the README gives for that
# (DOTNET_GCHeapHardLimit, read by the runtime as it starts; HEAP_LIMIT=0 measures it without).
steady_env=()
heap_limit=${HEAP_LIMIT:-256}
[[ $heap_limit =~ ^[0-9]+$ ]] || { echo "bench-scale.sh: HEAP_LIMIT must be megabytes, 0 for none" >&2; exit 1; }
[ "${SNAPSHOT:-1}" = 1 ] && [ "$heap_limit" != 0 ] && steady_env=("DOTNET_GCHeapHardLimit=$(printf '0x%x' $(( heap_limit * 1024 * 1024 )))")
read -r -a extra_env <<<"${STEADY_ENV:-}"
for setting in "${extra_env[@]}"; do
  [[ $setting =~ ^[A-Za-z_][A-Za-z0-9_]*=[^[:space:]]*$ ]] || { echo "bench-scale.sh: STEADY_ENV word '$setting' is not NAME=VALUE" >&2; exit 1; }
  steady_env+=("$setting")
done
start_server steady "$built" "${steady_env[@]}"
first_answer "$json" >/dev/null
MIXED_IDS="$lua_ids" MIXED_PAGES=$pages wrk -t2 -c64 -d"${mixed_seconds}s" --timeout 30s -s scripts/mixed-load.lua "http://127.0.0.1:$port" >"$work/mixed.txt"
grep -q "Non-2xx" "$work/mixed.txt" && { echo "mixed load: non-2xx answers:" >&2; cat "$work/mixed.txt" >&2; exit 1; }
row "RSS after ${mixed_seconds} s of mixed load at 64 connections" "$(kib "$(rss_of "$server")")"
row "Peak RSS during it" "$(kib "$(peak_of "$server")")"
row "Mixed load, requests/s" "$(awk '/^Requests\/sec/ { print $2 }' "$work/mixed.txt")"

summary="$work/latency.md"
echo "| Case (64 connections, ${seconds} s, Accept-Encoding: ${ENCODING:-none}; median of $repeat runs) | Requests/s | p50 | p99 | p99 of each run (ms) | Share of the health floor | Load (1 min) |" >"$summary"
echo "|---|---:|---:|---:|---:|---:|---:|" >>"$summary"
floor=""
declare -A product_rps
for case in "${cases[@]}"; do
  echo "wrk: $case ..."
  if [[ $case == *-hot ]]; then
    suffix=""
    [ "$case" = html-hot ] && suffix=/html
    for id in "${hot_ids[@]}"; do
      curl -s -o /dev/null --fail "http://127.0.0.1:$port/api/leaflets/$id$suffix" || { echo "$case: warming $id failed" >&2; exit 1; }
    done
  fi
  timed_case "$case" "$case" "$port"
  product_rps[$case]=$rps
  [ -n "$floor" ] || floor=$rps
  awk -v c="$case" -v rps="$rps" -v p50="$p50" -v p99="$p99" -v p99s="$p99s" -v floor="$floor" -v load="$(load1)" \
    'BEGIN { printf "| %s | %s | %.2f ms | %.2f ms | %s | %.2fx | %s |\n", c, rps, p50, p99, p99s, rps / floor, load }' >>"$summary"
done
row "RSS after the latency cases" "$(kib "$(rss_of "$server")")"

# The bare floor (FLOOR=0 leaves it out): `leaflets-soak floor`, a Kestrel server that answers each path with the
# bytes the product answered for it, kept in memory, nothing else done. It asks the product once for every path the
# cases below ask for (curl, while the product still runs), then the product stops and each case is timed against the
# floor alone: what sending those bytes costs any server on this machine, wrk included (bench/README, "The bare floor").
floor_cases=(health json-hot html-hot list search search50)
floor_summary="$work/floor.md"
if [ "${FLOOR:-1}" = 1 ]; then
  echo "The bare floor ..."
  floor_port=$((port + 1))
  while curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$floor_port/"; do
    floor_port=$((floor_port + 1))
  done
  "$soak" floor --base "http://127.0.0.1:$port" --urls "http://127.0.0.1:$floor_port" >"$work/floor.log" 2>&1 &
  floor_server=$!
  for _ in $(seq 1 250); do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$floor_port/api/health" && break
    sleep 0.02
  done
  {
    echo /api/health
    for id in "${hot_ids[@]}"; do echo "/api/leaflets/$id"; echo "/api/leaflets/$id/html"; done
    for page in $(seq 1 "$pages"); do echo "/api/leaflets?page=$page"; done
    for query in "${queries[@]}" "${many_queries[@]}"; do echo "/api/leaflets?q=$query"; done
  } | awk -v base="http://127.0.0.1:$floor_port" '{ printf "url = \"%s%s\"\noutput = \"/dev/null\"\n", base, $0 }' >"$work/floor-paths.txt"
  primed=$(curl -s ${ENCODING:+-H "Accept-Encoding: $ENCODING"} -K "$work/floor-paths.txt" -w '%{http_code}\n' 2>&1 | sort | uniq -c | tr -s ' ')
  [ "$primed" = " $(( $(wc -l <"$work/floor-paths.txt") / 2 )) 200" ] || { echo "The floor's answers were not all 200: $primed" >&2; exit 1; }
  # The same bytes, headers and all but Date: one page of each kind, from both.
  for path in /api/health "/api/leaflets/${hot_ids[0]}" "/api/leaflets/${hot_ids[0]}/html" "/api/leaflets?page=2" "/api/leaflets?q=${queries[0]}"; do
    for side in "$port" "$floor_port"; do
      curl -s -D - ${ENCODING:+-H "Accept-Encoding: $ENCODING"} "http://127.0.0.1:$side$path" | grep -av '^Date: ' >"$work/floor-cmp-$side"
    done
    cmp -s "$work/floor-cmp-$port" "$work/floor-cmp-$floor_port" || { echo "The floor does not answer $path as the product does" >&2; exit 1; }
  done
fi
stop_server
if [ "${FLOOR:-1}" = 1 ]; then
  echo "| Case, bare floor (64 connections, ${seconds} s, Accept-Encoding: ${ENCODING:-none}; median of $repeat runs) | Requests/s | p50 | p99 | p99 of each run (ms) | Share of the floor's health | The product's requests/s as a share of the floor's | Load (1 min) |" >"$floor_summary"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|" >>"$floor_summary"
  # Its code warmed as the product's was by the cases before (tiered JIT): untimed, a few seconds of two cases.
  for case in health list; do
    wrk -t2 -c64 -d3s ${ENCODING:+-H "Accept-Encoding: $ENCODING"} -s "$work/$case.lua" "http://127.0.0.1:$floor_port" >/dev/null
  done
  bare_health=""
  for case in "${floor_cases[@]}"; do
    echo "wrk: $case against the bare floor ..."
    timed_case "floor-$case" "$case" "$floor_port"
    [ -n "$bare_health" ] || bare_health=$rps
    awk -v c="$case" -v rps="$rps" -v p50="$p50" -v p99="$p99" -v p99s="$p99s" -v health="$bare_health" -v product="${product_rps[$case]}" -v load="$(load1)" \
      'BEGIN { printf "| %s | %s | %.2f ms | %.2f ms | %s | %.2fx | %.2fx | %s |\n", c, rps, p50, p99, p99s, rps / health, product / rps, load }' >>"$floor_summary"
  done
  stop_pid "$floor_server"
fi

if [ "${BLOB:-1}" = 1 ]; then
  echo "Publishing to Azurite ..."
  [ -x tests/azurite/node_modules/.bin/azurite-blob ] || (cd tests/azurite && npm ci --no-audit --no-fund --loglevel=error) >"$work/npm.log" 2>&1
  # Other work on this machine (the tests, another benchmark) runs Azurites of its own: take the first free port.
  while curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$azurite_port/"; do
    azurite_port=$((azurite_port + 1))
  done
  connection=${connection/127.0.0.1:${SCALE_AZURITE_PORT:-10012}/127.0.0.1:$azurite_port}
  blob_env=(Content__Source=blob "Content__Blob__ConnectionString=$connection" Content__Blob__Container=$container)
  tests/azurite/node_modules/.bin/azurite-blob --blobHost 127.0.0.1 --blobPort "$azurite_port" --location "$work/azurite" \
    --disableTelemetry --skipApiVersionCheck --silent >"$work/azurite.log" 2>&1 &
  azurite=$!
  for _ in $(seq 1 60); do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$azurite_port/devstoreaccount1?comp=list" && break
    sleep 0.5
  done
  # The whole library, for the cold starts: publish's uploads (16 at once, images before text) without its gate.
  timed put-content "$soak" put-content --connection-string "$connection" --container "$container" --content "$library"
  read -r put_seconds put_kb <"$work/time.txt"
  row "Whole library uploaded by publish's code without its gate (s)" "$put_seconds"
  row "That upload's peak RSS" "$(kib "$put_kb")"

  # Publish, gate and all, of its own library of PUBLISH_N leaflets, to its own container; then one leaflet changed.
  echo "leaflets publish of $publish_count leaflets ..."
  publishing="$work/publishing"
  scripts/make-library.sh "$publish_count" "$publishing" >/dev/null
  mapfile -t publish_ids < <(ls "$publishing/leaflets")
  changed=${publish_ids[$(( ${#publish_ids[@]} / 2 ))]}
  timed publish-all "$built" publish --content "$publishing" --connection-string "$connection" --container "$container-publish"
  read -r publish_seconds publish_kb <"$work/time.txt"
  row "leaflets publish of $publish_count leaflets to an empty container (s)" "$publish_seconds"
  row "That publish per leaflet (s; the figure that does not depend on N)" "$(awk -v s="$publish_seconds" -v n="$publish_count" 'BEGIN { printf "%.3f", s / n }')"
  row "leaflets publish, peak RSS" "$(kib "$publish_kb")"
  printf '\nA sentence added by the scale benchmark.\n' >>"$publishing/leaflets/$changed/plain.md"
  timed publish-one "$built" publish --content "$publishing" --connection-string "$connection" --container "$container-publish"
  read -r publish_seconds _ <"$work/time.txt"
  row "leaflets publish of the same $publish_count with one leaflet changed (s)" "$publish_seconds"
  row "What that publish did" "$(grep -E '^(Published|Checked) ' "$work/publish-one.log" | tr '|\n' '/ ' || echo 'no summary line')"

  echo "Cold starts, blob mode ..."
  cold "blob mode, leaflet JSON" "$built" "$json" "${blob_env[@]}"
  cold "blob mode, leaflet PDF" "$built" "$pdf" "${blob_env[@]}"
fi

finished_at=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
{
  echo "# Scale benchmark: $count leaflets"
  echo
  echo "Measured by \`scripts/bench-scale.sh $count $seconds\` (COLD_RUNS=$cold_runs, REPEAT=$repeat, MIXED_SECONDS=$mixed_seconds, PUBLISH_N=$publish_count, SNAPSHOT=${SNAPSHOT:-1}, R2R=${R2R:-1}, CHECK=${CHECK:-1}, BLOB=${BLOB:-1}, MARKDOWN=${MARKDOWN:-1}, ENCODING=${ENCODING:-none}, HEAP_LIMIT=${HEAP_LIMIT:-256}, STEADY_ENV=${STEADY_ENV:-none}): \`leaflets serve\`"
  echo "(Release build) on a library made by \`scripts/make-library.sh $count\` (copies of content/leaflets with their own titles,"
  echo "topics, codes and review dates; every third with its Welsh translation). Cold starts time a fresh process from its"
  echo "start to the first 200 for \`$json\` (or its PDF), polling every 20 ms. The latency cases ask for a different leaflet,"
  echo "list page or search at each request: \`search\` cycles six queries (bone cement, asthma, vertebroplasty, hip replacement,"
  echo "diabetes, pain), \`search50\` fifty (the synthetic library's subjects, synonyms and code names, and the real leaflets' words)."
  echo "\`json\` and \`html\` ask for every leaflet in turn (each request a miss); \`json-hot\` and \`html-hot\` for $hot_count leaflets spread"
  echo "over the library, the leaflet of rank k in proportion to 1/k, each asked for once before the timing (answers from memory)."
  echo
  echo "- Run: $started_at to $finished_at"
  echo "- nproc: $(nproc); load average (1, 5, 15 min) before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- wrk: $(wrk --version 2>&1 | head -1)"
  echo
  cat "$rows"
  echo
  cat "$summary"
  if [ -s "$floor_summary" ]; then
    echo
    cat "$floor_summary"
  fi
  echo
  echo "## wrk output"
  echo
  echo '### Mixed load'
  echo
  echo '```'
  cat "$work/mixed.txt"
  echo '```'
  for name in "${cases[@]}" "${floor_cases[@]/#/floor-}"; do
    for k in $(seq 1 "$repeat"); do
      [ -f "$work/wrk-$name-$k.txt" ] || continue
      echo
      echo "### ${name/#floor-/bare floor, }, run $k"
      echo
      echo '```'
      cat "$work/wrk-$name-$k.txt"
      echo '```'
    done
  done
} >"$report"
cat "$rows" "$summary"
[ ! -s "$floor_summary" ] || cat "$floor_summary"
echo "Wrote $report"
