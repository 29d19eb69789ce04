package org.polyphony.skills;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.polyphony.accounts.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.validation.Errors;

/**
 * Conversations under a candidate number: an organisation writes to a candidate it knows only by number, the
 * worker reads and answers under that number, and nothing of the worker travels with the messages but what they
 * type. The worker can end a conversation; the organisation then can no longer write in it.
 */
@Repository
public class Conversations {

    static final int BODY_LENGTH = 2000;

    public record Conversation(long id, long opportunity, long profile, String number, boolean closed) {}

    public record Message(boolean fromWorker, String body, Instant at) {}

    /** A conversation as its list shows it: how many messages from the other side are unread. */
    public record Summary(Conversation conversation, int unread, Instant last) {}

    /** A message typed in a conversation. */
    public record Form(String body) {
        public Form {
            body = body == null ? "" : body.strip();
        }
    }

    /** A conversation as a page shows it, for either side; {@code conversation} is null before the first message. */
    public record View(
            Conversation conversation,
            OpportunityView opportunity,
            String organisationName,
            List<Message> messages,
            boolean worker,
            String action) {}

    private static final String COLUMNS = "c.id, c.opportunity_id, c.profile_id, c.number, c.closed";

    private final JdbcClient jdbc;

    Conversations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Conversation> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM skills_conversation c WHERE c.id = :id")
                .param("id", id)
                .query(Conversations::row)
                .optional();
    }

    Optional<Conversation> under(long opportunity, String number) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM skills_conversation c WHERE c.opportunity_id = :o AND c.number = :n")
                .param("o", opportunity)
                .param("n", number)
                .query(Conversations::row)
                .optional();
    }

    /** Opens the conversation under this number, or finds the one already open. */
    Conversation open(long opportunity, long profile, String number) {
        jdbc.sql(
                        """
                        INSERT INTO skills_conversation (opportunity_id, profile_id, number) VALUES (:o, :p, :n)
                        ON CONFLICT (opportunity_id, number) DO NOTHING
                        """)
                .param("o", opportunity)
                .param("p", profile)
                .param("n", number)
                .update();
        return under(opportunity, number).orElseThrow();
    }

    /** The worker's conversations, latest first, with the organisation's messages they have not read. */
    List<Summary> ofProfile(long profile) {
        return jdbc.sql(
                        "SELECT " + COLUMNS
                                + """
                        , (SELECT count(*) FROM skills_conversation_message m
                            WHERE m.conversation_id = c.id AND NOT m.from_worker AND m.created_at > c.worker_read_at)
                            AS unread,
                          (SELECT max(m.created_at) FROM skills_conversation_message m WHERE m.conversation_id = c.id)
                            AS last
                          FROM skills_conversation c WHERE c.profile_id = :p
                         ORDER BY last DESC NULLS LAST, c.id DESC
                        """)
                .param("p", profile)
                .query((rs, n) -> summary(rs))
                .list();
    }

    /** The worker's unread messages by candidate number, for the organisation's candidate list. */
    Map<String, Integer> unreadByOrganisation(long opportunity) {
        return jdbc
                .sql(
                        """
                        SELECT c.number, count(m.id) AS unread FROM skills_conversation c
                          JOIN skills_conversation_message m ON m.conversation_id = c.id
                         WHERE c.opportunity_id = :o AND m.from_worker AND m.created_at > c.organisation_read_at
                         GROUP BY c.number
                        """)
                .param("o", opportunity)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    List<Message> messages(long conversation) {
        return jdbc.sql(
                        """
                        SELECT from_worker, body, created_at FROM skills_conversation_message
                         WHERE conversation_id = :c ORDER BY id
                        """)
                .param("c", conversation)
                .query((rs, n) -> new Message(
                        rs.getBoolean(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** Checks a message typed in a conversation; false, with an error on {@code body}, when refused. */
    static boolean acceptable(String body, Errors errors) {
        if (body.isEmpty()) {
            errors.rejectValue("body", "skills.conversation.body.required");
        } else if (body.length() > BODY_LENGTH) {
            errors.rejectValue("body", "skills.conversation.body.length");
        }
        return !errors.hasErrors();
    }

    void fromOrganisation(Conversation conversation, AccountId author, String body) {
        jdbc.sql(
                        """
                        INSERT INTO skills_conversation_message (conversation_id, from_worker, author, body)
                        VALUES (:c, false, :a, :b)
                        """)
                .param("c", conversation.id())
                .param("a", author.value())
                .param("b", body)
                .update();
        readByOrganisation(conversation.id());
    }

    void fromWorker(Conversation conversation, String body) {
        jdbc.sql(
                        """
                        INSERT INTO skills_conversation_message (conversation_id, from_worker, body)
                        VALUES (:c, true, :b)
                        """)
                .param("c", conversation.id())
                .param("b", body)
                .update();
        readByWorker(conversation.id());
    }

    void readByWorker(long conversation) {
        jdbc.sql("UPDATE skills_conversation SET worker_read_at = now() WHERE id = :c")
                .param("c", conversation)
                .update();
    }

    void readByOrganisation(long conversation) {
        jdbc.sql("UPDATE skills_conversation SET organisation_read_at = now() WHERE id = :c")
                .param("c", conversation)
                .update();
    }

    void close(long conversation, boolean closed) {
        jdbc.sql("UPDATE skills_conversation SET closed = :closed WHERE id = :c")
                .param("closed", closed)
                .param("c", conversation)
                .update();
    }

    /** What a worker wrote, for their own data download: the organisation's messages are theirs to keep too. */
    List<Map<String, Object>> exportOf(long profile) {
        return ofProfile(profile).stream()
                .map(summary -> Map.<String, Object>of(
                        "opportunity", summary.conversation().opportunity(),
                        "number", summary.conversation().number(),
                        "messages",
                                messages(summary.conversation().id()).stream()
                                        .map(m -> Map.of(
                                                "from", m.fromWorker() ? "me" : "organisation",
                                                "text", m.body(),
                                                "at", m.at().toString()))
                                        .toList()))
                .toList();
    }

    private static Conversation row(ResultSet rs, int n) throws SQLException {
        return new Conversation(
                rs.getLong("id"),
                rs.getLong("opportunity_id"),
                rs.getLong("profile_id"),
                rs.getString("number"),
                rs.getBoolean("closed"));
    }

    private static Summary summary(ResultSet rs) throws SQLException {
        var last = rs.getTimestamp("last");
        return new Summary(row(rs, 0), rs.getInt("unread"), last == null ? null : last.toInstant());
    }
}
