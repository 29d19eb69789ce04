package org.polyphony.messaging;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.PostingAllowance;
import org.polyphony.messaging.MessagingStore.MessageRow;
import org.polyphony.messaging.MessagingStore.ReportRow;
import org.polyphony.messaging.MessagingViews.LogEntry;
import org.polyphony.messaging.MessagingViews.ReportView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moderators' side of messaging. Moderators read a conversation only through an open report by one of its
 * participants, and then only its messages up to the moment of the report; once they dismiss the report or suspend
 * the sender, the messages are out of their sight again. Every decision is logged (who, when, why), without text.
 */
@Service
class MessagingModeration {

    static final int REPORTS_SHOWN = 50;
    static final int MESSAGES_PER_REPORT = 200;

    private final MessagingStore store;
    private final MessagingManagement messaging;
    private final PostingAllowance allowance;

    MessagingModeration(MessagingStore store, MessagingManagement messaging, PostingAllowance allowance) {
        this.store = store;
        this.messaging = messaging;
        this.allowance = allowance;
    }

    List<ReportView> openReports() {
        List<ReportRow> reports = store.openReports(REPORTS_SHOWN);
        Map<Long, List<MessageRow>> messages = new java.util.HashMap<>();
        Set<AccountId> people = new HashSet<>();
        for (ReportRow report : reports) {
            List<MessageRow> rows =
                    store.messagesUpTo(report.conversationId(), report.lastMessageId(), MESSAGES_PER_REPORT);
            messages.put(report.id(), rows);
            rows.forEach(row -> people.add(new AccountId(row.senderId())));
            if (report.reporterId() != null) {
                people.add(new AccountId(report.reporterId()));
            }
            if (report.reportedId() != null) {
                people.add(new AccountId(report.reportedId()));
            }
        }
        Map<AccountId, String> names = messaging.names(people);
        return reports.stream()
                .map(report -> new ReportView(
                        report.id(),
                        nameOf(names, report.reporterId()),
                        nameOf(names, report.reportedId()),
                        report.reportedId() != null && names.containsKey(new AccountId(report.reportedId())),
                        report.reason(),
                        report.note(),
                        report.createdAt(),
                        MessagingManagement.views(messages.get(report.id()), names, -1)))
                .toList();
    }

    private static String nameOf(Map<AccountId, String> names, Long id) {
        return id == null ? null : names.get(new AccountId(id));
    }

    /** Closes a report without action; false when it is not open (already handled by someone else). */
    @Transactional
    boolean dismiss(long report, AccountId moderator, String reason) {
        if (store.openReport(report).isEmpty()) {
            return false;
        }
        store.resolve(report, moderator.value(), "DISMISS", null, null, shorten(reason));
        return true;
    }

    /** Suspends the reported person from writing anything for {@code days}, and closes the report. */
    @Transactional
    boolean suspend(long report, AccountId moderator, int days, String reason) {
        var open = store.openReport(report);
        if (open.isEmpty() || open.get().reportedId() == null) {
            return false;
        }
        int bounded = Math.max(1, Math.min(days, 3650));
        allowance.suspend(new AccountId(open.get().reportedId()), Duration.ofDays(bounded));
        store.resolve(report, moderator.value(), "SUSPEND", open.get().reportedId(), bounded, shorten(reason));
        return true;
    }

    List<LogEntry> log() {
        var rows = store.log(100);
        Set<AccountId> people = new HashSet<>();
        rows.forEach(row -> {
            if (row.moderatorId() != null) {
                people.add(new AccountId(row.moderatorId()));
            }
            if (row.accountId() != null) {
                people.add(new AccountId(row.accountId()));
            }
        });
        Map<AccountId, String> names = messaging.names(people);
        return rows.stream()
                .map(row -> new LogEntry(
                        nameOf(names, row.moderatorId()),
                        row.action(),
                        nameOf(names, row.accountId()),
                        row.days(),
                        row.reason(),
                        row.at()))
                .toList();
    }

    private static String shorten(String reason) {
        String stripped = reason == null ? "" : reason.strip();
        return stripped.codePointCount(0, stripped.length()) > 500
                ? stripped.substring(0, stripped.offsetByCodePoints(0, 500))
                : stripped;
    }
}
