#!/usr/bin/env bash
# Cold start of `leaflets serve` published several ways (issue 12): which ReadyToRun and tiering settings the apps
# ship with. Writes bench/results/cold-start-r2r.md. The variants run interleaved (run 1 of every variant, then run 2,
# ...), so a change of load on this shared machine falls on all of them alike; every run carries the 1-minute load.
#   plain       dotnet publish -r linux-x64, no ReadyToRun (what `dotnet publish src/Functions` ships today)
#   r2r         the same with -p:PublishReadyToRun=true: every assembly of the app (ours and the packages') precompiled
#   r2r-own     plain, with only our assemblies (leaflets.dll, Leaflets.*.dll) taken from r2r: partial ReadyToRun
#   composite   -p:PublishReadyToRunComposite=true: the app's assemblies compiled together into one image
#   r2r-tc-off  r2r with DOTNET_TieredCompilation=0 (what is not precompiled is jitted optimized at once)
#   r2r-qj-off  r2r with DOTNET_TC_QuickJitForLoops=0 (methods with loops jitted optimized at once)
# Each run: a fresh process from its start to the first 200 of PATH, its peak RSS, and when it said it was listening.
# Usage: scripts/bench-cold-start.sh LIBRARY [RUNS, default 5] [PATH, default a leaflet's JSON from the middle]
#   LIBRARY must hold a compiled snapshot (`leaflets snapshot --content LIBRARY`); it is only read.
#   VARIANTS="plain r2r" picks some of the variants above.
#   BLOB_CONNECTION (a storage connection string, e.g. Azurite's) and BLOB_CONTAINER (holding the library published, its
#   snapshot/v<format>.bin included) run every variant in blob mode too, interleaved with files mode in the same sitting. Each
#   blob run is given a PDF cache container of its own that does not exist yet, so its PDF is rendered, never found
#   rendered by the run before (files mode has no shared cache either). For a library of thousands of leaflets,
#   scripts/blob-one-leaflet.sh makes such a container in seconds (the snapshot and the one leaflet PATH names).
#   PUBLISHED=DIR keeps and reuses the publishes (a second PATH in one sitting); REPORT=FILE writes the record there.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
library=$(realpath "${1:?usage: scripts/bench-cold-start.sh LIBRARY [RUNS] [PATH]}")
runs=${2:-5}
[ -d "$library/.snapshot" ] || [ -f "$library/.snapshot" ] || { echo "$library has no compiled snapshot: run leaflets snapshot --content $library" >&2; exit 2; }
mapfile -t ids < <(ls "$library/leaflets")
path=${3:-/api/leaflets/${ids[$(( ${#ids[@]} / 2 ))]}}
variants=(${VARIANTS:-plain r2r r2r-own composite r2r-tc-off r2r-qj-off})
modes=(files)
[ -z "${BLOB_CONNECTION:-}" ] || modes+=(blob)
port=${PORT:-7391}
work=$(mktemp -d /tmp/leaflets-cold-start.XXXXXX)
report="$root/bench/results/cold-start-r2r.md"
[ -z "${BLOB_CONNECTION:-}" ] || report="$root/bench/results/cold-start-blob.md" # files mode alone stays the record of cold-start-r2r.md
report=${REPORT:-$report} # REPORT=FILE: another record, e.g. one per PATH
server=""
cleanup() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT
while curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; do port=$((port + 1)); done

# PUBLISHED=DIR keeps the publishes in DIR and reuses one already there as it is: for a second PATH in the same sitting
# (each publish is minutes on 2 cores). Without it they go to a temporary folder, removed at the end.
published=${PUBLISHED:-$work}
publish() { # NAME [PROPERTIES...]
  local name=$1; shift
  if [ -n "${PUBLISHED:-}" ] && [ -x "$published/$name/leaflets" ]; then echo "Reusing $published/$name"; return; fi
  echo "Publishing $name ..."
  # The ReadyToRun images are kept in obj/ between publishes, and a composite publish leaves component images there
  # that a later plain ReadyToRun publish copies as they are: that app aborts at start (SIGABRT, no message; seen
  # 2026-12-03). Every publish compiles them anew.
  rm -rf src/*/obj/Release/net10.0/linux-x64/R2R
  dotnet publish src/Cli -c Release -r linux-x64 --self-contained false "$@" -o "$published/$name" -v q -nologo >"$work/$name.log" 2>&1 \
    || { tail -20 "$work/$name.log" >&2; exit 1; }
}
# Only the publishes the chosen variants need (r2r-own is made of plain and r2r; the tiering variants run r2r).
wants() { [[ " ${variants[*]} " =~ \ ($1)\  ]]; }
if wants "plain|r2r-own"; then publish plain -p:PublishReadyToRun=false; fi
if wants "r2r|r2r-own|r2r-tc-off|r2r-qj-off"; then publish r2r -p:PublishReadyToRun=true; fi
if wants "composite"; then publish composite -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true; fi
if wants "r2r-own"; then
  rm -rf "$published/r2r-own"
  cp -r "$published/plain" "$published/r2r-own"
  cp "$published/r2r/leaflets.dll" "$published/r2r"/Leaflets.*.dll "$published/r2r-own/"
fi

cli_of() { case $1 in r2r-tc-off | r2r-qj-off) echo "$published/r2r/leaflets" ;; *) echo "$published/$1/leaflets" ;; esac; }
env_of() { case $1 in r2r-tc-off) echo DOTNET_TieredCompilation=0 ;; r2r-qj-off) echo DOTNET_TC_QuickJitForLoops=0 ;; *) echo LEAFLETS_BENCH=1 ;; esac; }

# The settings of a mode: none for files; the container and a PDF cache container no run used before for blob.
mode_env() {
  if [ "$1" = blob ]; then
    printf '%s\n' Content__Source=blob "Content__Blob__ConnectionString=$BLOB_CONNECTION" "Content__Blob__Container=${BLOB_CONTAINER:?set BLOB_CONTAINER}" \
      "PdfCache__Blob__Container=cold-start-pdf-$(date +%s%N)"
  else
    echo LEAFLETS_BENCH_MODE=files
  fi
}

# one VARIANT MODE: "ms peak_mb listening_ms load"
one() {
  local log="$work/server.log" started code settings
  mapfile -t settings < <(mode_env "$2")
  sync
  started=$(date +%s%N)
  env "$(env_of "$1")" "${settings[@]}" "$(cli_of "$1")" serve --content "$library" --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
  server=$!
  while true; do
    code=$(curl -s -o /dev/null --max-time 30 -w '%{http_code}' "http://127.0.0.1:$port$path" || true)
    [ "$code" = 200 ] && break
    kill -0 "$server" 2>/dev/null || { echo "the server of $1 ($2) stopped:" >&2; tail -20 "$log" >&2; exit 1; }
    sleep 0.01
  done
  local ms=$(( ($(date +%s%N) - started) / 1000000 ))
  local peak; peak=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server/status")
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  local listening; listening=$(sed -n 's/^Listening \([0-9]*\) ms.*/\1/p' "$log")
  local servable; servable=$(sed -n 's/.*The first leaflet is servable \([0-9]*\) ms.*/\1/p' "$log")
  echo "$ms $peak ${listening:-?} ${servable:-?} $(cut -d' ' -f1 /proc/loadavg)"
}

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

declare -A times peaks listens servables loads
for run in $(seq 1 "$runs"); do
  for variant in "${variants[@]}"; do
    for mode in "${modes[@]}"; do
      read -r ms peak listening servable load < <(one "$variant" "$mode")
      echo "run $run $variant $mode: first 200 after $ms ms, peak $peak MB, listening at $listening ms, first leaflet servable $servable ms after the load began, load $load"
      key="$variant $mode"
      times[$key]+="$ms "; peaks[$key]+="$peak "; listens[$key]+="$listening "; servables[$key]+="$servable "; loads[$key]+="$load "
    done
  done
done

{
  echo "# Cold start of \`leaflets serve\` by how it is published"
  echo
  echo "Measured by \`scripts/bench-cold-start.sh $library $runs $path\` on $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores,"
  echo "$(ls "$library/leaflets" | wc -l) leaflets served from their compiled snapshot, in ${modes[*]/%/ mode} ${BLOB_CONTAINER:+ (blob: container $BLOB_CONTAINER)}; variants and modes interleaved run by run."
  echo "Each run: process start to the first 200 of \`$path\`; \"listening\" and \"servable\" (the head of the snapshot read, from"
  echo "the start of the first load) are what the server printed."
  echo
  echo "| Variant | Mode | First answer, median (ms) | Runs (ms) | Listening, median (ms) | Servable, median (ms) | Peak RSS, median (MB) | 1-min load at each run |"
  echo "|---|---|--:|---|--:|--:|--:|---|"
  for variant in "${variants[@]}"; do
    for mode in "${modes[@]}"; do
      key="$variant $mode"
      # shellcheck disable=SC2086
      echo "| $variant | $mode | $(median ${times[$key]}) | ${times[$key]% } | $(median ${listens[$key]}) | $(median ${servables[$key]}) | $(median ${peaks[$key]}) | ${loads[$key]% } |"
    done
  done
  echo
  echo "Sizes of the published folders: $(for v in plain r2r r2r-own composite; do [ -d "$published/$v" ] && printf '%s %s; ' "$v" "$(du -sh "$published/$v" | cut -f1)"; done)"
} >"$report"
cat "$report"
