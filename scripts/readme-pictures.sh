#!/usr/bin/env bash
# Remakes the README pictures from real output: page 1 of every variant of every leaflet, rendered by
# `leaflets render --all` at 18 pt on A4, rasterised by pdftoppm into docs/images/<id>-<variant>-page1.png.
# Run it after changing a leaflet or the PDF renderer, then commit docs/images.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v pdftoppm >/dev/null 2>&1 || { echo "pdftoppm is missing: apt-get install poppler-utils" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The pictures show what a clinic prints by default; no public address, so they do not depend on the environment.
dotnet build src/Cli -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
env -u Site__PublicBaseUrl dotnet run --project src/Cli --no-build -- render --all --size 18 --paper A4 --content content -o "$work"

mkdir -p docs/images
rm -f docs/images/*-page1.png
for pdf in "$work"/*.pdf; do
  name=$(basename "$pdf" .pdf)          # <id>-<variant>-18pt-a4-v<version>
  picture="docs/images/${name%-18pt-a4-v*}-page1"
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$pdf" "$picture"
  echo "$picture.png ($(( $(stat -c %s "$picture.png") / 1024 )) KB)"
done
