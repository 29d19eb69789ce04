#!/usr/bin/env bash
# Opinion analysis benchmark: synthetic conversations with planted groups (seeded) of 1,000, 10,000 and 100,000
# participants × 1,000 statements, 5 % of cells voted. Prints analysis time, peak heap and planted-group recovery
# (ARI) as a Markdown table; asserts nothing. The heap is capped at 2 GB (the target), so a run that completes
# stayed under it. Run it on a quiet machine: the figures are wall-clock times.
#
#   scripts/benchmark-opinions.sh [participants…]   (default 1000 10000 100000; JAVA_OPTS are passed to the JVM)
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

echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -q -o test-compile
classpath_file=target/opinions-classpath.txt
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test >/dev/null
# shellcheck disable=SC2086
"$java_bin" -Xmx2g ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  org.polyphony.opinions.OpinionBenchmark "$@"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
