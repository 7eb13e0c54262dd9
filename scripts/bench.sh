#!/usr/bin/env bash
# Runs the rendering benchmark (our PDF renderer against a warm headless Chromium printing our HTML)
# and writes the report and a description of the machine to bench/results/.
# Extra arguments go to BenchmarkDotNet (e.g. --filter '*' is the default; --list flat lists the cases).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/bench/results"
work=$(mktemp -d /tmp/leaflets-bench.XXXXXX)
trap 'kill "${sampler:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$results"

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing chromium ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >"$work/apt.log" 2>&1 \
    || { echo "apt-get install chromium failed:" >&2; tail -20 "$work/apt.log" >&2; exit 1; }
fi

# Load average every 5 s while the benchmark runs: the machine is shared, so the numbers need it beside them.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
( while true; do echo "$(date -u +%H:%M:%S) $(cut -d' ' -f1-3 /proc/loadavg)"; sleep 5; done ) >"$work/load.log" &
sampler=$!

started=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
dotnet run -c Release --project bench/Leaflets.Benchmarks -- --filter '*' --artifacts "$work/artifacts" "$@" | tee "$work/run.log"
# CPU time per document on one core (taskset -c 0; Chromium inherits the affinity): load-independent.
taskset -c 0 dotnet run -c Release --no-build --project bench/Leaflets.Benchmarks -- --cpu-time | tee "$work/cpu-time.md"
finished=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
kill "$sampler" 2>/dev/null || true
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

report=$(ls "$work"/artifacts/results/*-report-github.md | head -1)
cp "$report" "$results/report.md"
{
  echo "# CPU time per document (one core)"
  echo
  echo "Measured by \`taskset -c 0 dotnet run -c Release --project bench/Leaflets.Benchmarks -- --cpu-time\`: ours warmed until tiered JIT compiled nothing for 5 s, Chromium by 3 prints; then"
  echo "30 renders (ours) or 10 prints (Chromium, warm, DevTools); CPU = user + system time of our process and,"
  echo "for Chromium, of every process in its tree. Same run as report.md; see machine.md for the load."
  echo
  cat "$work/cpu-time.md"
} >"$results/cpu-time.md"

one_minute_stats=$(awk '{ v = $2; n++; s += v; if (n == 1 || v < lo) lo = v; if (v > hi) hi = v } END { if (n) printf "min %.2f, mean %.2f, max %.2f over %d samples (every 5 s)", lo, s / n, hi, n }' "$work/load.log")
{
  echo "# Machine and run"
  echo
  echo "- Run: $started to $finished"
  echo "- Command: scripts/bench.sh $*"
  echo "- nproc: $(nproc)"
  echo "- Memory: $(free -h | awk '/^Mem:/ { print $2 " total, " $7 " available at the end" }')"
  echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "- Chromium: $(chromium --version 2>/dev/null)"
  echo "- .NET SDK: $(dotnet --version)"
  echo "- Load average (1, 5, 15 min) before: $load_before; after: $load_after"
  echo "- 1-minute load average during the run: $one_minute_stats"
  echo
  echo "## lscpu"
  echo
  echo '```'
  lscpu | grep -E '^(Architecture|CPU\(s\)|On-line|Thread|Core|Socket|Model name|CPU max MHz|CPU MHz|BogoMIPS|Hypervisor|Virtualization type|L1d|L2|L3)' || true
  echo '```'
  echo
  echo "## dotnet --info (short)"
  echo
  echo '```'
  dotnet --info | sed -n '1,/^$/p;/^Host:/,/^$/p' | grep -v '^$' | head -20
  echo '```'
  echo
  echo "## CPUs Chromium was allowed (OneCore job: 0; TwoCores job: 0-1)"
  echo
  echo '```'
  grep -E '^// (Benchmark: RenderBenchmarks.ChromiumWarm|Chromium process)' "$work/run.log" || true
  echo '```'
  echo
  echo "## Load average samples"
  echo
  echo '```'
  cat "$work/load.log"
  echo '```'
} >"$results/machine.md"

echo "Wrote $results/report.md, $results/cpu-time.md and $results/machine.md"
