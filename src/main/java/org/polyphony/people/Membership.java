package org.polyphony.people;

/** A person's place in an organisation. */
public record Membership(long accountId, String displayName, Role role, Status status, boolean hasProfile) {

    public enum Role {
        ADMIN,
        MEMBER
    }

    public enum Status {
        ACTIVE,
        /** Invited by an admin; waiting for the person. */
        INVITED,
        /** Asked by the person; waiting for an admin. */
        REQUESTED
    }

    public boolean activeAdmin() {
        return status == Status.ACTIVE && role == Role.ADMIN;
    }
}
