#!/usr/bin/env bash
# Research benchmark: validating and publishing a CSV of one million rows (time, peak heap) with the heap capped at
# 512 MB, and the dataset page with its chart (compressed size, time). Starts the application with its embedded
# PostgreSQL through the test harness and prints the figures (lines starting with BENCHMARK); asserts nothing.
#
#   scripts/benchmark-research.sh            # one million rows
#   ROWS=100000 scripts/benchmark-research.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# not offline, so that it runs from a fresh clone (the plugins it needs may not be downloaded yet)
./mvnw -q test -Dtest=ResearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Xmx512m -Dresearch.benchmark.rows=${ROWS:-1000000}" 2>&1 | grep BENCHMARK \
  || grep BENCHMARK target/surefire-reports/org.polyphony.research.ResearchBenchmark-output.txt
