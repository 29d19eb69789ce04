package org.polyphony.people;

/** One of a person's memberships, requests or invitations, with the organisation's name, for their own page. */
public record OwnMembership(
        long organisationId, String organisationName, Membership.Role role, Membership.Status status) {}
