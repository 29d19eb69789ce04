package org.polyphony.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.polyphony.accounts.PostingAllowance.Verdict;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class PostingAllowanceTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RateLimiter limiter;

    @Autowired
    AccountRepository accounts;

    @Test
    void newAccountsWriteOnlySoOftenPerMinute() {
        PostingAllowance allowance = new PostingAllowance(jdbc, limiter, Duration.ofDays(7), 2, 50);
        AccountId newcomer = account();

        assertThat(allowance.mayWrite(newcomer)).isEqualTo(Verdict.ALLOWED);
        assertThat(allowance.mayWrite(newcomer)).isEqualTo(Verdict.ALLOWED);
        assertThat(allowance.mayWrite(newcomer)).isEqualTo(Verdict.TOO_FAST);
    }

    @Test
    void newAccountsWriteOnlySoMuchPerDay() {
        PostingAllowance allowance = new PostingAllowance(jdbc, limiter, Duration.ofDays(7), 100, 3);
        AccountId newcomer = account();

        for (int i = 0; i < 3; i++) {
            assertThat(allowance.mayWrite(newcomer)).isEqualTo(Verdict.ALLOWED);
        }
        assertThat(allowance.mayWrite(newcomer)).isEqualTo(Verdict.TOO_MANY_TODAY);
    }

    @Test
    void establishedAccountsAreNotCounted() {
        PostingAllowance allowance = new PostingAllowance(jdbc, limiter, Duration.ofDays(7), 1, 1);
        AccountId veteran = account();
        jdbc.sql("UPDATE accounts_account SET created_at = now() - interval '30 days' WHERE id = :id")
                .param("id", veteran.value())
                .update();

        for (int i = 0; i < 5; i++) {
            assertThat(allowance.mayWrite(veteran)).isEqualTo(Verdict.ALLOWED);
        }
    }

    @Test
    void suspendedAccountsMayNotWriteUntilTheSuspensionEnds() {
        PostingAllowance allowance = new PostingAllowance(jdbc, limiter, Duration.ofDays(7), 100, 100);
        AccountId suspended = account();

        allowance.suspend(suspended, Duration.ofDays(2));
        assertThat(allowance.mayWrite(suspended)).isEqualTo(Verdict.SUSPENDED);

        jdbc.sql("UPDATE accounts_account SET suspended_until = now() - interval '1 second' WHERE id = :id")
                .param("id", suspended.value())
                .update();
        assertThat(allowance.mayWrite(suspended)).isEqualTo(Verdict.ALLOWED);
    }

    private AccountId account() {
        return accounts.insert(
                "Writer " + UUID.randomUUID().toString().substring(0, 8),
                "not a hash",
                null,
                "en",
                EnumSet.of(Role.PARTICIPANT));
    }
}
