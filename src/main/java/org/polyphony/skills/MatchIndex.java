package org.polyphony.skills;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The candidates of every open opportunity, scored once when a profile or an opportunity changes rather than on
 * each view: the candidate list then reads its best rows from an index ({@code skills_match}) instead of scoring
 * every active profile of the opportunity's minor group, and the worker's list reads their rows. A row holds the
 * score and the candidate number's bits only, nothing of the worker; only candidates (score at least
 * {@link Matching#MINIMUM_SCORE}) are kept.
 */
@Repository
class MatchIndex {

    /** Raised when the rules of {@link Matching} change, so that the next start re-matches everything once. */
    static final int VERSION = 1;

    /** The index's own indexes, as V43 makes them: a full re-match drops them and builds them after the copy. */
    private static final List<String> INDEXES = List.of(
            "CREATE INDEX skills_match_list ON skills_match (opportunity_id, score DESC, number)",
            "CREATE INDEX skills_match_profile ON skills_match (profile_id)");

    record Row(long opportunity, long profile, int score, long number) {}

    /** One of a worker's candidacies: an opportunity and the score the index holds. */
    record Candidacy(long opportunity, int score) {}

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MatchIndex.class);

    private final JdbcClient jdbc;
    private final CandidateNumbers numbers;
    private final DataSource dataSource;

    MatchIndex(JdbcClient jdbc, CandidateNumbers numbers, DataSource dataSource) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.dataSource = dataSource;
    }

    /** A page of the best candidates of an opportunity, leaving out these profiles (those listed first). */
    List<Long> bestExcept(long opportunity, java.util.Collection<Long> except, int limit, int offset) {
        return jdbc.sql(
                        """
                        SELECT profile_id FROM skills_match WHERE opportunity_id = :o AND profile_id <> ALL (:except)
                         ORDER BY score DESC, number LIMIT :limit OFFSET :offset
                        """)
                .param("o", opportunity)
                .param("except", except.toArray(Long[]::new))
                .param("limit", limit)
                .param("offset", offset)
                .query(Long.class)
                .list();
    }

    long countExcept(long opportunity, java.util.Collection<Long> except) {
        return jdbc.sql("SELECT count(*) FROM skills_match WHERE opportunity_id = :o AND profile_id <> ALL (:except)")
                .param("o", opportunity)
                .param("except", except.toArray(Long[]::new))
                .query(Long.class)
                .single();
    }

    long count(long opportunity) {
        return jdbc.sql("SELECT count(*) FROM skills_match WHERE opportunity_id = :o")
                .param("o", opportunity)
                .query(Long.class)
                .single();
    }

    /** The candidates of each of these opportunities, in one query (the figures page). */
    Map<Long, Long> counts(List<Long> opportunities) {
        Map<Long, Long> counts = new HashMap<>();
        opportunities.forEach(id -> counts.put(id, 0L));
        if (!opportunities.isEmpty()) {
            jdbc.sql(
                            """
                            SELECT opportunity_id, count(*) FROM skills_match
                             WHERE opportunity_id = ANY (:ids) GROUP BY opportunity_id
                            """)
                    .param("ids", opportunities.toArray(Long[]::new))
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                    .list()
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
        }
        return counts;
    }

    /** The opportunities a profile is a candidate of, best first (the worker's list). */
    List<Candidacy> ofProfile(long profile) {
        return jdbc.sql(
                        """
                        SELECT opportunity_id, score FROM skills_match WHERE profile_id = :p
                         ORDER BY score DESC, opportunity_id DESC
                        """)
                .param("p", profile)
                .query((rs, n) -> new Candidacy(rs.getLong(1), rs.getInt(2)))
                .list();
    }

    /** The profile behind a candidate number of an opportunity, if it is a candidate there. */
    Optional<Long> profileOf(long opportunity, String number) {
        var bits = CandidateNumbers.parse(number);
        if (bits.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT profile_id FROM skills_match WHERE opportunity_id = :o AND number = :n LIMIT 1")
                .param("o", opportunity)
                .param("n", bits.getAsLong())
                .query(Long.class)
                .optional();
    }

    /** A profile was saved, paused, resumed or renumbered: its candidacies are scored again. */
    void profileChanged(long profile) {
        forgetProfile(profile);
        ProfileColumns columns = new ProfileColumns();
        load(columns, "id = :p", Map.of("p", profile));
        if (columns.size() == 0) {
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
        for (Opportunity opportunity : open) {
            score(columns, columns.compile(opportunity), rows);
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
        ProfileColumns columns = new ProfileColumns();
        load(
                columns,
                "minor_groups @> ARRAY[CAST(:minor AS text)]",
                Map.of("minor", Isco.minorGroup(opportunity.occupation())));
        List<Row> rows = new ArrayList<>();
        score(columns, columns.compile(opportunity), rows);
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
     * of the matching rules, and for the benchmark. The active profiles are read once into primitive columns;
     * scoring threads take one opportunity at a time and hand its sorted rows as COPY text to this thread, which
     * streams them into the emptied table in the list index's order while they score (see {@link #copy}); the table's indexes are dropped first and built once at the end, which is
     * far quicker than keeping them up to date row by row. TRUNCATE makes readers wait for the new rows rather
     * than see a half-filled index.
     */
    @Transactional
    int rematchAll() {
        long started = System.nanoTime();
        jdbc.sql("TRUNCATE skills_match").update();
        jdbc.sql("DROP INDEX IF EXISTS skills_match_list").update();
        jdbc.sql("DROP INDEX IF EXISTS skills_match_profile").update();
        ProfileColumns columns = new ProfileColumns();
        List<Opportunity> open = jdbc.sql("SELECT " + Opportunities.COLUMNS
                        + " FROM skills_opportunity WHERE status = 'OPEN' ORDER BY id")
                .query(Opportunities::row)
                .list();
        // in id order, as the list index wants its rows
        List<ProfileColumns.Offer> offers = open.stream().map(columns::compile).toList();
        String[] minorGroups = open.stream()
                .map(o -> Isco.minorGroup(o.occupation()))
                .distinct()
                .toArray(String[]::new);
        load(columns, "minor_groups && CAST(:minors AS text[])", Map.of("minors", minorGroups));
        Map<Integer, int[]> members = columns.byMinorGroup();
        long loaded = System.nanoTime();
        int total = copy(columns, offers, members);
        long copied = System.nanoTime();
        jdbc.sql("SET LOCAL maintenance_work_mem = '256MB'").update();
        List<Long> took = new ArrayList<>();
        for (String ddl : INDEXES) {
            long begun = System.nanoTime();
            jdbc.sql(ddl).update();
            took.add((System.nanoTime() - begun) / 1_000_000);
        }

        // the phases, so that an operator (and the benchmark) can tell the scoring from the database's share
        log.info(
                "Re-matched {} profiles against {} open opportunities: {} candidacies; read {} ms, scored and copied {} ms,"
                        + " indexed {} ms (list, profile: {} ms)",
                columns.size(),
                open.size(),
                total,
                (loaded - started) / 1_000_000,
                (copied - loaded) / 1_000_000,
                (System.nanoTime() - copied) / 1_000_000,
                took);
        jdbc.sql(
                        """
                        INSERT INTO skills_match_state (id, version) VALUES (1, :v)
                        ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version
                        """)
                .param("v", VERSION)
                .update();
        return total;
    }

    /**
     * Scores the opportunities on scoring threads and streams their rows into the table in the order of the list
     * index (opportunity, best score first, then number): each opportunity's rows are sorted as they are scored, and
     * the opportunities are written in id order. PostgreSQL's sort checks first whether its input is already in
     * order, so the list index is then built from a presorted heap in one pass instead of a full sort, and the rows
     * of one opportunity's list sit together on disk. COPY FREEZE (allowed: the table was truncated in this
     * transaction) writes them frozen, so the first readers after a re-match do not rewrite every page to set hint
     * bits.
     */
    private int copy(ProfileColumns columns, List<ProfileColumns.Offer> offers, Map<Integer, int[]> members) {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // opportunities scored ahead of the one being written: keeps both cores busy, bounds the memory held
        int window = 8 * threads;
        java.util.ArrayDeque<java.util.concurrent.Future<Scored>> ahead = new java.util.ArrayDeque<>();
        int submitted = 0;
        int rows = 0;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn in = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY skills_match (opportunity_id, profile_id, score, number) FROM STDIN (FREEZE)");
            try {
                while (submitted < offers.size() || !ahead.isEmpty()) {
                    while (submitted < offers.size() && ahead.size() < window) {
                        ProfileColumns.Offer offer = offers.get(submitted++);
                        int[] profiles = members.getOrDefault(offer.minorGroup(), new int[0]);
                        ahead.add(pool.submit(() -> scored(columns, offer, profiles)));
                    }
                    Scored next = ahead.poll().get(); // a scoring thread's failure fails the re-match
                    if (next.text().length > 0) in.writeToCopy(next.text(), 0, next.text().length);
                    rows += next.rows();
                }
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not copy the re-matched candidacies", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-matching", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a scoring thread failed", e.getCause());
        } finally {
            pool.shutdownNow();
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return rows;
    }

    /** One opportunity's rows as COPY text, best score first, then by number, as the list index orders them. */
    private record Scored(byte[] text, int rows) {}

    private Scored scored(ProfileColumns columns, ProfileColumns.Offer offer, int[] profiles) {
        int[] scores = new int[profiles.length];
        long[] numbers = new long[profiles.length];
        int[] candidates = new int[profiles.length];
        int found = 0;
        long[] order = new long[profiles.length];
        for (int p : profiles) {
            int score = columns.score(p, offer);
            if (score >= Matching.MINIMUM_SCORE) {
                scores[found] = score;
                numbers[found] = this.numbers.bits(offer.id(), columns.id(p), columns.salt(p));
                candidates[found] = p;
                found++;
            }
        }
        // one long sorts a row: (127 - score, a score being at most 100) in 7 bits, the number's 40 bits, the row's
        // position in 17 bits; the
        // sign bit flipped so that the signed sort gives the unsigned order. More rows than 17 bits hold (131,072
        // candidates for one opportunity) are sorted by a comparator instead.
        Integer[] boxed = null;
        if (found < (1 << 17)) {
            for (int i = 0; i < found; i++) {
                order[i] = ((((long) (127 - scores[i]) << 40) | numbers[i]) << 17 | i) ^ Long.MIN_VALUE;
            }
            java.util.Arrays.sort(order, 0, found);
        } else {
            boxed = new Integer[found];
            for (int i = 0; i < found; i++) boxed[i] = i;
            java.util.Arrays.sort(
                    boxed, Comparator.comparingInt((Integer i) -> -scores[i]).thenComparingLong(i -> numbers[i]));
        }
        StringBuilder text = new StringBuilder(found * 32);
        for (int k = 0; k < found; k++) {
            int i = boxed == null ? (int) ((order[k] ^ Long.MIN_VALUE) & 0x1FFFF) : boxed[k];
            text.append(offer.id())
                    .append('\t')
                    .append(columns.id(candidates[i]))
                    .append('\t')
                    .append(scores[i])
                    .append('\t')
                    .append(numbers[i])
                    .append('\n');
        }
        return new Scored(text.toString().getBytes(StandardCharsets.US_ASCII), found);
    }

    /** Whether the stored matches were computed with the current rules. */
    boolean current() {
        return jdbc.sql("SELECT version FROM skills_match_state WHERE id = 1")
                .query(Integer.class)
                .optional()
                .map(v -> v == VERSION)
                .orElse(false);
    }

    /** Reads the active profiles that meet a condition on {@code skills_profile} into the columns. */
    private void load(ProfileColumns columns, String condition, Map<String, ?> params) {
        jdbc.sql(
                        """
                        SELECT id, number_salt, occupations, skills, languages, work_countries, work_regions,
                               available_from
                          FROM skills_profile WHERE NOT paused AND """
                                + " " + condition)
                .params(params)
                .query(rs -> {
                    columns.add(
                            rs.getLong("id"),
                            rs.getLong("number_salt"),
                            SkillsProfiles.strings(rs.getArray("occupations")),
                            SkillsProfiles.strings(rs.getArray("skills")),
                            SkillsProfiles.strings(rs.getArray("languages")).stream()
                                    .flatMap(code -> LanguageLevel.parse(code).stream())
                                    .toList(),
                            SkillsProfiles.strings(rs.getArray("work_countries")),
                            SkillsProfiles.strings(rs.getArray("work_regions")),
                            rs.getObject("available_from", java.time.LocalDate.class));
                });
    }

    private void score(ProfileColumns columns, ProfileColumns.Offer offer, List<Row> into) {
        for (int p = 0; p < columns.size(); p++) {
            int score = columns.score(p, offer);
            if (score >= Matching.MINIMUM_SCORE) {
                into.add(new Row(
                        offer.id(), columns.id(p), score, numbers.bits(offer.id(), columns.id(p), columns.salt(p))));
            }
        }
    }

    private int insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        // one statement: arrays unnested by PostgreSQL, far quicker than a row per statement
        jdbc.sql(
                        """
                        INSERT INTO skills_match (opportunity_id, profile_id, score, number)
                        SELECT * FROM unnest(:o, :p, :s, :n)
                        """)
                .param("o", rows.stream().map(Row::opportunity).toArray(Long[]::new))
                .param("p", rows.stream().map(Row::profile).toArray(Long[]::new))
                .param("s", rows.stream().map(r -> (short) r.score()).toArray(Short[]::new))
                .param("n", rows.stream().map(Row::number).toArray(Long[]::new))
                .update();
        return rows.size();
    }
}
