package org.polyphony.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What people stumbled on in issue 11, each fixed and checked end to end: partnership requests notify both sides
 * and stale ones reach the site's administrators; moderation confirms, restores from the log, names posts by id
 * and links the stories queue, and a decided hiding no longer says "while moderators review it"; followed
 * sessions feed the personal feed and notifications; the directory's words match themes by name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StumblingBlocksWebTest {

    static final String PASSWORD = "what people stumbled on";
    static final String SESSION = "/editions/athens-2009/sessions/1.1";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPartnershipRequestNotifiesBothSidesAndAStaleOneReachesTheAdministrators() {
        String suffix = suffix();
        HttpVisitor asker = HttpVisitor.signedUp(port, "Asker " + suffix, PASSWORD);
        HttpVisitor asked = HttpVisitor.signedUp(port, "Asked " + suffix, PASSWORD);
        String from = create(asker, "Asking Association " + suffix);
        String to = create(asked, "Asked Union " + suffix);
        asker.get(to);
        asker.post(to + "/partnerships", "from", from.substring(from.lastIndexOf('/') + 1), "message", "Shall we?");

        Document askedNotifications = asked.get("/notifications").document();
        assertThat(askedNotifications.text())
                .contains("asked for a partnership")
                .contains("Asking Association " + suffix);
        assertThat(askedNotifications.select("a[href=" + to + "/manage]")).isNotEmpty();

        // nobody answers for three weeks: a site administrator sees it and answers for the organisation
        jdbc.sql("UPDATE people_partnership SET created_at = now() - interval '21 days' WHERE to_id = :to")
                .param("to", Long.parseLong(to.substring(to.lastIndexOf('/') + 1)))
                .update();
        HttpVisitor admin = HttpVisitor.signedInWithRole(port, jdbc, "Site admin " + suffix, PASSWORD, "ADMINISTRATOR");
        Document stale = admin.get("/admin/partnerships").document();
        assertThat(stale.text()).contains("Asking Association " + suffix).contains("Shall we?");
        String accept = stale.select("form[action$=/accept]").stream()
                .filter(f -> f.parent().parent().text().contains(suffix))
                .findFirst()
                .orElseThrow()
                .attr("action");
        HttpVisitor.Page accepted = admin.post(accept);
        assertThat(accepted.redirect()).isEqualTo("/admin/partnerships?done=accepted");
        assertThat(admin.get(accepted.redirect()).document().select(".notice").text())
                .contains("accepted");
        assertThat(asker.get("/notifications").document().text()).contains("accepted the partnership");
        assertThat(asked.get("/notifications").document().text()).contains("accepted the partnership");
        assertThat(new HttpVisitor(port).get("/admin/partnerships").status()).isNotEqualTo(200);
    }

    @Test
    void moderationConfirmsRestoresFromTheLogAndNamesPostsById() {
        String suffix = suffix();
        HttpVisitor author = HttpVisitor.signedUp(port, "Moderated " + suffix, PASSWORD);
        String thread = author.startThread(SESSION + "/threads", "Kept thread " + suffix, "Opening " + suffix);
        author.get(thread);
        author.post(
                thread + "/posts",
                "body",
                "A post " + suffix,
                "idempotencyKey",
                UUID.randomUUID().toString());
        long post = jdbc.sql("SELECT p.id FROM dialogue_post p WHERE p.thread_id = :t AND p.position = 2")
                .param("t", Long.parseLong(thread.substring(thread.lastIndexOf('/') + 1)))
                .query(Long.class)
                .single();
        HttpVisitor moderator = HttpVisitor.signedInWithRole(port, jdbc, "Mod " + suffix, PASSWORD, "ORGANISER");

        Document queue = moderator.get("/moderation").document();
        assertThat(queue.select("a[href$=/stories/moderation]")).isNotEmpty();
        moderator.get(thread);
        HttpVisitor.Page hidden = moderator.post("/moderation/posts/" + post + "/hide", "reason", "testing");
        Document confirmed = moderator.get(hidden.redirect()).document();
        assertThat(confirmed.select(".notice[role=status]").text()).contains("hidden");

        // decided, not under review any more
        assertThat(new HttpVisitor(port).get(thread).document().text())
                .contains("hidden by the moderators")
                .doesNotContain("while moderators review it");

        // the log names the post as the queue does, by its id, and restores it in place
        Document log = moderator.get("/moderation/log").document();
        assertThat(log.text()).contains("message " + post);
        HttpVisitor.Page restored = moderator.post("/moderation/posts/" + post + "/restore", "from", "log");
        assertThat(restored.redirect()).isEqualTo("/moderation/log?done=restore");
        assertThat(moderator
                        .get(restored.redirect())
                        .document()
                        .select(".notice")
                        .text())
                .contains("shown again");
        assertThat(new HttpVisitor(port).get(thread).document().text()).contains("A post " + suffix);
    }

    @Test
    void aNewThreadInAFollowedSessionReachesTheFeedAndTheNotifications() {
        String suffix = suffix();
        HttpVisitor follower = HttpVisitor.signedUp(port, "Follower " + suffix, PASSWORD);
        long session = jdbc.sql("SELECT s.id FROM forums_session s JOIN forums_edition e ON e.id = s.edition_id"
                        + " WHERE e.slug = 'athens-2009' AND s.code = '1.1'")
                .query(Long.class)
                .single();
        follower.get(SESSION);
        follower.post("/follow", "type", "SESSION", "id", Long.toString(session), "return", SESSION);
        HttpVisitor writer = HttpVisitor.signedUp(port, "Starter " + suffix, PASSWORD);
        writer.startThread(SESSION + "/threads", "Fresh thread " + suffix, "Something new " + suffix);

        assertThat(follower.get("/notifications").document().text()).contains("Fresh thread " + suffix);
        Document feed = follower.get("/feed").document();
        assertThat(feed.text()).contains("Fresh thread " + suffix).contains("Starter " + suffix);
    }

    @Test
    void theDirectoryFindsAnOrganisationByTheNameOfItsTheme() {
        String suffix = suffix();
        HttpVisitor admin = HttpVisitor.signedUp(port, "Theme admin " + suffix, PASSWORD);
        admin.get("/organisations/new");
        var created = admin.post(
                "/organisations",
                "name",
                "Zq" + suffix + " collective",
                "type",
                "NGO",
                "themes",
                "diaspora-engagement",
                "description",
                "We meet on Sundays.");
        assertThat(created.redirect()).contains("/organisations/");
        assertThat(new HttpVisitor(port)
                        .get("/people/directory?q=diaspora")
                        .document()
                        .text())
                .contains("Zq" + suffix + " collective");
        // in French, by the French name of the theme
        assertThat(new HttpVisitor(port)
                        .speaking("fr")
                        .get("/people/directory?q="
                                + java.net.URLEncoder.encode(
                                        frenchThemeName(), java.nio.charset.StandardCharsets.UTF_8))
                        .document()
                        .text())
                .contains("Zq" + suffix + " collective");
    }

    private String frenchThemeName() {
        try (var in = getClass().getResourceAsStream("/i18n/messages_fr.properties")) {
            java.util.Properties french = new java.util.Properties();
            french.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            return french.getProperty("theme.diaspora-engagement");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String create(HttpVisitor admin, String name) {
        admin.get("/organisations/new");
        var created = admin.post("/organisations", "name", name, "type", "NGO", "description", "Working together.");
        assertThat(created.redirect()).contains("/organisations/");
        return created.redirect().replaceFirst("\\?.*", "");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
