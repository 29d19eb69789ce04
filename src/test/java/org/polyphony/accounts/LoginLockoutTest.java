package org.polyphony.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Guessing an account's password from elsewhere is stopped, but cannot lock its owner out: a browser where the owner
 * signed in before keeps its own allowance (OWASP device cookies). Every visitor in the test comes from 127.0.0.1,
 * so the attacker even shares the owner's address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginLockoutTest {

    static final String PASSWORD = "the owner knows this one";

    @LocalServerPort
    int port;

    @Test
    void theOwnerSignsInFromAKnownBrowserDuringAnAttackOnTheirName() {
        String owner = "Moderator " + UUID.randomUUID().toString().substring(0, 8);
        HttpVisitor.signedUp(port, owner, PASSWORD);
        HttpVisitor ownersPhone = signIn(owner, PASSWORD);
        assertThat(ownersPhone.cookies()).extracting(c -> c.getName()).contains(DeviceCookies.COOKIE);
        ownersPhone.get("/account");
        ownersPhone.post("/logout");

        HttpVisitor attacker = new HttpVisitor(port);
        attacker.get("/login");
        int lastStatus = 0;
        for (int attempt = 0; attempt < 15; attempt++) {
            lastStatus = attacker.post("/login", "name", owner, "password", "guess " + attempt)
                    .status();
        }
        assertThat(lastStatus).as("the guesser is stopped").isEqualTo(429);
        HttpVisitor freshBrowser = new HttpVisitor(port);
        freshBrowser.get("/login");
        assertThat(freshBrowser
                        .post("/login", "name", owner, "password", "one more guess")
                        .status())
                .as("a new browser at the guesser's address is stopped too")
                .isEqualTo(429);

        ownersPhone.get("/login");
        var signedIn = ownersPhone.post("/login", "name", owner, "password", PASSWORD);

        assertThat(signedIn.redirect()).as("the owner is not locked out").isEqualTo("/");
        assertThat(ownersPhone.get("/account").status()).isEqualTo(200);
    }

    @Test
    void aDeviceCookieOfOneAccountGivesNoAllowanceForAnother() {
        String target = "Organiser " + UUID.randomUUID().toString().substring(0, 8);
        HttpVisitor.signedUp(port, target, PASSWORD);
        String attackerName = "Guesser " + UUID.randomUUID().toString().substring(0, 8);
        HttpVisitor.signedUp(port, attackerName, PASSWORD);
        HttpVisitor attacker = signIn(attackerName, PASSWORD);
        attacker.post("/logout");

        attacker.get("/login");
        int lastStatus = 0;
        for (int attempt = 0; attempt < 12; attempt++) {
            lastStatus = attacker.post("/login", "name", target, "password", "guess " + attempt)
                    .status();
        }

        assertThat(lastStatus).isEqualTo(429);
    }

    private HttpVisitor signIn(String name, String password) {
        HttpVisitor visitor = new HttpVisitor(port);
        visitor.get("/login");
        var response = visitor.post("/login", "name", name, "password", password);
        assertThat(response.redirect()).isEqualTo("/");
        return visitor;
    }
}
