package org.polyphony.research;

import java.util.List;
import java.util.Optional;
import org.polyphony.accounts.AccountDeleted;
import org.polyphony.opinions.ConversationForm;
import org.polyphony.opinions.ConversationId;
import org.polyphony.opinions.OpinionsManagement;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * The research-agenda workshop of an edition: people propose research questions and support them; organisers open
 * an opinion conversation whose statements are the questions, and publish the agenda, ranked by support, with the
 * opinion groups' views once the conversation has been analysed.
 */
@Service
class ResearchAgenda {

    static final int MAX_QUESTION = 280;

    private final JdbcClient jdbc;
    private final OpinionsManagement opinions;

    ResearchAgenda(JdbcClient jdbc, OpinionsManagement opinions) {
        this.jdbc = jdbc;
        this.opinions = opinions;
    }

    /** A question with its support; {@code supportedByReader} for the person reading. */
    record Question(long id, String text, long supporters, boolean supportedByReader, boolean ownedByReader) {}

    enum Proposed {
        ADDED,
        DUPLICATE,
        CLOSED
    }

    AgendaState state(long editionId) {
        return jdbc.sql("SELECT session_id, conversation_id, published_at FROM research_agenda WHERE edition_id = :e")
                .param("e", editionId)
                .query((rs, n) -> new AgendaState(
                        rs.getObject("session_id", Long.class),
                        rs.getObject("conversation_id", Long.class),
                        rs.getTimestamp("published_at") == null
                                ? null
                                : rs.getTimestamp("published_at").toInstant()))
                .optional()
                .orElse(AgendaState.NEW);
    }

    /** The visible questions, most supported first, then oldest first. */
    List<Question> ranked(long editionId, Long reader) {
        return jdbc.sql(
                        """
                        SELECT q.id, q.text, count(s.account_id) AS supporters,
                               bool_or(s.account_id = :reader) AS mine, bool_or(q.author_id = :reader) AS own
                          FROM research_question q LEFT JOIN research_question_support s ON s.question_id = q.id
                         WHERE q.edition_id = :e AND q.hidden_at IS NULL
                         GROUP BY q.id ORDER BY supporters DESC, q.created_at, q.id
                        """)
                .param("e", editionId)
                .param("reader", reader == null ? -1L : reader)
                .query((rs, n) -> new Question(
                        rs.getLong("id"),
                        rs.getString("text"),
                        rs.getLong("supporters"),
                        rs.getBoolean("mine"),
                        rs.getBoolean("own")))
                .list();
    }

    /** A new question, supported by its author; refused once the agenda is published or when it is already there. */
    @Transactional
    Proposed propose(long editionId, long author, String text) {
        lock(editionId);
        if (state(editionId).published()) return Proposed.CLOSED;
        Optional<Long> id = jdbc.sql(
                        """
                        INSERT INTO research_question (edition_id, author_id, text) VALUES (:e, :a, :t)
                        ON CONFLICT (edition_id, lower(text)) DO NOTHING RETURNING id
                        """)
                .param("e", editionId)
                .param("a", author)
                .param("t", text)
                .query(Long.class)
                .optional();
        if (id.isEmpty()) return Proposed.DUPLICATE;
        support(id.get(), author, true);
        return Proposed.ADDED;
    }

    Optional<Long> editionOf(long questionId) {
        return jdbc.sql("SELECT edition_id FROM research_question WHERE id = :q AND hidden_at IS NULL")
                .param("q", questionId)
                .query(Long.class)
                .optional();
    }

    void support(long questionId, long account, boolean supports) {
        String sql = supports
                ? "INSERT INTO research_question_support VALUES (:q, :a) ON CONFLICT DO NOTHING"
                : "DELETE FROM research_question_support WHERE question_id = :q AND account_id = :a";
        jdbc.sql(sql).param("q", questionId).param("a", account).update();
    }

    void hide(long questionId) {
        jdbc.sql("UPDATE research_question SET hidden_at = now() WHERE id = :q AND hidden_at IS NULL")
                .param("q", questionId)
                .update();
    }

    /**
     * Opens the opinion conversation of the agenda in a session: its question is the prompt, its seed statements
     * the proposed questions, most supported first. Participants may add statements, which a moderator checks.
     */
    @Transactional
    Optional<ConversationId> openConversation(long editionId, long sessionId, String prompt) {
        lock(editionId);
        if (state(editionId).conversationId() != null) return Optional.empty();
        List<String> seeds =
                ranked(editionId, null).stream().map(Question::text).toList();
        ConversationForm form = new ConversationForm(prompt, String.join("\n", seeds), true, true, false);
        Optional<ConversationId> started =
                opinions.start(sessionId, form, new BeanPropertyBindingResult(form, "conversation"));
        started.ifPresent(id -> jdbc.sql(
                        """
                        INSERT INTO research_agenda (edition_id, session_id, conversation_id) VALUES (:e, :s, :c)
                        ON CONFLICT (edition_id) DO UPDATE SET session_id = :s, conversation_id = :c
                        """)
                .param("e", editionId)
                .param("s", sessionId)
                .param("c", id.value())
                .update());
        return started;
    }

    /** Publishes the agenda, linked to the session given (the one its conversation is in, when there is one). */
    @Transactional
    void publish(long editionId, long sessionId) {
        lock(editionId);
        jdbc.sql(
                        """
                        INSERT INTO research_agenda (edition_id, session_id, published_at) VALUES (:e, :s, now())
                        ON CONFLICT (edition_id) DO UPDATE
                           SET published_at = coalesce(research_agenda.published_at, now()),
                               session_id = coalesce(research_agenda.session_id, :s)
                        """)
                .param("e", editionId)
                .param("s", sessionId)
                .update();
    }

    /** The edition whose published agenda is linked to this session, if any. */
    boolean publishedIn(long sessionId) {
        return jdbc.sql(
                                """
                        SELECT count(*) FROM research_agenda WHERE session_id = :s AND published_at IS NOT NULL
                        """)
                        .param("s", sessionId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** A deleted account's questions stay, without an author; its supports go. */
    @EventListener
    void on(AccountDeleted deleted) {
        long id = deleted.account().value();
        jdbc.sql("UPDATE research_question SET author_id = NULL WHERE author_id = :a")
                .param("a", id)
                .update();
        jdbc.sql("DELETE FROM research_question_support WHERE account_id = :a")
                .param("a", id)
                .update();
    }

    private void lock(long editionId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:k, :e)")
                .param("k", 0x72616765)
                .param("e", (int) editionId)
                .query()
                .listOfRows();
    }
}
