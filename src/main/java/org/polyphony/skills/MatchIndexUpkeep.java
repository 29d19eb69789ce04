package org.polyphony.skills;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-matches everything when the stored matches were computed with other rules (or never, as after the upgrade
 * that brought the index), at start and then every minute: the index is an unlogged table (V47), so after a crash of
 * PostgreSQL it comes back empty with its state row gone, while the nodes may keep running. One node does it, under
 * a lock, and the others find it done.
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
        rematchIfStale();
    }

    /** One small query a minute; a re-match only when the index is not current. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    @Transactional
    public void check() {
        if (!matches.current()) {
            rematchIfStale();
        }
    }

    private void rematchIfStale() {
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
