package org.polyphony.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Notifications for replies, quotes and mentions; following; e-mail digests through a real SMTP server (GreenMail). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.mail.host=localhost", "spring.mail.port=3025"})
class NotificationsTest {

    static final String PASSWORD = "tell me what is new";
    static final String THREADS = "/editions/athens-2009/sessions/1.2/threads";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DigestMailer digests;

    @Test
    void repliesQuotesAndMentionsReachTheRightPerson() {
        String aminaName = "Amina " + suffix();
        HttpVisitor amina = signUp(aminaName);
        HttpVisitor kofi = signUp("Kofi " + suffix());
        HttpVisitor lena = signUp("Lena " + suffix());
        String thread = startThread(amina, "Diaspora bonds", "Should diaspora bonds be promoted?");

        kofi.get(thread);
        kofi.post(
                thread + "/posts",
                "body",
                "Only with guarantees.",
                "idempotencyKey",
                UUID.randomUUID().toString());
        String opening = amina.get(thread)
                .document()
                .select("#post-1 a[href*=quote]")
                .attr("href")
                .replaceAll(".*quote=(\\d+).*", "$1");
        lena.get(thread + "?quote=" + opening);
        lena.post(
                thread + "/posts",
                "body",
                "> Should diaspora bonds be promoted?\n\nYes.",
                "parentId",
                opening,
                "idempotencyKey",
                UUID.randomUUID().toString());
        kofi.post(
                thread + "/posts",
                "body",
                "What do you think, @" + aminaName + "?",
                "idempotencyKey",
                UUID.randomUUID().toString());

        Document page = amina.get("/notifications").document();
        assertThat(page.select(".card")).hasSize(3);
        assertThat(page.select("header.site").text()).contains("(3)");
        assertThat(page.select(".card").eachText())
                .anyMatch(t -> t.contains("Kofi") && t.contains("Diaspora bonds"))
                .anyMatch(t -> t.contains("Lena"));
        assertThat(jdbc.sql(
                                "SELECT kind FROM notifications_notification n JOIN accounts_account a ON a.id = n.account_id"
                                        + " WHERE a.display_name = :name ORDER BY n.id")
                        .param("name", aminaName)
                        .query(String.class)
                        .list())
                .containsExactly("REPLY", "QUOTE", "MENTION");
        assertThat(kofi.get("/notifications").document().select(".card")).isEmpty();

        amina.post("/notifications/read");
        assertThat(amina.get("/notifications").document().select("header.site").text())
                .contains("(0)");
    }

    @Test
    void aDigestGoesOnlyToPeopleWhoAskedAndGaveAnAddress() throws Exception {
        String readerName = "Digest reader " + suffix();
        HttpVisitor reader = signUp(readerName);
        HttpVisitor silent = signUp("No mail " + suffix());
        HttpVisitor writer = signUp("Digest writer " + suffix());
        reader.get(THREADS);
        reader.post("/follow", "type", "SESSION", "id", sessionId(), "return", THREADS);
        silent.get(THREADS);
        silent.post("/follow", "type", "SESSION", "id", sessionId(), "return", THREADS);
        reader.get("/notifications");
        reader.post("/notifications/digest", "frequency", "DAILY");
        jdbc.sql("UPDATE accounts_account SET email = 'reader@example.org', ui_language = 'en' WHERE display_name = :n")
                .param("n", readerName)
                .update();
        jdbc.sql("UPDATE notifications_digest SET last_sent = now() - interval '2 days'")
                .update();
        String title = "Seasonal visas " + suffix();

        startThread(writer, title, "Seasonal work visas need portable rights.");
        digests.sendDue();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("reader@example.org");
        assertThat(received[0].getSubject()).contains("new message");
        String body = GreenMailUtil.getBody(received[0]);
        assertThat(body).contains(title).contains("portable rights").contains("/threads/");
        digests.sendDue();
        assertThat(smtp.getReceivedMessages()).as("not twice in a day").hasSize(1);
    }

    @Test
    void aDigestQuotesPostsInTheReadersLanguage() throws Exception {
        org.polyphony.translation.ApertiumAvailable.require();
        String readerName = "Lector " + suffix();
        HttpVisitor reader = signUp(readerName);
        HttpVisitor writer = signUp("Writer in English " + suffix());
        reader.get(THREADS);
        reader.post("/follow", "type", "SESSION", "id", sessionId(), "return", THREADS);
        reader.get("/notifications");
        reader.post("/notifications/digest", "frequency", "DAILY");
        jdbc.sql("UPDATE accounts_account SET email = 'lector@example.org', ui_language = 'es',"
                        + " read_languages = '{es}' WHERE display_name = :n")
                .param("n", readerName)
                .update();
        jdbc.sql("UPDATE notifications_digest SET last_sent = now() - interval '2 days'")
                .update();
        String thread = startThread(writer, "Workers " + suffix(), "The workers send money to their families.");
        long postId = jdbc.sql("SELECT id FROM dialogue_post WHERE thread_id = :t")
                .param("t", Long.parseLong(thread.replaceAll("\\D", "")))
                .query(Long.class)
                .single();
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (jdbc.sql("SELECT count(*) FROM translation_job WHERE content_id = :id AND target = 'es'"
                                + " AND status = 'DONE'")
                        .param("id", postId)
                        .query(Long.class)
                        .single()
                == 0) {
            assertThat(java.time.Instant.now()).isBefore(deadline);
            Thread.sleep(100);
        }

        digests.sendDue();

        MimeMessage mail = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals("lector@example.org");
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .findFirst()
                .orElseThrow();
        String body = mail.getContent().toString();
        assertThat(body)
                .contains("trabajadores")
                .contains("traducido automáticamente")
                .contains("inglés");
    }

