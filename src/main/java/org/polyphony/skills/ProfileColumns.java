package org.polyphony.skills;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polyphony.languages.Regions;

/**
 * Skills profiles held in primitive columns, for scoring many profiles against many opportunities at once (a full
 * re-match scores millions of pairs): occupations as numbers, skills as a bit mask, languages, countries and regions
 * as interned numbers, the date as an epoch day. {@link #score} gives exactly what {@link Matching#score} gives for
 * the same profile and opportunity (the test compares them), without allocating anything. Not thread-safe while
 * profiles are added; read-only (and so shareable between threads) afterwards.
 */
final class ProfileColumns {

    /** No date: available at any time. */
    private static final int ANY_TIME = Integer.MIN_VALUE;

    private static final Map<String, Integer> SKILL_BITS = skillBits();

    /** An opportunity compiled against the columns' dictionary. */
    record Offer(
            long id,
            int occupation,
            int[] skills,
            int[] languages,
            byte[] levels,
            int country,
            int region,
            int startsOn) {

        int minorGroup() {
            return occupation / 10;
        }
    }

    private final Map<String, Integer> dictionary = new HashMap<>();
    private int size;
    private long[] ids = new long[16];
    private long[] salts = new long[16];
    private long[] skills = new long[16];
    private int[] availableFrom = new int[16];
    private final Flat occupations = new Flat();
    private final Flat languages = new Flat();
    private final Flat levels = new Flat();
    private final Flat countries = new Flat();
    private final Flat regions = new Flat();

    int size() {
        return size;
    }

    long id(int position) {
        return ids[position];
    }

    long salt(int position) {
        return salts[position];
    }

    void add(
            long id,
            long salt,
            List<String> occupationCodes,
            List<String> skillCodes,
            List<LanguageLevel> languageLevels,
            List<String> workCountries,
            List<String> workRegions,
            LocalDate from) {
        if (size == ids.length) {
            int grown = size * 2;
            ids = Arrays.copyOf(ids, grown);
            salts = Arrays.copyOf(salts, grown);
            skills = Arrays.copyOf(skills, grown);
            availableFrom = Arrays.copyOf(availableFrom, grown);
        }
        ids[size] = id;
        salts[size] = salt;
        long mask = 0;
        for (String skill : skillCodes) {
            Integer bit = SKILL_BITS.get(skill);
            mask |= bit == null ? 0 : 1L << bit;
        }
        skills[size] = mask;
        availableFrom[size] = from == null ? ANY_TIME : (int) from.toEpochDay();
        for (String code : occupationCodes) {
            occupations.add(unitGroup(code));
        }
        occupations.end();
        for (LanguageLevel level : languageLevels) {
            languages.add(intern(level.language()));
            levels.add(level.level().ordinal());
        }
        languages.end();
        levels.end();
        workCountries.forEach(country -> countries.add(intern(country)));
        countries.end();
        workRegions.forEach(region -> regions.add(intern(region)));
        regions.end();
        size++;
    }

    /** The positions of the profiles with an occupation in each minor group (a profile once per group). */
    Map<Integer, int[]> byMinorGroup() {
        Map<Integer, Flat> groups = new HashMap<>();
        for (int p = 0; p < size; p++) {
            for (int k = occupations.from(p); k < occupations.to(p); k++) {
                int minor = occupations.values[k] < 0 ? -1 : occupations.values[k] / 10;
                if (minor >= 0 && !sameMinorBefore(p, k, minor)) {
                    groups.computeIfAbsent(minor, g -> new Flat()).add(p);
                }
            }
        }
        Map<Integer, int[]> positions = new HashMap<>();
        groups.forEach((minor, flat) -> positions.put(minor, Arrays.copyOf(flat.values, flat.count)));
        return positions;
    }

    private boolean sameMinorBefore(int p, int k, int minor) {
        for (int j = occupations.from(p); j < k; j++) {
            if (occupations.values[j] >= 0 && occupations.values[j] / 10 == minor) {
                return true;
            }
        }
        return false;
    }

