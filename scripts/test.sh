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
# EPUBCheck is a jar: the tests run it with java -jar (its /usr/bin link needs binfmt support, absent in containers).
{ [ -f /usr/share/java/epubcheck.jar ] && command -v java >/dev/null 2>&1; } || apt_needed+=(epubcheck default-jre-headless)
command -v node >/dev/null 2>&1 || apt_needed+=(nodejs npm)
command -v curl >/dev/null 2>&1 || apt_needed+=(curl)
# The runtime's culture data (the service is not in invariant mode); -dev names the current libicuNN.
ldconfig -p | grep -q 'libicuuc\.so' || apt_needed+=(libicu-dev)
# liblouis: the build copies the library and tables into the app (braille); lou_translate reads the braille back in tests.
dpkg -s liblouis20 >/dev/null 2>&1 || apt_needed+=(liblouis20)
dpkg -s liblouis-data >/dev/null 2>&1 || apt_needed+=(liblouis-data)
command -v lou_translate >/dev/null 2>&1 || apt_needed+=(liblouis-bin)
# espeak-ng: the build copies the library (with every library it needs but glibc) and the English and Welsh voice data
# into the app (audio); the espeak-ng command line gives the phonemes of each sentence in tests.
dpkg -s libespeak-ng1 >/dev/null 2>&1 || apt_needed+=(libespeak-ng1)
dpkg -s espeak-ng-data >/dev/null 2>&1 || apt_needed+=(espeak-ng-data)
command -v espeak-ng >/dev/null 2>&1 || apt_needed+=(espeak-ng)
# opus-tools (Xiph's opusinfo and opusdec, on libopus and libogg): the tests check and decode the spoken version's Ogg Opus files.
{ command -v opusinfo >/dev/null 2>&1 && command -v opusdec >/dev/null 2>&1; } || apt_needed+=(opus-tools)
if [ ${#apt_needed[@]} -gt 0 ]; then
  echo "Installing ${apt_needed[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  (apt-get update -qq && apt-get install -y -qq --no-install-recommends "${apt_needed[@]}") >"$results/apt.log" 2>&1 \
    || { echo "apt-get install ${apt_needed[*]} failed; see $results/apt.log" >&2; tail -20 "$results/apt.log" >&2; exit 1; }
fi

# --- npm packages for the browser, readability and storage tests ------------------------------
if [ -f tests/node/package.json ]; then
  # Ace drives Debian's Chromium through puppeteer, which must not download a browser of its own (tests/node/.puppeteerrc.cjs too).
  (cd tests/node && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error) >"$results/npm.log" 2>&1 \
    || { echo "npm ci in tests/node failed; see $results/npm.log" >&2; tail -20 "$results/npm.log" >&2; exit 1; }
fi

# --- build once -------------------------------------------------------------------------------
if ! dotnet build Leaflets.slnx -c Release -nologo -v q >"$results/build.log" 2>&1; then
  grep -E "error|Error" "$results/build.log" | sort -u | head -40 >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# --- Azurite for the storage tests (stopped by PID at exit; a failed start makes those tests fail, not skip) ---
scripts/azurite.sh start >"$results/azurite.log" 2>&1 || cat "$results/azurite.log" >&2
trap 'scripts/azurite.sh stop >/dev/null 2>&1 || true' EXIT

# --- the Bicep template compiles (Bicep CLI from NuGet) ------------------------------------------
echo "== infra/main.bicep"
if scripts/bicep-build.sh >"$results/bicep.log" 2>&1; then note_pass; else note_fail "infra/main.bicep does not compile"; cat "$results/bicep.log" >&2; fi

# --- known vulnerabilities in any package, direct or transitive (one test) ---------------------------
# `dotnet list package --vulnerable` also says "no vulnerable packages" when no source offers vulnerability data
# (a mirror without NuGet's VulnerabilityInfo resource, like the registry our machines reach), so that answer is
# not taken as a pass: the step then says in its own line that nothing was checked, and counts neither way.
# Where a source offers the data, any known vulnerability fails the run.
echo "== vulnerable packages"
vulnerability_feed=""
for source in $(dotnet nuget list source --format short 2>/dev/null | awk '$1 ~ /^E/ {print $2}'); do
  if curl -fsS --max-time 20 "$source" 2>/dev/null | grep -q '"VulnerabilityInfo'; then vulnerability_feed=$source; fi
done
if [ -z "$vulnerability_feed" ]; then
  echo "   NOT CHECKED: no enabled NuGet source offers vulnerability data (VulnerabilityInfo in its service index)"
elif dotnet list Leaflets.slnx package --vulnerable --include-transitive --format json >"$results/vulnerable.json" 2>&1 \
    && ! grep -q '"vulnerabilities"' "$results/vulnerable.json" && ! grep -q '"level": *"error"' "$results/vulnerable.json"; then
  note_pass
else
  note_fail "vulnerable packages (pin a fixed version in Directory.Packages.props; see $results/vulnerable.json)"
  grep -E '"(id|resolvedVersion|severity|advisoryurl|text)"' "$results/vulnerable.json" | head -40 >&2
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

# --- rendered PDFs, checked by tools that are not ours -----------------------------------------
# Every leaflet is rendered by `leaflets render --all` at three prints, then each file goes through
# qpdf --check, pdffonts (embedded, with Unicode maps), pdfinfo (tagged, structure tree) and our checker.
pdf_dir="$root/artifacts/pdf"
rm -rf "$pdf_dir" && mkdir -p "$pdf_dir"
leaflets=(dotnet "$root/src/Cli/bin/Release/net10.0/leaflets.dll")
echo "== rendered PDFs (qpdf, pdffonts, pdfinfo, check-pdf)"
for run in "" "--size 24 --paper Letter --public-base-url https://leaflets.example.org" "--size 16 --paper A5"; do
  # shellcheck disable=SC2086 # $run is a list of options
  if "${leaflets[@]}" render --all $run --content "$root/content" -o "$pdf_dir" >>"$results/render.log" 2>&1; then
    note_pass
  else
    note_fail "leaflets render --all $run (see $results/render.log)"; tail -20 "$results/render.log" >&2
  fi
done
pdfs=("$pdf_dir"/*.pdf)
[ -e "${pdfs[0]}" ] || { note_fail "leaflets render --all wrote no PDF"; pdfs=(); }
for pdf in "${pdfs[@]}"; do
  name=$(basename "$pdf")
  if out=$(qpdf --check "$pdf" 2>&1) && ! grep -qi "warning" <<<"$out"; then note_pass; else note_fail "qpdf --check $name: $out"; fi
  # pdffonts columns, counted from the right because names and types contain spaces: emb sub uni object ID
  fonts=$(pdffonts "$pdf" 2>&1) || { note_fail "pdffonts $name: $fonts"; continue; }
  bad=$(awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-2) != "yes")' <<<"$fonts")
  if [ "$(awk 'NR > 2' <<<"$fonts" | wc -l)" -gt 0 ] && [ -z "$bad" ]; then note_pass; else note_fail "pdffonts $name: no font, or one not embedded or without Unicode map: $(tr '\n' ' ' <<<"$bad")"; fi
  if pdfinfo "$pdf" | grep -qE '^Tagged: +yes$'; then note_pass; else note_fail "pdfinfo $name: not Tagged: yes"; fi
  if [ -n "$(pdfinfo -struct-text "$pdf" 2>/dev/null | tr -d '[:space:]')" ]; then note_pass; else note_fail "pdfinfo -struct-text $name: no structure tree"; fi
done
if [ ${#pdfs[@]} -gt 0 ]; then
  if "${leaflets[@]}" check-pdf "${pdfs[@]}" >"$results/check-pdf.log" 2>&1; then note_pass; else note_fail "leaflets check-pdf (see $results/check-pdf.log)"; grep -v ": passed$" "$results/check-pdf.log" | head -40 >&2; fi
fi
echo "   $(ls "$pdf_dir" | wc -l) PDFs checked"

# --- the publish gate over the shipped content -------------------------------------------------
echo "== leaflets check (publish gate over content/)"
if "${leaflets[@]}" check --content "$root/content" >"$results/check.log" 2>&1; then note_pass; else note_fail "leaflets check: $(cat "$results/check.log")"; fi

# --- soak: blob-mode serve under 64 connections through an edit, a broken upload and a 30 s storage outage -------------
echo "== soak (scripts/soak.sh 2)"
if SOAK_REPORT="$results/soak.md" scripts/soak.sh 2 >"$results/soak.log" 2>&1; then note_pass; else note_fail "scripts/soak.sh 2 (see $results/soak.md)"; sed -n '/Verdict/,/Health/p' "$results/soak.md" >&2 || tail -20 "$results/soak.log" >&2; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
