#!/usr/bin/env bash
# Compiles infra/main.bicep with the Bicep CLI from NuGet (Azure.Bicep.CommandLine.linux-x64, pinned below), so a
# template error fails the tests rather than a deployment. Lint warnings are errors too. Writes artifacts/infra/main.json.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
version=0.49.2
package=azure.bicep.commandline.linux-x64

packages=$(dotnet nuget locals global-packages --list | sed -E 's/^global-packages: //')
bicep="$packages/$package/$version/tools/bicep"
if [ ! -f "$bicep" ]; then
  # A throwaway project outside the repository (so its central package settings do not apply) downloads the package.
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  cat >"$work/bicep-download.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Azure.Bicep.CommandLine.linux-x64" Version="[$version]" /></ItemGroup>
</Project>
PROJECT
  dotnet restore "$work/bicep-download.csproj" -nologo -v q >"$work/restore.log" 2>&1 \
    || { echo "Could not restore $package $version from NuGet:" >&2; tail -20 "$work/restore.log" >&2; exit 1; }
fi
chmod +x "$bicep"

mkdir -p "$root/artifacts/infra"
# --diagnostics-format sarif would be machine-readable; the default text names file, line and rule, which is what a person needs.
output=$("$bicep" build infra/main.bicep --outfile "$root/artifacts/infra/main.json" 2>&1) || { echo "$output" >&2; exit 1; }
if [ -n "$output" ]; then
  echo "$output" >&2
  echo "infra/main.bicep compiles with warnings (treated as errors)" >&2
  exit 1
fi
echo "infra/main.bicep compiles with Bicep $version"