    /** Compiles an opportunity for {@link #score}; interns its codes, so call it before scoring starts. */
    Offer compile(Opportunity opportunity) {
        int[] skillBits = opportunity.skills().stream()
                .mapToInt(skill -> SKILL_BITS.getOrDefault(skill, -1))
                .toArray();
        int[] languageIds = opportunity.languages().stream()
                .mapToInt(level -> intern(level.language()))
                .toArray();
        byte[] needed = new byte[opportunity.languages().size()];
        for (int i = 0; i < needed.length; i++) {
            needed[i] = (byte) opportunity.languages().get(i).level().ordinal();
        }
        return new Offer(
                opportunity.id(),
                unitGroup(opportunity.occupation()),
                skillBits,
                languageIds,
                needed,
                intern(opportunity.country()),
                Regions.ofCountry(opportunity.country())
                        .map(region -> intern(region.code()))
                        .orElse(-1),
                (int) opportunity.startsOn().toEpochDay());
    }

    /** The score of the profile at this position, or -1 where its occupations do not match at all. */
    int score(int p, Offer offer) {
        boolean exact = false;
        boolean sameMinor = false;
        for (int k = occupations.from(p); k < occupations.to(p); k++) {
            int code = occupations.values[k];
            if (code == offer.occupation()) {
                exact = true;
            } else if (code >= 0 && code / 10 == offer.minorGroup()) {
                sameMinor = true;
            }
        }
        if (!exact && !sameMinor) {
            return -1;
        }
        // the same sums, in the same order, as Matching.score, so the rounding is the same
        double score = exact ? 40 : 20;
        if (offer.skills().length == 0) {
            score += 25;
        } else {
            int matched = 0;
            for (int bit : offer.skills()) {
                matched += bit >= 0 && (skills[p] & (1L << bit)) != 0 ? 1 : 0;
            }
            score += 25.0 * matched / offer.skills().length;
        }
        if (offer.languages().length == 0) {
            score += 20;
        } else {
            int met = 0;
            for (int j = 0; j < offer.languages().length; j++) {
                for (int k = languages.from(p); k < languages.to(p); k++) {
                    if (languages.values[k] == offer.languages()[j]) {
                        met += levels.values[k] >= offer.levels()[j] ? 1 : 0;
                        break;
                    }
                }
            }
            score += 20.0 * met / offer.languages().length;
        }
        score += countries.contains(p, offer.country()) || (offer.region() >= 0 && regions.contains(p, offer.region()))
                ? 10
                : 0;
        score += availableFrom[p] == ANY_TIME || availableFrom[p] <= offer.startsOn() ? 5 : 0;
        return (int) Math.round(score);
    }

    private int intern(String value) {
        return dictionary.computeIfAbsent(value, v -> dictionary.size());
    }

    /** A four-digit unit group as a number, -1 for anything else (which then matches nothing). */
    private static int unitGroup(String code) {
        if (code == null || code.length() != 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Map<String, Integer> skillBits() {
        if (SkillCodes.ALL.size() > 64) {
            throw new IllegalStateException("the skill mask holds 64 skills");
        }
        Map<String, Integer> bits = new HashMap<>();
        for (int i = 0; i < SkillCodes.ALL.size(); i++) {
            bits.put(SkillCodes.ALL.get(i), i);
        }
        return bits;
    }

    /** Variable-length lists of ints, one per profile, in one array with offsets. */
    private static final class Flat {
        private int[] values = new int[64];
        private int count;
        private int[] ends = new int[16];
        private int rows;

        void add(int value) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = value;
        }

        void end() {
            if (rows == ends.length) {
                ends = Arrays.copyOf(ends, rows * 2);
            }
            ends[rows++] = count;
        }

        int from(int row) {
            return row == 0 ? 0 : ends[row - 1];
        }

        int to(int row) {
            return ends[row];
        }

        boolean contains(int row, int value) {
            for (int k = from(row); k < to(row); k++) {
                if (values[k] == value) {
                    return true;
                }
            }
            return false;
        }
    }
}
