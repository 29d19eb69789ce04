package org.polyphony.followup;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Commitments, their updates, the reactions to updates, and the evidence of both. */
@Repository
class CommitmentStore {

    private static final String COMMITMENT =
            "SELECT id, recommendation_id, organisation_id, state_country, action, due_on, responsible, indicator_id,"
                    + " created_at FROM followup_commitment";
    private static final String UPDATE =
            "SELECT id, commitment_id, level, body, language, author_id, verified_at IS NOT NULL AS verified,"
                    + " verified_at, created_at FROM followup_update";

    private final JdbcClient jdbc;

    CommitmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertCommitment(
            long recommendation,
            Long organisation,
            String country,
            String action,
            LocalDate due,
            String responsible,
            Long indicator,
            Long author) {
        return jdbc.sql(
                        """
                        INSERT INTO followup_commitment (recommendation_id, organisation_id, state_country, action,
                               due_on, responsible, indicator_id, created_by)
                        VALUES (:r, :o, :c, :a, :d, :resp, :i, :by) RETURNING id
                        """)
                .param("r", recommendation)
                .param("o", organisation)
                .param("c", country)
                .param("a", action)
                .param("d", due)
                .param("resp", responsible)
                .param("i", indicator)
                .param("by", author)
                .query(Long.class)
                .single();
    }

    Optional<Commitment> commitment(long id) {
        return jdbc.sql(COMMITMENT + " WHERE id = :id")
                .param("id", id)
                .query(CommitmentStore::commitment)
                .optional();
    }

    List<Commitment> commitmentsOf(Collection<Long> recommendations) {
        if (recommendations.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COMMITMENT + " WHERE recommendation_id IN (:r) ORDER BY id")
                .param("r", recommendations)
                .query(CommitmentStore::commitment)
                .list();
    }

    long insertUpdate(long commitment, CompletionLevel level, String body, String language, Long author) {
        return jdbc.sql(
                        """
                        INSERT INTO followup_update (commitment_id, level, body, language, author_id)
                        VALUES (:c, :l, :b, :lang, :a) RETURNING id
                        """)
                .param("c", commitment)
                .param("l", level.name())
                .param("b", body)
                .param("lang", language)
                .param("a", author)
                .query(Long.class)
                .single();
    }

    Optional<ProgressUpdate> update(long id) {
        return jdbc.sql(UPDATE + " WHERE id = :id")
                .param("id", id)
                .query(CommitmentStore::update)
                .optional();
    }

