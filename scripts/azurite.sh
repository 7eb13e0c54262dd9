#!/usr/bin/env bash
# Starts or stops Azurite's blob service (the Azure Storage emulator) for the storage tests.
#   scripts/azurite.sh start   installs the pinned Azurite (tests/azurite) if needed, starts it on 127.0.0.1,
#                              waits until it answers and records its PID
#   scripts/azurite.sh stop    stops the Azurite that start recorded, by PID
# AZURITE_BLOB_PORT (default 10000) picks the port; the tests read LEAFLETS_AZURITE_CONNECTION, whose default
# is the emulator's well-known account on 127.0.0.1:10000.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
port=${AZURITE_BLOB_PORT:-10000}
state="$root/artifacts/azurite"
pid_file="$state/azurite.pid"
log_file="$state/azurite.log"

answers() {
  # Any HTTP status means the service is up (an unsigned request is refused with 4xx). Without curl, an open port will do.
  if ! command -v curl >/dev/null 2>&1; then
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
    return
  fi
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/devstoreaccount1?comp=list" 2>/dev/null) || true
  [ -n "$code" ] && [ "$code" != "000" ]
}

start() {
  mkdir -p "$state"
  if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null && answers; then
    echo "Azurite is already running on 127.0.0.1:$port (PID $(cat "$pid_file"))"
    return 0
  fi
  if answers; then
    echo "Port $port on 127.0.0.1 is already taken by another process; set AZURITE_BLOB_PORT to a free port" >&2
    return 1
  fi
  if [ ! -x tests/azurite/node_modules/.bin/azurite-blob ]; then
    (cd tests/azurite && npm ci --no-audit --no-fund --loglevel=error) >"$state/npm.log" 2>&1 \
      || { echo "npm ci in tests/azurite failed; see $state/npm.log" >&2; tail -20 "$state/npm.log" >&2; return 1; }
  fi
  # --disableTelemetry also makes it honour SIGTERM; --skipApiVersionCheck because the .NET client is newer than it.
  nohup tests/azurite/node_modules/.bin/azurite-blob --blobHost 127.0.0.1 --blobPort "$port" \
    --inMemoryPersistence --disableTelemetry --skipApiVersionCheck --silent \
    >"$log_file" 2>&1 &
  echo $! >"$pid_file"
  for _ in $(seq 1 40); do
    if answers; then
      echo "Azurite blob service is running on 127.0.0.1:$port (PID $(cat "$pid_file"))"
      return 0
    fi
    if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
      echo "Azurite exited while starting; see $log_file" >&2
      tail -20 "$log_file" >&2
      rm -f "$pid_file"
      return 1
    fi
    sleep 0.5
  done
  echo "Azurite did not answer on 127.0.0.1:$port within 20 s; see $log_file" >&2
  stop
  return 1
}

stop() {
  if [ ! -f "$pid_file" ]; then
    echo "Azurite is not running (no $pid_file)"
    return 0
  fi
  local pid
  pid=$(cat "$pid_file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  fi
  rm -f "$pid_file"
  echo "Azurite stopped (PID $pid)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
