package org.polyphony.consultation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The consultation tables, read and written with SQL. */
@Repository
public class ConsultationStore {

    private final JdbcClient jdbc;

    ConsultationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Everyone signed in, or (ORGANISATIONS) the members of the chosen organisations and the people of the chosen hubs. */
    enum Audience {
        SIGNED_IN,
        ORGANISATIONS
    }

    record Consultation(
            long id,
            long editionId,
            Long sessionId,
            String title,
            String purpose,
            String language,
            Audience audience,
            Integer outcomeVersion,
            List<Long> organisations,
            List<Long> hubs) {}

    record Round(long id, long consultationId, int number, LocalDate opensOn, LocalDate closesOn) {
        boolean openOn(LocalDate day) {
            return !day.isBefore(opensOn) && !day.isAfter(closesOn);
        }
    }

    /** A version of the draft; {@code textsChangedAt}: when a translation of one of its paragraphs last changed. */
    public record Version(
            long id, long consultationId, int number, int words, Instant createdAt, Instant textsChangedAt) {}

    record Paragraph(long id, long versionId, String key, int position, boolean heading, Integer number, String text) {}

    public record Comment(
            long id,
            long roundId,
            long versionId,
            Long paragraphId,
            Long parentId,
            String passage,
            String proposal,
            String body,
            String language,
            Long authorId,
            boolean hidden,
            Instant createdAt,
            int supports,
            int flags,
            String decision,
            String reason,
            Instant editedAt,
            boolean withdrawn) {}

    /** An earlier wording of a comment, kept when its author edited it. */
    public record Revision(long comment, String body, String passage, String proposal, Instant writtenAt) {}

    // consultations

    long insertConsultation(
            long edition, Long session, String title, String purpose, String language, Audience audience, long by) {
        return jdbc.sql(
                        """
                        INSERT INTO consultation_consultation (edition_id, session_id, title, purpose, language, audience,
                                                               created_by)
                        VALUES (:e, :s, :t, :p, :l, :a, :by) RETURNING id
                        """)
                .param("e", edition)
                .param("s", session)
                .param("t", title)
                .param("p", purpose)
                .param("l", language)
                .param("a", audience.name())
                .param("by", by)
                .query(Long.class)
                .single();
    }

    void setOrganisations(long consultation, Collection<Long> organisations) {
        jdbc.sql("DELETE FROM consultation_organisation WHERE consultation_id = :c")
                .param("c", consultation)
                .update();
        for (long organisation : organisations) {
            jdbc.sql("INSERT INTO consultation_organisation (consultation_id, organisation_id) VALUES (:c, :o)")
                    .param("c", consultation)
                    .param("o", organisation)
                    .update();
        }
    }

    void setHubs(long consultation, Collection<Long> hubs) {
        jdbc.sql("DELETE FROM consultation_hub WHERE consultation_id = :c")
                .param("c", consultation)
                .update();
        for (long hub : hubs) {
            jdbc.sql("INSERT INTO consultation_hub (consultation_id, hub_id) VALUES (:c, :h)")
                    .param("c", consultation)
                    .param("h", hub)
                    .update();
        }
    }

    private static final String CHOSEN =
            """
            ARRAY(SELECT organisation_id FROM consultation_organisation o
                  WHERE o.consultation_id = c.id ORDER BY organisation_id) AS organisations,
            ARRAY(SELECT hub_id FROM consultation_hub h WHERE h.consultation_id = c.id ORDER BY hub_id) AS hubs
            """;

    Optional<Consultation> consultation(long id) {
        return jdbc.sql(
                        "SELECT c.*, " + CHOSEN
                                + """
                        FROM consultation_consultation c WHERE id = :id
                        """)
                .param("id", id)
                .query(ConsultationStore::consultation)
                .optional();
    }

    List<Consultation> ofEdition(long edition) {
        return jdbc.sql(
                        "SELECT c.*, " + CHOSEN
                                + """
                        FROM consultation_consultation c WHERE edition_id = :e ORDER BY created_at DESC, id DESC
                        """)
                .param("e", edition)
                .query(ConsultationStore::consultation)
                .list();
    }

    List<Consultation> ofSession(long session) {
        return jdbc.sql(
                        """
                        SELECT c.*, ARRAY[]::bigint[] AS organisations, ARRAY[]::bigint[] AS hubs
                        FROM consultation_consultation c WHERE session_id = :s ORDER BY id
                        """)
                .param("s", session)
                .query(ConsultationStore::consultation)
                .list();
    }

