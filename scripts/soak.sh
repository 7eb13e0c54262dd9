#!/usr/bin/env bash
# Soak test (issue 13): `leaflets serve` in blob mode against its own Azurite, under 64 connections of mixed JSON, HTML,
# search, list and PDF requests (no memory cache for PDFs, so each one goes to the shared store and, on a miss, renders),
# while this script publishes an edit, uploads a broken file past the publish gate, stops Azurite for 30 s and starts it
# again, then puts the good file back. The load tool (bench/Leaflets.Soak) reports answers other than 2xx by route, p99
# and RSS per minute, and fails the run on any 5xx or unanswered request outside the PDF outage window, on any JSON
# request slower than 1 s, or on RSS growth after recovery. Results: bench/results/soak.md.
# Usage: scripts/soak.sh [minutes, default 2]   (SOAK_CONNECTIONS, default 64; SOAK_AZURITE_PORT, default 10011; SOAK_PORT, default 7192;
#        SOAK_REPORT, default bench/results/soak.md: the test command writes its run elsewhere)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
minutes=${1:-2}
seconds=$((minutes * 60))
connections=${SOAK_CONNECTIONS:-64}
azurite_port=${SOAK_AZURITE_PORT:-10011}
port=${SOAK_PORT:-7192}
report=${SOAK_REPORT:-$root/bench/results/soak.md}
work=$(mktemp -d /tmp/leaflets-soak.XXXXXX)
events="$work/events.txt"
log="$work/faults.log"
server="" faults=""
# Azurite is stopped and started again by the fault timeline, a subshell: its PID lives in a file both can read.
azurite_pid="$work/azurite.pid"
# The emulator's published development account; it is not a secret.
connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;"
container=leaflets-soak

