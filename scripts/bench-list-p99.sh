#!/usr/bin/env bash
# Kept list pages against kept leaflet JSON, two builds interleaved in one sitting, so that a change to the list route's
# per-request path is judged against a baseline timed beside it on the same (shared, 2-core) machine.
#   scripts/bench-list-p99.sh LIBRARY BEFORE_DIR AFTER_DIR [ROUNDS]
# BEFORE_DIR and AFTER_DIR hold a built `leaflets` (src/Cli/bin/Release/net10.0, copied aside so a rebuild does not
# change it mid-run). Each round starts BEFORE then AFTER: `leaflets serve` on LIBRARY (with its compiled snapshot),
# waits for the start's listing comparison, asks for every list page and the 200 hot leaflets once (so every case is
# answered from memory), then wrk 15 s at 64 connections: list pages (page n % 400 + 1) without and with Brotli, and
# json-hot (200 leaflets spread over the library, Zipf as scripts/bench-scale.sh asks for them) with Brotli.
# Writes bench/results/list-p99.md: one row per server and case, with the 1-minute load when wrk ended.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 3 ]; then
  echo "usage: scripts/bench-list-p99.sh LIBRARY BEFORE_DIR AFTER_DIR [ROUNDS]" >&2
  exit 2
fi
library=$1 before=$2 after=$3 rounds=${4:-2}
port=${PORT:-7501}
seconds=${SECONDS_EACH:-15}
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

mapfile -t ids < <(ls "$library/leaflets" | LC_ALL=C sort)
count=${#ids[@]}
pages=$(( (count + 24) / 25 ))
hot_ids=()
for i in $(seq 0 199); do hot_ids+=("${ids[$(( i * (count / 200) ))]}"); done

cat >"$work/list.lua" <<EOF
local n = 0
request = function() n = n + 1; return wrk.format(nil, "/api/leaflets?page=" .. ((n % $pages) + 1)) end
EOF
cat >"$work/json-hot.lua" <<EOF
hot = {
$(printf '"%s",\n' "${hot_ids[@]}")
}
function path_of(id) return "/api/leaflets/" .. id end
dofile("$(pwd)/scripts/hot-load.lua")
EOF

out=bench/results/list-p99.md
{
  echo "# Kept list pages against kept leaflet JSON, two builds interleaved"
  echo
  echo "\`scripts/bench-list-p99.sh $library $before $after $rounds\`, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores;"
  echo "start: \`$(uptime | sed 's/^ *//')\`. wrk -t2 -c64 -d${seconds}s; every page and hot leaflet asked for once first."
  echo
  echo "| Round | Build | Case | Requests/s | p50 | p99 | Load (1 min) |"
  echo "|--:|---|---|--:|--:|--:|--:|"
} >"$out"

measure() { # ROUND BUILD CASE ENCODING
  local lua=$work/$3.lua
  [ "$3" = list-br ] && lua=$work/list.lua
  wrk -t2 -c64 -d"${seconds}s" --latency -H "Accept-Encoding: $4" -s "$lua" "http://127.0.0.1:$port" >"$work/wrk.txt"
  grep -q "Non-2xx" "$work/wrk.txt" && { echo "$2 $3: non-2xx answers" >&2; cat "$work/wrk.txt" >&2; exit 1; }
  local rps p50 p99
  rps=$(awk '/^Requests\/sec/ { printf "%d", $2 }' "$work/wrk.txt")
  p50=$(awk '$1 == "50%" { print $2 }' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")
  echo "| $1 | $2 | $3 | $rps | $p50 | $p99 | $(cut -d' ' -f1 /proc/loadavg) |" | tee -a "$out"
}

for round in $(seq "$rounds"); do
  for build in before after; do
    dir=$before
    [ $build = after ] && dir=$after
    "$dir/leaflets" serve --content "$library" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
    server=$!
    until curl -s -o /dev/null "http://127.0.0.1:$port/api/health"; do sleep 0.2; done
    for _ in $(seq 120); do grep -q "Compared the listing" "$work/server.log" && break; sleep 1; done
    for p in $(seq "$pages"); do curl -s -o /dev/null --fail "http://127.0.0.1:$port/api/leaflets?page=$p"; done
    for id in "${hot_ids[@]}"; do curl -s -o /dev/null --fail "http://127.0.0.1:$port/api/leaflets/$id"; done
    measure "$round" $build list identity
    measure "$round" $build list-br br
    measure "$round" $build json-hot br
    kill "$server"; wait "$server" 2>/dev/null || true
    server=""
  done
done
echo >>"$out"
echo "end: \`$(uptime | sed 's/^ *//')\`" >>"$out"
