#!/usr/bin/env bash
# Opinion analysis benchmark: synthetic conversations with planted groups (seeded) of 1,000, 10,000 and 100,000
# participants × 1,000 statements, 5 % of cells voted. Prints analysis time, peak heap and planted-group recovery
# (ARI) as a Markdown table; asserts nothing. The heap is capped at 2 GB (the target), so a run that completes
# stayed under it. Run it on a quiet machine: the figures are wall-clock times.
#
#   scripts/benchmark-opinions.sh [participants…]   (default 1000 10000 100000; JAVA_OPTS are passed to the JVM)
set -euo pipefail
cd "$(dirname "$0")/.."

echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
. scripts/lib/test-java.sh
run_test_main -Xmx2g -- org.polyphony.opinions.analysis.OpinionBenchmark "$@"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
