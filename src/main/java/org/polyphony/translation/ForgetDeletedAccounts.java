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
        // a volunteer's choices, counts, confirmations and flags go with them; their translations stay, unsigned
        for (String table : java.util.List.of(
                "translation_volunteer", "translation_contribution", "translation_confirmation", "translation_flag")) {
            jdbc.sql("DELETE FROM " + table + " WHERE account_id = :id")
                    .param("id", id)
                    .update();
        }
        jdbc.sql("DELETE FROM translation_request WHERE requested_by = :id")
                .param("id", id)
                .update();
        jdbc.sql("UPDATE translation_provider_switch SET changed_by = NULL WHERE changed_by = :id")
                .param("id", id)
                .update();
    }
}
