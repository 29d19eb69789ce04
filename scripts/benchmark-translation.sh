#!/usr/bin/env bash
# Benchmark of machine translation: Apertium's own throughput, the time from publishing a post through the web form
# to its translation being ready, and the anonymous thread page translated against the same page untranslated.
# Prints figures; asserts nothing. Needs: ./mvnw package, apertium with the en-es, fr-es and es-pt pairs, psql, wrk,
# curl. Time per language detection is measured by scripts/measure-detection.sh, not here.
#
#   scripts/benchmark-translation.sh [seconds per wrk run, default 15] [connections, default 32]
#                                    [posts for the latency, default 20] [wrk rounds, default 2]
#
# READER (default es) is the reader's language for the thread pages; KEEP_DATA=1 keeps the data directory.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-15}"
connections="${2:-32}"
posts="${3:-20}"
rounds="${4:-2}"
reader="${READER:-es}"
modes_dir="${APERTIUM_MODES:-/usr/share/apertium/modes}"
jar=$(ls target/polyphony-*.jar | head -1)
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -x "$java_bin" ] || java_bin=java
for tool in apertium psql wrk curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing"; exit 1; }
done
port=18182
data=$(mktemp -d)
cleanup() {
  if [ -f "$data/pid" ]; then kill "$(cat "$data/pid")" 2>/dev/null || true; sleep 3; fi
  if [ "${KEEP_DATA:-}" = 1 ]; then echo "data directory kept: $data"; else rm -rf "$data"; fi
}
trap cleanup EXIT

# the load average counts runnable threads; during part 3 the previous wrk run and the application are most of it
# so the idle share of the CPUs in the second before says more about others' work on the machine
cpu_idle() {
  local a b
  a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
  awk -v i="$(( b[4] + b[5] - a[4] - a[5] ))" -v t="$(( b[1] + b[2] + b[3] + b[4] + b[5] + b[6] + b[7] + b[8] - a[1] - a[2] - a[3] - a[4] - a[5] - a[6] - a[7] - a[8] ))" \
    'BEGIN { printf "%.0f %%", 100 * i / t }'
}
load() { echo "   [load before: $(uptime | sed 's/^ *//'); CPUs idle in the second before: $(cpu_idle)]"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# mean, p50, p90, max of numbers on stdin (nearest rank)
stats() {
  sort -n | awk '{ v[NR] = $1; s += $1 }
    END { if (NR == 0) { print "no values"; exit }
          p50 = v[int((NR * 50 + 99) / 100)]; p90 = v[int((NR * 90 + 99) / 100)];
          printf "n=%d mean=%.0f p50=%.0f p90=%.0f max=%.0f\n", NR, s / NR, p50, p90, v[NR] }'
}
# wrk prints latencies as 950.00us, 82.12ms, 1.20s
to_ms() {
  awk -v x="$1" 'BEGIN { if (x ~ /us$/) v = x / 1000; else if (x ~ /ms$/) v = x + 0; else if (x ~ /m$/) v = x * 60000;
                         else v = x * 1000; printf "%.1f", v }'
}
mode_for() { # the installed mode of a pair, named as the application names it (en-es or eng-spa)
  for name in "$1-$2" "$3-$4"; do [ -f "$modes_dir/$name.mode" ] && { echo "$name"; return; }; done
  echo "no Apertium mode for $1-$2 in $modes_dir" >&2; exit 1
}

paragraph="Many of the people in our association left their villages when they were very young, and they still send \
money home to their families every month. The fees charged by banks and transfer companies are too high, and they \
often take a tenth of what a worker earns in a week. We have spoken with officials in both countries about this \
problem, and they agree that something must change, but nothing has happened yet. In the meantime, families wait \
longer for the money they need for food, rent and school. Some workers carry cash across the border themselves, \
which is dangerous and sometimes illegal. We believe that governments, banks and employers should work together \
to lower the cost of sending money. They should also make it easier for workers to open bank accounts without \
papers that are difficult to obtain. This would help the workers, their families and the economies of both \
countries, and it would make the journey less lonely."

echo "== 1. Apertium throughput (the apertium command, as the application calls it)"
en_es=$(mode_for en es eng spa)
apertium_dir=$(dirname "$modes_dir")
words=$(printf '%s' "$paragraph" | wc -w)
echo "mode $en_es; sample: $(printf '%s' "$paragraph" | apertium -u -d "$apertium_dir" "$en_es" | cut -c1-110)…"
load
: > "$data/apertium-short"
for _ in $(seq 1 20); do
  t0=$(date +%s%N)
  printf '%s' "$paragraph" | apertium -u -d "$apertium_dir" "$en_es" >/dev/null
  echo $(( ($(date +%s%N) - t0) / 1000000 )) >> "$data/apertium-short"