# stop_pid PID: SIGTERM, then waits until it is gone (it may not be this shell's child, so `wait` alone is not enough).
stop_pid() {
  [ -n "$1" ] || return 0
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$1" 2>/dev/null || break; sleep 0.25; done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
stop_azurite() { if [ -f "$azurite_pid" ]; then stop_pid "$(cat "$azurite_pid")"; rm -f "$azurite_pid"; fi; }
cleanup() { stop_pid "$faults"; stop_pid "$server"; stop_azurite; rm -rf "$work"; }
trap cleanup EXIT

for project in src/Cli bench/Leaflets.Soak; do
  dotnet build -c Release "$project" -v q -nologo >"$work/build.log" 2>&1 || { tail -20 "$work/build.log" >&2; exit 1; }
done
cli=(dotnet "$root/src/Cli/bin/Release/net10.0/leaflets.dll")
soak=(dotnet "$root/bench/Leaflets.Soak/bin/Release/net10.0/leaflets-soak.dll")
[ -x tests/azurite/node_modules/.bin/azurite-blob ] || (cd tests/azurite && npm ci --no-audit --no-fund --loglevel=error) >"$work/npm.log" 2>&1

event() { echo "$(date +%s.%N) $1" >>"$events"; echo "$(date -u +%T) $1" >>"$log"; }

# On disk, not in memory, so the content is still there when Azurite comes back.
start_azurite() {
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$azurite_port/"; then
    echo "Port $azurite_port is already taken (an Azurite left running?); set SOAK_AZURITE_PORT" >&2; exit 1
  fi
  tests/azurite/node_modules/.bin/azurite-blob --blobHost 127.0.0.1 --blobPort "$azurite_port" --location "$work/azurite" \
    --disableTelemetry --skipApiVersionCheck --silent >>"$work/azurite.log" 2>&1 &
  echo $! >"$azurite_pid"
  for _ in $(seq 1 40); do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$azurite_port/devstoreaccount1?comp=list" && return 0
    sleep 0.5
  done
  echo "Azurite did not start on port $azurite_port" >&2; cat "$work/azurite.log" >&2; exit 1
}

# Five leaflets: the real one and four copies of it under other ids, so that one can be edited and one broken.
mkdir -p "$work/content/leaflets"
cp -r content/leaflets/cementoplasty "$work/content/leaflets/"
for n in 1 2 3 4; do cp -r content/leaflets/cementoplasty "$work/content/leaflets/soak-copy-$n"; done

start_azurite
"${cli[@]}" publish --content "$work/content" --connection-string "$connection" --container "$container" >"$work/publish.log" 2>&1 \
  || { echo "the first publish failed:" >&2; cat "$work/publish.log" >&2; exit 1; }

Content__Source=blob Content__Blob__ConnectionString="$connection" Content__Blob__Container="$container" Content__RefreshSeconds=2 \
  PdfCache__Blob__Container=pdf-soak Pdf__CacheBytes=0 \
  "${cli[@]}" serve --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$port/api/health" && break; sleep 0.2; done
curl -fs -o /dev/null "http://127.0.0.1:$port/api/health" || { echo "leaflets serve did not answer:" >&2; cat "$work/server.log" >&2; exit 1; }

# at PERCENT: sleeps until that share of the run has passed.
at() { local wait=$((start + seconds * $1 / 100 - $(date +%s))); [ "$wait" -le 0 ] || sleep "$wait"; }
good="$work/content/leaflets/soak-copy-2/plain.md"
broken="$work/broken-plain.md"
printf 'This file lost its front matter in a bad upload.\n' >"$broken"
fault_timeline() {
  at 15; event "edit-published"
  sed -i 's/^summary: /summary: Edited during the soak. /' "$work/content/leaflets/soak-copy-1/plain.md"
  # In the background: the gate renders every print of every leaflet, and however long that takes on a busy
  # machine, the faults below keep their times.
  ("${cli[@]}" publish --content "$work/content" --connection-string "$connection" --container "$container" >>"$log" 2>&1 \
    || echo "publish of the edit failed" >>"$log") &
  local publish=$!
  at 30; event "broken-file-uploaded"
  "${soak[@]}" put-blob --connection-string "$connection" --container "$container" --name leaflets/soak-copy-2/plain.md --file "$broken" >>"$log" 2>&1
  at 40; event "storage-stopped"
  stop_azurite
  sleep 30
  event "storage-started"
  start_azurite
  at 75; event "broken-file-restored"
  "${soak[@]}" put-blob --connection-string "$connection" --container "$container" --name leaflets/soak-copy-2/plain.md --file "$good" >>"$log" 2>&1
  wait "$publish" # not a bare wait: the Azurite started again above is this subshell's child too
}
# Unjudged: tiered JIT, the thread pool and the connections warm up under the same load first. Cold start is
# another matter (issue 12); this run is about faults under steady load.
"${soak[@]}" warm --base "http://127.0.0.1:$port" --seconds 15 --connections "$connections" >>"$log" 2>&1

start=$(date +%s)
fault_timeline &
faults=$!

status=0
"${soak[@]}" load --base "http://127.0.0.1:$port" --seconds "$seconds" --connections "$connections" --pid "$server" \
  --events "$events" --report "$work/report.md" >/dev/null || status=$?
wait "$faults" 2>/dev/null || true
faults=""
health=$(curl -s "http://127.0.0.1:$port/api/health" | grep -o '"status": *"[a-z]*"' | head -1 || true)

mkdir -p "$(dirname "$report")"
{
  echo "# Soak test"
  echo
  echo "Measured by \`scripts/soak.sh $minutes\` on $(date -u '+%Y-%m-%d %H:%M UTC') ($(nproc) cores; load average after: $(cut -d' ' -f1-3 /proc/loadavg))."
  echo "\`leaflets serve\` (Release) in blob mode against Azurite, \`Content__RefreshSeconds=2\`, \`Pdf__CacheBytes=0\`; PDFs shared through"
  echo "the \`pdf-soak\` container. The script publishes an edit, uploads a broken \`plain.md\` past the gate, stops Azurite for 30 s,"
  echo "starts it again and puts the good file back, while the load runs (after 15 s of the same load, unjudged, to warm up)."
  echo
  [ -f "$work/report.md" ] && cat "$work/report.md" || echo "The load tool wrote no report (exit $status)."
  echo "- Health at the end: ${health:-no answer}"
  echo
  echo "## What the script did"
  echo
  echo '```'
  cat "$log"
  echo '```'
} >"$report"
cat "$report"
exit "$status"
