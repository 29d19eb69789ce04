package org.polyphony.accounts;

/** A person's profile (name, languages) was written; what was kept of it in memory is outdated. */
record ProfileUpdated(AccountId account) {}
