package org.polyphony.people;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.polyphony.accounts.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask about organisations and the people who act for them: an organisation's name and
 * type, the list to choose from, whether someone is one of its active admins or an active member of some of them,
 * which organisations someone administers, and the display names of its admins (to write to them). Modules that
 * let organisations act (publish opportunities, open a consultation to chosen organisations) check it here.
 */
@Service
public class OrganisationRoles {

    /** An organisation as other modules name it. */
    public record Organisation(OrganisationId id, String name, OrganisationType type) {}

    private final Organisations organisations;
    private final JdbcClient jdbc;

    OrganisationRoles(Organisations organisations, JdbcClient jdbc) {
        this.organisations = organisations;
        this.jdbc = jdbc;
    }

    /** Every organisation by name, for a select box. */
    public List<OrganisationChoice> choices() {
        return jdbc.sql("SELECT id, name FROM people_organisation ORDER BY lower(name), id LIMIT 2000")
                .query((rs, n) -> new OrganisationChoice(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /** Whether the person is an active member (or admin) of at least one of these organisations. */
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

    public Optional<Organisation> organisation(OrganisationId id) {
        return organisations.row(id.value()).map(OrganisationRoles::of);
    }

    public boolean isAdmin(OrganisationId organisation, AccountId account) {
        return organisations.isAdmin(organisation.value(), Optional.of(account));
    }

    /** The organisations where the person is an active admin, by name. */
    public List<Organisation> administeredBy(AccountId account) {
        return organisations.administeredBy(account).stream()
                .map(OrganisationRoles::of)
                .toList();
    }

    /** The display names of an organisation's active admins, by name. */
    public List<String> adminNames(OrganisationId organisation) {
        return organisations.members(organisation.value()).stream()
                .filter(Membership::activeAdmin)
                .map(Membership::displayName)
                .toList();
    }

    private static Organisation of(Organisations.OrganisationRow row) {
        return new Organisation(new OrganisationId(row.id()), row.name(), row.type());
    }
}
