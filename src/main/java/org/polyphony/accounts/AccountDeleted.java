package org.polyphony.accounts;

/** Published when a person deletes their account, so that every module forgets or anonymises what it holds. */
public record AccountDeleted(AccountId account) {}
