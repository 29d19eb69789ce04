package org.polyphony.people;

import java.util.List;
import java.util.Optional;
import org.polyphony.accounts.AccountDeleted;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.AccountRenamed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The people module's entry point for other modules: profiles as a viewer may see them, and the names of
 * organisations. It forgets a deleted account's profile, photo, memberships and follows.
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

    /** A person's profile as {@code viewer} (empty: someone signed out) may see it. */
    public Optional<ProfileView> profile(AccountId person, Optional<AccountId> viewer) {
        return profiles.view(person, viewer);
    }

    /** The organisations where a person is an active member, by name. */
    public List<String> organisationsOf(AccountId person) {
        return organisations.of(person).stream()
                .filter(m -> m.status() == Membership.Status.ACTIVE)
                .map(OwnMembership::organisationName)
                .toList();
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
