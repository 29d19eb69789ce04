package org.polyphony.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.polyphony.accounts.ActionLimits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Direct messages as people use them, over HTTP against the running application and PostgreSQL: two people who
 * accept messages write to each other; nobody else can; blocks stop new conversations and replies; moderators see
 * a conversation only once a participant reported it; the rate limit answers with the typed text kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MessagingWebTest {

    static final String PASSWORD = "between two people";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ActionLimits limits;

    @Test
    void twoPeopleWhoAcceptMessagesWriteToEachOther() {
        String amina = name("Amina");
        String bayo = name("Bayo");
        HttpVisitor a = accepting(amina);
        HttpVisitor b = accepting(bayo);

        a.get("/messages/new?to=" + bayo.replace(" ", "+"));
        assertThat(a.get("/messages/new?to=" + bayo.replace(" ", "+"))
                        .document()
                        .selectFirst("input[name=to]")
                        .val())
                .isEqualTo(bayo);
        var sent = a.post("/messages/new", "to", bayo, "body", "Hello <b>Bayo</b>\nsecond line");
        assertThat(sent.redirect()).matches("/messages/\\d+#latest");
        String conversation = sent.redirect().replace("#latest", "");

        Document list = b.get("/messages").document();
        assertThat(list.select("header.site nav").text()).contains("Messages (1)");
        assertThat(list.select(".cards").text()).contains(amina).contains("1 unread");
        var page = b.get(conversation);
        assertThat(page.body()).contains("Hello &lt;b&gt;Bayo&lt;/b&gt;\nsecond line");
        assertThat(page.document().select(".message-body").text()).contains("Hello <b>Bayo</b>");
        assertThat(b.get("/messages").document().select("header.site nav").text())
                .contains("Messages (0)");

        var replied = b.post(conversation, "body", "Hello Amina");
        assertThat(replied.redirect()).isEqualTo(conversation + "#latest");
        assertThat(a.get(conversation).document().select(".message-body").stream()
                        .map(e -> e.wholeText())
                        .toList())
                .containsExactly("Hello <b>Bayo</b>\nsecond line", "Hello Amina");

        // a second "new message" to the same person goes on in the same conversation
        a.get("/messages/new");
        assertThat(a.post("/messages/new", "to", bayo, "body", "Again").redirect())
                .isEqualTo(conversation + "#latest");

        // someone else, moderator or not, finds no such conversation
        HttpVisitor moderator = HttpVisitor.signedInWithRole(port, jdbc, name("Moderator"), PASSWORD, "MODERATOR");
        assertThat(moderator.get(conversation).status()).isEqualTo(404);
        assertThat(moderator.get("/moderation/messages").body()).doesNotContain("second line");

        // the download has the person's own conversations
        String data = new String(a.getBytes("/messages/data"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(data).contains("Hello Amina").contains(bayo).doesNotContain(amina);
        String all = new String(a.getBytes("/account/data"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(all).contains("\"messages\"").contains("Hello Amina");
    }

    @Test
    void someoneWhoDoesNotAcceptMessagesCannotBeWrittenTo() {
        String sender = name("Chidi");
        String closed = name("Dora");
        HttpVisitor c = accepting(sender);
        HttpVisitor.signedUp(port, closed, PASSWORD);

        c.get("/messages/new");
        var refused = c.post("/messages/new", "to", closed, "body", "Are you there?");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().select("#to-error").text())
                .isEqualTo("This person does not accept messages from you.");
        assertThat(refused.document().select("textarea[name=body]").text()).isEqualTo("Are you there?");
        assertThat(refused.document().select("input[name=to]").val()).isEqualTo(closed);
        assertThat(conversationsOf(sender)).isZero();
    }

    @Test
    void badInputIsRefusedNextToItsFieldWithTheTextKept() {
        String writer = name("Esi");
        String reader = name("Farid");
        HttpVisitor e = accepting(writer);
        accepting(reader);
        e.get("/messages/new");

        var self = e.post("/messages/new", "to", writer, "body", "Note to self");
        assertThat(self.status()).isEqualTo(422);
        assertThat(self.document().select("#to-error").text()).contains("to yourself");

        var unknown = e.post("/messages/new", "to", "Nobody " + UUID.randomUUID(), "body", "Hi");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.document().select("#to-error").text()).contains("Nobody on Polyphony has this display name");

        var empty = e.post("/messages/new", "to", reader, "body", "   \n ");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.document().select("#body-error").text()).isEqualTo("Write a message.");

        String tooLong = "x".repeat(2001);
        var longOne = e.post("/messages/new", "to", reader, "body", tooLong);
        assertThat(longOne.status()).isEqualTo(422);
        assertThat(longOne.document().select("#body-error").text()).contains("at most 2,000 characters");
        assertThat(longOne.document().select("textarea[name=body]").text()).isEqualTo(tooLong);
        assertThat(longOne.body()).doesNotContain("Exception").doesNotContain("at org.");

        // exactly 2,000 characters, even outside the Basic Multilingual Plane, is fine
        assertThat(e.post("/messages/new", "to", reader, "body", "😀".repeat(2000))
                        .status())
                .isEqualTo(302);

        // a sender who does not accept messages is told to switch them on first
        HttpVisitor off = HttpVisitor.signedUp(port, name("Gift"), PASSWORD);
        off.get("/messages/new");
        var notOn = off.post("/messages/new", "to", reader, "body", "Hello");
        assertThat(notOn.status()).isEqualTo(422);
        assertThat(notOn.document().select("#to-error").text()).contains("first accept direct messages");

        // in Arabic, the same refusal in Arabic
        off.post("/language", "lang", "ar");
        off.get("/messages/new");
        var arabic = off.post("/messages/new", "to", reader, "body", "مرحبا");
        assertThat(arabic.document().select("html").attr("dir")).isEqualTo("rtl");
        assertThat(arabic.document().select("#to-error").text()).contains("الرسائل المباشرة");
    }

    @Test
    void aBlockStopsNewConversationsAndRepliesWithoutSayingSo() {
        String hana = name("Hana");
        String ivan = name("Ivan");
        HttpVisitor h = accepting(hana);
        HttpVisitor i = accepting(ivan);
        h.get("/messages/new");
        String conversation =
                h.post("/messages/new", "to", ivan, "body", "First").redirect().replace("#latest", "");

        i.get(conversation);
        assertThat(i.post(conversation + "/block").redirect()).isEqualTo(conversation);
        assertThat(i.get(conversation).document().text()).contains("You blocked this person");
        assertThat(i.get("/messages/settings").document().select("ul bdi").eachText())
                .contains(hana);

        h.get(conversation);
        assertThat(h.get(conversation).document().select("textarea[name=body]")).isEmpty();
        var reply = h.post(conversation, "body", "Why no answer?");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.document().select("#body-error").text())
                .isEqualTo("This person does not accept messages from you.");
        assertThat(reply.document().select("textarea[name=body]").text()).isEqualTo("Why no answer?");
        h.get("/messages/new");
        var fresh = h.post("/messages/new", "to", ivan, "body", "Try again");
        assertThat(fresh.status()).isEqualTo(422);
        assertThat(fresh.document().select("#to-error").text())
                .isEqualTo("This person does not accept messages from you.");
        assertThat(messagesIn(conversation)).isEqualTo(1);

        // the blocker cannot write either, until they unblock
        i.get(conversation);
        assertThat(i.post(conversation, "body", "Hm").status()).isEqualTo(422);
        Document settings = i.get("/messages/settings").document();
        String account = settings.selectFirst("form[action='/messages/unblock'] input[name=account]")
                .val();
        i.post("/messages/unblock", "account", account);
        h.get(conversation);
        assertThat(h.post(conversation, "body", "Thanks").status()).isEqualTo(302);
        assertThat(messagesIn(conversation)).isEqualTo(2);

        // blocking by name from the settings page; an unknown name is refused next to the field
        i.get("/messages/settings");
        var unknown = i.post("/messages/block", "name", "Nobody " + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.document().select("#name-error").text()).contains("Nobody on Polyphony");
        assertThat(i.post("/messages/block", "name", hana).redirect()).isEqualTo("/messages/settings?saved");
        h.get(conversation);
        assertThat(h.post(conversation, "body", "Again?").status()).isEqualTo(422);
    }

    @Test
    void moderatorsSeeAConversationOnlyOnceAParticipantReportedIt() {
        String jon = name("Jon");
        String kemi = name("Kemi");
        HttpVisitor j = accepting(jon);
        HttpVisitor k = accepting(kemi);
        HttpVisitor outsider = accepting(name("Lin"));
        HttpVisitor moderator = HttpVisitor.signedInWithRole(port, jdbc, name("Moderator"), PASSWORD, "MODERATOR");
        j.get("/messages/new");
        String conversation = j.post("/messages/new", "to", kemi, "body", "Send me your passport number")
                .redirect()
                .replace("#latest", "");

        assertThat(moderator.get("/moderation/messages").body()).doesNotContain("passport number");
        assertThat(moderator.get(conversation).status()).isEqualTo(404);
        assertThat(k.get("/moderation/messages").status()).isEqualTo(403);
        assertThat(outsider.get(conversation + "/report").status()).isEqualTo(404);
        outsider.get("/messages");
        assertThat(outsider.post(conversation + "/report", "reason", "SPAM").status())
                .isEqualTo(404);
        assertThat(moderator.get("/moderation/messages").body()).doesNotContain("passport number");

        k.get(conversation + "/report");
        var noReason = k.post(conversation + "/report", "note", "please look");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.document().select("#reason-error").text()).isEqualTo("Choose a reason.");
        var reported = k.post(conversation + "/report", "reason", "PRIVACY", "note", "asks for documents");
        assertThat(reported.redirect()).isEqualTo(conversation + "?reported");
        j.get(conversation);
        j.post(conversation, "body", "Written after the report");

        Document queue = moderator.get("/moderation/messages").document();
        assertThat(queue.select(".cards").text().replaceAll("[\u2068\u2069]", ""))
                .contains("Send me your passport number")
                .contains("asks for documents")
                .contains(kemi + " reported their conversation with " + jon)
                .doesNotContain("Written after the report");

        // other tests' reports may be in the queue too: act on this one
        String report = queue.select(".cards > li").stream()
                .filter(card -> card.text().contains("passport number"))
                .findFirst()
                .orElseThrow()
                .selectFirst("form[action$='/suspend']")
                .attr("action");
        var suspended = moderator.post(report, "days", "3", "reason", "asking for documents");
        assertThat(suspended.redirect()).isEqualTo("/moderation/messages?done=suspend");
        Document after = moderator.get("/moderation/messages").document();
        assertThat(after.select(".cards").text()).doesNotContain("passport number");
        assertThat(after.select("table").text())
                .contains("asking for documents")
                .contains("Suspended");
        assertThat(jdbc.sql("SELECT count(*) FROM messaging_moderation_log l JOIN messaging_report r"
                                + " ON r.id = l.report_id WHERE r.conversation_id = :c AND l.moderator_id IS NOT NULL"
                                + " AND l.action = 'SUSPEND' AND l.suspended_days = 3")
                        .param("c", idOf(conversation))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // the suspended person can no longer write
        j.get(conversation);
        var refused = j.post(conversation, "body", "Hello?");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().select("#body-error").text()).contains("may not write");
    }

    @Test
    void theRateLimitAnswersWithTheTextKept() {
        String fast = name("Musa");
        String other = name("Nia");
        HttpVisitor m = accepting(fast);
        accepting(other);
        for (int i = 0; i < 25; i++) {
            limits.by("messages-minute", String.valueOf(accountId(fast)), 1, Duration.ofMinutes(1));
        }
        m.get("/messages/new");
        var limited = m.post("/messages/new", "to", other, "body", "One more");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.document().select("#body-error").text()).contains("too quickly");
        assertThat(limited.document().select("textarea[name=body]").text()).isEqualTo("One more");
        assertThat(conversationsOf(fast)).isZero();
    }

    @Test
    void deletingAnAccountDeletesItsMessagesAndEndsItsConversations() {
        String olu = name("Olu");
        String pia = name("Pia");
        HttpVisitor o = accepting(olu);
        HttpVisitor p = accepting(pia);
        o.get("/messages/new");
        String conversation = o.post("/messages/new", "to", pia, "body", "From Olu")
                .redirect()
                .replace("#latest", "");
        p.get(conversation);
        p.post(conversation, "body", "From Pia");

        o.get("/account");
        assertThat(o.post("/account/delete", "currentPassword", PASSWORD).redirect())
                .isEqualTo("/?accountDeleted");

        Document left = p.get(conversation).document();
        assertThat(left.select(".message-body").eachText()).containsExactly("From Pia");
        assertThat(left.text()).contains("the other person deleted their account");
        assertThat(p.post(conversation, "body", "Still there?").status()).isEqualTo(422);
        assertThat(jdbc.sql("SELECT pair_key IS NULL FROM messaging_conversation WHERE id = :c")
                        .param("c", idOf(conversation))
                        .query(Boolean.class)
                        .single())
                .isTrue();

        p.get("/account");
        p.post("/account/delete", "currentPassword", PASSWORD);
        assertThat(jdbc.sql("SELECT count(*) FROM messaging_conversation WHERE id = :c")
                        .param("c", idOf(conversation))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private HttpVisitor accepting(String name) {
        HttpVisitor visitor = HttpVisitor.signedUp(port, name, PASSWORD);
        visitor.get("/messages/settings");
        assertThat(visitor.post("/messages/settings", "accepts", "true").redirect())
                .isEqualTo("/messages/settings?saved");
        return visitor;
    }

    private long accountId(String name) {
        return jdbc.sql("SELECT id FROM accounts_account WHERE display_name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    private long conversationsOf(String name) {
        return jdbc.sql("SELECT count(*) FROM messaging_participant WHERE account_id = :a")
                .param("a", accountId(name))
                .query(Long.class)
                .single();
    }

    private long messagesIn(String conversation) {
        return jdbc.sql("SELECT count(*) FROM messaging_message WHERE conversation_id = :c")
                .param("c", idOf(conversation))
                .query(Long.class)
                .single();
    }

    private static long idOf(String conversation) {
        return Long.parseLong(conversation.substring(conversation.lastIndexOf('/') + 1));
    }

    private static String name(String first) {
        return first + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
