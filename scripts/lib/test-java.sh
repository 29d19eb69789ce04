# Sourced by scripts that run a main class of the test sources (measurements, benchmarks) outside Maven.
# Sets java_bin to a JDK of release 21 or later, as the build's toolchain selects (JAVA_HOME if it is one, else
# the first found), compiles the test classes and defines run_test_main CLASS [JVM and program arguments…].

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
java_bin=""
for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*/bin/java; do
  if [ -n "$candidate" ] && [ -x "$candidate" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
    java_bin="$candidate"
    break
  fi
done
[ -n "$java_bin" ] || { echo "no JDK 21 or later found; set JAVA_HOME" >&2; exit 1; }

# Not offline: on a fresh clone the dependency plugin (and its own dependencies) are not downloaded yet.
./mvnw -q test-compile
test_classpath_file=target/test-main-classpath.txt
./mvnw -q dependency:build-classpath -Dmdep.outputFile="$test_classpath_file" -Dmdep.includeScope=test >/dev/null

# run_test_main [JVM options…] -- CLASS [arguments…]; JAVA_OPTS are passed to the JVM too
run_test_main() {
  local jvm=()
  while [ "$1" != "--" ]; do jvm+=("$1"); shift; done
  shift
  # shellcheck disable=SC2086
  "$java_bin" "${jvm[@]}" ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat "$test_classpath_file")" "$@"
}
