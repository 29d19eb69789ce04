package org.polyphony.opinions;

import java.time.Instant;
import org.polyphony.opinions.analysis.Moderation;

/** What pages and the API show of conversations and their statements. */
public final class ConversationViews {

    private ConversationViews() {}

    /**
     * A conversation as listed and opened.
     *
     * @param statements accepted statements
     * @param voters people who voted at least once
     */
    public record ConversationSummary(
            ConversationId id,
            long sessionId,
            String question,
            String questionLanguage,
            boolean participantStatements,
            boolean premoderated,
            boolean anonymousAllowed,
            boolean closed,
            Instant createdAt,
            int statements,
            int voters) {}

    /**
     * A statement as stored. {@code number} is the conversation's own numbering (Pol.is comment-id); {@code id} the
     * database's.
     */
    public record StatementRow(
            long id,
            int number,
            String text,
            String language,
            Moderation moderation,
            boolean seed,
            int votes,
            Instant createdAt,
            boolean meta) {

        /** A statement of opinion (not meta). */
        public StatementRow(
                long id,
                int number,
                String text,
                String language,
                Moderation moderation,
                boolean seed,
                int votes,
                Instant createdAt) {
            this(id, number, text, language, moderation, seed, votes, createdAt, false);
        }
    }

    /** A conversation in a session's list, its question in the reader's language. */
    public record Listed(ConversationSummary conversation, ShownStatement question) {}
}