    void setSession(long consultation, Long session) {
        jdbc.sql("UPDATE consultation_consultation SET session_id = :s WHERE id = :c")
                .param("s", session)
                .param("c", consultation)
                .update();
    }

    void setOutcome(long consultation, int version) {
        jdbc.sql("UPDATE consultation_consultation SET outcome_version = :v, outcome_at = now() WHERE id = :c")
                .param("v", version)
                .param("c", consultation)
                .update();
    }

    /** Takes {@code count} fresh paragraph keys; the row lock also orders concurrent new versions. */
    int takeKeys(long consultation, int count) {
        return jdbc.sql(
                        """
                        UPDATE consultation_consultation SET next_key = next_key + :n WHERE id = :c
                        RETURNING next_key - :n
                        """)
                .param("n", count)
                .param("c", consultation)
                .query(Integer.class)
                .single();
    }

    private static Consultation consultation(ResultSet rs, int n) throws SQLException {
        Long[] organisations = (Long[]) rs.getArray("organisations").getArray();
        Long[] hubs = (Long[]) rs.getArray("hubs").getArray();
        return new Consultation(
                rs.getLong("id"),
                rs.getLong("edition_id"),
                (Long) rs.getObject("session_id"),
                rs.getString("title"),
                rs.getString("purpose"),
                rs.getString("language"),
                Audience.valueOf(rs.getString("audience")),
                (Integer) rs.getObject("outcome_version"),
                List.of(organisations),
                List.of(hubs));
    }

    // drafting team

    void addDrafter(long consultation, long account) {
        jdbc.sql("INSERT INTO consultation_drafter VALUES (:c, :a) ON CONFLICT DO NOTHING")
                .param("c", consultation)
                .param("a", account)
                .update();
    }

    List<Long> drafters(long consultation) {
        return jdbc.sql("SELECT account_id FROM consultation_drafter WHERE consultation_id = :c ORDER BY account_id")
                .param("c", consultation)
                .query(Long.class)
                .list();
    }

    // rounds

    void insertRound(long consultation, int number, LocalDate opens, LocalDate closes) {
        jdbc.sql(
                        """
                        INSERT INTO consultation_round (consultation_id, number, opens_on, closes_on)
                        VALUES (:c, :n, :o, :cl)
                        """)
                .param("c", consultation)
                .param("n", number)
                .param("o", opens)
                .param("cl", closes)
                .update();
    }

    void setRoundDates(long round, LocalDate opens, LocalDate closes) {
        jdbc.sql("UPDATE consultation_round SET opens_on = :o, closes_on = :c WHERE id = :id")
                .param("o", opens)
                .param("c", closes)
                .param("id", round)
                .update();
    }

    List<Round> rounds(long consultation) {
        return jdbc.sql("SELECT * FROM consultation_round WHERE consultation_id = :c ORDER BY number")
                .param("c", consultation)
                .query((rs, n) -> new Round(
                        rs.getLong("id"),
                        rs.getLong("consultation_id"),
                        rs.getInt("number"),
                        rs.getObject("opens_on", LocalDate.class),
                        rs.getObject("closes_on", LocalDate.class)))
                .list();
    }

    // versions and paragraphs

    long insertVersion(long consultation, int number, int words, long by) {
        return jdbc.sql(
                        """
                        INSERT INTO consultation_version (consultation_id, number, words, created_by)
                        VALUES (:c, :n, :w, :by) RETURNING id
                        """)
                .param("c", consultation)
                .param("n", number)
                .param("w", words)
                .param("by", by)
                .query(Long.class)
                .single();
    }

    long insertParagraph(long version, String key, int position, boolean heading, Integer number, String text) {
        return jdbc.sql(
                        """
                        INSERT INTO consultation_paragraph (version_id, key, position, heading, number, text)
                        VALUES (:v, :k, :p, :h, :n, :t) RETURNING id
                        """)
                .param("v", version)
                .param("k", key)
                .param("p", position)
                .param("h", heading)
                .param("n", number)
                .param("t", text)
                .query(Long.class)
                .single();
    }

