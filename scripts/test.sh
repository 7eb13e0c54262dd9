#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what the tests need on a clean machine,
# builds, runs every test project and the external PDF checks, and ends with "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"

passed=0
failed=0
note_pass() { passed=$((passed + 1)); }
note_fail() { failed=$((failed + 1)); echo "FAILED: $*" >&2; }

# --- system packages (Debian) -------------------------------------------------------------
apt_needed=()
command -v pdfinfo >/dev/null 2>&1 || apt_needed+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || apt_needed+=(qpdf)
command -v chromium >/dev/null 2>&1 || apt_needed+=(chromium)
command -v node >/dev/null 2>&1 || apt_needed+=(nodejs npm)
if [ ${#apt_needed[@]} -gt 0 ]; then
  echo "Installing ${apt_needed[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  (apt-get update -qq && apt-get install -y -qq --no-install-recommends "${apt_needed[@]}") >"$results/apt.log" 2>&1 \
    || { echo "apt-get install ${apt_needed[*]} failed; see $results/apt.log" >&2; tail -20 "$results/apt.log" >&2; exit 1; }
fi

# --- npm packages for the browser, readability and storage tests ------------------------------
if [ -f tests/node/package.json ]; then
  (cd tests/node && npm ci --no-audit --no-fund --loglevel=error) >"$results/npm.log" 2>&1 \
    || { echo "npm ci in tests/node failed; see $results/npm.log" >&2; tail -20 "$results/npm.log" >&2; exit 1; }
fi

# --- build once -------------------------------------------------------------------------------
if ! dotnet build Leaflets.slnx -c Release -nologo -v q >"$results/build.log" 2>&1; then
  grep -E "error|Error" "$results/build.log" | sort -u | head -40 >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# --- xunit test projects ----------------------------------------------------------------------
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    >"$results/$name.log" 2>&1
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    note_fail "$name produced no results"; tail -30 "$results/$name.log" >&2; continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  total=$(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + p)); failed=$((failed + f))
  not_run=$((total - p - f))
  if [ "$not_run" -gt 0 ]; then failed=$((failed + not_run)); echo "$name: $not_run tests did not run" >&2; fi
  echo "   $p passed, $f failed"
  if [ "$f" -gt 0 ] || [ "$not_run" -gt 0 ]; then grep -E "^\s+Failed |Error Message|Assert" -A3 "$results/$name.log" | head -60 >&2; fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
