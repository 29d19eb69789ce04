package org.polyphony.people;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.ActionLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partnerships between organisations: an admin of one asks, with a message; an admin of the other accepts or
 * declines. At most one open or accepted partnership joins two organisations, whichever asked.
 */
@Service
class Partnerships {

    /** Why a request was refused: the field it concerns and the message key. */
    record Refusal(String field, String messageKey, boolean tooMany) {}

    static final int MESSAGE_LENGTH = 1000;

    private final JdbcClient jdbc;
    private final ActionLimits limits;
    private final int perDay;

    private final org.springframework.context.ApplicationEventPublisher events;

    Partnerships(
            JdbcClient jdbc,
            ActionLimits limits,
            @Value("${polyphony.people.partnership-requests-per-day:10}") int perDay,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.limits = limits;
        this.perDay = perDay;
    }

    /** Asks for a partnership; the caller checked that {@code by} is an admin of {@code from}. */
    @Transactional
    Optional<Refusal> request(long from, long to, String message, AccountId by) {
        String text = message == null ? "" : message.strip();
        if (from == to) {
            return Optional.of(new Refusal("from", "organisation.partnership.self", false));
        }
        if (text.isEmpty()) {
            return Optional.of(new Refusal("message", "organisation.partnership.messageRequired", false));
        }
        if (text.length() > MESSAGE_LENGTH) {
            return Optional.of(new Refusal("message", "organisation.partnership.messageLength", false));
        }
        if (between(from, to).isPresent()) {
            return Optional.of(new Refusal("from", "organisation.partnership.duplicate", false));
        }
        // counted per sending organisation, so that several admins cannot multiply the allowance
        if (!limits.by("people-partnership", Long.toString(from), perDay, Duration.ofDays(1))
                || !limits.by("people-partnership-account", Long.toString(by.value()), perDay, Duration.ofDays(1))) {
            return Optional.of(new Refusal("message", "organisation.partnership.tooMany", true));
        }
        try {
            long id = jdbc.sql(
                            """
                            INSERT INTO people_partnership (from_id, to_id, message, status)
                            VALUES (:f, :t, :m, 'PENDING') RETURNING id
                            """)
                    .param("f", from)
                    .param("t", to)
                    .param("m", text)
                    .query(Long.class)
                    .single();
            find(id).ifPresent(asked -> announce(asked, PartnershipChanged.Change.ASKED, by));
        } catch (DuplicateKeyException raced) {
            org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus()
                    .setRollbackOnly();
            return Optional.of(new Refusal("from", "organisation.partnership.duplicate", false));
        }
        return Optional.empty();
    }

    /** The open or accepted partnership between two organisations, if any. */
    Optional<Partnership> between(long a, long b) {
        return jdbc.sql(
                        SELECT
                                + """
                         WHERE p.status <> 'DECLINED'
                           AND ((p.from_id = :a AND p.to_id = :b) OR (p.from_id = :b AND p.to_id = :a))
                        """)
                .param("a", a)
                .param("b", b)
                .query(Partnerships::row)
                .optional();
    }

    Optional<Partnership> find(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = :id")
                .param("id", id)
                .query(Partnerships::row)
                .optional();
    }

    /** The receiving organisation's admin (or a site administrator) decides on a pending request. */
    @Transactional
    void decide(long id, boolean accept, AccountId by) {
        int decided = jdbc.sql(
                        """
                        UPDATE people_partnership SET status = :s, decided_at = now()
                        WHERE id = :id AND status = 'PENDING'
                        """)
                .param("s", accept ? "ACCEPTED" : "DECLINED")
                .param("id", id)
                .update();
        if (decided == 1) {
            find(id).ifPresent(partnership -> announce(
                    partnership, accept ? PartnershipChanged.Change.ACCEPTED : PartnershipChanged.Change.DECLINED, by));
        }
    }

    /** Pending requests asked before {@code before}, oldest first: what site administrators look after. */
    List<Partnership> pendingSince(java.time.Instant before) {
        return jdbc.sql(SELECT + " WHERE p.status = 'PENDING' AND p.created_at < :before ORDER BY p.created_at, p.id")
                .param("before", java.sql.Timestamp.from(before))
                .query(Partnerships::row)
                .list();
    }

    private void announce(Partnership partnership, PartnershipChanged.Change change, AccountId by) {
        events.publishEvent(new PartnershipChanged(
                partnership.id(),
                change,
                partnership.fromId(),
                partnership.fromName(),
                partnership.toId(),
                partnership.toName(),
                activeAdmins(partnership.fromId()),
                activeAdmins(partnership.toId()),
                by));
    }

    private List<AccountId> activeAdmins(long organisation) {
        return jdbc
                .sql(
                        """
                        SELECT account_id FROM people_membership
                         WHERE organisation_id = :o AND role = 'ADMIN' AND status = 'ACTIVE'
                        """)
                .param("o", organisation)
                .query(Long.class)
                .list()
                .stream()
                .map(AccountId::new)
                .toList();
    }

    /** Either organisation ends an accepted partnership, or the asker withdraws a pending one. */
    @Transactional
    void end(long id) {
        jdbc.sql("DELETE FROM people_partnership WHERE id = :id")
                .param("id", id)
                .update();
    }

    /** Accepted partnerships of an organisation, for its page. */
    List<Partnership> accepted(long organisation) {
        return jdbc.sql(
                        SELECT
                                + """
                         WHERE p.status = 'ACCEPTED' AND (p.from_id = :o OR p.to_id = :o)
                         ORDER BY p.decided_at DESC, p.id DESC
                        """)
                .param("o", organisation)
                .query(Partnerships::row)
                .list();
    }

    /** Pending requests sent or received by an organisation, for its admins. */
    List<Partnership> pending(long organisation) {
        return jdbc.sql(
                        SELECT
                                + """
                         WHERE p.status = 'PENDING' AND (p.from_id = :o OR p.to_id = :o)
                         ORDER BY p.created_at DESC, p.id DESC
                        """)
                .param("o", organisation)
                .query(Partnerships::row)
                .list();
    }

    private static final String SELECT =
            """
            SELECT p.*, f.name AS from_name, t.name AS to_name FROM people_partnership p
              JOIN people_organisation f ON f.id = p.from_id
              JOIN people_organisation t ON t.id = p.to_id
            """;

    private static Partnership row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Partnership(
                rs.getLong("id"),
                rs.getLong("from_id"),
                rs.getString("from_name"),
                rs.getLong("to_id"),
                rs.getString("to_name"),
                rs.getString("message"),
                Partnership.Status.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant());
    }
}
