package org.polyphony.skills;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-matches everything once at start when the stored matches were computed with other rules (or never, as after
 * the upgrade that brought the index): one node does it, under a lock, and the others find it done.
 */
@Component
@Order(0)
class MatchIndexUpkeep implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MatchIndexUpkeep.class);
    private static final long LOCK = 0x736b696c6c734dL; // "skillsM"

    private final MatchIndex matches;
    private final JdbcClient jdbc;

    MatchIndexUpkeep(MatchIndex matches, JdbcClient jdbc) {
        this.matches = matches;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query()
                .listOfRows();
        if (!matches.current()) {
            long started = System.nanoTime();
            int rows = matches.rematchAll();
            log.info(
                    "Re-matched the skills pilot: {} candidacies in {} ms",
                    rows,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