done
short=$(stats < "$data/apertium-short")
mean_short=$(echo "$short" | sed 's/.*mean=\([0-9]*\).*/\1/')
echo "$words-word paragraph, 20 calls, wall time per call in ms (process start included): $short"
echo "  = $(awk -v w="$words" -v m="$mean_short" 'BEGIN { printf "%.0f", w / (m / 1000) }') words/s at the mean"
: > "$data/apertium-one-word"
for _ in $(seq 1 10); do
  t0=$(date +%s%N)
  printf 'Hello' | apertium -u -d "$apertium_dir" "$en_es" >/dev/null
  echo $(( ($(date +%s%N) - t0) / 1000000 )) >> "$data/apertium-one-word"
done
echo "one word, 10 calls (the cost of starting the pipeline), ms: $(stats < "$data/apertium-one-word")"
long="$data/long.txt"
for _ in $(seq 1 20); do printf '%s\n\n' "$paragraph"; done > "$long"
long_words=$(wc -w < "$long")
for run in 1 2 3; do
  t0=$(date +%s%N)
  apertium -u -d "$apertium_dir" "$en_es" < "$long" >/dev/null
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  echo "$long_words words in one call (run $run): $ms ms = $(awk -v w="$long_words" -v m="$ms" 'BEGIN { printf "%.0f", w / (m / 1000) }') words/s"
done

echo
echo "== starting the application"
"$java_bin" -Xmx1g -jar "$jar" --server.port=$port --polyphony.data-dir="$data" \
  --polyphony.login.attempts-per-address=100000 >"$data/app.log" 2>&1 &
echo $! > "$data/pid"
for _ in $(seq 1 240); do curl -fs "http://localhost:$port/actuator/health" >/dev/null && break; sleep 0.5; done
pg_port=$(grep -o "Embedded PostgreSQL is running on port [0-9]*" "$data/app.log" | grep -o "[0-9]*$")
export PGPASSWORD=$(cat "$data/postgres.password")
psql="psql -q -h localhost -p $pg_port -U postgres -d polyphony -v ON_ERROR_STOP=1"
echo "Apertium modes installed: $(ls "$modes_dir" | sed -n 's/\.mode$//p' | tr '\n' ' ')"

