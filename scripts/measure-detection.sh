#!/usr/bin/env bash
# Measures language detection on the labelled sentences of src/test/resources/language-detection: accuracy per
# language, time per detection, heap held by the models. Prints a Markdown report; asserts nothing.
#
#   scripts/measure-detection.sh [--mistakes]                 UDHR sentences (sentences.tsv)
#   scripts/measure-detection.sh --short-texts [--mistakes]   short interface messages (short-texts.tsv), with and
#                                                             without what is known of the author (priors)
# --mistakes lists the misdetected texts; JAVA_OPTS (e.g. -Xmx512m, -DhighAccuracy=true) are passed to the JVM.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/lib/test-java.sh
if [ "${1:-}" = "--short-texts" ]; then
  shift
  run_test_main -- org.polyphony.translation.ShortTextDetectionReport "$@"
else
  run_test_main -- org.polyphony.translation.DetectionAccuracyReport "$@"
fi
