package org.polyphony.skills;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.polyphony.people.OrganisationId;

/** The full re-match's columns score every pair exactly as the explained match does. */
class ProfileColumnsTest {

    private static final LocalDate START = LocalDate.of(2027, 3, 1);
    private static final List<String> UNITS = List.of("5322", "5321", "5311", "9111", "9112", "5312", "2221", "0110");
    private static final List<String> LANGUAGES =
            List.of("ar:B2", "ar:C1", "en:A2", "en:B1", "fr:C2", "tl:B2", "ar:A1", "zh:B1");
    private static final List<String> COUNTRIES = List.of("QA", "DE", "PH", "AE", "ZA");
    private static final List<String> REGIONS = List.of("western-asia", "western-europe", "south-eastern-asia");

    private final Random random = new Random(43);

    @Test
    void theColumnsScoreEveryPairAsTheMatchDoes() {
        ProfileColumns columns = new ProfileColumns();
        List<SkillsProfile> profiles = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            SkillsProfile profile = profile(i);
            profiles.add(profile);
            columns.add(
                    profile.id(),
                    profile.numberSalt(),
                    profile.occupations(),
                    profile.skills(),
                    profile.languages(),
                    profile.workCountries(),
                    profile.workRegions(),
                    profile.availableFrom());
        }
        int candidates = 0;
        for (int o = 0; o < 200; o++) {
            Opportunity opportunity = opportunity(o);
            ProfileColumns.Offer offer = columns.compile(opportunity);
            for (int p = 0; p < profiles.size(); p++) {
                Matching.Worker worker = profiles.get(p).worker();
                int expected = Matching.match(worker, opportunity.offer())
                        .map(Matching.Match::score)
                        .orElse(-1);
                assertThat(columns.score(p, offer))
                        .as("profile %d, opportunity %d", p, o)
                        .isEqualTo(expected);
                assertThat(Matching.score(worker, opportunity.offer())).isEqualTo(expected);
                candidates += expected >= Matching.MINIMUM_SCORE ? 1 : 0;
            }
        }
        // the data reach both sides of the threshold, so the comparison says something
        assertThat(candidates).isBetween(1_000, 300_000);
    }

    @Test
    void aProfileIsListedOnceInEachMinorGroupOfItsOccupations() {
        ProfileColumns columns = new ProfileColumns();
        columns.add(1, 0, List.of("5322", "5321", "9111"), List.of(), List.of(), List.of(), List.of(), null);
        columns.add(2, 0, List.of("9112"), List.of(), List.of(), List.of(), List.of(), null);
        Map<Integer, int[]> groups = columns.byMinorGroup();
        assertThat(groups.get(532)).containsExactly(0);
        assertThat(groups.get(911)).containsExactly(0, 1);
        assertThat(groups).hasSize(2);
    }

    @Test
    void aCandidateNumberIsReadBackFromWhatIsShown() {
        for (long bits : new long[] {0, 1, 31, 32, (1L << 40) - 1, 0x12_3456_789AL}) {
            String shown = CandidateNumbers.format(bits);
            assertThat(shown).matches("C-[2-9A-HJ-NP-Z]{8}");
            assertThat(CandidateNumbers.parse(shown)).hasValue(bits);
        }
        assertThat(CandidateNumbers.parse("C-1234567")).isEmpty();
        assertThat(CandidateNumbers.parse("C-ABCDEFG1")).isEmpty();
        assertThat(CandidateNumbers.parse("X-ABCDEFGH")).isEmpty();
        assertThat(CandidateNumbers.parse(null)).isEmpty();
    }

    private SkillsProfile profile(long id) {
        List<String> occupations = some(UNITS, 1 + random.nextInt(3));
        List<LanguageLevel> languages = some(LANGUAGES, random.nextInt(4)).stream()
                .map(code -> LanguageLevel.parse(code).orElseThrow())
                .toList();
        return new SkillsProfile(
                id,
                false,
                occupations,
                some(SkillCodes.ALL, random.nextInt(7)),
                languages,
                List.of(),
                3,
                some(COUNTRIES, random.nextInt(3)),
                some(REGIONS, random.nextInt(2)),
                random.nextBoolean() ? null : START.plusDays(random.nextInt(60) - 30),
                "",
                random.nextLong());
    }

    private Opportunity opportunity(long id) {
        return new Opportunity(
                id,
                1,
                new OrganisationId(1),
                "t",
                "",
                UNITS.get(random.nextInt(UNITS.size())),
                some(SkillCodes.ALL, random.nextInt(5)),
                some(LANGUAGES, random.nextInt(3)).stream()
                        .map(code -> LanguageLevel.parse(code).orElseThrow())
                        .toList(),
                COUNTRIES.get(random.nextInt(COUNTRIES.size())),
                "",
                START,
                null,
                BigDecimal.ONE,
                BigDecimal.TEN,
                "QAR",
                "MONTH",
                true);
    }

    private <T> List<T> some(List<T> from, int n) {
        List<T> copy = new ArrayList<>(from);
        java.util.Collections.shuffle(copy, random);
        return List.copyOf(copy.subList(0, Math.min(n, copy.size())));
    }
}
