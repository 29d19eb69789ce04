#!/usr/bin/env bash
# Load benchmark of the Online Dialogue on loopback: seeds 10,000 participants, 5,000 threads and 100,000 posts,
# then measures with wrk (Debian package) the anonymous thread page, a session's thread list, search, and replies
# posted through the web form. Prints wrk's figures; asserts nothing. Needs: ./mvnw package, psql, wrk.
#
#   scripts/benchmark-dialogue.sh [seconds per run, default 20] [connections, default 32] [--scale N]
#
# --scale 10 seeds ten times the data (100,000 participants, 50,000 threads, 1,000,000 posts).
set -euo pipefail
cd "$(dirname "$0")/.."
scale=1
positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    *) positional+=("$1"); shift ;;
  esac
done
duration="${positional[0]:-20}"
connections="${positional[1]:-32}"
jar=$(ls target/polyphony-*.jar | head -1)
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -x "$java_bin" ] || java_bin=java
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
port=18181
data=$(mktemp -d)
trap 'kill $(cat "$data/pid") 2>/dev/null || true; sleep 3; rm -rf "$data"' EXIT

"$java_bin" -Xmx1g -jar "$jar" --server.port=$port --polyphony.data-dir="$data" \
  --polyphony.login.attempts-per-address=100000 >"$data/app.log" 2>&1 &
echo $! > "$data/pid"
until curl -fs "http://localhost:$port/actuator/health" >/dev/null; do sleep 0.5; done
pg_port=$(grep -o "Embedded PostgreSQL is running on port [0-9]*" "$data/app.log" | grep -o "[0-9]*$")
export PGPASSWORD=$(cat "$data/postgres.password")
psql="psql -q -h localhost -p $pg_port -U postgres -d polyphony -v ON_ERROR_STOP=1"

echo "== seeding (scale $scale)"
time $psql -v scale="$scale" -f scripts/bench/seed-dialogue.sql
range=$($psql -At -c "SELECT min(id) || ' ' || max(id) FROM dialogue_thread WHERE title LIKE 'Thread %'")
# the search index takes in the seeded posts now, not during the first measurement (the first search waits for it)
echo "== search index catching up with the seeded posts"
time curl -s -o /dev/null --max-time 1800 "http://localhost:$port/search?q=warm+up"
export FIRST=${range% *} LAST=${range#* }

run() {
  echo "== $1 ($connections connections, ${duration}s)"
  shift
  wrk -t2 -c"$connections" -d"${duration}s" --latency "$@" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|Socket errors"
}
# anonymous readers share copies of thread pages until the thread changes (or a minute): measured once before any
# copy exists, and once after every thread was opened once, as on a forum whose threads people keep reading
run "thread page, 20 posts, random threads, no copies yet (gzip)" -H "Accept-Encoding: gzip" -s scripts/bench/random-thread.lua "http://localhost:$port/"
echo "== opening every thread once"
time (seq "$FIRST" "$LAST" | xargs -P 4 -I{} curl -s -o /dev/null "http://localhost:$port/threads/{}")
run "thread page, 20 posts, random threads, copies made (gzip)" -H "Accept-Encoding: gzip" -s scripts/bench/random-thread.lua "http://localhost:$port/"
run "session thread list" "http://localhost:$port/editions/athens-2009/sessions/2.2/threads"
run "search, a common phrase (1 post in 8)" "http://localhost:$port/search?q=domestic+workers+contracts"
run "search, a title word (1 thread in 8)" "http://localhost:$port/search?q=reintegration"

# a signed-in reader: a participant with a session of their own opening random threads (gzip accepted)
sign_up() { # $1 display name, $2 cookie jar
  local token
  token=$(curl -s -c "$2" "http://localhost:$port/signup" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -b "$2" -c "$2" -o /dev/null "http://localhost:$port/signup" \
    --data-urlencode "_csrf=$token" --data-urlencode "displayName=$1" \
    --data-urlencode "password=benchmark passphrase" --data-urlencode "passwordRepeat=benchmark passphrase"
}
sign_up "Bench reader" "$data/reader-cookies"
reader_session=$(awk '$6 == "SESSION" {print $7}' "$data/reader-cookies")
# participants share copies too (composed with each reader's own parts): measured once before any exists, and once
# after every thread was opened by a participant, as for readers signed out
run "thread page, 20 posts, random threads, signed in, no participant copies yet (gzip)" \
  -H "Cookie: SESSION=$reader_session" -H "Accept-Encoding: gzip" -s scripts/bench/random-thread.lua "http://localhost:$port/"
echo "== opening every thread once, signed in"
time (seq "$FIRST" "$LAST" | xargs -P 4 -I{} curl -s -o /dev/null -H "Cookie: SESSION=$reader_session" "http://localhost:$port/threads/{}")
run "thread page, 20 posts, random threads, signed in, copies made (gzip)" -H "Cookie: SESSION=$reader_session" \
  -H "Accept-Encoding: gzip" -s scripts/bench/random-thread.lua "http://localhost:$port/"
run "session thread list, signed in" -H "Cookie: SESSION=$reader_session" \
  "http://localhost:$port/editions/athens-2009/sessions/2.2/threads"

echo "== replies through the web form (one signed-in participant)"
$psql -c "UPDATE accounts_account SET created_at = now() - interval '90 days'" >/dev/null
jar_cookies="$data/cookies"
csrf=$(curl -s -c "$jar_cookies" "http://localhost:$port/signup" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -s -b "$jar_cookies" -c "$jar_cookies" -o /dev/null "http://localhost:$port/signup" \
  --data-urlencode "_csrf=$csrf" --data-urlencode "displayName=Bench writer" \
  --data-urlencode "password=benchmark passphrase" --data-urlencode "passwordRepeat=benchmark passphrase"
$psql -c "UPDATE accounts_account SET created_at = now() - interval '90 days' WHERE display_name = 'Bench writer'" >/dev/null
page=$(curl -s -b "$jar_cookies" -c "$jar_cookies" "http://localhost:$port/threads/$FIRST")
export CSRF=$(printf '%s' "$page" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
export SESSION=$(awk '$6 == "SESSION" {print $7}' "$jar_cookies")
export XSRF=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$jar_cookies")
export THREAD=$FIRST
before=$($psql -At -c "SELECT count(*) FROM dialogue_post")
wrk -t2 -c8 -d"${duration}s" --latency -s scripts/bench/post-reply.lua "http://localhost:$port/" \
  | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|Socket errors"
after=$($psql -At -c "SELECT count(*) FROM dialogue_post")
echo "posts created: $((after - before)) in ${duration}s = $(( (after - before) / duration )) posts/s"
echo "== memory: resident set size of the application after the benchmark (-Xmx1g)"
echo "RSS: $(( $(ps -o rss= -p "$(cat "$data/pid")") / 1024 )) MB"