echo
echo "== 2. From publishing a post through the web form to its translation into Spanish"
jar_cookies="$data/cookies"
csrf=$(curl -s -c "$jar_cookies" "http://localhost:$port/signup" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -s -b "$jar_cookies" -c "$jar_cookies" -o /dev/null "http://localhost:$port/signup" \
  --data-urlencode "_csrf=$csrf" --data-urlencode "displayName=Bench translator" \
  --data-urlencode "password=benchmark passphrase" --data-urlencode "passwordRepeat=benchmark passphrase"
$psql -c "UPDATE accounts_account SET created_at = now() - interval '90 days' WHERE display_name = 'Bench translator'"
author=$($psql -At -c "SELECT id FROM accounts_account WHERE display_name = 'Bench translator'")
thread=$($psql -At -c "SELECT min(id) FROM dialogue_thread")
page=$(curl -s -b "$jar_cookies" -c "$jar_cookies" "http://localhost:$port/threads/$thread")
csrf=$(printf '%s' "$page" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
[ -n "$author" ] && [ -n "$csrf" ] || { echo "could not sign up and open thread $thread"; exit 1; }
# Polls in the database every 50 ms (a volatile function sees each commit), so the poll costs no process start.
cat > "$data/wait.sql" <<'SQL'
CREATE FUNCTION pg_temp.translated(p_author bigint, p_key uuid, p_target text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  post bigint;
  state text;
  started timestamptz := clock_timestamp();
BEGIN
  LOOP
    IF post IS NULL THEN
      SELECT id INTO post FROM dialogue_post WHERE author_id = p_author AND idempotency_key = p_key;
    END IF;
    IF post IS NOT NULL THEN
      SELECT status INTO state FROM translation_job WHERE kind = 'post' AND content_id = post AND target = p_target;
      IF state IN ('DONE', 'FAILED') THEN
        RETURN state || ' ' || post || ' ' || floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint;
      END IF;
    END IF;
    IF clock_timestamp() > started + interval '60 seconds' THEN
      RETURN 'TIMEOUT ' || coalesce(post, 0) || ' 0';
    END IF;
    PERFORM pg_sleep(0.05);
  END LOOP;
END $$;
CREATE FUNCTION pg_temp.idle(p_post bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE started timestamptz := clock_timestamp();
BEGIN
  WHILE EXISTS (SELECT 1 FROM translation_job WHERE kind = 'post' AND content_id = p_post
                AND status IN ('PENDING', 'RUNNING'))
        AND clock_timestamp() < started + interval '60 seconds' LOOP
    PERFORM pg_sleep(0.05);
  END LOOP;
END $$;
SQL
places=(Athens Manila Dakar Quito Tunis Lima Accra Rabat Dhaka Lagos)
subjects=(labour finance foreign social interior)
: > "$data/latency"
load
for i in $(seq 1 "$posts"); do
  key=$(cat /proc/sys/kernel/random/uuid)
  body="In ${places[$((i % 10))]}, $((i * 37 + 120)) families of our members now depend on money sent by relatives \
who work abroad. The fees for each transfer are still too high, and the ${subjects[$((i % 5))]} ministry has not \
answered the letters we sent in March. We ask the forum to discuss how banks and post offices could lower these \
costs before the next meeting, and to invite the workers themselves to speak."
  t0=$(now_ms)
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar_cookies" -c "$jar_cookies" \
    "http://localhost:$port/threads/$thread/posts" --data-urlencode "_csrf=$csrf" \
    --data-urlencode "idempotencyKey=$key" --data-urlencode "body=$body")
  [ "$code" = 302 ] || { echo "posting answered $code, not a redirect"; tail -20 "$data/app.log"; exit 1; }
  read -r state post t1 < <($psql -At -f "$data/wait.sql" -c "SELECT pg_temp.translated($author, '$key', 'es')")
  [ "$state" = DONE ] || echo "post $i ($post): translation into Spanish $state"
  [ "$state" = DONE ] && echo $((t1 - t0)) >> "$data/latency"
  # the next post starts from an empty queue: the other ahead-of-time translations of this one finish first
  $psql -At -f "$data/wait.sql" -c "SELECT pg_temp.idle($post)" >/dev/null
done
echo "$posts posts of $(printf '%s' "$body" | wc -w) words, one at a time; publish → Spanish translation DONE, ms \
(curl before the POST to the poll that saw it, polled every 50 ms): $(stats < "$data/latency")"
echo "per target, from the post's row (created_at) to its job's finished_at, ms, as the database recorded them:"
$psql -c "
  SELECT j.target, count(*) AS jobs, count(*) FILTER (WHERE j.status = 'DONE') AS done,
         min(t.pivot) AS pivot,
         round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM j.finished_at - p.created_at) * 1000)) AS p50_ms,
         round(percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM j.finished_at - p.created_at) * 1000)) AS p90_ms,
         round(max(extract(epoch FROM j.finished_at - p.created_at) * 1000)) AS max_ms
  FROM translation_job j
  JOIN dialogue_post p ON j.kind = 'post' AND p.id = j.content_id
  JOIN translation_source s ON s.kind = 'post' AND s.content_id = p.id
  LEFT JOIN translation_text t ON t.content_hash = s.content_hash AND t.target = j.target
  WHERE p.author_id = $author GROUP BY j.target ORDER BY min(j.id)"
echo "(the worker takes jobs in the order they were asked for: the ahead-of-time languages in their configured order)"
echo "content hash computed in SQL as in Translations.contentHash (checks the formula used in part 3):"
$psql -At -c "
  SELECT count(*) FILTER (WHERE s.content_hash = sha256(convert_to(s.language, 'UTF8') || '\x00'::bytea
           || convert_to(s.text, 'UTF8') || '\x00'::bytea || sha256(''::bytea))) || ' of ' || count(*) || ' match'
  FROM translation_source s JOIN dialogue_post p ON s.kind = 'post' AND p.id = s.content_id
  WHERE p.author_id = $author"
echo "last post in Spanish: $($psql -At -c "
  SELECT left(t.text, 160) FROM translation_text t JOIN translation_source s ON s.content_hash = t.content_hash
  WHERE s.kind = 'post' AND s.content_id = $post AND t.target = 'es'")…"

