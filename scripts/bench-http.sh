#!/usr/bin/env bash
# HTTP benchmark: wrk against `leaflets serve` on the built-in content, and writes bench/results/http.md.
# In one run, under the same load: the health route (the server's floor, the baseline), the leaflet JSON and HTML
# as they are and compressed (Brotli, then gzip), from the representation cache (rendered and encoded once) and with
# it off (RepresentationCache__MaxBytes=0: rendered and encoded for every request), a PDF from the memory cache (as it is,
# and in Brotli, encoded once and kept),
# and a PDF rendered for every request (Pdf__CacheBytes=0), the last under both garbage collectors:
# `leaflets serve` is set to workstation GC like the Functions worker (the Web SDK's default is server GC),
# and this keeps that choice measured.
# Usage: scripts/bench-http.sh [seconds per measurement, default 15]   (WARMUP_SECONDS, default 20, for the discarded run before each;
#        CONNECTIONS, default 2, for wrk's open connections)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-15}
connections=${CONNECTIONS:-2}
port=7190
results="$root/bench/results"
work=$(mktemp -d /tmp/leaflets-bench-http.XXXXXX)
server=""
stop_server() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    server=""
  fi
}
trap 'stop_server; rm -rf "$work"' EXIT
mkdir -p "$results"

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk ..."
  export DEBIAN_FRONTEND=noninteractive
  (apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk) >"$work/apt.log" 2>&1 \
    || { echo "apt-get install wrk failed:" >&2; tail -20 "$work/apt.log" >&2; exit 1; }
fi

dotnet build -c Release src/Cli -v q -nologo >"$work/build.log" 2>&1 || { tail -20 "$work/build.log" >&2; exit 1; }
cli="$root/src/Cli/bin/Release/net10.0/leaflets"

# start_server NAME ENV...: starts the server with extra environment and waits until health answers.
start_server() {
  local name=$1
  shift
  env "$@" "$cli" serve --content "$root/content" --urls "http://127.0.0.1:$port" >"$work/server-$name.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do
    if curl -fs -o /dev/null "http://127.0.0.1:$port/api/health"; then
      return 0
    fi
    sleep 0.2
  done
  echo "leaflets serve ($name) did not answer; its log:" >&2
  cat "$work/server-$name.log" >&2
  exit 1
}

summary="$work/summary.md"
raw="$work/raw.md"
echo "| Case | Server | Requests/s | Latency mean | p50 | p99 |" >"$summary"
echo "|---|---|---:|---:|---:|---:|" >>"$summary"

# measure CASE SERVER PATH [ACCEPT-ENCODING]: a warm-up run (discarded, long enough for tiered JIT on two cores), then
# the measurement; with ACCEPT-ENCODING, checks first that the answer is in that coding.
measure() {
  local case=$1 server_name=$2 path=$3 coding=${4:-}
  local url="http://127.0.0.1:$port$path"
  local headers=()
  if [ -n "$coding" ]; then
    headers=(-H "Accept-Encoding: $coding")
    curl -fsS -D - -o /dev/null "${headers[@]}" "$url" | grep -qi "^content-encoding: $coding" \
      || { echo "GET $path with Accept-Encoding: $coding was not sent in $coding" >&2; exit 1; }
  fi
  curl -fsS -o /dev/null "${headers[@]}" "$url" || { echo "GET $path failed before measuring" >&2; exit 1; }
  wrk -t1 -c"$connections" -d"${WARMUP_SECONDS:-20}s" "${headers[@]}" "$url" >/dev/null
  wrk -t1 -c"$connections" -d"${seconds}s" --latency "${headers[@]}" "$url" >"$work/wrk.txt"
  if grep -q "Non-2xx" "$work/wrk.txt"; then
    echo "$case: non-2xx answers:" >&2
    cat "$work/wrk.txt" >&2
    exit 1
  fi
  awk -v c="$case" -v s="$server_name" '
    /^    Latency/ && !mean { mean = $2 }
    /^     50%/ { p50 = $2 }
    /^     99%/ { p99 = $2 }
    /^Requests\/sec/ { rps = $2 }
    END { printf "| %s | %s | %s | %s | %s | %s |\n", c, s, rps, mean, p50, p99 }' "$work/wrk.txt" >>"$summary"
  { echo "### $case ($server_name): GET $path${coding:+, Accept-Encoding: $coding}"; echo; echo '```'; cat "$work/wrk.txt"; echo '```'; echo; } >>"$raw"
}

pdf="/api/leaflets/cementoplasty/pdf?variant=plain"
started=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

start_server cached
measure "health (baseline)" "workstation GC" "/api/health"
measure "leaflet JSON" "workstation GC" "/api/leaflets/cementoplasty"
measure "leaflet JSON, Brotli" "workstation GC" "/api/leaflets/cementoplasty" br
measure "leaflet JSON, gzip" "workstation GC" "/api/leaflets/cementoplasty" gzip
measure "leaflet HTML" "workstation GC" "/api/leaflets/cementoplasty/html"
measure "leaflet HTML, Brotli" "workstation GC" "/api/leaflets/cementoplasty/html" br
measure "PDF, from the memory cache" "workstation GC" "$pdf"
measure "PDF, from the memory cache, Brotli" "workstation GC" "$pdf" br
stop_server

start_server uncached RepresentationCache__MaxBytes=0
measure "leaflet JSON" "workstation GC, no representation cache" "/api/leaflets/cementoplasty"
measure "leaflet JSON, Brotli" "workstation GC, no representation cache" "/api/leaflets/cementoplasty" br
measure "leaflet HTML" "workstation GC, no representation cache" "/api/leaflets/cementoplasty/html"
stop_server

for gc in 1 0; do
  gc_name=$([ "$gc" = 1 ] && echo "server GC" || echo "workstation GC")
  start_server "render-gc$gc" Pdf__CacheBytes=0 DOTNET_gcServer=$gc
  measure "PDF, rendered per request" "$gc_name, no PDF cache" "$pdf"
  stop_server
done

finished=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
{
  echo "# HTTP benchmark (wrk)"
  echo
  echo "Measured by \`CONNECTIONS=$connections scripts/bench-http.sh $seconds\`: \`leaflets serve\` (Release) on the built-in content, wrk with 1 thread"
  echo "and $connections connections on loopback, ${seconds} s per case after a ${WARMUP_SECONDS:-20} s warm-up run of the same case. \"Rendered per request\""
  echo "sets \`Pdf__CacheBytes=0\`, so every request renders (two requests for the same PDF at the same moment still share one"
  echo "render). \`DOTNET_gcServer\` picks the garbage collector. \"Brotli\" and \"gzip\" send that Accept-Encoding (Brotli quality 5,"
  echo "gzip level 6: src/Functions/Http/ContentCoding.cs). JSON and HTML come from the representation cache, rendered and encoded"
  echo "once (src/Functions/Http/RepresentationCache.cs); \"no representation cache\" sets RepresentationCache__MaxBytes=0, so every"
  echo "request renders and encodes again, as before the cache."
  echo
  echo "- Run: $started to $finished"
  echo "- nproc: $(nproc); load average (1, 5, 15 min) before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- wrk: $(wrk --version 2>&1 | head -1)"
  echo
  cat "$summary"
  echo
  echo "## wrk output"
  echo
  cat "$raw"
} >"$results/http.md"
cat "$summary"
echo "Wrote $results/http.md"
