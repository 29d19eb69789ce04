package org.polyphony.accounts;

import java.util.EnumSet;

/** One account as the administrators' list shows it: no e-mail address, nothing beyond name and roles. */
public record AdminAccountRow(long id, String displayName, EnumSet<Role> roles) {

    static AdminAccountRow of(Account account) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(account.roles());
        return new AdminAccountRow(account.id().value(), account.displayName(), roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
