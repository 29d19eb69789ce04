#!/usr/bin/env bash
# Rebuilds src/main/resources/org/polyphony/experiences/world-map.tsv, the world map of the map of journeys, from
# Natural Earth's countries (public domain) as the npm package world-atlas ships them, with ISO 3166-1 numeric
# codes turned into alpha-2 codes by the npm package i18n-iso-countries (MIT). Needs npm here only: the build and
# the platform read the committed file.
#
#   scripts/build-world-map.sh
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent world-atlas@2.0.2 i18n-iso-countries@7.14.0 >/dev/null)
for package in world-atlas i18n-iso-countries; do
  mkdir "$work/$package"
  tar -xzf "$work/$package"-*.tgz -C "$work/$package"
done

. scripts/lib/test-java.sh
run_test_main -- org.polyphony.experiences.WorldMapGenerator \
  "$work/world-atlas/package" "$work/i18n-iso-countries/package/codes.json" \
  src/main/resources/org/polyphony/experiences/world-map.tsv
