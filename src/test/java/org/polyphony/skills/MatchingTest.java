package org.polyphony.skills;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MatchingTest {

    private static final LocalDate START = LocalDate.of(2027, 3, 1);

    private static Matching.Worker careWorker(String... languages) {
        return new Matching.Worker(
                List.of("5322"),
                Set.of("elderly-care", "first-aid"),
                List.of(languages).stream()
                        .map(l -> LanguageLevel.parse(l).orElseThrow())
                        .toList(),
                Set.of(),
                Set.of("western-asia"),
                LocalDate.of(2027, 1, 1));
    }

    private static Matching.Offer offer(String occupation, String... languages) {
        return new Matching.Offer(
                occupation,
                List.of("elderly-care", "first-aid", "cooking"),
                List.of(languages).stream()
                        .map(l -> LanguageLevel.parse(l).orElseThrow())
                        .toList(),
                "QA",
                START);
    }

    /** The index's quick score is the explained match's score, on many seeded random pairs. */
    @Test
    void theQuickScoreIsTheScoreOfTheExplainedMatch() {
        java.util.Random random = new java.util.Random(38);
        List<String> units = List.of("5322", "5321", "5311", "9111", "9112", "5312", "2221");
        List<String> skills = SkillCodes.ALL;
        List<String> languages = List.of("ar:B2", "ar:C1", "en:A2", "en:B1", "fr:C2", "tl:B2");
        List<String> countries = List.of("QA", "DE", "PH", "AE");
        for (int i = 0; i < 5_000; i++) {
            Matching.Worker worker = new Matching.Worker(
                    List.of(units.get(random.nextInt(units.size())), units.get(random.nextInt(units.size()))),
                    Set.copyOf(List.of(
                            skills.get(random.nextInt(skills.size())), skills.get(random.nextInt(skills.size())))),
                    List.of(LanguageLevel.parse(languages.get(random.nextInt(languages.size())))
                            .orElseThrow()),
                    Set.of(countries.get(random.nextInt(countries.size()))),
                    random.nextBoolean() ? Set.of("western-asia") : Set.of(),
                    random.nextBoolean() ? null : START.plusDays(random.nextInt(60) - 30));
            Matching.Offer offer = new Matching.Offer(
                    units.get(random.nextInt(units.size())),
                    List.of(skills.get(random.nextInt(skills.size())), skills.get(random.nextInt(skills.size())))
                            .stream()
                            .distinct()
                            .limit(random.nextInt(3))
                            .toList(),
                    random.nextBoolean()
                            ? List.of()
                            : List.of(LanguageLevel.parse(languages.get(random.nextInt(languages.size())))
                                    .orElseThrow()),
                    countries.get(random.nextInt(countries.size())),
                    START);
            assertThat(Matching.score(worker, offer))
                    .as("%s %s", worker, offer)
                    .isEqualTo(Matching.match(worker, offer)
                            .map(Matching.Match::score)
                            .orElse(-1));
        }
    }

    @Test
    void theSameUnitGroupWithMostSkillsAndTheLanguageIsAGoodMatchAndSaysWhy() {
        Matching.Match match =
                Matching.match(careWorker("ar:C1"), offer("5322", "ar:B2")).orElseThrow();

        // 40 occupation + 25 × 2/3 skills + 20 language + 10 place (Qatar is in Western Asia) + 5 period
        assertThat(match.score()).isEqualTo(92);
        assertThat(match.parts())
                .contains(
                        new Matching.Occupation("5322", true),
                        new Matching.Skills(List.of("elderly-care", "first-aid"), 3),
                        new Matching.Place("QA", true),
                        new Matching.Period(START, true));
        Matching.Language language = (Matching.Language) match.parts().stream()
                .filter(Matching.Language.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(language.met()).isTrue();
        assertThat(language.has().orElseThrow().code()).isEqualTo("ar:C1");
    }

    @Test
    void theSameMinorGroupCountsLessAndALanguageBelowTheLevelIsNotMet() {
        Matching.Match match =
                Matching.match(careWorker("ar:A2"), offer("5321", "ar:B2")).orElseThrow();

        // the group named is the opportunity's minor group, never the worker's own occupation
        assertThat(match.parts()).contains(new Matching.Occupation("532", false));
        assertThat(match.score()).isEqualTo(20 + 17 + 0 + 10 + 5);
        assertThat(Matching.candidate(match)).isTrue();
    }

    @Test
    void anOrganisationSeesCountsAndMetOrNotButNeverWhichSkillsOrWhatLevel() {
        Matching.Match match = Matching.match(careWorker("ar:C1"), offer("5322", "ar:B2"))
                .orElseThrow()
                .forOrganisation();

        assertThat(match.parts())
                .contains(new Matching.SkillCount(2, 3))
                .contains(new Matching.LanguageMet(LanguageLevel.parse("ar:B2").orElseThrow(), true))
                .noneMatch(part -> part instanceof Matching.Skills || part instanceof Matching.Language);
        assertThat(match.score()).isEqualTo(92);
    }

    @Test
    void anotherMinorGroupIsNoMatch() {
        assertThat(Matching.match(careWorker("ar:C1"), offer("9111", "ar:B2"))).isEmpty();
    }

    @Test
    void aWorkerAvailableOnlyAfterTheStartMissesThePeriod() {
        Matching.Worker late =
                new Matching.Worker(List.of("5322"), Set.of(), List.of(), Set.of("QA"), Set.of(), START.plusDays(1));
        Matching.Match match = Matching.match(late, offer("5322")).orElseThrow();

        assertThat(match.parts()).contains(new Matching.Period(START, false), new Matching.Place("QA", true));
        assertThat(match.score()).isEqualTo(40 + 0 + 20 + 10);
    }

    @Test
    void languageLevelsAreReadStrictly() {
        assertThat(LanguageLevel.parse("ar:C1")).isPresent();
        assertThat(LanguageLevel.parse("tl:B2")).isPresent();
        assertThat(LanguageLevel.parse("qq:B1")).as("no such language").isEmpty();
        assertThat(LanguageLevel.parse("ar:C3")).isEmpty();
        assertThat(LanguageLevel.parse("AR:C1")).isEmpty();
        assertThat(LanguageLevel.parse("ar")).isEmpty();
        assertThat(LanguageLevel.parse(null)).isEmpty();
    }
}
