package org.polyphony.accounts;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The highest role of each of a set of accounts, for statistics that count people by role in groups. */
@Service
public class AccountRoles {

    private final JdbcClient jdbc;

    AccountRoles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, Role> highest(Collection<Long> accountIds) {
        Map<Long, Role> roles = new HashMap<>();
        if (accountIds.isEmpty()) return roles;
        jdbc.sql("SELECT id, roles FROM accounts_account WHERE id IN (:ids)")
                .param("ids", accountIds)
                .query((rs, n) -> {
                    Role highest = Role.PARTICIPANT;
                    for (String name : (String[]) rs.getArray("roles").getArray()) {
                        for (Role role : Role.values()) {
                            if (role.name().equals(name) && role.compareTo(highest) > 0) highest = role;
                        }
                    }
                    roles.put(rs.getLong("id"), highest);
                    return highest;
                })
                .list();
        return roles;
    }
}
