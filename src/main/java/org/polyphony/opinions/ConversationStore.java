package org.polyphony.opinions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.polyphony.opinions.ConversationViews.ConversationSummary;
import org.polyphony.opinions.ConversationViews.StatementRow;
import org.polyphony.opinions.analysis.Moderation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Conversations, statements, voters and votes in PostgreSQL. */
@Repository
class ConversationStore {

    private static final String SUMMARY =
            """
            SELECT c.id, c.session_id, c.question, c.question_language, c.participant_statements, c.premoderated,
                   c.anonymous_allowed, c.closed, c.created_at,
                   (SELECT count(*) FROM opinions_statement s WHERE s.conversation_id = c.id AND s.moderation = 1)
                       AS statements,
                   (SELECT coalesce(sum(t.voters), 0) FROM opinions_vote_tally t WHERE t.conversation_id = c.id)
                       AS voters
            FROM opinions_conversation c
            """;
    private static final String STATEMENT =
            """
            SELECT id, number, body, language, moderation, seed, created_at, meta,
                   (SELECT coalesce(sum(t.voters), 0) FROM opinions_statement_tally t
                    WHERE t.statement_id = opinions_statement.id) AS vote_count
            FROM opinions_statement
            """;

    private final JdbcClient jdbc;

    ConversationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ConversationId create(long sessionId, ConversationForm form, String questionLanguage) {
        long id = jdbc.sql(
                        """
                        INSERT INTO opinions_conversation (session_id, question, question_language,
                            participant_statements, premoderated, anonymous_allowed)
                        VALUES (:session, :question, :language, :statements, :premoderated, :anonymous)
                        RETURNING id
                        """)
                .param("session", sessionId)
                .param("question", form.question().strip())
                .param("language", questionLanguage)
                .param("statements", form.takesStatements())
                .param("premoderated", form.isPremoderated())
                .param("anonymous", form.welcomesAnonymous())
                .query(Long.class)
                .single();
        return new ConversationId(id);
    }

    void updateSettings(ConversationId id, ConversationForm form, String questionLanguage, boolean closed) {
        jdbc.sql(
                        """
                        UPDATE opinions_conversation SET question = :question, question_language = :language,
                            participant_statements = :statements, premoderated = :premoderated,
                            anonymous_allowed = :anonymous, closed = :closed
                        WHERE id = :id
                        """)
                .param("question", form.question().strip())
                .param("language", questionLanguage)
                .param("statements", form.takesStatements())
                .param("premoderated", form.isPremoderated())
                .param("anonymous", form.welcomesAnonymous())
                .param("closed", closed)
                .param("id", id.value())
                .update();
    }

    Optional<ConversationSummary> find(ConversationId id) {
        return jdbc.sql(SUMMARY + " WHERE c.id = :id")
                .param("id", id.value())
                .query(ConversationStore::summary)
                .optional();
    }

    List<ConversationSummary> ofSession(long sessionId) {
        return jdbc.sql(SUMMARY + " WHERE c.session_id = :session ORDER BY c.id")
                .param("session", sessionId)
                .query(ConversationStore::summary)
                .list();
    }

    /**
     * Adds a statement; call {@link #lock} first in the same transaction, so numbers stay dense and in order.
     *
     * @return the new statement's database id
     */
    long addStatement(
            ConversationId conversation,
            String text,
            String language,
            double confidence,
            Long authorVoter,
            boolean seed,
            Moderation moderation) {
        return jdbc.sql(
                        """
                        INSERT INTO opinions_statement (conversation_id, number, body, language, language_confidence,
                            author_voter_id, seed, moderation)
                        VALUES (:c, (SELECT coalesce(max(number) + 1, 0) FROM opinions_statement WHERE conversation_id = :c),
                                :body, :language, :confidence, :author, :seed, :moderation)
                        RETURNING id
                        """)
                .param("c", conversation.value())
                .param("body", text)
                .param("language", language)
                .param("confidence", (float) confidence)
                .param("author", authorVoter)
                .param("seed", seed)
                .param("moderation", moderation.toPolis())
                .query(Long.class)
                .single();
    }

