#!/usr/bin/env bash
# Where the memory of `leaflets serve` is after bench-scale.sh's mixed load (issue 12: steady RSS <= 400 MB). Runs one
# case: `CLI serve` on LIBRARY (a library with its compiled snapshot, e.g. made by make-library.sh and `leaflets
# snapshot`; only read), waits for a leaflet's JSON, puts MIXED_SECONDS (default 60) of scripts/mixed-load.lua on it at 64
# connections, then appends one row to RESULTS (default bench/results/memory.md): RSS split as /proc/PID/status splits it
# (RssAnon: the GC heap and the runtime's own; RssFile: mapped code and the memory-mapped search index, shared and
# droppable; RssShmem: the JIT's double-mapped code), the peak, and the GC's own counters (dotnet-counters, installed as
# a dotnet tool if missing) during the load: collections per generation, bytes allocated, the largest gen-2 size after
# a collection and the most committed. Run it once per build or setting, interleaved, in one sitting: the machine is
# shared, so a figure means something only beside the others of its sitting (each row has the load average).
# Usage: scripts/bench-memory.sh LIBRARY LABEL CLI [NAME=VALUE ...]   (the NAME=VALUEs are the server's environment,
#   e.g. DOTNET_GCgen0size=0x2000000); PORT (default 7601).
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: scripts/bench-memory.sh LIBRARY LABEL CLI [NAME=VALUE ...]" >&2; exit 2; }
library=$1 label=$2 cli=$3
shift 3
cd "$(dirname "$0")/.."
[ -d "$library/leaflets" ] || { echo "bench-memory.sh: $library has no leaflets/ folder" >&2; exit 2; }
[ -x "$cli" ] || { echo "bench-memory.sh: $cli is not an executable" >&2; exit 2; }
results=${RESULTS:-bench/results/memory.md}
seconds=${MIXED_SECONDS:-60}
port=${PORT:-7601}
export PATH="$PATH:$HOME/.dotnet/tools"
command -v dotnet-counters >/dev/null || dotnet tool install --global dotnet-counters >/dev/null
work=$(mktemp -d /tmp/leaflets-bench-memory.XXXXXX)
server=""
cleanup() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT
if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then
  echo "bench-memory.sh: something already answers on port $port" >&2
  exit 1
fi

mapfile -t ids < <(ls "$library/leaflets")
{ echo "ids = {"; printf '"%s",\n' "${ids[@]}"; echo "}"; } >"$work/ids.lua"
pages=$(( (${#ids[@]} + 24) / 25 ))
load_before=$(cut -d' ' -f1 /proc/loadavg)
started=$(date -u '+%H:%M:%S')
env "$@" "$cli" serve --content "$library" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
probe="/api/leaflets/${ids[$(( ${#ids[@]} / 2 ))]}"
for _ in $(seq 1 3000); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$probe")" = 200 ] && break
  kill -0 "$server" 2>/dev/null || { echo "the server exited; its log:" >&2; cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
duration=$(printf '00:00:%02d:%02d' $(( seconds / 60 )) $(( seconds % 60 )))
dotnet-counters collect -p "$server" --counters System.Runtime --format csv -o "$work/counters.csv" --refresh-interval 5 \
  --duration "$duration" >/dev/null 2>&1 &
counters=$!
MIXED_IDS="$work/ids.lua" MIXED_PAGES=$pages wrk -t2 -c64 -d"${seconds}s" --timeout 30s -s scripts/mixed-load.lua \
  "http://127.0.0.1:$port" >"$work/wrk.txt"
status=$(cat "/proc/$server/status")
wait "$counters" || true
grep -q "Non-2xx" "$work/wrk.txt" && { echo "mixed load: non-2xx answers:" >&2; cat "$work/wrk.txt" >&2; exit 1; }
mb() { awk -v key="$1:" '$1 == key { printf "%.0f", $2 / 1024 }' <<<"$status"; }
gc=$(awk -F, '
  /gc.collections/ { split($3, by, "generation="); n[by[2]] += $5 }
  /last_collection.heap.size/ && /generation=gen2/ { if ($5 > gen2) gen2 = $5 }
  /memory.committed_size/ { if ($5 > committed) committed = $5 }
  /total_allocated/ { allocated += $5 }
  END { printf "%d / %d / %d | %.0f | %.0f | %.0f", n["gen0]"], n["gen1]"], n["gen2]"], allocated / 1048576, gen2 / 1048576, committed / 1048576 }' "$work/counters.csv")
listings=$(grep -o 'Compared the listing of [0-9]* files[^,]* in [0-9]* ms' "$work/server.log" | sed 's/.* in \([0-9]*\) ms/\1/' | paste -sd/ - || true)
timeouts=$(grep -c 'did not answer within' "$work/server.log" || true)
if [ ! -f "$results" ]; then
  {
    echo "# Memory of \`leaflets serve\` after the mixed load (scripts/bench-memory.sh)"
    echo
    echo "MB are MiB (kB / 1024, as bench-scale.sh). GCs, allocated, gen 2 and committed are dotnet-counters' figures during the load."
    echo
    echo "| Started (UTC) | Case | Load (1 min) | Requests/s | RSS | RssAnon | RssFile | RssShmem | Peak RSS | GCs gen 0 / 1 / 2 | Allocated MB | Largest gen 2 MB | Most committed MB | Listing compared (ms) | Listings timed out |"
    echo "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
  } >"$results"
fi
row="| $started | $label${*:+ ($*)} | $load_before | $(awk '/^Requests\/sec/ { print $2 }' "$work/wrk.txt") | $(mb VmRSS) | $(mb RssAnon) | $(mb RssFile) | $(mb RssShmem) | $(mb VmHWM) | $gc | ${listings:-none} | $timeouts |"
echo "$row" >>"$results"
echo "$row"
