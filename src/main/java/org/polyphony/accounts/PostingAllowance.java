package org.polyphony.accounts;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether someone may write now. Suspended accounts may not; new accounts (younger than
 * {@code polyphony.posting.new-account-age}) may write only so often, per minute and per day, which slows down
 * spam without making newcomers wait for anything else. The counters are the database's, shared by all nodes.
 */
@Service
public class PostingAllowance {

    /** The answer, with the message key that explains a refusal. */
    public enum Verdict {
        ALLOWED(null),
        SUSPENDED("posting.suspended"),
        TOO_FAST("posting.tooFast"),
        TOO_MANY_TODAY("posting.tooManyToday");

        private final String messageKey;

        Verdict(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final JdbcClient jdbc;
    private final RateLimiter limiter;
    private final Duration newAccountAge;
    private final int perMinute;
    private final int perDay;

    PostingAllowance(
            JdbcClient jdbc,
            RateLimiter limiter,
            @Value("${polyphony.posting.new-account-age:P7D}") Duration newAccountAge,
            @Value("${polyphony.posting.new-account-per-minute:3}") int perMinute,
            @Value("${polyphony.posting.new-account-per-day:50}") int perDay) {
        this.jdbc = jdbc;
        this.limiter = limiter;
        this.newAccountAge = newAccountAge;
        this.perMinute = perMinute;
        this.perDay = perDay;
    }

    /** Checks, and counts, one piece of writing by {@code account}. */
    public Verdict mayWrite(AccountId account) {
        var state = jdbc.sql("SELECT created_at, suspended_until FROM accounts_account WHERE id = :id")
                .param("id", account.value())
                .query((rs, n) -> new Instant[] {
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("suspended_until") == null
                            ? null
                            : rs.getTimestamp("suspended_until").toInstant()
                })
                .optional();
        if (state.isEmpty()) {
            return Verdict.SUSPENDED;
        }
        Instant now = Instant.now();
        if (state.get()[1] != null && state.get()[1].isAfter(now)) {
            return Verdict.SUSPENDED;
        }
        if (state.get()[0].plus(newAccountAge).isBefore(now)) {
            return Verdict.ALLOWED;
        }
        if (!limiter.tryHit("post-minute:" + account.value(), perMinute, Duration.ofMinutes(1))) {
            return Verdict.TOO_FAST;
        }
        if (!limiter.tryHit("post-day:" + account.value(), perDay, Duration.ofDays(1))) {
            return Verdict.TOO_MANY_TODAY;
        }
        return Verdict.ALLOWED;
    }

    /**
     * Whether {@code account} may write at all, without counting anything: for channels that keep their own
     * limits (the skills pilot's conversations under a candidate number) but must still refuse a suspended
     * account.
     */
    public Verdict mayWriteUncounted(AccountId account) {
        Boolean suspended = jdbc.sql(
                        "SELECT suspended_until IS NOT NULL AND suspended_until > now() FROM accounts_account WHERE id = :id")
                .param("id", account.value())
                .query(Boolean.class)
                .optional()
                .orElse(true);
        return suspended ? Verdict.SUSPENDED : Verdict.ALLOWED;
    }

    /** Stops {@code account} from writing for {@code duration}. */
    @Transactional
    public void suspend(AccountId account, Duration duration) {
        jdbc.sql("UPDATE accounts_account SET suspended_until = now() + make_interval(secs => :seconds) WHERE id = :id")
                .param("seconds", (double) duration.toSeconds())
                .param("id", account.value())
                .update();
    }
}