    boolean statementExists(ConversationId conversation, String text) {
        return jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM opinions_statement WHERE conversation_id = :c AND lower(body) = lower(:t))")
                .param("c", conversation.value())
                .param("t", text)
                .query(Boolean.class)
                .single();
    }

    List<StatementRow> statements(ConversationId conversation) {
        return jdbc.sql(STATEMENT + "WHERE conversation_id = :c ORDER BY number")
                .param("c", conversation.value())
                .query(ConversationStore::statement)
                .list();
    }

    /** The accepted statements among these numbers: those a results page names, not the whole conversation. */
    List<StatementRow> acceptedNumbered(ConversationId conversation, java.util.Collection<Integer> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(STATEMENT + "WHERE conversation_id = :c AND moderation = 1 AND number IN (:n) ORDER BY number")
                .param("c", conversation.value())
                .param("n", numbers)
                .query(ConversationStore::statement)
                .list();
    }

    /** The accepted meta statements, whose answers tell who is in each group. */
    List<StatementRow> acceptedMeta(ConversationId conversation) {
        return jdbc.sql(STATEMENT + "WHERE conversation_id = :c AND moderation = 1 AND meta ORDER BY number")
                .param("c", conversation.value())
                .query(ConversationStore::statement)
                .list();
    }

    Optional<StatementRow> statement(ConversationId conversation, int number) {
        return jdbc.sql(STATEMENT + "WHERE conversation_id = :c AND number = :n")
                .param("c", conversation.value())
                .param("n", number)
                .query(ConversationStore::statement)
                .optional();
    }

    Optional<StatementRow> statementById(long id) {
        return jdbc.sql(STATEMENT + "WHERE id = :id")
                .param("id", id)
                .query(ConversationStore::statement)
                .optional();
    }

    /**
     * Holds the conversation's row until the transaction ends, so that statements are numbered in order and a text
     * is checked for duplicates and added without another request slipping in between.
     */
    void lock(ConversationId conversation) {
        jdbc.sql("SELECT id FROM opinions_conversation WHERE id = :id FOR UPDATE")
                .param("id", conversation.value())
                .query(Long.class)
                .single();
    }

    /**
     * The accepted statement to offer a voter next: one they have not voted on, those with the fewest votes first;
     * among equals an order of the voter's own, so that different people start at different statements.
     *
     * @param voter the voter, or null for someone who has not voted yet
     */
    Optional<StatementRow> next(ConversationId conversation, Long voter) {
        return jdbc.sql(
                        STATEMENT
                                + """
                                WHERE conversation_id = :c AND moderation = 1
                                  AND NOT EXISTS (SELECT 1 FROM opinions_vote v
                                                  WHERE v.voter_id = :voter AND v.statement_id = opinions_statement.id)
                                ORDER BY vote_count, hashtext(id || ':' || :voter), id
                                LIMIT 1
                                """)
                .param("c", conversation.value())
                .param("voter", voter == null ? 0L : voter)
                .query(ConversationStore::statement)
                .optional();
    }

    void moderate(long statementId, Moderation moderation) {
        jdbc.sql("UPDATE opinions_statement SET moderation = :m WHERE id = :id")
                .param("m", moderation.toPolis())
                .param("id", statementId)
                .update();
    }

    /** Marks a statement meta (about the participant) or not; false when it already was so. */
    boolean markMeta(long statementId, boolean meta) {
        return jdbc.sql("UPDATE opinions_statement SET meta = :m WHERE id = :id AND meta <> :m")
                        .param("m", meta)
                        .param("id", statementId)
                        .update()
                > 0;
    }

    Optional<Long> voterOfAccount(ConversationId conversation, long account) {
        return jdbc.sql("SELECT id FROM opinions_voter WHERE conversation_id = :c AND account_id = :a")
                .param("c", conversation.value())
                .param("a", account)
                .query(Long.class)
                .optional();
    }

    Optional<Long> voterOfSecret(ConversationId conversation, byte[] secretHash) {
        return jdbc.sql("SELECT id FROM opinions_voter WHERE conversation_id = :c AND secret_hash = :h")
                .param("c", conversation.value())
                .param("h", secretHash)
                .query(Long.class)
                .optional();
    }

    /** The voter of an account or of a browser secret, made on first need; safe when raced. */
    long voter(ConversationId conversation, Long account, byte[] secretHash) {
        Optional<Long> known =
                account != null ? voterOfAccount(conversation, account) : voterOfSecret(conversation, secretHash);
        if (known.isPresent()) {
            return known.get();
        }
        String column = account != null ? "account_id" : "secret_hash";
        jdbc.sql("INSERT INTO opinions_voter (conversation_id, " + column + ") VALUES (:c, :v) ON CONFLICT DO NOTHING")
                .param("c", conversation.value())
                .param("v", account != null ? account : secretHash)
                .update();
        return account != null
                ? voterOfAccount(conversation, account).orElseThrow()
                : voterOfSecret(conversation, secretHash).orElseThrow();
    }

    /**
     * Records a voter's latest vote on a statement and keeps it as an event (the history the export's votes.csv
     * carries); the vote is counted for the analysis. The same vote sent again changes nothing and asks for no new
     * analysis.
     */
    void vote(ConversationId conversation, long voter, long statementId, VoteChoice choice) {
        // one statement, so one round trip and one commit: the latest vote, its event, the voter counted on the
        // statement when the vote is their first there, and the vote counted for the analysis with the voter
        // counted in the conversation when it is their first vote in it; the same vote sent
        // again writes nothing (the first CTE returns no row, so neither do the others)
        jdbc.sql(
                        """
                        WITH latest AS (
                          INSERT INTO opinions_vote AS v (voter_id, statement_id, vote) VALUES (:voter, :s, :vote)
                          ON CONFLICT (voter_id, statement_id) DO UPDATE SET vote = :vote, voted_at = now()
                          WHERE v.vote <> :vote
                          RETURNING (xmax = 0) AS first
                        ), event AS (
                          INSERT INTO opinions_vote_event (conversation_id, voter_id, statement_id, vote)
                          SELECT :c, :voter, :s, :vote FROM latest
                        ), voters AS (
                          INSERT INTO opinions_statement_tally AS t (statement_id, stripe, voters)
                          SELECT :s, :stripe, 1 FROM latest WHERE first
                          ON CONFLICT (statement_id, stripe) DO UPDATE SET voters = t.voters + 1
                        ), first_in_conversation AS (
                          UPDATE opinions_voter SET voted = true WHERE id = :voter AND NOT voted RETURNING id
                        )
                        INSERT INTO opinions_vote_tally AS t
                          (conversation_id, stripe, votes, voters, changed_at, stale_since)
                        SELECT :c, :stripe, 1, (SELECT count(*) FROM first_in_conversation), now(), now() FROM latest
                        ON CONFLICT (conversation_id, stripe) DO UPDATE
                        SET votes = t.votes + 1, voters = t.voters + excluded.voters, changed_at = now(),
                            stale_since = coalesce(t.stale_since, now())
                        """)
                .param("c", conversation.value())
                .param("voter", voter)
                .param("s", statementId)
                .param("vote", choice.value())
                .param("stripe", (int) (voter % VOTE_STRIPES))
                .update();
    }

    /**
     * Votes are counted in this many rows per conversation (the voter's id modulo this), not in the conversation's
     * row: every vote updating one row would make votes in a busy conversation wait on one another's lock. A first
     * vote on a statement is counted the same way in the statement's tally: the statement offered next is the one
     * with the fewest votes, so everyone votes on the same few statements at once.
     */
    static final int VOTE_STRIPES = 16;

    /**
     * Counts each statement's voters, and the conversation's, afresh from the votes, after votes went in bulk (deleted
     * voters, an import).
     */
    void recountVoters(ConversationId conversation) {
        jdbc.sql(
                        """
                        DELETE FROM opinions_statement_tally
                        WHERE statement_id IN (SELECT id FROM opinions_statement WHERE conversation_id = :c)
                        """)
                .param("c", conversation.value())
                .update();
        jdbc.sql(
                        """
                        INSERT INTO opinions_statement_tally (statement_id, stripe, voters)
                        SELECT v.statement_id, v.voter_id % :stripes, count(*)
                        FROM opinions_vote v JOIN opinions_statement s ON s.id = v.statement_id
                        WHERE s.conversation_id = :c
                        GROUP BY 1, 2
                        """)
                .param("c", conversation.value())
                .param("stripes", VOTE_STRIPES)
                .update();
        jdbc.sql(
                        """
                        UPDATE opinions_voter v SET voted = EXISTS (SELECT 1 FROM opinions_vote x WHERE x.voter_id = v.id)
                        WHERE v.conversation_id = :c
                        """)
                .param("c", conversation.value())
                .update();
        jdbc.sql(
                        """
                        INSERT INTO opinions_vote_tally AS t (conversation_id, stripe, voters)
                        SELECT :c, g.stripe, coalesce(n.voters, 0)
                          FROM generate_series(0, :stripes - 1) AS g (stripe)
                          LEFT JOIN (SELECT id % :stripes AS stripe, count(*) AS voters FROM opinions_voter
                                      WHERE conversation_id = :c AND voted GROUP BY 1) n USING (stripe)
                        ON CONFLICT (conversation_id, stripe) DO UPDATE SET voters = excluded.voters
                        """)
                .param("c", conversation.value())
                .param("stripes", VOTE_STRIPES)
                .update();
    }

    /** Something the analysis depends on changed, other than a vote (moderation, statements, deleted voters). */
    void changed(ConversationId conversation) {
        jdbc.sql(
                        """
                        UPDATE opinions_conversation
                        SET changes = changes + 1, changed_at = now(), stale_since = coalesce(stale_since, now())
                        WHERE id = :id
                        """)
                .param("id", conversation.value())
                .update();
    }

    /** A voter's votes on accepted statements, by statement number. */
    java.util.Map<Integer, VoteChoice> votesOf(long voter) {
        java.util.Map<Integer, VoteChoice> votes = new java.util.HashMap<>();
        jdbc.sql(
                        """
                        SELECT s.number, v.vote FROM opinions_vote v JOIN opinions_statement s ON s.id = v.statement_id
                        WHERE v.voter_id = :voter AND s.moderation = 1
                        """)
                .param("voter", voter)
                .query(rs -> {
                    votes.put(rs.getInt(1), VoteChoice.ofValue(rs.getInt(2)));
                });
        return votes;
    }

    int statementsWaiting(ConversationId conversation) {
        return jdbc.sql("SELECT count(*) FROM opinions_statement WHERE conversation_id = :c AND moderation = 0")
                .param("c", conversation.value())
                .query(Integer.class)
                .single();
    }

    private static ConversationSummary summary(ResultSet rs, int row) throws SQLException {
        return new ConversationSummary(
                new ConversationId(rs.getLong("id")),
                rs.getLong("session_id"),
                rs.getString("question"),
                rs.getString("question_language"),
                rs.getBoolean("participant_statements"),
                rs.getBoolean("premoderated"),
                rs.getBoolean("anonymous_allowed"),
                rs.getBoolean("closed"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("statements"),
                rs.getInt("voters"));
    }

    private static StatementRow statement(ResultSet rs, int row) throws SQLException {
        return new StatementRow(
                rs.getLong("id"),
                rs.getInt("number"),
                rs.getString("body"),
                rs.getString("language"),
                Moderation.fromPolis(rs.getInt("moderation")),
                rs.getBoolean("seed"),
                rs.getInt("vote_count"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("meta"));
    }
}
