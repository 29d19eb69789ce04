package org.polyphony.accounts;

/**
 * What a person may do. Higher roles include the lower ones: an administrator is also an organiser, an organiser
 * also a moderator, and everyone is a participant.
 */
public enum Role {
    PARTICIPANT,
    MODERATOR,
    RAPPORTEUR,
    ORGANISER,
    ADMINISTRATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
