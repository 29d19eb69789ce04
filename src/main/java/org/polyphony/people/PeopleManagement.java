package org.polyphony.people;

import org.polyphony.accounts.AccountDeleted;
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
