#!/usr/bin/env bash
# A blob container for blob-mode cold starts of a large library, made in seconds (issue 12): an in-memory Azurite on a
# port of its own, ONE leaflet's folder uploaded by publish's code (`leaflets-soak put-content`), and the library's whole
# compiled snapshot put beside it as snapshot/v<format>.bin. Uploading every blob of 10,000 leaflets (466,666 of them)
# into Azurite takes far too long, and a cold start reads none of them but the leaflet it is asked for: the properties
# and ranges of the snapshot, then that leaflet's files. So the first answer costs what it would with the whole library
# there. (After the first answer the catalog compares the container's listing with the snapshot, finds 9,999 leaflets
# missing and loads the Markdown of the one that is there: that happens after what is measured, and is no measure of a
# real container.)
#   scripts/blob-one-leaflet.sh start LIBRARY [ID]   ID defaults to the leaflet in the middle, as bench-cold-start.sh's PATH
#   scripts/blob-one-leaflet.sh stop                 stops the Azurite start recorded, by PID
# start writes artifacts/blob-one-leaflet/env (BLOB_CONNECTION, BLOB_CONTAINER, LEAFLET) for the bench:
#   scripts/blob-one-leaflet.sh start /work/lib-lead && . artifacts/blob-one-leaflet/env
#   BLOB_CONNECTION=$BLOB_CONNECTION BLOB_CONTAINER=$BLOB_CONTAINER VARIANTS=r2r scripts/bench-cold-start.sh /work/lib-lead 3 /api/leaflets/$LEAFLET
#   scripts/blob-one-leaflet.sh stop
# In memory (--inMemoryPersistence): Azurite's disk store (LokiJS) stalled it 7-9 s after the PDF cache's writes, which
# is Azurite's cost, not the app's. AZURITE_BLOB_PORT (default 10100) is where the search for a free port begins.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
state="$root/artifacts/blob-one-leaflet"
soak="$root/bench/Leaflets.Soak/bin/Release/net10.0/leaflets-soak"
container=library

stop() {
  [ -f "$state/azurite.pid" ] || { echo "No Azurite recorded in $state"; return 0; }
  local pid; pid=$(cat "$state/azurite.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  fi
  rm -f "$state/azurite.pid"
  echo "Azurite stopped (PID $pid)"
}

start() {
  local library; library=$(realpath "${1:?usage: scripts/blob-one-leaflet.sh start LIBRARY [ID]}")
  local snapshot; snapshot=$(ls "$library"/.snapshot/v*.bin 2>/dev/null | sort -V | tail -1)
  [ -n "$snapshot" ] || { echo "$library has no compiled snapshot (.snapshot/v*.bin): run leaflets snapshot --content $library" >&2; exit 2; }
  mapfile -t ids < <(ls "$library/leaflets")
  local id=${2:-${ids[$(( ${#ids[@]} / 2 ))]}}
  [ -d "$library/leaflets/$id" ] || { echo "$library has no leaflet $id" >&2; exit 2; }
  [ -x "$soak" ] || { echo "Build first: dotnet build Leaflets.slnx -c Release ($soak is missing)" >&2; exit 2; }
  [ -x tests/azurite/node_modules/.bin/azurite-blob ] || (cd tests/azurite && npm ci --no-audit --no-fund --loglevel=error)
  mkdir -p "$state"
  [ ! -f "$state/azurite.pid" ] || stop

  local port=${AZURITE_BLOB_PORT:-10100}
  while curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; do port=$((port + 1)); done
  tests/azurite/node_modules/.bin/azurite-blob --blobHost 127.0.0.1 --blobPort "$port" --inMemoryPersistence \
    --disableTelemetry --skipApiVersionCheck --silent >"$state/azurite.log" 2>&1 &
  echo $! >"$state/azurite.pid"
  for _ in $(seq 1 60); do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/devstoreaccount1?comp=list" && break
    kill -0 "$(cat "$state/azurite.pid")" 2>/dev/null || { echo "Azurite exited; see $state/azurite.log" >&2; exit 1; }
    sleep 0.5
  done
  # The emulator's well-known account (not a secret: Azurite documents it).
  local connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$port/devstoreaccount1;"

  # A content folder of that one leaflet (and the strings, if the library has them), laid out as the library is.
  local one; one=$(mktemp -d /tmp/blob-one-leaflet.XXXXXX)
  mkdir -p "$one/leaflets"
  cp -r "$library/leaflets/$id" "$one/leaflets/"
  [ ! -d "$library/strings" ] || cp -r "$library/strings" "$one/"
  "$soak" put-content --connection-string "$connection" --container "$container" --content "$one" >/dev/null
  rm -rf "$one"
  # put-content wrote a snapshot of the one leaflet; the library's own replaces it.
  "$soak" put-blob --connection-string "$connection" --container "$container" --name "snapshot/$(basename "$snapshot")" --file "$snapshot"
  printf 'BLOB_CONNECTION=%q\nBLOB_CONTAINER=%q\nLEAFLET=%q\n' "$connection" "$container" "$id" >"$state/env"
  echo "Azurite on 127.0.0.1:$port (PID $(cat "$state/azurite.pid")): container $container holds leaflet $id and $(basename "$snapshot") of $library ($(du -h "$snapshot" | cut -f1)); settings in $state/env"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  *) echo "usage: $0 start LIBRARY [ID] | stop" >&2; exit 2 ;;
esac
