#!/usr/bin/env bash
# Remakes the table of page counts for every print: each leaflet and variant at every size (16, 18, 20, 24 pt) on
# every paper (A4, A5, Letter), rendered by `leaflets render --all` and counted by pdfinfo. Writes the table into
# src/Content/Rendering/Pdf/README.md between the page-counts marker comments, and into
# bench/results/pdf-page-counts.md. Run it after changing the layout, then commit both.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v pdfinfo >/dev/null 2>&1 || { echo "pdfinfo is missing: apt-get install poppler-utils" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sizes=(16 18 20 24)
papers=(A4 A5 Letter)

# As the README pictures: no public address (so no QR block that depends on the environment), review status of today.
dotnet build src/Cli -c Release -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
for paper in "${papers[@]}"; do
  for size in "${sizes[@]}"; do
    env -u Site__PublicBaseUrl dotnet run --project src/Cli -c Release --no-build -- \
      render --all --size "$size" --paper "$paper" --content content -o "$work/pdf" >/dev/null
  done
done

table="$work/table.md"
{
  echo "| Leaflet | Variant | Paper | 16 pt | 18 pt | 20 pt | 24 pt |"
  echo "|---|---|---|--:|--:|--:|--:|"
  # Files are <id>-<variant>-<size>pt-<paper>-v<version>.pdf; the variant is plain or easy-read.
  for prefix in $(ls "$work/pdf" | sed -E 's/-(plain|easy-read)-[0-9]+pt-.*$/ \1/' | sort -u | tr ' ' ':'); do
    id=${prefix%%:*}
    variant=${prefix#*:}
    for paper in "${papers[@]}"; do
      slug=$(echo "$paper" | tr '[:upper:]' '[:lower:]')
      row="| $id | $variant | $paper |"
      for size in "${sizes[@]}"; do
        pdf=$(ls "$work/pdf/$id-$variant-${size}pt-$slug-v"*.pdf)
        row="$row $(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }') |"
      done
      echo "$row"
    done
  done
} >"$table"

readme=src/Content/Rendering/Pdf/README.md
grep -q '<!-- page-counts:start -->' "$readme" || { echo "$readme has no <!-- page-counts:start --> marker" >&2; exit 1; }
awk -v table="$table" '
  /<!-- page-counts:end -->/ { skipping = 0 }
  !skipping { print }
  /<!-- page-counts:start -->/ { while ((getline line < table) > 0) print line; skipping = 1 }
' "$readme" >"$work/README.md"
cp "$work/README.md" "$readme"

mkdir -p bench/results
{
  echo "# PDF page counts"
  echo
  echo "Every print of every leaflet, from \`scripts/pdf-page-counts.sh\` at $(git rev-parse --short HEAD 2>/dev/null || echo "an unversioned copy") on $(date -u +%Y-%m-%d)"
  echo "(no public address, so no QR block; review status of that day)."
  echo
  cat "$table"
} >bench/results/pdf-page-counts.md
cat "$table"
