#!/usr/bin/env bash
# Measures language detection on the labelled sentences of src/test/resources/language-detection: accuracy per
# language, time per detection, heap held by the models. Prints a Markdown report; asserts nothing.
#
#   scripts/measure-detection.sh [--mistakes]   (--mistakes lists the misdetected sentences; JAVA_OPTS, e.g. -Xmx512m, are passed to the JVM)
set -euo pipefail
cd "$(dirname "$0")/.."

# A JDK of release 21 or later, as the build's toolchain selects: JAVA_HOME if it is one, else the first found.
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
java_bin=""
for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*/bin/java; do
  if [ -n "$candidate" ] && [ -x "$candidate" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
    java_bin="$candidate"
    break
  fi
done
[ -n "$java_bin" ] || { echo "no JDK 21 or later found; set JAVA_HOME" >&2; exit 1; }

./mvnw -q -o test-compile
classpath_file=target/detection-classpath.txt
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test >/dev/null
# shellcheck disable=SC2086
exec "$java_bin" ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  org.polyphony.translation.DetectionAccuracyReport "$@"
