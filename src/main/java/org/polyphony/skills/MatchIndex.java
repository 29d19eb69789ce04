package org.polyphony.skills;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The candidates of every open opportunity, scored once when a profile or an opportunity changes rather than on
 * each view: the candidate list then reads its best rows from an index ({@code skills_match}) instead of scoring
 * every active profile of the opportunity's minor group. A row holds the score and the candidate number only,
 * nothing of the worker; only candidates (score at least {@link Matching#MINIMUM_SCORE}) are kept.
 */
@Repository
class MatchIndex {

    /** Raised when the rules of {@link Matching} change, so that the next start re-matches everything once. */
    static final int VERSION = 1;

    private static final int BATCH = 5_000;

    record Row(long opportunity, long profile, int score, String number) {}

    private final JdbcClient jdbc;
    private final CandidateNumbers numbers;

    MatchIndex(JdbcClient jdbc, CandidateNumbers numbers) {
        this.jdbc = jdbc;
        this.numbers = numbers;
    }

    /** The best candidates of an opportunity, by score then number: profile ids only. */
    List<Long> best(long opportunity, int limit) {
        return jdbc.sql(
                        """
                        SELECT profile_id FROM skills_match WHERE opportunity_id = :o
                         ORDER BY score DESC, number LIMIT :limit
                        """)
                .param("o", opportunity)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    long count(long opportunity) {
        return jdbc.sql("SELECT count(*) FROM skills_match WHERE opportunity_id = :o")
                .param("o", opportunity)
                .query(Long.class)
                .single();
    }

    /** The profile behind a candidate number of an opportunity, if it is a candidate there. */
    java.util.Optional<Long> profileOf(long opportunity, String number) {
        return jdbc.sql("SELECT profile_id FROM skills_match WHERE opportunity_id = :o AND number = :n LIMIT 1")
                .param("o", opportunity)
                .param("n", number)
                .query(Long.class)
                .optional();
    }

    /** A profile was saved, paused, resumed or renumbered: its candidacies are scored again. */
    void profileChanged(long profile) {
        forgetProfile(profile);
        List<SkillsProfile> found = jdbc.sql(
                        "SELECT " + SkillsProfiles.COLUMNS + " FROM skills_profile WHERE id = :p AND NOT paused")
                .param("p", profile)
                .query(SkillsProfiles::row)
                .list();
        if (found.isEmpty()) {
            return;
        }
        List<Opportunity> open = jdbc.sql(
                        "SELECT " + Opportunities.COLUMNS
                                + """
                         FROM skills_opportunity
                        WHERE status = 'OPEN' AND left(occupation, 3) = ANY (
                            SELECT unnest(minor_groups) FROM skills_profile WHERE id = :p)
                        """)
                .param("p", profile)
                .query(Opportunities::row)
                .list();
        List<Row> rows = new ArrayList<>();
        List<Scored> profiles = scored(found);
        for (Opportunity opportunity : open) {
            score(opportunity, profiles, rows);
        }
        insert(rows);
    }

    void forgetProfile(long profile) {
        jdbc.sql("DELETE FROM skills_match WHERE profile_id = :p")
                .param("p", profile)
                .update();
    }

    /** An opportunity was published: the active profiles of its minor group are scored against it. */
    void opportunityPublished(Opportunity opportunity) {
        forgetOpportunity(opportunity.id());
        List<Row> rows = new ArrayList<>();
        score(opportunity, scored(activeInMinorGroup(Isco.minorGroup(opportunity.occupation()))), rows);
        insert(rows);
    }

    /** A closed opportunity keeps only its interested workers, who are listed from their interest. */
    void forgetOpportunity(long opportunity) {
        jdbc.sql("DELETE FROM skills_match WHERE opportunity_id = :o")
                .param("o", opportunity)
                .update();
    }

    /**
     * Scores every open opportunity against every active profile of its minor group, from nothing: after a change
     * of the matching rules, and for the benchmark. One minor group at a time, so the heap holds the profiles of
     * one group only. The table is emptied with TRUNCATE, so readers wait for the new rows rather than seeing a
     * half-filled index.
     */
    @Transactional
    int rematchAll() {
        jdbc.sql("TRUNCATE skills_match").update();
        Map<String, List<Opportunity>> byMinorGroup = new LinkedHashMap<>();
        jdbc.sql("SELECT " + Opportunities.COLUMNS + " FROM skills_opportunity WHERE status = 'OPEN' ORDER BY id")
                .query(Opportunities::row)
                .list()
                .forEach(o -> byMinorGroup
                        .computeIfAbsent(Isco.minorGroup(o.occupation()), g -> new ArrayList<>())
                        .add(o));
        int total = 0;
        for (var group : byMinorGroup.entrySet()) {
            List<Scored> profiles = scored(activeInMinorGroup(group.getKey()));
            List<Row> rows = new ArrayList<>();
            for (Opportunity opportunity : group.getValue()) {
                score(opportunity, profiles, rows);
                if (rows.size() >= BATCH) {
                    total += insert(rows);
                    rows.clear();
                }
            }
            total += insert(rows);
        }
        jdbc.sql(
                        """
                        INSERT INTO skills_match_state (id, version) VALUES (1, :v)
                        ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version
                        """)
                .param("v", VERSION)
                .update();
        return total;
    }

    /** Whether the stored matches were computed with the current rules. */
    boolean current() {
        return jdbc.sql("SELECT version FROM skills_match_state WHERE id = 1")
                .query(Integer.class)
                .optional()
                .map(v -> v == VERSION)
                .orElse(false);
    }

    private List<SkillsProfile> activeInMinorGroup(String minorGroup) {
        return jdbc.sql("SELECT " + SkillsProfiles.COLUMNS
                        + " FROM skills_profile WHERE NOT paused AND minor_groups @> ARRAY[CAST(:minor AS text)]")
                .param("minor", minorGroup)
                .query(SkillsProfiles::row)
                .list();
    }

    /** A profile with what matching reads of it, made once for all the opportunities it is scored against. */
    private record Scored(SkillsProfile profile, Matching.Worker worker) {}

    private static List<Scored> scored(Collection<SkillsProfile> profiles) {
        return profiles.stream().map(p -> new Scored(p, p.worker())).toList();
    }

    private void score(Opportunity opportunity, List<Scored> profiles, List<Row> into) {
        Matching.Offer offer = opportunity.offer();
        for (Scored scored : profiles) {
            int score = Matching.score(scored.worker(), offer);
            if (score >= Matching.MINIMUM_SCORE) {
                into.add(new Row(
                        opportunity.id(),
                        scored.profile().id(),
                        score,
                        numbers.of(opportunity.id(), scored.profile())));
            }
        }
    }

    private int insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        // one statement per batch: arrays unnested by PostgreSQL, far quicker than a row per statement
        jdbc.sql(
                        """
                        INSERT INTO skills_match (opportunity_id, profile_id, score, number)
                        SELECT * FROM unnest(:o, :p, :s, :n)
                        """)
                .param("o", rows.stream().map(Row::opportunity).toArray(Long[]::new))
                .param("p", rows.stream().map(Row::profile).toArray(Long[]::new))
                .param("s", rows.stream().map(r -> (short) r.score()).toArray(Short[]::new))
                .param("n", rows.stream().map(Row::number).toArray(String[]::new))
                .update();
        return rows.size();
    }
}
