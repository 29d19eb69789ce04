package org.polyphony.accounts;

/** Identifies an account; other modules refer to accounts by this id only. */
public record AccountId(long value) {}