    @Test
    void aFullDigestContinuesInTheNextOneInsteadOfDroppingPosts() throws Exception {
        String threads = "/editions/athens-2009/sessions/3.1/threads";
        String readerName = "Busy reader " + suffix();
        HttpVisitor reader = signUp(readerName);
        HttpVisitor writer = signUp("Prolific writer " + suffix());
        String thread = writer.startThread(threads, "Many messages " + suffix(), "Message 0");
        reader.get(thread);
        reader.post("/follow", "type", "THREAD", "id", thread.replace("/threads/", ""), "return", thread);
        reader.get("/notifications");
        reader.post("/notifications/digest", "frequency", "DAILY");
        jdbc.sql("UPDATE accounts_account SET email = 'busy@example.org' WHERE display_name = :n")
                .param("n", readerName)
                .update();
        for (int i = 1; i <= 54; i++) {
            writer.post(
                    thread + "/posts",
                    "body",
                    "Message " + i,
                    "idempotencyKey",
                    UUID.randomUUID().toString());
        }
        String due = "UPDATE notifications_digest d SET last_sent = now() - interval '2 days'"
                + " FROM accounts_account a WHERE a.id = d.account_id AND a.display_name = :n";
        jdbc.sql(due + "").param("n", readerName).update();
        jdbc.sql("UPDATE notifications_digest d SET covered_until = now() - interval '2 days'"
                        + " FROM accounts_account a WHERE a.id = d.account_id AND a.display_name = :n")
                .param("n", readerName)
                .update();
        int before = smtp.getReceivedMessages().length;

        digests.sendDue();
        jdbc.sql(due).param("n", readerName).update();
        digests.sendDue();

        var mails = java.util.Arrays.stream(smtp.getReceivedMessages())
                .skip(before)
                .map(GreenMailUtil::getBody)
                .toList();
        assertThat(mails).hasSize(2);
        assertThat(mails.get(0)).contains("Message 0").contains("Message 49").doesNotContain("Message 50");
        assertThat(mails.get(1)).contains("Message 50", "Message 54").doesNotContainPattern("Message 49(?!\\d)");
    }

    @Test
    void quotingOutsideTextInAReplyToTheThreadIsAReplyNotAQuote() {
        String authorName = "Thread author " + suffix();
        HttpVisitor author = signUp(authorName);
        HttpVisitor other = signUp("Citing " + suffix());
        String thread = startThread(author, "Citations", "What does the report say?");
        other.get(thread);

        other.post(
                thread + "/posts",
                "body",
                "> The report says remittances fell.\n\nSo it does.",
                "idempotencyKey",
                UUID.randomUUID().toString());

        assertThat(jdbc.sql(
                                "SELECT kind FROM notifications_notification n JOIN accounts_account a ON a.id = n.account_id"
                                        + " WHERE a.display_name = :name")
                        .param("name", authorName)
                        .query(String.class)
                        .list())
                .containsExactly("REPLY");
    }

    @Test
    void aPartnershipRequestReachesTheDigestOfTheAskedOrganisationsAdmins() throws Exception {
        String suffix = suffix();
        String askedName = "Partner admin " + suffix;
        HttpVisitor asker = signUp("Partner asker " + suffix);
        HttpVisitor asked = signUp(askedName);
        String from = organisation(asker, "Digest asking " + suffix);
        String to = organisation(asked, "Digest asked " + suffix);
        asked.get("/notifications");
        asked.post("/notifications/digest", "frequency", "DAILY");
        jdbc.sql("UPDATE accounts_account SET email = :e, ui_language = 'en' WHERE display_name = :n")
                .param("e", "partner-" + suffix + "@example.org")
                .param("n", askedName)
                .update();
        jdbc.sql("UPDATE notifications_digest SET last_sent = now() - interval '2 days'")
                .update();

        asker.get(to);
        asker.post(to + "/partnerships", "from", from.substring(from.lastIndexOf('/') + 1), "message", "Together?");
        digests.sendDue();

        MimeMessage mail = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals("partner-" + suffix + "@example.org");
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .findFirst()
                .orElseThrow();
        assertThat(mail.getContent().toString())
                .contains("A partnership was asked for")
                .contains("Digest asking " + suffix)
                .contains(to + "/manage");
    }

    private static String organisation(HttpVisitor admin, String name) {
        admin.get("/organisations/new");
        var created = admin.post("/organisations", "name", name, "type", "NGO", "description", "Working together.");
        assertThat(created.redirect()).contains("/organisations/");
        return created.redirect().replaceFirst("\\?.*", "");
    }

    private String sessionId() {
        return String.valueOf(jdbc.sql("SELECT s.id FROM forums_session s JOIN forums_edition e ON e.id = s.edition_id"
                        + " WHERE e.slug = 'athens-2009' AND s.code = '1.2'")
                .query(Long.class)
                .single());
    }

    private String startThread(HttpVisitor author, String title, String body) {
        return author.startThread(THREADS, title, body);
    }

    private HttpVisitor signUp(String name) {
        return HttpVisitor.signedUp(port, name, PASSWORD);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
