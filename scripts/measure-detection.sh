#!/usr/bin/env bash
# Measures language detection on the labelled sentences of src/test/resources/language-detection: accuracy per
# language, time per detection, heap held by the models. Prints a Markdown report; asserts nothing.
#
#   scripts/measure-detection.sh [--mistakes]   (--mistakes lists the misdetected sentences; JAVA_OPTS, e.g. -Xmx512m, are passed to the JVM)
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/lib/test-java.sh
run_test_main -- org.polyphony.translation.DetectionAccuracyReport "$@"
