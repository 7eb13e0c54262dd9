#!/usr/bin/env bash
# Remakes the README pictures from real output, for every variant of every leaflet: page 1 at the default print
# (18 pt on A4) as docs/images/<id>-<variant>-page1.png, and page 1 and the middle page at the largest print on the
# smallest paper (24 pt on A5, as a clinic prints for a reader with very low vision) as
# docs/images/<id>-<variant>-24pt-a5-page1.png and -24pt-a5-middle.png. Rendered by `leaflets render --all`,
# rasterised by pdftoppm. Run it after changing a leaflet or the PDF renderer, then commit docs/images.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v pdftoppm >/dev/null 2>&1 || { echo "pdftoppm is missing: apt-get install poppler-utils" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# No public address, so the pictures do not depend on the environment.
dotnet build src/Cli -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
for print in "18 A4" "24 A5"; do
  set -- $print
  env -u Site__PublicBaseUrl dotnet run --project src/Cli --no-build -- render --all --size "$1" --paper "$2" --content content -o "$work/$1-$2"
done

picture() { # <pdf> <page> <png without extension>
  pdftoppm -png -r 60 -f "$2" -l "$2" -singlefile "$1" "$3"
  echo "$3.png, page $2 ($(( $(stat -c %s "$3.png") / 1024 )) KB)"
}

mkdir -p docs/images
rm -f docs/images/*-page1.png docs/images/*-middle.png
for pdf in "$work"/18-A4/*.pdf; do
  name=$(basename "$pdf" .pdf)          # <id>-<variant>-18pt-a4-v<version>
  picture "$pdf" 1 "docs/images/${name%-18pt-a4-v*}-page1"
done
for pdf in "$work"/24-A5/*.pdf; do
  name=$(basename "$pdf" .pdf)          # <id>-<variant>-24pt-a5-v<version>
  stem="docs/images/${name%-v*}"
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  picture "$pdf" 1 "$stem-page1"
  picture "$pdf" $(( (pages + 1) / 2 )) "$stem-middle"
done
