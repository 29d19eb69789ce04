package org.polyphony.people;

/** An organisation offered in a select box. */
public record OrganisationChoice(long id, String name) {}
