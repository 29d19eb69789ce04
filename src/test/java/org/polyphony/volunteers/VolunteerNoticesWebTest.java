package org.polyphony.volunteers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.polyphony.accounts.AccountId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A volunteer who asked to be told hears, on the notifications page and in the digest, that texts wait in their
 * pairs; once per new text, not at every look; a volunteer who did not ask hears nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VolunteerNoticesWebTest {

    static final String PASSWORD = "telling volunteers";
    static final String THREADS = "/editions/athens-2009/sessions/1.2/threads";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    VolunteerNotices notices;

    @Test
    void aVolunteerWhoAskedIsToldOncePerNewTextInTheAppAndTheDigest() {
        String told = "Told " + UUID.randomUUID().toString().substring(0, 8);
        String quiet = "Quiet " + UUID.randomUUID().toString().substring(0, 8);
        HttpVisitor toldVolunteer = volunteer(told, true);
        HttpVisitor quietVolunteer = volunteer(quiet, false);
        HttpVisitor author = reader("Writer " + UUID.randomUUID().toString().substring(0, 8), "en");
        author.startThread(
                THREADS,
                "Recruitment fees " + UUID.randomUUID(),
                "Recruitment fees should be paid by employers, never by the workers themselves.");

        notices.tellWaiting();

        String page = toldVolunteer.get("/notifications").document().text();
        assertThat(page)
                .contains("Texts waiting for a volunteer translator in your pairs")
                .contains("English → Arabic");
        assertThat(toldVolunteer.get("/notifications").document().select("a[href=/translation/queue]"))
                .isNotEmpty();
        assertThat(quietVolunteer.get("/notifications").document().text())
                .doesNotContain("Texts waiting for a volunteer translator");
        assertThat(noticesOf(told)).isEqualTo(1);

        notices.tellWaiting();
        assertThat(noticesOf(told))
                .as("the same waiting texts are not told twice")
                .isEqualTo(1);

        author.startThread(
                THREADS,
                "Contracts " + UUID.randomUUID(),
                "Workers should sign their contract at home, in a language they read, before they travel.");
        notices.tellWaiting();
        assertThat(noticesOf(told)).isEqualTo(2);

        var digest = notices.since(accountOf(told), Instant.now().minusSeconds(3600), Locale.forLanguageTag("ar"));
        assertThat(digest).hasSize(2);
        assertThat(digest.getFirst().text()).contains("متطوع").contains("العربية");
        assertThat(digest.getFirst().href()).isEqualTo("/translation/queue");
        assertThat(noticesOf(quiet)).isZero();
    }

    private long noticesOf(String name) {
        return jdbc.sql("SELECT count(*) FROM volunteers_notice WHERE account_id = :a")
                .param("a", accountOf(name).value())
                .query(Long.class)
                .single();
    }

    private AccountId accountOf(String name) {
        return new AccountId(jdbc.sql("SELECT id FROM accounts_account WHERE display_name = :n")
                .param("n", name)
                .query(Long.class)
                .single());
    }

    private HttpVisitor volunteer(String name, boolean notify) {
        HttpVisitor visitor = reader(name, "en", "ar");
        visitor.get("/translation/volunteer");
        var saved = notify
                ? visitor.post("/translation/volunteer", "pair", "en-ar", "notify", "true")
                : visitor.post("/translation/volunteer", "pair", "en-ar");
        assertThat(saved.redirect()).isEqualTo("/translation/volunteer?saved");
        return visitor;
    }

    private HttpVisitor reader(String name, String... languages) {
        HttpVisitor visitor = HttpVisitor.signedUp(port, name, PASSWORD);
        visitor.get("/account");
        String[] form = new String[4 + 2 * languages.length];
        form[0] = "displayName";
        form[1] = name;
        form[2] = "uiLanguage";
        form[3] = "en";
        for (int i = 0; i < languages.length; i++) {
            form[4 + 2 * i] = "readLanguages";
            form[5 + 2 * i] = languages[i];
        }
        assertThat(visitor.post("/account/profile", form).redirect()).isEqualTo("/account?saved=profile");
        return visitor;
    }
}
