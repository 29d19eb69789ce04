package org.polyphony.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Accounts as a visitor without JavaScript meets them, through the real server and the PostgreSQL session store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountsWebTest {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    AccountRepository accounts;

    @Test
    void signingUpNeedsOnlyANameAndAPasswordAndSignsYouIn() {
        String name = uniqueName("Amina");
        HttpVisitor visitor = signedUp(name, PASSWORD);

        Document account = visitor.get("/account").document();
        assertThat(account.select("#displayName").val()).isEqualTo(name);
        assertThat(visitor.cookies()).extracting(HttpCookie::getName).contains("SESSION");
        assertThat(accounts.findByName(name)).hasValueSatisfying(a -> {
            assertThat(a.email()).isNull();
            assertThat(a.roles()).containsExactly(Role.PARTICIPANT);
            assertThat(a.passwordHash()).startsWith("$argon2id$").doesNotContain(PASSWORD);
        });
    }

    @Test
    void badInputIsExplainedInTheReadersLanguageAndKept() {
        String name = uniqueName("Jean");
        HttpVisitor visitor = visitor().speaking("fr");
        visitor.get("/signup");

        var response = visitor.post(
                "/signup",
                "displayName",
                name,
                "password",
                "short",
                "passwordRepeat",
                "short",
                "email",
                "not-an-address");

        assertThat(response.status()).isEqualTo(422);
        Document page = response.document();
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(page.select("#displayName").val()).isEqualTo(name);
        assertThat(page.select("#email").val()).isEqualTo("not-an-address");
        assertThat(page.select("#password").val()).isEmpty();
        assertThat(page.select("#password-error").text()).isNotBlank().doesNotContain("account.");
        assertThat(page.select("#email-error").text()).isNotBlank();
        assertThat(page.select("#email").attr("aria-describedby")).isEqualTo("email-error");
        assertThat(page.select(".error-summary a[href=#password]")).hasSize(1);
        assertThat(accounts.findByName(name)).isEmpty();
    }

    @Test
    void namesThatDifferOnlyInCaseOrWidthAreTaken() {
        String tail = suffix();
        signedUp("Maria " + tail, PASSWORD);
        HttpVisitor other = visitor();
        other.get("/signup");

        var response =
                other.post("/signup", "displayName", "ＭＡＲＩＡ " + tail, "password", PASSWORD, "passwordRepeat", PASSWORD);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.document().select("#displayName-error").text()).isNotBlank();
    }

    @Test
    void namesInAnyScriptAreWelcome() {
        for (String name : new String[] {"فاطمة " + suffix(), "李娜" + suffix(), "Олена " + suffix()}) {
            signedUp(name, PASSWORD);
            assertThat(accounts.findByName(name)).isPresent();
        }
    }

    @Test
    void aFailedLoginKeepsTheNameAndSaysWhy() {
        String name = uniqueName("Kofi");
        signedUp(name, PASSWORD);
        HttpVisitor visitor = visitor().speaking("es");
        visitor.get("/login");

        var response = visitor.post("/login", "name", name, "password", "wrong password");

        assertThat(response.status()).isEqualTo(401);
        Document page = response.document();
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("es");
        assertThat(page.select("#name").val()).isEqualTo(name);
        assertThat(page.select(".error-summary").text()).isNotBlank().doesNotContain("login.failed");
    }

    @Test
    void loggingInWithTheRightPasswordWorksWhateverTheCase() {
        String name = uniqueName("Rosa");
        signedUp(name, PASSWORD);

        HttpVisitor visitor = loggedIn(name.toUpperCase(), PASSWORD);

        assertThat(visitor.get("/account").status()).isEqualTo(200);
    }

    @Test
    void repeatedLoginAttemptsAreThrottled() {
        String name = uniqueName("Target");
        HttpVisitor visitor = visitor();
        visitor.get("/login");
        int lastStatus = 0;
        for (int attempt = 0; attempt < 12; attempt++) {
            lastStatus = visitor.post("/login", "name", name, "password", "guess " + attempt)
                    .status();
        }

        assertThat(lastStatus).isEqualTo(429);
    }

    @Test
    void theAccountsLanguageOutranksCookieAndBrowser() {
        String name = uniqueName("Leila");
        HttpVisitor first = signedUp(name, PASSWORD);
        first.get("/");
        first.post("/language", "lang", "ar", "return", "/");

        HttpVisitor later = loggedIn(name, PASSWORD).speaking("ru");
        Document page = later.get("/").document();

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ar");
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
    }

    @Test
    void aPersonChangesNameAndLanguages() {
        String name = uniqueName("Old");
        HttpVisitor visitor = signedUp(name, PASSWORD);
        String newName = uniqueName("New");
        visitor.get("/account");

        var response = visitor.post(
                "/account/profile",
                "displayName",
                newName,
                "email",
                "",
                "uiLanguage",
                "pt",
                "readLanguages",
                "tl",
                "readLanguages",
                "en",
                "readLanguages",
                "",
                "readLanguages",
                "");

        assertThat(response.redirect()).isEqualTo("/account?saved=profile");
        Account account = accounts.findByName(newName).orElseThrow();
        assertThat(account.readLanguages()).containsExactly("tl", "en");
        assertThat(account.uiLanguage()).isEqualTo("pt");
        Document page = response.follow().document();
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("pt");
        assertThat(page.select("header").text()).contains(newName);
        assertThat(page.select(".notice").text()).isNotBlank();
    }

    @Test
    void anUnknownReadingLanguageIsRefusedAndNothingChanges() {
        String name = uniqueName("Same");
        HttpVisitor visitor = signedUp(name, PASSWORD);
        visitor.get("/account");
        String other = uniqueName("Other");

        var response = visitor.post(
                "/account/profile", "displayName", other, "uiLanguage", "en", "readLanguages", "xx-invalid");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.document().select("#displayName").val()).isEqualTo(other);
        assertThat(accounts.findByName(name)).isPresent();
        assertThat(accounts.findByName(other)).isEmpty();
    }

    @Test
    void aPersonChangesTheirPassword() {
        String name = uniqueName("Pass");
        HttpVisitor visitor = signedUp(name, PASSWORD);
        visitor.get("/account");

        var wrong = visitor.post(
                "/account/password",
                "currentPassword",
                "not it at all",
                "newPassword",
                "another long passphrase",
                "newPasswordRepeat",
                "another long passphrase");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.document().select("#currentPassword-error").text()).isNotBlank();

        var changed = visitor.post(
                "/account/password",
                "currentPassword",
                PASSWORD,
                "newPassword",
                "another long passphrase",
                "newPasswordRepeat",
                "another long passphrase");
        assertThat(changed.redirect()).isEqualTo("/account?saved=password");
        loggedIn(name, "another long passphrase");
    }

    @Test
    void aPersonDownloadsTheirDataWithoutSecrets() {
        String name = uniqueName("Data");
        HttpVisitor visitor = signedUp(name, PASSWORD);

        var response = visitor.get("/account/data");

        assertThat(response.header("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
        assertThat(response.body()).contains(name).doesNotContain("argon2").doesNotContain("password");
    }

    @Test
    void aPersonDeletesTheirAccount() {
        String name = uniqueName("Gone");
        HttpVisitor visitor = signedUp(name, PASSWORD);
        visitor.get("/account");

        var refused = visitor.post("/account/delete", "currentPassword", "wrong");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(accounts.findByName(name)).isPresent();

        var deleted = visitor.post("/account/delete", "currentPassword", PASSWORD);
        assertThat(deleted.redirect()).isEqualTo("/?accountDeleted");
        assertThat(accounts.findByName(name)).isEmpty();
        assertThat(visitor.get("/account").status()).isEqualTo(302);
    }

    @Test
    void accountPagesNeedASignedInPerson() {
        var response = visitor().get("/account");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.redirect()).isEqualTo("/login");
    }

    @Test
    void formsWithoutAValidCsrfTokenAreRejected() {
        HttpVisitor visitor = visitor();
        var response = visitor.post(
                "/signup",
                "_csrf",
                "forged",
                "displayName",
                uniqueName("Csrf"),
                "password",
                PASSWORD,
                "passwordRepeat",
                PASSWORD);

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void onlyAdministratorsManageRoles() {
        HttpVisitor participant = signedUp(uniqueName("Plain"), PASSWORD);

        assertThat(participant.get("/admin/accounts").status()).isEqualTo(403);
    }

    @Test
    void loggingOutEndsTheSession() {
        HttpVisitor visitor = signedUp(uniqueName("Leaving"), PASSWORD);
        visitor.get("/");

        var response = visitor.post("/logout");

        assertThat(response.redirect()).isEqualTo("/?signedOut");
        assertThat(visitor.get("/account").status()).isEqualTo(302);
    }

    @Test
    void anotherSpellingOfTheLoginPathIsThrottledToo() {
        String name = uniqueName("Encoded");
        HttpVisitor visitor = visitor();
        visitor.get("/login");
        int lastStatus = 0;
        for (int attempt = 0; attempt < 12; attempt++) {
            lastStatus = visitor.post("/%6Cogin", "name", name, "password", "guess " + attempt)
                    .status();
        }

        assertThat(lastStatus).isIn(429, 400, 404, 405);
    }

    @Test
    void changingSomeonesRolesSignsThemOutEverywhere() {
        String adminName = uniqueName("Admin");
        signedUp(adminName, PASSWORD);
        accounts.updateRoles(
                accounts.findByName(adminName).orElseThrow().id(), java.util.EnumSet.of(Role.ADMINISTRATOR));
        HttpVisitor admin = loggedIn(adminName, PASSWORD);
        String name = uniqueName("Promoted");
        HttpVisitor person = signedUp(name, PASSWORD);
        long id = accounts.findByName(name).orElseThrow().id().value();

        admin.get("/admin/accounts?q=" + name.replace(" ", "+"));
        var saved = admin.post("/admin/accounts/" + id + "/roles", "role", "ORGANISER");

        assertThat(saved.redirect()).startsWith("/admin/accounts");
        assertThat(accounts.findByName(name).orElseThrow().roles()).contains(Role.ORGANISER);
        assertThat(person.get("/account").status()).isEqualTo(302);
        assertThat(loggedIn(name, PASSWORD).get("/editions/new").status()).isEqualTo(200);
    }

    @Test
    void changingThePasswordSignsOutOtherDevicesButNotThisOne() {
        String name = uniqueName("Two devices");
        HttpVisitor laptop = signedUp(name, PASSWORD);
        HttpVisitor phone = loggedIn(name, PASSWORD);
        laptop.get("/account");

        laptop.post(
                "/account/password",
                "currentPassword",
                PASSWORD,
                "newPassword",
                "a brand new passphrase",
                "newPasswordRepeat",
                "a brand new passphrase");

        assertThat(laptop.get("/account").status()).isEqualTo(200);
        assertThat(phone.get("/account").status()).isEqualTo(302);
    }

    @Test
    void deletingARenamedAccountSignsOutItsOlderSessions() {
        String name = uniqueName("Renamed");
        HttpVisitor laptop = signedUp(name, PASSWORD);
        HttpVisitor phone = loggedIn(name, PASSWORD);
        laptop.get("/account");
        laptop.post("/account/profile", "displayName", uniqueName("Renamed again"), "uiLanguage", "en");
        laptop.get("/account");

        laptop.post("/account/delete", "currentPassword", PASSWORD);

        assertThat(phone.get("/account").status()).isEqualTo(302);
    }

    @Test
    void repeatedWrongCurrentPasswordsAreThrottled() {
        HttpVisitor visitor = signedUp(uniqueName("Guessing"), PASSWORD);
        visitor.get("/account");
        int lastStatus = 0;
        String error = "";
        for (int attempt = 0; attempt < 12; attempt++) {
            var response = visitor.post("/account/delete", "currentPassword", "guess " + attempt);
            lastStatus = response.status();
            error = response.document().select("#delete-currentPassword-error").text();
        }

        assertThat(lastStatus).isEqualTo(422);
        assertThat(error).isNotBlank();
        assertThat(visitor.post("/account/delete", "currentPassword", PASSWORD).status())
                .as("even the right password waits out the window")
                .isEqualTo(422);
    }

    @Test
    void theSavedNoticeShowsOnlyKnownMessages() {
        HttpVisitor visitor = signedUp(uniqueName("Notice"), PASSWORD);

        Document page = visitor.get("/account?saved=Your+account+is+suspended").document();

        assertThat(page.select(".notice")).isEmpty();
        assertThat(page.text()).doesNotContain("suspended");
    }

    @Test
    void switchingLanguageAfterAFailedFormComesBackToTheForm() {
        HttpVisitor visitor = signedUp(uniqueName("Switcher"), PASSWORD);
        visitor.get("/account");
        var failed = visitor.post("/account/profile", "displayName", "!", "uiLanguage", "en");
        assertThat(failed.status()).isEqualTo(422);

        var switched = visitor.post(
                "/language",
                "lang",
                "fr",
                "return",
                failed.document().select("form.language input[name=return]").val());

        assertThat(switched.follow().follow().status()).isEqualTo(200);
    }

    HttpVisitor visitor() {
        return new HttpVisitor(port);
    }

    HttpVisitor signedUp(String name, String password) {
        HttpVisitor visitor = visitor();
        visitor.get("/signup");
        var response = visitor.post(
                "/signup", "displayName", name, "password", password, "passwordRepeat", password, "email", "");
        assertThat(response.redirect()).as(response.body()).isEqualTo("/?welcome");
        return visitor;
    }

    HttpVisitor loggedIn(String name, String password) {
        HttpVisitor visitor = visitor();
        visitor.get("/login");
        var response = visitor.post("/login", "name", name, "password", password);
        assertThat(response.redirect()).as(response.body()).isEqualTo("/");
        return visitor;
    }

    static String uniqueName(String prefix) {
        return prefix + " " + suffix();
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
