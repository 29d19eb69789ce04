package org.polyphony.skills;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.PostingAllowance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Reports of a conversation under a candidate number, by either side, and their moderation, as messaging does it
 * for named conversations: moderators read the conversation only through an open report, and only up to the
 * moment of the report. The worker stays "Candidate C-…" to the moderators too; the organisation's messages name
 * the admin who wrote them, since that is whom a suspension stops. Suspending stops the reported side from writing
 * anywhere on the platform (the posting allowance) and, for an organisation reported by the worker, ends the
 * conversation.
 */
@Repository
public class ConversationReports {

    static final List<String> REASONS = List.of("FEES", "DOCUMENTS", "HARASSMENT", "OTHER");
    static final Duration SUSPENSION = Duration.ofDays(30);

    /** One line of a reported conversation as moderators read it; {@code author} is null for the worker. */
    public record Line(boolean fromWorker, String author, String body, Instant at) {}

    public record Report(
            long id,
            long opportunity,
            String opportunityTitle,
            String number,
            boolean byWorker,
            String reason,
            String note,
            Instant at,
            List<Line> lines) {}

    private final JdbcClient jdbc;
    private final AccountDirectory accounts;
    private final PostingAllowance allowance;

    ConversationReports(JdbcClient jdbc, AccountDirectory accounts, PostingAllowance allowance) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.allowance = allowance;
    }

    /**
     * Records a report of a conversation by one of its sides; false, with the reason on a field, when refused
     * (unknown reason, note too long, nothing written yet, reported before and still open).
     */
    boolean report(
            Conversations.Conversation conversation,
            boolean byWorker,
            AccountId reporter,
            String reason,
            String note,
            Errors errors) {
        if (!REASONS.contains(reason)) {
            errors.rejectValue("reason", "skills.report.reason.required");
        }
        if (note.length() > RecruitmentReports.NOTE_LENGTH) {
            errors.rejectValue("note", "skills.report.note.length");
        }
        Optional<Long> last = jdbc.sql("SELECT max(id) FROM skills_conversation_message WHERE conversation_id = :c")
                .param("c", conversation.id())
                .query(Long.class)
                .optional();
        if (last.isEmpty() && !errors.hasErrors()) {
            errors.rejectValue("reason", "skills.conversationReport.empty");
        }
        if (errors.hasErrors()) {
            return false;
        }
        try {
            jdbc.sql(
                            """
                            INSERT INTO skills_conversation_report
                                (conversation_id, by_worker, reporter, last_message_id, reason, note)
                            VALUES (:c, :w, :r, :last, :reason, :note)
                            """)
                    .param("c", conversation.id())
                    .param("w", byWorker)
                    .param("r", reporter.value())
                    .param("last", last.get())
                    .param("reason", reason)
                    .param("note", note)
                    .update();
            return true;
        } catch (DuplicateKeyException again) {
            errors.rejectValue("reason", "skills.conversationReport.already");
            return false;
        }
    }

    /** The open reports, oldest first, each with its conversation up to the report. */
    List<Report> open() {
        record Row(
                long id,
                long conversation,
                long opportunity,
                String title,
                String number,
                boolean byWorker,
                String reason,
                String note,
                Instant at,
                long last) {}
        List<Row> rows = jdbc.sql(
                        """
                        SELECT r.id, c.id, c.opportunity_id, o.title, c.number, r.by_worker, r.reason, r.note,
                               r.created_at, r.last_message_id
                          FROM skills_conversation_report r
                          JOIN skills_conversation c ON c.id = r.conversation_id
                          JOIN skills_opportunity o ON o.id = c.opportunity_id
                         WHERE r.status = 'OPEN' ORDER BY r.created_at LIMIT 50
                        """)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getTimestamp(9).toInstant(),
                        rs.getLong(10)))
                .list();
        record Written(boolean fromWorker, Long author, String body, Instant at) {}
        Map<Long, List<Written>> written = new java.util.HashMap<>();
        Set<AccountId> authors = new HashSet<>();
        for (Row row : rows) {
            List<Written> lines = jdbc.sql(
                            """
                            SELECT from_worker, author, body, created_at FROM skills_conversation_message
                             WHERE conversation_id = :c AND id <= :last ORDER BY id LIMIT 200
                            """)
                    .param("c", row.conversation())
                    .param("last", row.last())
                    .query((rs, n) -> new Written(
                            rs.getBoolean(1),
                            (Long) rs.getObject(2),
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant()))
                    .list();
            lines.stream().filter(w -> w.author() != null).forEach(w -> authors.add(new AccountId(w.author())));
            written.put(row.id(), lines);
        }
        Map<AccountId, String> names = accounts.displayNames(List.copyOf(authors));
        return rows.stream()
                .map(row -> new Report(
                        row.id(),
                        row.opportunity(),
                        row.title(),
                        row.number(),
                        row.byWorker(),
                        row.reason(),
                        row.note(),
                        row.at(),
                        written.get(row.id()).stream()
                                .map(w -> new Line(
                                        w.fromWorker(),
                                        w.author() == null ? null : names.getOrDefault(new AccountId(w.author()), ""),
                                        w.body(),
                                        w.at()))
                                .toList()))
                .toList();
    }

    /**
     * Dismisses an open report, or suspends the side it reports: the worker's account, or the organisation's
     * admins who wrote in the conversation up to the report (whose conversation is then ended). Empty when there
     * is no such open report (decided by someone else meanwhile).
     */
    @Transactional
    Optional<Boolean> decide(long report, boolean suspend, AccountId moderator) {
        record Open(long conversation, long profile, boolean byWorker, long last) {}
        Optional<Open> open = jdbc.sql(
                        """
                        UPDATE skills_conversation_report r SET status = :status, decided_by = :m, decided_at = now()
                          FROM skills_conversation c
                         WHERE r.id = :id AND r.status = 'OPEN' AND c.id = r.conversation_id
                        RETURNING c.id, c.profile_id, r.by_worker, r.last_message_id
                        """)
                .param("status", suspend ? "SUSPENDED" : "DISMISSED")
                .param("m", moderator.value())
                .param("id", report)
                .query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getLong(4)))
                .optional();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        if (suspend) {
            List<Long> reported = open.get().byWorker()
                    ? jdbc.sql(
                                    """
                                    SELECT DISTINCT author FROM skills_conversation_message
                                     WHERE conversation_id = :c AND id <= :last AND author IS NOT NULL
                                    """)
                            .param("c", open.get().conversation())
                            .param("last", open.get().last())
                            .query(Long.class)
                            .list()
                    : jdbc.sql("SELECT account_id FROM skills_profile WHERE id = :p")
                            .param("p", open.get().profile())
                            .query(Long.class)
                            .list();
            reported.forEach(account -> allowance.suspend(new AccountId(account), SUSPENSION));
            if (open.get().byWorker()) {
                jdbc.sql("UPDATE skills_conversation SET closed = true WHERE id = :c")
                        .param("c", open.get().conversation())
                        .update();
            }
        }
        return Optional.of(suspend);
    }
}