    /** Updates of these commitments, oldest first. */
    List<ProgressUpdate> updatesOf(Collection<Long> commitments) {
        if (commitments.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(UPDATE + " WHERE commitment_id IN (:c) ORDER BY created_at, id")
                .param("c", commitments)
                .query(CommitmentStore::update)
                .list();
    }

    /** The latest updates anywhere (or of one edition), newest first, for the feeds. */
    List<ProgressUpdate> latestUpdates(Long edition, int limit) {
        return jdbc.sql(
                        """
                        SELECT u.id, u.commitment_id, u.level, u.body, u.language, u.author_id,
                               u.verified_at IS NOT NULL AS verified, u.verified_at, u.created_at
                          FROM followup_update u
                          JOIN followup_commitment c ON c.id = u.commitment_id
                          JOIN followup_recommendation r ON r.id = c.recommendation_id
                         WHERE CAST(:e AS BIGINT) IS NULL OR r.edition_id = :e
                         ORDER BY u.created_at DESC, u.id DESC LIMIT :n
                        """)
                .param("e", edition)
                .param("n", limit)
                .query(CommitmentStore::update)
                .list();
    }

    boolean verify(long update, long organiser) {
        return jdbc.sql(
                                "UPDATE followup_update SET verified_by = :o, verified_at = now() WHERE id = :id AND verified_at IS NULL")
                        .param("o", organiser)
                        .param("id", update)
                        .update()
                > 0;
    }

    /** Keeps a reaction; empty when the organisation already took a standing on this update. */
    Optional<Long> insertReaction(long update, Reaction.Stance stance, long organisation, String body, Long author) {
        return jdbc.sql(
                        """
                        INSERT INTO followup_reaction (update_id, stance, organisation_id, body, author_id)
                        VALUES (:u, :s, :o, :b, :a) ON CONFLICT (update_id, organisation_id) DO NOTHING RETURNING id
                        """)
                .param("u", update)
                .param("s", stance.name())
                .param("o", organisation)
                .param("b", body)
                .param("a", author)
                .query(Long.class)
                .optional();
    }

    List<Reaction> reactionsTo(Collection<Long> updates) {
        if (updates.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, update_id, stance, organisation_id, body, created_at FROM followup_reaction"
                        + " WHERE update_id IN (:u) ORDER BY created_at, id")
                .param("u", updates)
                .query(CommitmentStore::reaction)
                .list();
    }

    Optional<Long> updateOfReaction(long reaction) {
        return jdbc.sql("SELECT update_id FROM followup_reaction WHERE id = :id")
                .param("id", reaction)
                .query(Long.class)
                .optional();
    }

    void insertEvidence(Long update, Long reaction, String link, EvidenceFiles.Kept file) {
        jdbc.sql(
                        """
                        INSERT INTO followup_evidence (update_id, reaction_id, link, file_key, file_name, media_type, size)
                        VALUES (:u, :r, :l, :k, :n, :m, :s)
                        """)
                .param("u", update)
                .param("r", reaction)
                .param("l", link)
                .param("k", file == null ? null : file.key())
                .param("n", file == null ? null : file.name())
                .param("m", file == null ? null : file.mediaType())
                .param("s", file == null ? null : file.size())
                .update();
    }

    List<Evidence> evidenceOf(Collection<Long> updates, Collection<Long> reactions) {
        return jdbc.sql(
                        """
                        SELECT id, update_id, reaction_id, link, file_key, file_name, media_type, size
                          FROM followup_evidence WHERE update_id = ANY (:u) OR reaction_id = ANY (:r) ORDER BY id
                        """)
                .param("u", updates.toArray(Long[]::new))
                .param("r", reactions.toArray(Long[]::new))
                .query(CommitmentStore::evidence)
                .list();
    }

    Optional<Evidence> evidence(long id) {
        return jdbc.sql("SELECT id, update_id, reaction_id, link, file_key, file_name, media_type, size"
                        + " FROM followup_evidence WHERE id = :id")
                .param("id", id)
                .query(CommitmentStore::evidence)
                .optional();
    }

    private static Commitment commitment(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Commitment(
                rs.getLong("id"),
                rs.getLong("recommendation_id"),
                rs.getObject("organisation_id", Long.class),
                rs.getString("state_country"),
                rs.getString("action"),
                rs.getObject("due_on", LocalDate.class),
                rs.getString("responsible"),
                rs.getObject("indicator_id", Long.class),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Reaction reaction(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Reaction(
                rs.getLong("id"),
                rs.getLong("update_id"),
                Reaction.Stance.valueOf(rs.getString("stance")),
                rs.getLong("organisation_id"),
                rs.getString("body"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Evidence evidence(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Evidence(
                rs.getLong("id"),
                rs.getObject("update_id", Long.class),
                rs.getObject("reaction_id", Long.class),
                rs.getString("link"),
                rs.getString("file_key"),
                rs.getString("file_name"),
                rs.getString("media_type"),
                rs.getObject("size", Integer.class));
    }

    private static ProgressUpdate update(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp verifiedAt = rs.getTimestamp("verified_at");
        return new ProgressUpdate(
                rs.getLong("id"),
                rs.getLong("commitment_id"),
                CompletionLevel.valueOf(rs.getString("level")),
                rs.getString("body"),
                rs.getString("language"),
                rs.getObject("author_id", Long.class),
                rs.getBoolean("verified"),
                verifiedAt == null ? null : verifiedAt.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
