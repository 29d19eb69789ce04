#!/usr/bin/env bash
# Consultation benchmark: a draft of 300 paragraphs with 5,000 comments (draft page size and time, comparison of two
# versions) and the import of a 50-page .docx. Starts the application with its embedded PostgreSQL through the test
# harness and prints the figures (lines starting with BENCHMARK); asserts nothing.
#
#   scripts/benchmark-consultation.sh            the figures (50 measured requests of the draft page)
#   scripts/benchmark-consultation.sh --profile  the same with 400 requests, recorded by Java Flight Recorder with
#                                                1 ms sampling into target/consultation-benchmark.jfr; then
#                                                `jfr print --events jdk.ExecutionSample` shows where time goes
set -euo pipefail
cd "$(dirname "$0")/.."
extra=()
if [[ "${1:-}" == "--profile" ]]; then
  mkdir -p target
  jfr configure --input profile 'jdk.ExecutionSample#period=1ms' --output target/consultation-benchmark.jfc >/dev/null
  extra=(-Dbenchmark.requests=400
         "-DargLine=-XX:StartFlightRecording=filename=$PWD/target/consultation-benchmark.jfr,settings=$PWD/target/consultation-benchmark.jfc")
fi
# not offline, so that it runs from a fresh clone (the plugins it needs may not be downloaded yet)
./mvnw -q test -Dtest=ConsultationBenchmark -Dsurefire.failIfNoSpecifiedTests=false "${extra[@]}" 2>&1 | grep BENCHMARK \
  || cat target/surefire-reports/org.polyphony.consultation.ConsultationBenchmark-output.txt | grep BENCHMARK
