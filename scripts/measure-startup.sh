#!/usr/bin/env bash
# Measures what a newcomer meets: the cold start (empty data directory: PostgreSQL unpacked and initialised,
# schema migrated, demo agenda loaded), the warm start (same directory again), and the bytes a first visit to
# the home page transfers (gzip), page and assets. Prints figures; asserts nothing.
#
#   scripts/measure-startup.sh [runs]        (default 3 runs; needs target/polyphony-*.jar: ./mvnw package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
jar=$(ls target/polyphony-*.jar | grep -v plain | head -1)
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -x "$java_bin" ] || java_bin=java
port=18080
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

start_and_time() {
  local data="$1" started pid
  started=$(date +%s%N)
  "$java_bin" -jar "$jar" --server.port=$port --polyphony.data-dir="$data" >"$work/app.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { cat "$work/app.log"; exit 1; }
    sleep 0.05
  done
  echo $(( ($(date +%s%N) - started) / 1000000 )) > "$work/ms"
  echo $pid > "$work/pid"
}

stop() {
  local pid; pid=$(cat "$work/pid")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
}

echo "jar: $jar ($("$java_bin" -version 2>&1 | head -1))"
for run in $(seq 1 "$runs"); do
  data="$work/data-$run"
  start_and_time "$data"; cold=$(cat "$work/ms"); stop
  start_and_time "$data"; warm=$(cat "$work/ms")
  if [ "$run" -eq 1 ]; then
    for lang in en ar zh; do
      page=$(curl -s -H "Accept-Encoding: gzip" -H "Accept-Language: $lang" -o "$work/home.gz" -w '%{size_download}' "http://localhost:$port/")
      html=$(gunzip -c "$work/home.gz" 2>/dev/null || cat "$work/home.gz")
      assets=0
      for asset in $(printf '%s' "$html" | grep -oE '(href|src)="/[^"]+"' | grep -vE 'href="/(editions|login|signup|account|admin)?[/"?#]' | sed -E 's/^(href|src)="//; s/"$//' | sort -u); do
        bytes=$(curl -s -H "Accept-Encoding: gzip" -o /dev/null -w '%{size_download}' "http://localhost:$port$asset")
        assets=$((assets + bytes))
      done
      echo "home page ($lang), first visit: page $page B + assets $assets B = $((page + assets)) B transferred"
    done
  fi
  stop
  echo "run $run: cold start ${cold} ms, warm start ${warm} ms (until /actuator/health answers UP)"
done
