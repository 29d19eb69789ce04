package org.polyphony.accounts;

import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first administrator from {@code polyphony.admin.name} and {@code polyphony.admin.password} (for
 * example the environment variables POLYPHONY_ADMIN_NAME and POLYPHONY_ADMIN_PASSWORD). There is no default
 * password: without both settings no administrator is created. An existing account of that name is given the
 * administrator role only when the configured password is its password.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final String name;
    private final String password;

    FirstAdministrator(
            AccountRepository accounts,
            PasswordEncoder passwords,
            @Value("${polyphony.admin.name:}") String name,
            @Value("${polyphony.admin.password:}") String password) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.name = DisplayNames.clean(name);
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // several nodes may start at once on an empty database
        accounts.lockForStartupTasks();
        if (name.isEmpty()) {
            if (!accounts.anyWithRole(Role.ADMINISTRATOR)) {
                log.info("No administrator yet: set POLYPHONY_ADMIN_NAME and POLYPHONY_ADMIN_PASSWORD and restart"
                        + " to create one (see README)");
            }
            return;
        }
        var existing = accounts.findByName(name);
        if (existing.isPresent()) {
            if (!passwords.matches(password, existing.get().passwordHash())) {
                // someone else may have signed up with this name: never hand them the keys
                throw new IllegalStateException("An account named in polyphony.admin.name exists, but"
                        + " polyphony.admin.password is not its password; no role was given");
            }
            var roles = EnumSet.copyOf(existing.get().roles());
            if (roles.add(Role.ADMINISTRATOR)) {
                accounts.updateRoles(existing.get().id(), roles);
                log.info("Gave the administrator role to the existing account named in polyphony.admin.name");
            }
            return;
        }
        if (!DisplayNames.isWellFormed(name)) {
            throw new IllegalStateException("polyphony.admin.name is not a valid display name (2 to 40 letters,"
                    + " digits, spaces, dots, hyphens)");
        }
        if (password.length() < 10) {
            throw new IllegalStateException(
                    "polyphony.admin.password must be set, with at least 10 characters, to create the administrator");
        }
        accounts.insert(name, passwords.encode(password), null, null, EnumSet.allOf(Role.class));
        log.info("Created the first administrator account from configuration");
    }
}
