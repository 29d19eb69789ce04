#!/usr/bin/env bash
# Load benchmark of opinion mapping on loopback: seeds a conversation of 10,000 voters and 500 statements (500,000
# votes), waits for its background analysis, then measures with wrk (Debian package) the results page (read as
# someone without a dot of their own, and as a voter, whose map is drawn with their dot ringed), and votes through
# the web form as the seeded pseudonymous voters. Prints wrk's figures (req/s, p50, p99) and the votes recorded;
# asserts nothing. Needs: ./mvnw package -DskipTests, psql, wrk.
#
#   scripts/benchmark-opinions-web.sh [seconds per run, default 20] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-20}"
connections="${2:-32}"
jar=$(ls target/polyphony-*.jar | head -1)
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -x "$java_bin" ] || java_bin=java
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
port=18183
data=$(mktemp -d)
trap 'kill $(cat "$data/pid") 2>/dev/null || true; sleep 3; rm -rf "$data"' EXIT

"$java_bin" -Xmx1g -jar "$jar" --server.port=$port --polyphony.data-dir="$data" >"$data/app.log" 2>&1 &
echo $! > "$data/pid"
until curl -fs "http://localhost:$port/actuator/health" >/dev/null; do sleep 0.5; done
pg_port=$(grep -o "Embedded PostgreSQL is running on port [0-9]*" "$data/app.log" | grep -o "[0-9]*$")
export PGPASSWORD=$(cat "$data/postgres.password")
psql="psql -q -h localhost -p $pg_port -U postgres -d polyphony -v ON_ERROR_STOP=1"

echo "== seeding 10,000 voters, 500 statements, 500,000 votes"
# one transaction: the background analysis must not start on the conversation before its votes are in
time $psql -1 -f scripts/bench/seed-opinions.sql
export CONVERSATION=$($psql -At -c "SELECT max(id) FROM opinions_conversation WHERE question LIKE 'Benchmark:%'")
echo "== waiting for the background analysis of conversation $CONVERSATION"
start=$(date +%s)
until [ "$($psql -At -c "SELECT count(*) FROM opinions_analysis WHERE conversation_id = $CONVERSATION
                            AND votes_counted >= 500000")" = 1 ]; do
  sleep 1
done
echo "analysed within $(( $(date +%s) - start )) s; $($psql -At -c "SELECT result->>'state' || ', ' || jsonb_array_length(result->'groups') || ' groups' FROM opinions_analysis WHERE conversation_id = $CONVERSATION")"

run() {
  echo "== $1 ($connections connections, ${duration}s)"
  shift
  wrk -t2 -c"$connections" -d"${duration}s" --latency "$@" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|Socket errors"
}
results="http://localhost:$port/conversations/$CONVERSATION/results"
curl -s -o /dev/null "$results"
echo "results page: $(curl -s --compressed -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' "$results") bytes compressed"
run "results page, a reader without a dot" -H "Accept-Encoding: gzip" "$results"
run "results page, a voter (map drawn with their dot)" \
  -H "Accept-Encoding: gzip" -H "Cookie: polyphony-voter=bench$(printf '%038d' 4242)" "$results"

echo "== votes through the web form (random seeded voters, random statements)"
jar_cookies="$data/cookies"
page=$(curl -s -b "$jar_cookies" -c "$jar_cookies" "http://localhost:$port/conversations/$CONVERSATION")
export CSRF=$(printf '%s' "$page" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
export XSRF=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$jar_cookies")
before=$($psql -At -c "SELECT count(*) FROM opinions_vote_event WHERE conversation_id = $CONVERSATION")
run "votes" -s scripts/bench/vote.lua "http://localhost:$port/"
after=$($psql -At -c "SELECT count(*) FROM opinions_vote_event WHERE conversation_id = $CONVERSATION")
echo "votes recorded (new and changed): $((after - before)) in ${duration}s = $(( (after - before) / duration )) votes/s"
echo "(a request that repeats a voter's current vote records nothing: about one in three of the changes)"
echo "ERROR lines in the application log: $(grep -c " ERROR " "$data/app.log" || true)"
# a connection not had within 3 s (spring.datasource.hikari.connection-timeout) makes the node answer 503 for a while
echo "times the node declared the database away (503s): $(grep -c "requests are answered 503" "$data/app.log" || true)"
