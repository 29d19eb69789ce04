package org.polyphony.accounts;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fixed-window counters kept in PostgreSQL, so that every application node sees the same counts. One statement
 * counts a hit and returns the count, so concurrent requests cannot both slip under the limit.
 */
@Component
class RateLimiter {

    private final JdbcClient jdbc;
    private final TransactionTemplate unsynced;

    RateLimiter(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.unsynced = new TransactionTemplate(transactions);
    }

    /** Counts one hit on {@code key} and tells whether it is within {@code limit} hits per {@code window}. */
    boolean tryHit(String key, int limit, Duration window) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return hit(key, window) <= limit;
        }
        // on its own, the count is committed without waiting for the disk: a crash may forget the last hits of a
        // window, which only lets a few more through, and every request counted no longer pays a flush of the log
        Integer hits = unsynced.execute(status -> {
            jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
            return hit(key, window);
        });
        return hits != null && hits <= limit;
    }

    private int hit(String key, Duration window) {
        return jdbc.sql(
                        """
                        INSERT INTO accounts_rate_limit AS r (bucket_key, window_start, hits)
                        VALUES (:key, now(), 1)
                        ON CONFLICT (bucket_key) DO UPDATE SET
                          hits = CASE WHEN r.window_start < now() - make_interval(secs => :seconds) THEN 1
                                      ELSE r.hits + 1 END,
                          window_start = CASE WHEN r.window_start < now() - make_interval(secs => :seconds) THEN now()
                                              ELSE r.window_start END
                        RETURNING hits
                        """)
                .param("key", key)
                .param("seconds", (double) window.toSeconds())
                .query(Integer.class)
                .single();
    }

    /** Forgets windows that ended long ago, so hashed keys are not kept beyond their use. */
    @Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT1M")
    void purge() {
        jdbc.sql("DELETE FROM accounts_rate_limit WHERE window_start < now() - interval '1 day'")
                .update();
    }
}
