package org.polyphony.skills;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.polyphony.languages.Regions;

/**
 * Scores a skills profile against an opportunity, out of 100, and explains each part so that both sides see why
 * ("matches ISCO 5162, 2 of 3 skills, Arabic B2 needed, you have C1"). Occupation counts most: the same unit
 * group 40, the same minor group 20, otherwise there is no match at all; skills 25 and languages 20 in
 * proportion to what the opportunity asks that the profile has; place 10; period 5. Spring-free, so the
 * benchmark and the tests run it as the pages do.
 */
public final class Matching {

    static final int MINIMUM_SCORE = 50;

    /** What matching reads of a profile: nothing that could tell who the worker is. */
    public record Worker(
            List<String> occupations,
            Set<String> skills,
            List<LanguageLevel> languages,
            Set<String> workCountries,
            Set<String> workRegions,
            LocalDate availableFrom) {}

    /** What matching reads of an opportunity. */
    public record Offer(
            String occupation,
            List<String> skills,
            List<LanguageLevel> languages,
            String country,
            LocalDate startsOn) {}

    /** One part of the explanation; {@code met} says whether it counts for the match. */
    public sealed interface Part {
        boolean met();
    }

    public record Occupation(String code, boolean exact) implements Part {
        public boolean met() {
            return true;
        }
    }

    public record Skills(List<String> matched, int asked) implements Part {
        public boolean met() {
            return matched.size() == asked;
        }
    }

    public record Language(LanguageLevel needed, Optional<LanguageLevel> has) implements Part {
        public boolean met() {
            return has.map(level -> level.meets(needed)).orElse(false);
        }
    }

    /** What an organisation sees of the skills part: how many, never which of the worker's skills. */
    public record SkillCount(int matched, int asked) implements Part {
        public boolean met() {
            return matched == asked;
        }
    }

    /** What an organisation sees of a language part: whether the level is met, never the worker's own level. */
    public record LanguageMet(LanguageLevel needed, boolean met) implements Part {}

    public record Place(String country, boolean met) implements Part {}

    public record Period(LocalDate startsOn, boolean met) implements Part {}

    public record Match(int score, List<Part> parts) {

        /**
         * The explanation as an organisation sees it, before and after consent: counts and met or not, so that no
         * pattern of skills or levels lets it recognise one worker across its opportunities.
         */
        public Match forOrganisation() {
            return new Match(
                    score,
                    parts.stream()
                            .map(part -> switch (part) {
                                case Skills skills ->
                                    new SkillCount(skills.matched().size(), skills.asked());
                                case Language language -> new LanguageMet(language.needed(), language.met());
                                default -> part;
                            })
                            .toList());
        }
    }

    private Matching() {}

    static Optional<Match> match(Worker worker, Offer offer) {
        Optional<Occupation> occupation = occupation(worker, offer);
        if (occupation.isEmpty()) {
            return Optional.empty();
        }
        List<Part> parts = new ArrayList<>();
        parts.add(occupation.get());
        double score = occupation.get().exact() ? 40 : 20;

        List<String> matched =
                offer.skills().stream().filter(worker.skills()::contains).toList();
        if (!offer.skills().isEmpty()) {
            parts.add(new Skills(matched, offer.skills().size()));
        }
        score += offer.skills().isEmpty()
                ? 25
                : 25.0 * matched.size() / offer.skills().size();

        int languagesMet = 0;
        for (LanguageLevel needed : offer.languages()) {
            Language part = new Language(
                    needed,
                    worker.languages().stream()
                            .filter(level -> level.language().equals(needed.language()))
                            .findFirst());
            parts.add(part);
            languagesMet += part.met() ? 1 : 0;
        }
        score += offer.languages().isEmpty()
                ? 20
                : 20.0 * languagesMet / offer.languages().size();

        boolean place = worker.workCountries().contains(offer.country())
                || Regions.ofCountry(offer.country())
                        .map(region -> worker.workRegions().contains(region.code()))
                        .orElse(false);
        parts.add(new Place(offer.country(), place));
        score += place ? 10 : 0;

        boolean period =
                worker.availableFrom() == null || !worker.availableFrom().isAfter(offer.startsOn());
        parts.add(new Period(offer.startsOn(), period));
        score += period ? 5 : 0;
        return Optional.of(new Match((int) Math.round(score), List.copyOf(parts)));
    }

    /**
     * The score of {@link #match} without its explanation, or -1 where the occupation does not match at all: what
     * the match index computes for every profile of a minor group, so it allocates nothing.
     */
    static int score(Worker worker, Offer offer) {
        String minor = Isco.minorGroup(offer.occupation());
        boolean exact = false;
        boolean sameMinor = false;
        for (String code : worker.occupations()) {
            if (code.equals(offer.occupation())) {
                exact = true;
            } else if (code.startsWith(minor)) {
                sameMinor = true;
            }
        }
        if (!exact && !sameMinor) {
            return -1;
        }
        double score = exact ? 40 : 20;
        if (offer.skills().isEmpty()) {
            score += 25;
        } else {
            int matched = 0;
            for (String skill : offer.skills()) {
                matched += worker.skills().contains(skill) ? 1 : 0;
            }
            score += 25.0 * matched / offer.skills().size();
        }
        if (offer.languages().isEmpty()) {
            score += 20;
        } else {
            int met = 0;
            for (LanguageLevel needed : offer.languages()) {
                for (LanguageLevel has : worker.languages()) {
                    if (has.language().equals(needed.language())) {
                        met += has.meets(needed) ? 1 : 0;
                        break;
                    }
                }
            }
            score += 20.0 * met / offer.languages().size();
        }
        boolean place = worker.workCountries().contains(offer.country())
                || Regions.ofCountry(offer.country())
                        .map(region -> worker.workRegions().contains(region.code()))
                        .orElse(false);
        score += place ? 10 : 0;
        score += worker.availableFrom() == null || !worker.availableFrom().isAfter(offer.startsOn()) ? 5 : 0;
        return (int) Math.round(score);
    }

    /** Whether a match is good enough to show the worker as a candidate. */
    public static boolean candidate(Match match) {
        return match.score() >= MINIMUM_SCORE;
    }

    private static Optional<Occupation> occupation(Worker worker, Offer offer) {
        if (worker.occupations().contains(offer.occupation())) {
            return Optional.of(new Occupation(offer.occupation(), true));
        }
        String minor = Isco.minorGroup(offer.occupation());
        return worker.occupations().stream()
                .filter(code -> Isco.minorGroup(code).equals(minor))
                .findFirst()
                .map(code -> new Occupation(minor, false));
    }
}
