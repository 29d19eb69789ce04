package org.polyphony.experiences;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stories, their sessions and the editions' theme lists in PostgreSQL. */
@Repository
class StoryStore {

    static final int PAGE = 20;
    private static final String COLUMNS =
            """
            SELECT s.id, s.edition_id, s.title, s.body, s.language, s.anonymous, s.author_account_id, s.edit_key_hash,
                   s.origin_country, s.residence_country, s.previous_countries, s.migration_kind, s.sector, s.gender,
                   s.year_from, s.year_to, s.themes, s.status, s.written_on, s.published_on, s.demo,
                   ARRAY(SELECT session_id FROM experiences_story_session x WHERE x.story_id = s.id ORDER BY session_id)
                       AS sessions
            FROM experiences_story s
            """;

    /** A story as kept, with what only the module may know: whose it is and the hash of its key. */
    record StoredStory(
            StoryId id,
            long editionId,
            String title,
            String body,
            String language,
            boolean anonymous,
            Long authorAccount,
            byte[] editKeyHash,
            StoryFacts facts,
            StoryStatus status,
            LocalDate writtenOn,
            LocalDate publishedOn,
            boolean demo,
            List<Long> sessions) {}

    /** What readers filter stories by; a null or blank field does not filter. */
    record Filter(
            String origin,
            String residence,
            String country,
            String kind,
            String sector,
            String theme,
            String language,
            Long session,
            Integer year) {

        static final Filter NONE = new Filter(null, null, null, null, null, null, null, null, null);
    }

    private final JdbcClient jdbc;

    StoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            long edition,
            String title,
            String body,
            String language,
            double confidence,
            Long author,
            byte[] keyHash,
            StoryFacts facts,
            StoryStatus status,
            boolean demo) {
        return jdbc.sql(
                        """
                        INSERT INTO experiences_story (edition_id, title, body, language, language_confidence,
                            author_account_id, anonymous, edit_key_hash, origin_country, residence_country,
                            previous_countries, migration_kind, sector, gender, year_from, year_to, themes, status,
                            published_on, demo)
                        VALUES (:edition, :title, :body, :language, :confidence, :author, :anonymous, :key, :origin,
                            :residence, string_to_array(:previous, ','), :kind, :sector, :gender, :yearFrom, :yearTo, string_to_array(:themes, ','), :status,
                            CASE WHEN :status = 'PUBLISHED' THEN current_date END, :demo)
                        RETURNING id
                        """)
                .param("edition", edition)
                .param("title", title)
                .param("body", body)
                .param("language", language)
                .param("confidence", (float) confidence)
                .param("author", author)
                .param("anonymous", keyHash != null)
                .param("key", keyHash)
                .params(factParameters(facts))
                .param("status", status.name())
                .param("demo", demo)
                .query(Long.class)
                .single();
    }

    void update(
            StoryId id,
            String title,
            String body,
            String language,
            double confidence,
            StoryFacts facts,
            StoryStatus status) {
        jdbc.sql(
                        """
                        UPDATE experiences_story SET title = :title, body = :body, language = :language,
                            language_confidence = :confidence, origin_country = :origin, residence_country = :residence,
                            previous_countries = string_to_array(:previous, ','), migration_kind = :kind, sector = :sector, gender = :gender,
                            year_from = :yearFrom, year_to = :yearTo, themes = string_to_array(:themes, ','), status = :status,
                            published_on = CASE WHEN :status = 'PUBLISHED' THEN coalesce(published_on, current_date) END
                        WHERE id = :id
                        """)
                .param("title", title)
                .param("body", body)
                .param("language", language)
                .param("confidence", (float) confidence)
                .params(factParameters(facts))
                .param("status", status.name())
                .param("id", id.value())
                .update();
    }

    void setSessions(StoryId id, List<Long> sessions) {
        jdbc.sql("DELETE FROM experiences_story_session WHERE story_id = :id")
                .param("id", id.value())
                .update();
        for (long session : sessions) {
            jdbc.sql("INSERT INTO experiences_story_session (story_id, session_id) VALUES (:id, :s)")
                    .param("id", id.value())
                    .param("s", session)
                    .update();
        }
    }

    void setStatus(StoryId id, StoryStatus status, Long moderator) {
        jdbc.sql(
                        """
                        UPDATE experiences_story SET status = :status,
                            published_on = CASE WHEN :status = 'PUBLISHED' THEN coalesce(published_on, current_date) END
                        WHERE id = :id
                        """)
                .param("status", status.name())
                .param("id", id.value())
                .update();
        jdbc.sql("INSERT INTO experiences_moderation_log (story_id, moderator_id, decision) VALUES (:id, :m, :d)")
                .param("id", id.value())
                .param("m", moderator)
                .param("d", status.name())
                .update();
    }

    void delete(StoryId id) {
        // nothing of a withdrawn story is kept, not even that a moderator once decided on it
        jdbc.sql("DELETE FROM experiences_moderation_log WHERE story_id = :id")
                .param("id", id.value())
                .update();
        jdbc.sql("DELETE FROM experiences_story WHERE id = :id")
                .param("id", id.value())
                .update();
    }

    Optional<StoredStory> find(StoryId id) {
        return jdbc.sql(COLUMNS + " WHERE s.id = :id")
                .param("id", id.value())
                .query(StoryStore::story)
                .optional();
    }

    /** Published stories of an edition matching the filter, newest first, a page at a time. */
    List<StoredStory> published(long edition, Filter filter, int page) {
        Where where = where(edition, filter);
        return jdbc.sql(COLUMNS + where.sql() + " ORDER BY s.id DESC LIMIT :limit OFFSET :offset")
                .params(where.params())
                .param("limit", PAGE + 1)
                .param("offset", (long) Math.max(0, page - 1) * PAGE)
                .query(StoryStore::story)
                .list();
    }

    /** Every published story of an edition, oldest first (open data). */
    List<StoredStory> allPublished(long edition) {
        return jdbc.sql(COLUMNS + " WHERE s.edition_id = :edition AND s.status = 'PUBLISHED' ORDER BY s.id")
                .param("edition", edition)
                .query(StoryStore::story)
                .list();
    }

    List<StoredStory> pending(long edition) {
        return jdbc.sql(COLUMNS + " WHERE s.edition_id = :edition AND s.status = 'PENDING' ORDER BY s.id")
                .param("edition", edition)
                .query(StoryStore::story)
                .list();
    }

    List<StoredStory> ofAuthor(long account) {
        return jdbc.sql(COLUMNS + " WHERE s.author_account_id = :a ORDER BY s.id")
                .param("a", account)
                .query(StoryStore::story)
                .list();
    }

    /** Origin → residence of every published story of the edition that names both. */
    List<JourneyFlow> journeys(long edition) {
        return jdbc.sql(
                        """
                        SELECT origin_country, residence_country, count(*) FROM experiences_story
                        WHERE edition_id = :edition AND status = 'PUBLISHED'
                          AND origin_country IS NOT NULL AND residence_country IS NOT NULL
                        GROUP BY origin_country, residence_country
                        """)
                .param("edition", edition)
                .query((rs, n) -> new JourneyFlow(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    /** A deleted account's named stories stay, without a name (as its posts do). */
    void forgetAuthor(long account) {
        jdbc.sql("UPDATE experiences_story SET author_account_id = NULL WHERE author_account_id = :a")
                .param("a", account)
                .update();
        jdbc.sql("UPDATE experiences_moderation_log SET moderator_id = NULL WHERE moderator_id = :a")
                .param("a", account)
                .update();
    }

    private record Where(String sql, java.util.Map<String, Object> params) {}

    private static Where where(long edition, Filter f) {
        StringBuilder sql = new StringBuilder(" WHERE s.edition_id = :edition AND s.status = 'PUBLISHED'");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("edition", edition);
        if (present(f.origin())) {
            sql.append(" AND s.origin_country = :origin");
            params.put("origin", f.origin());
        }
        if (present(f.residence())) {
            sql.append(" AND s.residence_country = :residence");
            params.put("residence", f.residence());
        }
        if (present(f.country())) {
            sql.append(" AND (s.origin_country = :country OR s.residence_country = :country"
                    + " OR :country = ANY (s.previous_countries))");
            params.put("country", f.country());
        }
        if (present(f.kind())) {
            sql.append(" AND s.migration_kind = :kind");
            params.put("kind", f.kind());
        }
        if (present(f.sector())) {
            sql.append(" AND s.sector = :sector");
            params.put("sector", f.sector());
        }
        if (present(f.theme())) {
            sql.append(" AND s.themes @> ARRAY[CAST(:theme AS text)]");
            params.put("theme", f.theme());
        }
        if (present(f.language())) {
            sql.append(" AND s.language = :language");
            params.put("language", f.language());
        }
        if (f.session() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM experiences_story_session x WHERE x.story_id = s.id"
                    + " AND x.session_id = :session)");
            params.put("session", f.session());
        }
        if (f.year() != null) {
            // a story with a first year and no last one is still going on
            sql.append(" AND coalesce(s.year_from, s.year_to) <= :year AND coalesce(s.year_to,"
                    + " CASE WHEN s.year_from IS NOT NULL THEN CAST(extract(year FROM current_date) AS integer) END)"
                    + " >= :year");
            params.put("year", f.year());
        }
        return new Where(sql.toString(), params);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static java.util.Map<String, Object> factParameters(StoryFacts facts) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("origin", facts.origin());
        params.put("residence", facts.residence());
        // codes never hold a comma (they are checked): joined, they pass as one text parameter
        params.put("previous", String.join(",", facts.previousCountries()));
        params.put("kind", facts.kind() == null ? null : facts.kind().code());
        params.put("sector", facts.sector());
        params.put("gender", facts.gender());
        params.put("yearFrom", facts.yearFrom());
        params.put("yearTo", facts.yearTo());
        params.put("themes", String.join(",", facts.themes()));
        return params;
    }

    private static StoredStory story(ResultSet rs, int row) throws SQLException {
        StoryFacts facts = new StoryFacts(
                rs.getString("origin_country"),
                rs.getString("residence_country"),
                strings(rs.getArray("previous_countries")),
                MigrationKind.of(rs.getString("migration_kind")).orElse(null),
                rs.getString("sector"),
                rs.getString("gender"),
                (Integer) rs.getObject("year_from"),
                (Integer) rs.getObject("year_to"),
                strings(rs.getArray("themes")));
        List<Long> sessions = new ArrayList<>();
        for (Object session : (Object[]) rs.getArray("sessions").getArray()) {
            sessions.add(((Number) session).longValue());
        }
        return new StoredStory(
                new StoryId(rs.getLong("id")),
                rs.getLong("edition_id"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("language"),
                rs.getBoolean("anonymous"),
                (Long) rs.getObject("author_account_id"),
                rs.getBytes("edit_key_hash"),
                facts,
                StoryStatus.valueOf(rs.getString("status")),
                rs.getObject("written_on", LocalDate.class),
                rs.getObject("published_on", LocalDate.class),
                rs.getBoolean("demo"),
                sessions);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
