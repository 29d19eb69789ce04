package org.polyphony.messaging;

import java.time.Instant;
import java.util.List;

/** What the messaging pages show. A null name stands for a deleted account. */
public final class MessagingViews {

    private MessagingViews() {}

    /** A conversation in the reader's list: the other person, when it last moved, what the reader has not read. */
    public record ConversationRow(long id, String otherName, Instant lastMessageAt, int unread, boolean blocked) {}

    public record MessageView(long id, boolean mine, String senderName, String body, Instant sentAt) {}

    /** A conversation as one of its participants sees it. */
    public record ConversationView(
            long id,
            Long otherId,
            String otherName,
            List<MessageView> messages,
            Long earlierThan,
            boolean youBlocked,
            String replyRefusal) {}

    /** An open report, with the messages moderators may read: the conversation's, up to the report. */
    public record ReportView(
            long id,
            String reporterName,
            String reportedName,
            boolean reportedKnown,
            ReportReason reason,
            String note,
            Instant createdAt,
            List<MessageView> messages) {}

    public record LogEntry(
            String moderatorName, String action, String accountName, Integer days, String reason, Instant at) {}

    /** An account the reader blocked, for the settings page. */
    public record Blocked(long accountId, String name) {}
}
