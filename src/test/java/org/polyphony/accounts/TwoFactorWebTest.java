package org.polyphony.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two-factor sign-in as a person meets it without JavaScript: set up from a QR code (or the key typed by hand),
 * confirmed and then used with real codes computed here from the key the page showed, recovery codes that work once,
 * a limited number of tries, and the administrators' requirement for staff.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwoFactorWebTest {

    static final String PASSWORD = "two factors are better";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void setUpFromTheQrCodeThenSignInWithACodeOrARecoveryCode() {
        String name = unique("Nadia");
        HttpVisitor owner = HttpVisitor.signedUp(port, name, PASSWORD);
        byte[] secret = secretShownOn(owner.get(TwoFactorController.PATH).document());

        var enabled = owner.post(TwoFactorController.PATH, "code", Totp.code(secret, Instant.now()));
        assertThat(enabled.status()).isEqualTo(200);
        List<String> recoveryCodes =
                enabled.document().select(".recovery-codes code").eachText();
        assertThat(recoveryCodes).hasSize(TwoFactor.RECOVERY_CODES).doesNotHaveDuplicates();

        HttpVisitor phone = passwordStep(name);
        assertThat(phone.get("/account").redirect())
                .as("the password alone signs no one in")
                .endsWith("/login");
        phone.get(SecondStepController.PATH);
        assertThat(phone.post(SecondStepController.PATH, "code", "000000").status())
                .isEqualTo(422);
        // the code of the next step: the current one was used up by the set-up, and each code works once
        String next = Totp.code(secret, Totp.step(Instant.now()) + 1, Totp.DIGITS);
        assertThat(phone.post(SecondStepController.PATH, "code", next).redirect())
                .isEqualTo("/");
        assertThat(phone.get("/account").status()).isEqualTo(200);

        HttpVisitor lostPhone = passwordStep(name);
        lostPhone.get(SecondStepController.PATH);
        assertThat(lostPhone
                        .post(SecondStepController.PATH, "code", recoveryCodes.get(3))
                        .redirect())
                .isEqualTo("/");
        HttpVisitor again = passwordStep(name);
        again.get(SecondStepController.PATH);
        assertThat(again.post(SecondStepController.PATH, "code", recoveryCodes.get(3))
                        .status())
                .as("a recovery code works once")
                .isEqualTo(422);
        Long stored = jdbc.sql(
                        "SELECT count(*) FROM accounts_recovery_code r JOIN accounts_account a ON a.id = r.account_id"
                                + " WHERE a.display_name = :name AND r.code_hash = :code")
                .param("name", name)
                .param("code", recoveryCodes.get(3))
                .query(Long.class)
                .single();
        assertThat(stored).as("recovery codes are kept only as hashes").isZero();
    }

    @Test
    void theSecondStepAllowsFewTries() {
        String name = unique("Omar");
        HttpVisitor owner = HttpVisitor.signedUp(port, name, PASSWORD);
        byte[] secret = secretShownOn(owner.get(TwoFactorController.PATH).document());
        owner.post(TwoFactorController.PATH, "code", Totp.code(secret, Instant.now()));

        HttpVisitor guesser = passwordStep(name);
        guesser.get(SecondStepController.PATH);
        int last = 0;
        for (int attempt = 0; attempt < 6; attempt++) {
            last = guesser.post(SecondStepController.PATH, "code", String.format("%06d", attempt))
                    .status();
        }

        assertThat(last).isEqualTo(429);
        String right = Totp.code(secret, Totp.step(Instant.now()) + 1, Totp.DIGITS);
        assertThat(guesser.post(SecondStepController.PATH, "code", right).status())
                .as("even the right code waits")
                .isEqualTo(429);
    }

    @Test
    void administratorsCanRequireItOfStaff() {
        HttpVisitor admin = HttpVisitor.signedInWithRole(port, jdbc, unique("Admin"), PASSWORD, "ADMINISTRATOR");
        admin.get(TwoFactorPolicyController.PATH);
        try {
            assertThat(admin.post(TwoFactorPolicyController.PATH, "required", "true")
                            .redirect())
                    .endsWith("?saved");
            String moderator = unique("Moderator");
            HttpVisitor.signedUp(port, moderator, PASSWORD);
            jdbc.sql("UPDATE accounts_account SET roles = '{PARTICIPANT,MODERATOR}' WHERE display_name = :name")
                    .param("name", moderator)
                    .update();

            HttpVisitor staff = passwordStep(moderator);
            assertThat(staff.get("/moderation").redirect())
                    .as("staff powers wait for the second factor")
                    .endsWith(TwoFactorController.PATH);
            Document setup = staff.get(TwoFactorController.PATH).document();
            assertThat(setup.select(".notice").text()).isNotBlank();
            byte[] secret = secretShownOn(setup);
            assertThat(staff.post(TwoFactorController.PATH, "code", Totp.code(secret, Instant.now()))
                            .status())
                    .isEqualTo(200);
            assertThat(staff.get("/moderation").status()).isEqualTo(200);

            assertThat(staff.post(TwoFactorController.PATH + "/off", "code", "123456")
                            .status())
                    .as("staff cannot turn it off while it is required")
                    .isEqualTo(422);
        } finally {
            admin.get(TwoFactorPolicyController.PATH);
            admin.post(TwoFactorPolicyController.PATH);
        }
        assertThat(jdbc.sql("SELECT enabled FROM accounts_policy WHERE name = :name")
                        .param("name", TwoFactor.STAFF_POLICY)
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    @Test
    void participantsCannotSetThePolicy() {
        HttpVisitor participant = HttpVisitor.signedUp(port, unique("Plain"), PASSWORD);
        participant.get("/account");
        assertThat(participant
                        .post(TwoFactorPolicyController.PATH, "required", "true")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theCsrfCookieIsSameSiteLax() {
        var login = new HttpVisitor(port).get("/login");
        assertThat(login.header("Set-Cookie"))
                .hasValueSatisfying(
                        cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=").contains("SameSite=Lax"));
    }

    /** The key the page shows for typing by hand; the QR code next to it carries the same. */
    private static byte[] secretShownOn(Document page) {
        Element svg = page.selectFirst(".qr svg");
        assertThat(svg).isNotNull();
        assertThat(svg.select("path").attr("d")).startsWith("M");
        return Base32.decode(page.selectFirst("code.secret").text());
    }

    private HttpVisitor passwordStep(String name) {
        HttpVisitor visitor = new HttpVisitor(port);
        visitor.get("/login");
        var response = visitor.post("/login", "name", name, "password", PASSWORD);
        assertThat(response.status()).isEqualTo(302);
        if (response.redirect().endsWith(SecondStepController.PATH)) {
            return visitor;
        }
        assertThat(response.redirect()).isIn("/", TwoFactorController.PATH);
        return visitor;
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
