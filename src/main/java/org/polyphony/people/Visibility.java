package org.polyphony.people;

import java.util.Optional;
import org.polyphony.accounts.AccountId;

/** Who may see one field of a profile. */
public enum Visibility {
    /** Everyone, also people signed out and API clients. */
    PUBLIC,
    /** People signed in. */
    MEMBERS,
    /** Only the profile's owner. */
    ME;

    static Visibility parse(String value, Visibility fallback) {
        if (value == null) {
            return fallback;
        }
        for (Visibility v : values()) {
            if (v.name().equals(value)) {
                return v;
            }
        }
        return fallback;
    }

    /** Whether {@code viewer} (empty: signed out) may see a field of {@code owner}'s profile. */
    boolean shows(AccountId owner, Optional<AccountId> viewer) {
        return switch (this) {
            case PUBLIC -> true;
            case MEMBERS -> viewer.isPresent();
            case ME -> viewer.filter(owner::equals).isPresent();
        };
    }

    public String messageKey() {
        return "people.visibility." + name();
    }
}
