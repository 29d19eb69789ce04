package org.polyphony.people;

public record OrganisationId(@com.fasterxml.jackson.annotation.JsonValue long value) {}
