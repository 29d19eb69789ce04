package org.polyphony.followup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the follow-up keeps about a person, for their data download: what they follow and the updates and reactions they typed. */
@Component
class FollowupPersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;

    FollowupPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "followup";
    }

    @Override
    public Object dataOf(AccountId account) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<Map<String, Object>> follows = jdbc.sql(
                        "SELECT target_kind, target_id FROM followup_follow WHERE account_id = :a ORDER BY 1, 2")
                .param("a", account.value())
                .query()
                .listOfRows();
        List<Map<String, Object>> updates = jdbc.sql(
                        "SELECT id, commitment_id, level, body, created_at::text AS created_at FROM followup_update"
                                + " WHERE author_id = :a ORDER BY id")
                .param("a", account.value())
                .query()
                .listOfRows();
        List<Map<String, Object>> reactions = jdbc.sql(
                        "SELECT id, update_id, stance, body, created_at::text AS created_at FROM followup_reaction"
                                + " WHERE author_id = :a ORDER BY id")
                .param("a", account.value())
                .query()
                .listOfRows();
        if (!follows.isEmpty()) {
            data.put("follows", follows);
        }
        if (!updates.isEmpty()) {
            data.put("updates", updates);
        }
        if (!reactions.isEmpty()) {
            data.put("reactions", reactions);
        }
        return data.isEmpty() ? null : data;
    }
}