    List<Version> versions(long consultation) {
        return jdbc.sql("SELECT * FROM consultation_version WHERE consultation_id = :c ORDER BY number")
                .param("c", consultation)
                .query((rs, n) -> new Version(
                        rs.getLong("id"),
                        rs.getLong("consultation_id"),
                        rs.getInt("number"),
                        rs.getInt("words"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("texts_changed_at").toInstant()))
                .list();
    }

    /** A translation of one of the version's paragraphs changed: pages that keep its texts ready reload them. */
    void paragraphTextsChanged(long paragraph) {
        jdbc.sql(
                        """
                        UPDATE consultation_version v SET texts_changed_at = clock_timestamp()
                        FROM consultation_paragraph p WHERE p.id = :p AND v.id = p.version_id
                        """)
                .param("p", paragraph)
                .update();
    }

    List<Paragraph> paragraphs(long version) {
        return jdbc.sql("SELECT * FROM consultation_paragraph WHERE version_id = :v ORDER BY position")
                .param("v", version)
                .query(ConsultationStore::paragraph)
                .list();
    }

    Map<Long, Paragraph> paragraphsById(Collection<Long> ids) {
        Map<Long, Paragraph> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT * FROM consultation_paragraph WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query(ConsultationStore::paragraph)
                .list()
                .forEach(p -> found.put(p.id(), p));
        return found;
    }

    private static Paragraph paragraph(ResultSet rs, int n) throws SQLException {
        return new Paragraph(
                rs.getLong("id"),
                rs.getLong("version_id"),
                rs.getString("key"),
                rs.getInt("position"),
                rs.getBoolean("heading"),
                (Integer) rs.getObject("number"),
                rs.getString("text"));
    }

    // comments

    long insertComment(
            long round,
            long version,
            Long paragraph,
            Long parent,
            String passage,
            String proposal,
            String body,
            String language,
            long author) {
        return jdbc.sql(
                        """
                        INSERT INTO consultation_comment (round_id, version_id, paragraph_id, parent_id, passage, proposal,
                                                          body, language, author_id)
                        VALUES (:r, :v, :p, :parent, :passage, :proposal, :body, :l, :a) RETURNING id
                        """)
                .param("r", round)
                .param("v", version)
                .param("p", paragraph)
                .param("parent", parent)
                .param("passage", passage)
                .param("proposal", proposal)
                .param("body", body)
                .param("l", language)
                .param("a", author)
                .query(Long.class)
                .single();
    }

    private static final String COMMENT_COLUMNS =
            """
            SELECT c.*, (SELECT count(*) FROM consultation_support s WHERE s.comment_id = c.id) AS supports,
                   (SELECT count(*) FROM consultation_flag f WHERE f.comment_id = c.id) AS flags,
                   h.decision, h.reason
            FROM consultation_comment c LEFT JOIN consultation_handling h ON h.comment_id = c.id
            """;

    Optional<Comment> comment(long id) {
        return jdbc.sql(COMMENT_COLUMNS + " WHERE c.id = :id")
                .param("id", id)
                .query(ConsultationStore::comment)
                .optional();
    }

    /** A version's comments on one paragraph (or, with null, on the draft as a whole), replies included. */
    List<Comment> commentsOn(long version, Long paragraph, boolean withHidden) {
        return jdbc.sql(
                        COMMENT_COLUMNS
                                + """
                         WHERE c.version_id = :v AND c.paragraph_id IS NOT DISTINCT FROM :p
                           AND (:hidden OR NOT c.hidden)
                         ORDER BY c.created_at, c.id
                        """)
                .param("v", version)
                .param("p", paragraph)
                .param("hidden", withHidden)
                .query(ConsultationStore::comment)
                .list();
    }

    /** Visible comments and replies per paragraph of a version (key 0: the draft as a whole), in one query. */
    Map<Long, Integer> counts(long version) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        SELECT coalesce(paragraph_id, 0), count(*) FROM consultation_comment
                        WHERE version_id = :v AND NOT hidden AND withdrawn_at IS NULL GROUP BY 1
                        """)
                .param("v", version)
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2)))
                .list();
        return counts;
    }

    /** A round's top-level comments, oldest first, hidden and withdrawn ones left out. */
    List<Comment> ofRound(long round) {
        return jdbc.sql(
                        COMMENT_COLUMNS
                                + """
                         WHERE c.round_id = :r AND c.parent_id IS NULL AND NOT c.hidden AND c.withdrawn_at IS NULL
                         ORDER BY c.id
                        """)
                .param("r", round)
                .query(ConsultationStore::comment)
                .list();
    }

    List<Comment> ofAuthor(long author) {
        return jdbc.sql(
                        COMMENT_COLUMNS
                                + " WHERE c.author_id = :a AND c.parent_id IS NULL ORDER BY c.created_at DESC, c.id DESC LIMIT 500")
                .param("a", author)
                .query(ConsultationStore::comment)
                .list();
    }

    /** Everything a person wrote on drafts, replies included and without a limit: for their own data download. */
    List<Comment> allOfAuthor(long author) {
        return jdbc.sql(COMMENT_COLUMNS + " WHERE c.author_id = :a ORDER BY c.created_at, c.id")
                .param("a", author)
                .query(ConsultationStore::comment)
                .list();
    }

    List<Comment> flaggedOrHidden(long consultation) {
        return jdbc.sql(
                        COMMENT_COLUMNS
                                + """
                         JOIN consultation_round r ON r.id = c.round_id
                         WHERE r.consultation_id = :c
                           AND (c.hidden OR EXISTS (SELECT 1 FROM consultation_flag f WHERE f.comment_id = c.id))
                         ORDER BY c.id
                        """)
                .param("c", consultation)
                .query(ConsultationStore::comment)
                .list();
    }

    long consultationOfComment(long comment) {
        return jdbc.sql(
                        """
                        SELECT r.consultation_id FROM consultation_comment c JOIN consultation_round r ON r.id = c.round_id
                        WHERE c.id = :id
                        """)
                .param("id", comment)
                .query(Long.class)
                .single();
    }

    boolean support(long comment, long account) {
        return jdbc.sql("INSERT INTO consultation_support VALUES (:c, :a) ON CONFLICT DO NOTHING")
                        .param("c", comment)
                        .param("a", account)
                        .update()
                > 0;
    }

    /** Adds a flag; returns how many people have flagged the comment. */
    int flag(long comment, long account) {
        jdbc.sql("INSERT INTO consultation_flag (comment_id, account_id) VALUES (:c, :a) ON CONFLICT DO NOTHING")
                .param("c", comment)
                .param("a", account)
                .update();
        return jdbc.sql("SELECT count(*) FROM consultation_flag WHERE comment_id = :c")
                .param("c", comment)
                .query(Integer.class)
                .single();
    }

    void setHidden(long comment, boolean hidden) {
        jdbc.sql("UPDATE consultation_comment SET hidden = :h WHERE id = :c")
                .param("h", hidden)
                .param("c", comment)
                .update();
    }

    void clearFlags(long comment) {
        jdbc.sql("DELETE FROM consultation_flag WHERE comment_id = :c")
                .param("c", comment)
                .update();
    }

    void logModeration(long comment, long moderator, String action, String reason) {
        jdbc.sql(
                        """
                        INSERT INTO consultation_moderation_log (comment_id, moderator_id, action, reason)
                        VALUES (:c, :m, :a, :r)
                        """)
                .param("c", comment)
                .param("m", moderator)
                .param("a", action)
                .param("r", reason)
                .update();
    }

    public record LogEntry(long comment, String action, String reason, Instant at) {}

    List<LogEntry> moderationLog(long consultation) {
        return jdbc.sql(
                        """
                        SELECT l.comment_id, l.action, l.reason, l.created_at FROM consultation_moderation_log l
                        JOIN consultation_comment c ON c.id = l.comment_id JOIN consultation_round r ON r.id = c.round_id
                        WHERE r.consultation_id = :c ORDER BY l.created_at DESC, l.id DESC LIMIT 200
                        """)
                .param("c", consultation)
                .query((rs, n) -> new LogEntry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    // handling

    void handle(long comment, String decision, String reason, long by) {
        jdbc.sql(
                        """
                        INSERT INTO consultation_handling (comment_id, decision, reason, handled_by)
                        VALUES (:c, :d, :r, :by)
                        ON CONFLICT (comment_id) DO UPDATE SET decision = :d, reason = :r, handled_by = :by,
                                                               handled_at = now()
                        """)
                .param("c", comment)
                .param("d", decision)
                .param("r", reason)
                .param("by", by)
                .update();
    }

    void notice(long comment, long account) {
        jdbc.sql(
                        """
                        INSERT INTO consultation_notice (comment_id, account_id) VALUES (:c, :a)
                        ON CONFLICT (comment_id) DO UPDATE SET created_at = now(), read_at = NULL
                        """)
                .param("c", comment)
                .param("a", account)
                .update();
    }

    List<Long> unreadNotices(long account) {
        return jdbc.sql("SELECT comment_id FROM consultation_notice WHERE account_id = :a AND read_at IS NULL")
                .param("a", account)
                .query(Long.class)
                .list();
    }

    void markNoticesRead(long account) {
        jdbc.sql("UPDATE consultation_notice SET read_at = now() WHERE account_id = :a AND read_at IS NULL")
                .param("a", account)
                .update();
    }

    void forgetAccount(long account) {
        jdbc.sql("UPDATE consultation_comment SET author_id = NULL WHERE author_id = :a")
                .param("a", account)
                .update();
        jdbc.sql("DELETE FROM consultation_support WHERE account_id = :a")
                .param("a", account)
                .update();
        jdbc.sql("DELETE FROM consultation_flag WHERE account_id = :a")
                .param("a", account)
                .update();
        jdbc.sql("DELETE FROM consultation_notice WHERE account_id = :a")
                .param("a", account)
                .update();
        jdbc.sql("DELETE FROM consultation_drafter WHERE account_id = :a")
                .param("a", account)
                .update();
        jdbc.sql("UPDATE consultation_handling SET handled_by = NULL WHERE handled_by = :a")
                .param("a", account)
                .update();
        jdbc.sql("UPDATE consultation_moderation_log SET moderator_id = NULL WHERE moderator_id = :a")
                .param("a", account)
                .update();
    }

    /** Locks a comment's row until the transaction ends: an edit and a decision on it do not cross. */
    void lockComments(Collection<Long> comments) {
        jdbc.sql("SELECT id FROM consultation_comment WHERE id = ANY(:ids) ORDER BY id FOR UPDATE")
                .param("ids", comments.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }

    boolean handled(long comment) {
        return jdbc.sql("SELECT count(*) FROM consultation_handling WHERE comment_id = :c")
                        .param("c", comment)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Keeps the comment's current wording as a revision, then puts the new one in its place. */
    void reword(long comment, String body, String passage, String proposal, String language) {
        jdbc.sql(
                        """
                        INSERT INTO consultation_comment_revision (comment_id, body, passage, proposal, written_at)
                        SELECT id, body, passage, proposal, coalesce(edited_at, created_at) FROM consultation_comment
                        WHERE id = :c
                        """)
                .param("c", comment)
                .update();
        jdbc.sql(
                        """
                        UPDATE consultation_comment SET body = :b, passage = :passage, proposal = :proposal,
                                                        language = :l, edited_at = now()
                        WHERE id = :c
                        """)
                .param("b", body)
                .param("passage", passage)
                .param("proposal", proposal)
                .param("l", language)
                .param("c", comment)
                .update();
    }

    void withdraw(long comment) {
        jdbc.sql("UPDATE consultation_comment SET withdrawn_at = now() WHERE id = :c AND withdrawn_at IS NULL")
                .param("c", comment)
                .update();
    }

    /** Earlier wordings of these comments, oldest first, by comment. */
    Map<Long, List<Revision>> revisions(Collection<Long> comments) {
        Map<Long, List<Revision>> found = new LinkedHashMap<>();
        if (comments.isEmpty()) {
            return found;
        }
        jdbc.sql(
                        """
                        SELECT comment_id, body, passage, proposal, written_at FROM consultation_comment_revision
                        WHERE comment_id = ANY(:ids) ORDER BY written_at, id
                        """)
                .param("ids", comments.toArray(Long[]::new))
                .query((rs, n) -> new Revision(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list()
                .forEach(r -> found.computeIfAbsent(r.comment(), k -> new java.util.ArrayList<>())
                        .add(r));
        return found;
    }

    private static Comment comment(ResultSet rs, int n) throws SQLException {
        return new Comment(
                rs.getLong("id"),
                rs.getLong("round_id"),
                rs.getLong("version_id"),
                (Long) rs.getObject("paragraph_id"),
                (Long) rs.getObject("parent_id"),
                rs.getString("passage"),
                rs.getString("proposal"),
                rs.getString("body"),
                rs.getString("language"),
                (Long) rs.getObject("author_id"),
                rs.getBoolean("hidden"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("supports"),
                rs.getInt("flags"),
                rs.getString("decision"),
                rs.getString("reason"),
                rs.getTimestamp("edited_at") == null
                        ? null
                        : rs.getTimestamp("edited_at").toInstant(),
                rs.getObject("withdrawn_at") != null);
    }
}
