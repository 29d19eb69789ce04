package org.polyphony.dialogue;

import org.polyphony.accounts.AccountRenamed;
import org.polyphony.forums.AgendaChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Changes outside the dialogue that thread pages show — an author's name, an edition's name or status, a session's
 * title — outdate every shared copy: every node is told to drop them all, once the change has committed.
 */
@Component
class SharedCopiesOutdated {

    static final String ALL = "all";

    private final JdbcClient jdbc;

    SharedCopiesOutdated(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void renamed(AccountRenamed renamed) {
        dropEverywhere();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void agendaChanged(AgendaChanged changed) {
        dropEverywhere();
    }

    private void dropEverywhere() {
        jdbc.sql("SELECT 1 FROM pg_notify(:channel, :payload)")
                .param("channel", LiveThreads.CHANGES)
                .param("payload", ALL)
                .query(Integer.class)
                .single();
    }
}
