package org.polyphony.skills;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.polyphony.accounts.AccountId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Reports of abusive recruitment (fees asked, documents withheld, a contract replaced on arrival) and their
 * moderation. Moderators see the report, never who made it. When an organisation's opportunities have drawn
 * confirmed reports from enough different people (setting {@code polyphony.skills.reports-to-suspend}, default
 * 2), all its opportunities are suspended until a moderator lifts it.
 */
@Repository
public class RecruitmentReports {

    static final Set<String> REASONS = Set.of("FEES", "DOCUMENTS", "CONTRACT_SUBSTITUTION", "OTHER");
    static final int NOTE_LENGTH = 1000;

    public record Report(
            long id,
            long opportunity,
            String opportunityTitle,
            long organisation,
            String reason,
            String note,
            Instant at) {}

    private final JdbcClient jdbc;
    private final int toSuspend;

    RecruitmentReports(JdbcClient jdbc, @Value("${polyphony.skills.reports-to-suspend:2}") int toSuspend) {
        this.jdbc = jdbc;
        this.toSuspend = toSuspend;
    }

    /** Records a report; false, with the reason, when refused (unknown reason, too long, reported before). */
    boolean report(long opportunity, AccountId reporter, String reason, String note, Errors errors) {
        if (!REASONS.contains(reason)) {
            errors.rejectValue("reason", "skills.report.reason.required");
        }
        if (note.length() > NOTE_LENGTH) {
            errors.rejectValue("note", "skills.report.note.length");
        }
        if (errors.hasErrors()) {
            return false;
        }
        try {
            jdbc.sql(
                            """
                            INSERT INTO skills_report (opportunity_id, reporter, reason, note)
                            VALUES (:o, :r, :reason, :note)
                            """)
                    .param("o", opportunity)
                    .param("r", reporter.value())
                    .param("reason", reason)
                    .param("note", note)
                    .update();
            return true;
        } catch (DuplicateKeyException again) {
            errors.rejectValue("reason", "skills.report.already");
            return false;
        }
    }

    List<Report> open() {
        return jdbc.sql(
                        """
                        SELECT r.id, r.opportunity_id, o.title, o.organisation_id, r.reason, r.note, r.created_at
                          FROM skills_report r JOIN skills_opportunity o ON o.id = r.opportunity_id
                         WHERE r.status = 'OPEN' ORDER BY r.created_at
                        """)
                .query((rs, n) -> new Report(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    /**
     * Confirms or dismisses an open report; a confirmation may suspend the organisation. Empty when there is no
     * such open report; otherwise whether the organisation is now suspended.
     */
    @Transactional
    Optional<Boolean> decide(long report, boolean confirmed, AccountId moderator) {
        Optional<Long> organisation = jdbc.sql(
                        """
                        UPDATE skills_report r SET status = :status, decided_by = :m, decided_at = now()
                          FROM skills_opportunity o
                         WHERE r.id = :id AND r.status = 'OPEN' AND o.id = r.opportunity_id
                        RETURNING o.organisation_id
                        """)
                .param("status", confirmed ? "CONFIRMED" : "DISMISSED")
                .param("m", moderator.value())
                .param("id", report)
                .query(Long.class)
                .optional();
        if (organisation.isEmpty()) {
            return Optional.empty();
        }
        if (!confirmed) {
            return Optional.of(false);
        }
        // two moderators confirming two reports at once must not each count one reporter
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock, :org)")
                .param("lock", 0x736b696c)
                .param("org", organisation.get().intValue())
                .query()
                .listOfRows();
        // a reporter who deleted their account still counts, as one person of their own
        long reporters = jdbc.sql(
                        """
                        SELECT count(DISTINCT coalesce(r.reporter, -r.id)) FROM skills_report r
                          JOIN skills_opportunity o ON o.id = r.opportunity_id
                         WHERE o.organisation_id = :org AND r.status = 'CONFIRMED'
                        """)
                .param("org", organisation.get())
                .query(Long.class)
                .single();
        if (reporters < toSuspend) {
            return Optional.of(false);
        }
        jdbc.sql("INSERT INTO skills_suspension (organisation_id) VALUES (:org) ON CONFLICT DO NOTHING")
                .param("org", organisation.get())
                .update();
        return Optional.of(true);
    }

    void lift(long organisation) {
        jdbc.sql("DELETE FROM skills_suspension WHERE organisation_id = :org")
                .param("org", organisation)
                .update();
    }

    List<Long> suspended() {
        return jdbc.sql("SELECT organisation_id FROM skills_suspension ORDER BY suspended_at")
                .query(Long.class)
                .list();
    }

    /** The reasons and notes this person reported, for their own data download. */
    List<java.util.Map<String, Object>> by(AccountId account) {
        return jdbc.sql(
                        "SELECT opportunity_id, reason, note, status FROM skills_report WHERE reporter = :a ORDER BY id")
                .param("a", account.value())
                .query((rs, n) -> java.util.Map.<String, Object>of(
                        "opportunity", rs.getLong(1),
                        "reason", rs.getString(2),
                        "note", rs.getString(3),
                        "status", rs.getString(4)))
                .list();
    }

    void forget(AccountId account) {
        jdbc.sql("UPDATE skills_opportunity SET created_by = NULL WHERE created_by = :a")
                .param("a", account.value())
                .update();
        jdbc.sql("UPDATE skills_report SET reporter = NULL WHERE reporter = :a")
                .param("a", account.value())
                .update();
        jdbc.sql("UPDATE skills_report SET decided_by = NULL WHERE decided_by = :a")
                .param("a", account.value())
                .update();
    }
}