echo
echo "== 3. Thread page, translated against untranslated"
echo "seeding:"
time $psql -f scripts/bench/seed-dialogue.sql
range=$($psql -At -c "SELECT min(id) || ' ' || max(id) FROM dialogue_thread WHERE title LIKE 'Thread %'")
export FIRST=${range% *} LAST=${range#* }
echo "making the seeded posts translatable (their language, translation_source rows):"
time $psql <<SQL
-- the eight texts of seed-dialogue.sql and the language each is written in
CREATE TEMP TABLE bench_text (body TEXT PRIMARY KEY, language TEXT NOT NULL, config REGCONFIG NOT NULL);
INSERT INTO bench_text VALUES
  ('Migrant workers send money home every month, and the fees take too much of it.', 'en', 'english'),
  ('Les travailleurs migrants ont besoin que leurs compétences soient reconnues.', 'fr', 'french'),
  ('La migración circular puede beneficiar a todos si se protegen los derechos.', 'es', 'spanish'),
  ('Domestic workers need contracts, days off and a way to complain without losing their visa.', 'en', 'english'),
  ('Diaspora associations can invest in their home towns when the rules are clear.', 'en', 'english'),
  ('O regresso precisa de apoio para que as competências adquiridas não se percam.', 'pt', 'portuguese'),
  ('Recruitment agencies should never charge workers; employers should pay.', 'en', 'english'),
  ('Children of migrants need schools that accept them wherever they are.', 'en', 'english');
-- as detection would have stored them
UPDATE dialogue_post p SET language = b.language, language_confidence = 0.95, search_config = b.config
  FROM bench_text b, dialogue_thread t
 WHERE p.body = b.body AND t.id = p.thread_id AND t.title LIKE 'Thread %';
-- as Translations.register would have kept them: hash = sha256(language 0x00 text 0x00 fingerprint), the
-- fingerprint of an empty glossary being sha256 of nothing
INSERT INTO translation_source (kind, content_id, language, text, content_hash, glossary_id)
SELECT 'post', p.id, p.language, p.body,
       sha256(convert_to(p.language, 'UTF8') || '\x00'::bytea || convert_to(p.body, 'UTF8') || '\x00'::bytea
              || sha256(''::bytea)),
       NULL
  FROM dialogue_post p JOIN dialogue_thread t ON t.id = p.thread_id
 WHERE t.title LIKE 'Thread %';
ANALYZE dialogue_post;
ANALYZE translation_source;
SQL
$psql -c "
  SELECT p.language, count(*) AS posts, count(DISTINCT p.body) AS texts
  FROM dialogue_post p JOIN dialogue_thread t ON t.id = p.thread_id
  WHERE t.title LIKE 'Thread %' GROUP BY p.language ORDER BY p.language"
echo "translating each distinct text into '$reader' for real (one job per text; the cache is by content hash):"
$psql -c "
  INSERT INTO translation_job (kind, content_id, target, content_hash)
  SELECT DISTINCT ON (s.content_hash) 'post', s.content_id, '$reader', s.content_hash
  FROM translation_source s JOIN dialogue_post p ON s.kind = 'post' AND p.id = s.content_id
  JOIN dialogue_thread t ON t.id = p.thread_id
  WHERE t.title LIKE 'Thread %' AND s.language <> '$reader'
  ORDER BY s.content_hash, s.content_id"
t0=$(now_ms)
for _ in $(seq 1 240); do
  waiting=$($psql -At -c "SELECT count(*) FROM translation_job WHERE status IN ('PENDING', 'RUNNING')")
  [ "$waiting" = 0 ] && break
  sleep 0.5
done
echo "all jobs finished after $(( $(now_ms) - t0 )) ms (looked at every 0.5 s; the worker looks every second)"
$psql -c "
  SELECT j.status, s.language, j.target, t.pivot, left(coalesce(t.text, j.last_error), 90) AS translation
  FROM translation_job j JOIN translation_source s ON s.kind = j.kind AND s.content_id = j.content_id
  LEFT JOIN translation_text t ON t.content_hash = j.content_hash AND t.target = j.target
  JOIN dialogue_post p ON p.id = s.content_id JOIN dialogue_thread th ON th.id = p.thread_id
  WHERE j.kind = 'post' AND j.target = '$reader' AND th.title LIKE 'Thread %'
  ORDER BY s.language, j.id"
$psql -At -c "
  SELECT 'seeded posts in the reader''s language: ' || count(*) FILTER (WHERE s.language = '$reader')
      || '; to translate: ' || count(*) FILTER (WHERE s.language <> '$reader')
      || ', of which with a translation ready: ' || count(*) FILTER (WHERE s.language <> '$reader' AND EXISTS (
             SELECT 1 FROM translation_text t WHERE t.content_hash = s.content_hash AND t.source = s.language
             AND t.target = '$reader'))
  FROM translation_source s JOIN dialogue_post p ON s.kind = 'post' AND p.id = s.content_id
  JOIN dialogue_thread t ON t.id = p.thread_id WHERE t.title LIKE 'Thread %'"

check() {
  local html labels pending
  html=$(curl -s -H "Accept-Language: $reader" "$@" "http://localhost:$port/threads/$FIRST")
  labels=$(printf '%s' "$html" | grep -o 'class="translation-label' | wc -l)
  pending=$(printf '%s' "$html" | grep -o 'class="translation-pending' | wc -l)
  echo "$labels translation labels, $pending in progress, $(printf '%s' "$html" | wc -c) bytes"
}
echo "thread $FIRST, page 1, anonymous, Accept-Language: $reader:"
echo "  translation on:  $(check)"
echo "  translation off: $(check -H 'Cookie: polyphony-translate=off')"
echo "  first label: $(curl -s -H "Accept-Language: $reader" "http://localhost:$port/threads/$FIRST" \
  | tr '\n' ' ' | grep -o '<p class="translation-label[^>]*>[^<]*' | head -1 | sed 's/<[^>]*>//; s/  */ /g')"

