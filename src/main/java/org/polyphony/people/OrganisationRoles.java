package org.polyphony.people;

import java.util.List;
import java.util.Optional;
import org.polyphony.accounts.AccountId;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask about organisations and the people who act for them: an organisation's name and
 * type, whether someone is one of its active admins, which organisations someone administers, and the display
 * names of its admins (to write to them). Modules that let organisations act (publish opportunities, commit to
 * recommendations) check every action here.
 */
@Service
public class OrganisationRoles {

    /** An organisation as other modules name it. */
    public record Organisation(OrganisationId id, String name, OrganisationType type) {}

    private final Organisations organisations;

    OrganisationRoles(Organisations organisations) {
        this.organisations = organisations;
    }

    public Optional<Organisation> organisation(OrganisationId id) {
        return organisations.row(id.value()).map(OrganisationRoles::of);
    }

    public boolean isAdmin(OrganisationId organisation, AccountId account) {
        return organisations.isAdmin(organisation.value(), Optional.of(account));
    }

    /** The organisations where the person is an active admin, by name. */
    public List<Organisation> administeredBy(AccountId account) {
        return organisations.administeredBy(account).stream().map(OrganisationRoles::of).toList();
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
