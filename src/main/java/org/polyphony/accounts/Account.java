package org.polyphony.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** An account as stored. The password hash never leaves this module. */
record Account(
        AccountId id,
        String displayName,
        String passwordHash,
        String email,
        String uiLanguage,
        List<String> readLanguages,
        Set<Role> roles,
        Instant createdAt) {}