summary="$data/summary"
: > "$summary"
run() {
  local label=$1 out rps p50 p99
  shift
  load
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -s scripts/bench/random-thread.lua \
    -H "Accept-Language: $reader" "$@" "http://localhost:$port/")
  echo "-- $label ($connections connections, ${duration}s)"
  printf '%s\n' "$out" | grep -E "Requests/sec|Latency  |50%|99%|Non-2xx|Socket errors"
  rps=$(printf '%s\n' "$out" | awk '/Requests\/sec/ { print $2 }')
  p50=$(to_ms "$(printf '%s\n' "$out" | awk '$1 == "50%" { print $2 }')")
  p99=$(to_ms "$(printf '%s\n' "$out" | awk '$1 == "99%" { print $2 }')")
  echo "$label $rps $p50 $p99" >> "$summary"
}
# the JIT is still improving after a few seconds: warm both variants up as long as a measured run
load
echo "warming up (both variants, ${duration}s each, not counted)"
for cookie in "X-Bench: warm-up" "Cookie: polyphony-translate=off"; do
  wrk -t2 -c"$connections" -d"${duration}s" -s scripts/bench/random-thread.lua \
    -H "Accept-Language: $reader" -H "$cookie" "http://localhost:$port/" >/dev/null
done
# anonymous readers share a copy of each page until its thread changes (at most a minute): before each measured
# run every thread is opened once in that variant, as on a forum whose threads people keep reading
open_every_thread() {
  seq "$FIRST" "$LAST" | xargs -P 4 -I{} curl -s -o /dev/null -H "Accept-Language: $reader" "$@" \
    "http://localhost:$port/threads/{}"
}
run_warm() {
  local label=$1
  shift
  open_every_thread "$@"
  run "$label" "$@"
}
for round in $(seq 1 "$rounds"); do
  # alternate the order, so that a change of load on the machine does not always favour the same variant
  if [ $((round % 2)) = 1 ]; then
    run_warm translated -H "X-Bench: translated"; run_warm untranslated -H "Cookie: polyphony-translate=off"
  else
    run_warm untranslated -H "Cookie: polyphony-translate=off"; run_warm translated -H "X-Bench: translated"
  fi
done

echo
echo "== summary: anonymous thread page (20 posts), random threads, Accept-Language: $reader"
awk '{ printf "%-13s %8.1f req/s  p50 %7.1f ms  p99 %7.1f ms\n", $1, $2, $3, $4 }' "$summary"
awk '$1 == "translated" { t += $2; nt++ } $1 == "untranslated" { u += $2; nu++ }
     END { if (nt && nu) printf "translated / untranslated, mean req/s: %.1f / %.1f = %.2f (target ≥ 0.90)\n",
                                t / nt, u / nu, (t / nt) / (u / nu) }' "$summary"
echo
echo "== time per language detection: not measured here; run scripts/measure-detection.sh (docs/language-detection.md)"
echo
echo "== the application log: warnings and errors"
grep -E '\b(WARN|ERROR)\b' "$data/app.log" | cut -c1-300 | head -20 || true
echo "($(grep -cE '\b(WARN|ERROR)\b' "$data/app.log" || true) lines)"
$psql -c "SELECT target, status, count(*), left(max(last_error), 120) AS error FROM translation_job GROUP BY 1, 2 ORDER BY 1, 2"
