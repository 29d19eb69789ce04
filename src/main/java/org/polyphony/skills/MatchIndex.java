package org.polyphony.skills;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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

    /** Bytes of COPY text a scoring thread hands over at once. */
    private static final int CHUNK = 1 << 20;

    private static final byte[] DONE = new byte[0];

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
     * scoring threads take one minor group at a time and hand COPY text to this thread, which streams it into the
     * emptied table while they score; the table's indexes are dropped first and built once at the end, which is
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
        Map<Integer, List<ProfileColumns.Offer>> offers = new LinkedHashMap<>();
        List<Opportunity> open = jdbc.sql("SELECT " + Opportunities.COLUMNS
                        + " FROM skills_opportunity WHERE status = 'OPEN' ORDER BY id")
                .query(Opportunities::row)
                .list();
        for (Opportunity opportunity : open) {
            ProfileColumns.Offer offer = columns.compile(opportunity);
            offers.computeIfAbsent(offer.minorGroup(), g -> new ArrayList<>()).add(offer);
        }
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
        INDEXES.forEach(ddl -> jdbc.sql(ddl).update());
        // the phases, so that an operator (and the benchmark) can tell the scoring from the database's share
        log.info(
                "Re-matched {} profiles against {} open opportunities: {} candidacies; read {} ms, scored and copied {} ms,"
                        + " indexed {} ms",
                columns.size(),
                open.size(),
                total,
                (loaded - started) / 1_000_000,
                (copied - loaded) / 1_000_000,
                (System.nanoTime() - copied) / 1_000_000);
        jdbc.sql(
                        """
                        INSERT INTO skills_match_state (id, version) VALUES (1, :v)
                        ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version
                        """)
                .param("v", VERSION)
                .update();
        return total;
    }

    private int copy(
            ProfileColumns columns, Map<Integer, List<ProfileColumns.Offer>> offers, Map<Integer, int[]> members) {
        // the biggest groups first, so that no thread is left with a big one at the end
        List<Integer> groups = new ArrayList<>(offers.keySet());
        groups.sort(Comparator.comparingLong(
                        (Integer g) -> (long) offers.get(g).size() * members.getOrDefault(g, new int[0]).length)
                .reversed());
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(4 * threads);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger rows = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                try {
                    StringBuilder text = new StringBuilder(CHUNK + 256);
                    for (int i = next.getAndIncrement(); i < groups.size(); i = next.getAndIncrement()) {
                        int[] profiles = members.getOrDefault(groups.get(i), new int[0]);
                        for (ProfileColumns.Offer offer : offers.get(groups.get(i))) {
                            for (int p : profiles) {
                                int score = columns.score(p, offer);
                                if (score >= Matching.MINIMUM_SCORE) {
                                    long number = numbers.bits(offer.id(), columns.id(p), columns.salt(p));
                                    text.append(offer.id())
                                            .append('\t')
                                            .append(columns.id(p))
                                            .append('\t');
                                    text.append(score)
                                            .append('\t')
                                            .append(number)
                                            .append('\n');
                                    rows.incrementAndGet();
                                    if (text.length() >= CHUNK) {
                                        chunks.put(text.toString().getBytes(StandardCharsets.US_ASCII));
                                        text.setLength(0);
                                    }
                                }
                            }
                        }
                    }
                    chunks.put(text.toString().getBytes(StandardCharsets.US_ASCII));
                } finally {
                    chunks.put(DONE);
                }
                return null;
            }));
        }
        pool.shutdown();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn in = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY skills_match (opportunity_id, profile_id, score, number) FROM STDIN");
            try {
                for (int finished = 0; finished < threads; ) {
                    byte[] chunk = chunks.take();
                    if (chunk == DONE) {
                        finished++;
                    } else if (chunk.length > 0) {
                        in.writeToCopy(chunk, 0, chunk.length);
                    }
                }
                for (var thread : running) {
                    thread.get(); // a scoring thread's failure fails the re-match
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
        return rows.get();
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
