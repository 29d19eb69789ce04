#!/usr/bin/env bash
# Skills matching benchmark: seeds synthetic profiles and opportunities (default 100,000 × 1,000; 60 % in domestic
# and care work), then measures a full re-match (time, peak heap) and the candidate list of the most crowded
# opportunity, in process and as a page over loopback under concurrent load (p50/p99). Starts the application with
# its embedded PostgreSQL through the test harness and prints the figures (lines starting with BENCHMARK); asserts
# nothing. Run it on a quiet machine: the figures are wall-clock times.
#
#   scripts/benchmark-skills.sh [profiles, default 100000] [opportunities, default 1000] [sessions, default 4]
#                               [requests per session, default 100]
set -euo pipefail
cd "$(dirname "$0")/.."
profiles="${1:-100000}"
opportunities="${2:-1000}"
threads="${3:-4}"
requests="${4:-100}"
# JFR=1 records a flight recording (target/skills-benchmark.jfr) to see where a request's time goes
argline="-Xmx1g"
if [ "${JFR:-0}" = 1 ]; then
  argline="$argline -XX:StartFlightRecording=filename=target/skills-benchmark.jfr,settings=profile"
fi
# not offline, so that it runs from a fresh clone (the plugins it needs may not be downloaded yet)
./mvnw -q test -Dtest=SkillsBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DargLine="$argline" \
  -Dskills.benchmark.profiles="$profiles" -Dskills.benchmark.opportunities="$opportunities" \
  -Dskills.benchmark.threads="$threads" -Dskills.benchmark.requests="$requests" 2>&1 | grep BENCHMARK \
  || grep BENCHMARK target/surefire-reports/org.polyphony.skills.SkillsBenchmark-output.txt
