#!/usr/bin/env bash
# Consultation benchmark: a draft of 300 paragraphs with 5,000 comments (draft page size and time, comparison of two
# versions) and the import of a 50-page .docx. Starts the application with its embedded PostgreSQL through the test
# harness and prints the figures (lines starting with BENCHMARK); asserts nothing.
#
#   scripts/benchmark-consultation.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# not offline, so that it runs from a fresh clone (the plugins it needs may not be downloaded yet)
./mvnw -q test -Dtest=ConsultationBenchmark -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep BENCHMARK \
  || cat target/surefire-reports/org.polyphony.consultation.ConsultationBenchmark-output.txt | grep BENCHMARK
