package org.polyphony.translation;

import org.polyphony.accounts.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A deleted account's corrections stay, like its posts, but no longer say whose they were. */
@Component
class ForgetDeletedAccounts {

    private final JdbcClient jdbc;

    ForgetDeletedAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void forget(AccountDeleted deleted) {
        long id = deleted.account().value();
        jdbc.sql("UPDATE translation_review SET reviewer_id = NULL WHERE reviewer_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("UPDATE translation_provider_switch SET changed_by = NULL WHERE changed_by = :id")
                .param("id", id)
                .update();
    }
}
