package org.polyphony.followup;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Recommendations, their provenance and their lines of work across editions. */
@Repository
class RecommendationStore {

    /** What a list may be narrowed to; nulls mean "any". */
    record Filter(Long editionId, String theme, RecommendationStatus status, String addressee) {
        static final Filter ALL = new Filter(null, null, null, null);
    }

    private final JdbcClient jdbc;

    RecommendationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Which of these source addresses (a consultation's paragraph, a report's key point) already became a
     * recommendation of the edition, by address.
     */
    java.util.Map<String, Long> madeFrom(long editionId, Provenance.Kind kind, java.util.Collection<String> urls) {
        if (urls.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, Long> made = new java.util.HashMap<>();
        jdbc.sql(
                        """
                        SELECT source_url, min(id) AS id FROM followup_recommendation
                        WHERE edition_id = :edition AND source_kind = :kind AND source_url IN (:urls)
                        GROUP BY source_url
                        """)
                .param("edition", editionId)
                .param("kind", kind.name())
                .param("urls", urls)
                .query((rs, n) -> java.util.Map.entry(rs.getString("source_url"), rs.getLong("id")))
                .list()
                .forEach(e -> made.put(e.getKey(), e.getValue()));
        return made;
    }

    long insert(long editionId, RecommendationRules.Resolved r, String language, Provenance from, Long carriedFrom) {
        Long line = carriedFrom == null
                ? null
                : jdbc.sql("SELECT line_id FROM followup_recommendation WHERE id = :id")
                        .param("id", carriedFrom)
                        .query(Long.class)
                        .single();
        long id = jdbc.sql(
                        """
                        INSERT INTO followup_recommendation (edition_id, theme, title, body, language, addressees,
                               addressee_organisations, addressee_countries, frameworks, source_kind, source_id,
                               source_title, source_url, carried_from, line_id, made_on)
                        VALUES (:edition, :theme, :title, :body, :language, :addressees, :organisations, :countries,
                               :frameworks, :kind, :sourceId, :sourceTitle, :sourceUrl, :from, COALESCE(:line, 0), :madeOn)
                        RETURNING id
                        """)
                .param("edition", editionId)
                .param("theme", r.theme())
                .param("title", r.title())
                .param("body", r.body())
                .param("language", language)
                .param("addressees", r.addressees().toArray(String[]::new))
                .param("organisations", r.organisations().toArray(Long[]::new))
                .param("countries", r.countries().toArray(String[]::new))
                .param("frameworks", r.frameworks().toArray(String[]::new))
                .param("kind", from.kind().name())
                .param("sourceId", from.sourceId())
                .param("sourceTitle", from.title())
                .param("sourceUrl", from.url())
                .param("from", carriedFrom)
                .param("line", line)
                .param("madeOn", r.madeOn())
                .query(Long.class)
                .single();
        if (line == null) {
            jdbc.sql("UPDATE followup_recommendation SET line_id = id WHERE id = :id")
                    .param("id", id)
                    .update();
        }
        return id;
    }

    boolean titleTaken(long editionId, String title) {
        return jdbc.sql(
                                "SELECT count(*) FROM followup_recommendation WHERE edition_id = :e AND lower(title) = lower(:t)")
                        .param("e", editionId)
                        .param("t", title)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<Recommendation> find(long id) {
        return jdbc.sql("SELECT * FROM followup_recommendation WHERE id = :id")
                .param("id", id)
                .query(RecommendationStore::row)
                .optional();
    }

    /** Every recommendation of the same line of work, oldest edition first. */
    List<Recommendation> line(long lineId) {
        return jdbc.sql("SELECT * FROM followup_recommendation WHERE line_id = :l ORDER BY created_at, id")
                .param("l", lineId)
                .query(RecommendationStore::row)
                .list();
    }

    /** The recommendation that carries this one over, if an edition took it up. */
    Optional<Recommendation> carriedOverBy(long id) {
        return jdbc.sql("SELECT * FROM followup_recommendation WHERE carried_from = :id")
                .param("id", id)
                .query(RecommendationStore::row)
                .optional();
    }

    List<Recommendation> list(Filter filter) {
        return jdbc.sql(
                        """
                        SELECT * FROM followup_recommendation
                         WHERE (CAST(:edition AS BIGINT) IS NULL OR edition_id = :edition)
                           AND (CAST(:theme AS TEXT) IS NULL OR theme = :theme)
                           AND (CAST(:status AS TEXT) IS NULL OR status = :status)
                           AND (CAST(:addressee AS TEXT) IS NULL OR :addressee = ANY (addressees))
                         ORDER BY edition_id, theme, id
                         LIMIT 2000
                        """)
                .param("edition", filter.editionId())
                .param("theme", filter.theme())
                .param(
                        "status",
                        filter.status() == null ? null : filter.status().name())
                .param("addressee", filter.addressee())
                .query(RecommendationStore::row)
                .list();
    }

    void setStatus(long id, RecommendationStatus status) {
        jdbc.sql("UPDATE followup_recommendation SET status = :s WHERE id = :id")
                .param("s", status.name())
                .param("id", id)
                .update();
    }

    static Recommendation row(ResultSet rs, int n) throws SQLException {
        return new Recommendation(
                rs.getLong("id"),
                rs.getLong("edition_id"),
                rs.getString("theme"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("language"),
                strings(rs.getArray("addressees")),
                Arrays.stream((Long[]) rs.getArray("addressee_organisations").getArray())
                        .toList(),
                strings(rs.getArray("addressee_countries")),
                strings(rs.getArray("frameworks")),
                RecommendationStatus.valueOf(rs.getString("status")),
                new Provenance(
                        Provenance.Kind.valueOf(rs.getString("source_kind")),
                        rs.getObject("source_id", Long.class),
                        rs.getString("source_title"),
                        rs.getString("source_url")),
                rs.getObject("carried_from", Long.class),
                rs.getLong("line_id"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("made_on", java.time.LocalDate.class));
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
