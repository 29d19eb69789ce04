package org.polyphony.people;

import java.util.Collection;
import java.util.List;
import org.polyphony.accounts.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What other modules may ask about organisations: the list to choose from, and whether someone is an active member
 * of one of some organisations (a consultation open to chosen organisations, say).
 */
@Component
public class OrganisationMembers {

    private final JdbcClient jdbc;

    OrganisationMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every organisation by name, for a select box. */
    public List<OrganisationChoice> choices() {
        return jdbc.sql("SELECT id, name FROM people_organisation ORDER BY lower(name), id LIMIT 2000")
                .query((rs, n) -> new OrganisationChoice(rs.getLong(1), rs.getString(2)))
                .list();
    }

    public boolean isActiveMemberOfAny(AccountId account, Collection<Long> organisations) {
        if (organisations.isEmpty()) {
            return false;
        }
        return jdbc.sql(
                                """
                                SELECT count(*) FROM people_membership
                                WHERE account_id = :a AND status = 'ACTIVE' AND organisation_id = ANY(:o)
                                """)
                        .param("a", account.value())
                        .param("o", organisations.toArray(Long[]::new))
                        .query(Long.class)
                        .single()
                > 0;
    }
}
