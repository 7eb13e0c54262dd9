#!/usr/bin/env bash
# Remakes the README's pictures of the website from real output: `leaflets serve` over ./content on a free port,
# photographed by tests/node/site-pictures.mjs in Debian's headless Chromium at 1024 CSS px wide, into
# docs/images/site-{home,search,leaflet,print}.png. The pages show http://localhost:7071/ (the README's address) as
# their own, whatever port the server got. Run it after changing the site's pages or styles, then commit docs/images.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d tests/node/node_modules ] || { echo "tests/node/node_modules is missing: run npm ci in tests/node (scripts/test.sh does)" >&2; exit 1; }

work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build src/Cli -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
port=$(node -e "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")
# No public address: the pages link relatively and their QR code carries the address the browser asked for.
env -u Site__PublicBaseUrl dotnet run --project src/Cli --no-build -- serve --content content --urls "http://127.0.0.1:$port" \
  >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 60); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/api/health" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 1
done
curl -fsS -o /dev/null "http://127.0.0.1:$port/api/health" || { echo "leaflets serve did not answer within 60 s" >&2; cat "$work/serve.log" >&2; exit 1; }

mkdir -p docs/images
node tests/node/site-pictures.mjs "http://127.0.0.1:$port/" "http://localhost:7071/" docs/images
