package org.polyphony.accounts;

/** Published when a person changes their display name: pages that show it must not keep the old one. */
public record AccountRenamed(AccountId account) {}
