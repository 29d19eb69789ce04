package org.polyphony.people;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.polyphony.accounts.AccountDeleted;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.AccountRenamed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Keeps the people module in step with accounts: forgets a deleted account's profile, photo, memberships and
 * follows, and takes up a new display name.
 */
@Service
public class PeopleManagement {

    private final Profiles profiles;
    private final Organisations organisations;
    private final Follows follows;

    PeopleManagement(Profiles profiles, Organisations organisations, Follows follows) {
        this.profiles = profiles;
        this.organisations = organisations;
        this.follows = follows;
    }

    /** Whether the account is an active admin of the organisation: who may speak for it elsewhere. */
    public boolean isAdmin(OrganisationId organisation, AccountId account) {
        return organisations.isAdmin(organisation.value(), Optional.ofNullable(account));
    }

    /** The organisations the account is an active admin of, by name. */
    public List<OrganisationChoice> administeredBy(AccountId account) {
        return organisations.administeredBy(account).stream()
                .map(row -> new OrganisationChoice(row.id(), row.name()))
                .toList();
    }

    /** The names of these organisations; ids of none are left out. */
    public Map<Long, String> organisationNames(Collection<Long> ids) {
        return ids.stream()
                .distinct()
                .flatMap(id -> organisations.row(id).stream())
                .collect(Collectors.toMap(row -> row.id(), row -> row.name()));
    }

    /** The organisation of this name, compared ignoring case. */
    public Optional<OrganisationChoice> organisationNamed(String name) {
        return organisations.named(name).map(row -> new OrganisationChoice(row.id(), row.name()));
    }

    @EventListener
    void on(AccountDeleted deleted) {
        profiles.forget(deleted.account());
        organisations.forget(deleted.account());
        follows.forget(deleted.account());
    }

    @EventListener
    void on(AccountRenamed renamed) {
        profiles.renamed(renamed.account());
    }
}
