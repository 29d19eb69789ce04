package org.polyphony.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Flags, automatic hiding at the edition's threshold, the moderators' queue and the audit log. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModerationWebTest {

    static final String PASSWORD = "keeping the peace";
    static final String THREADS = "/editions/athens-2009/sessions/1.3/threads";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void enoughFlagsHideAPostUntilAModeratorRestoresIt() {
        HttpVisitor author = signedUp("Provocateur");
        String word = "zm" + UUID.randomUUID().toString().substring(0, 6);
        String thread = startThread(author, "Heated " + word, "A heated claim " + word);
        String post = postId(author, thread);

        for (int i = 0; i < 3; i++) {
            HttpVisitor flagger = signedUp("Flagger");
            flagger.get("/posts/" + post + "/flag");
            var flagged = flagger.post("/posts/" + post + "/flag", "reason", "ABUSE", "note", "insulting " + i);
            assertThat(flagged.redirect()).contains("flagged");
        }

        Document hidden = new HttpVisitor(port).get(thread).document();
        assertThat(hidden.select("#post-1").text()).doesNotContain("A heated claim");
        assertThat(new HttpVisitor(port).get("/search?q=" + word).document().select(".search-results li"))
                .isEmpty();

        HttpVisitor moderator = withRoles("Moderator", "MODERATOR");
        Document queue = moderator.get("/moderation").document();
        assertThat(queue.text()).contains("Heated " + word).contains("insulting 0");
        assertThat(queue.text()).doesNotContain("Flagger");
        moderator.post("/moderation/posts/" + post + "/restore", "reason", "criticism, not abuse");

        assertThat(new HttpVisitor(port)
                        .get(thread)
                        .document()
                        .select("#post-1 .post-body")
                        .text())
                .contains("A heated claim");
        HttpVisitor organiser = withRoles("Organiser", "ORGANISER");
        Document log = organiser.get("/moderation/log").document();
        assertThat(log.select("tbody tr").text()).contains("criticism, not abuse");
        assertThat(log.select("tbody tr a[href=/posts/" + post + "]")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aModeratorHidesAPostAndTheLogSaysWhoAndWhy() {
        HttpVisitor author = signedUp("Spammer");
        String thread = startThread(author, "Cheap visas", "Buy cheap visas here");
        String post = postId(author, thread);
        HttpVisitor moderator = withRoles("Careful moderator", "MODERATOR");
        moderator.get(thread);

        moderator.post("/moderation/posts/" + post + "/hide", "reason", "advertising");

        assertThat(new HttpVisitor(port).get(thread).document().text()).doesNotContain("Buy cheap visas");
        assertThat(moderator.get(thread).document().select("#post-1 .post-body").text())
                .contains("Buy cheap visas");
        assertThat(jdbc.sql("SELECT count(*) FROM dialogue_moderation_log WHERE post_id = :post AND action = 'HIDE'"
                                + " AND reason = 'advertising' AND moderator_id IS NOT NULL")
                        .param("post", Long.parseLong(post))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void nobodyFlagsTheirOwnPostAndAFlagNeedsAReason() {
        HttpVisitor author = signedUp("Self");
        String thread = startThread(author, "Own", "My own words");
        String post = postId(author, thread);
        author.get("/posts/" + post + "/flag");

        var own = author.post("/posts/" + post + "/flag", "reason", "SPAM");
        assertThat(own.status()).isEqualTo(422);
        HttpVisitor other = signedUp("Other");
        other.get("/posts/" + post + "/flag");
        var noReason = other.speaking("ar").post("/posts/" + post + "/flag", "note", "kept note");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.document().select("#reason-error").text()).isNotBlank();
        assertThat(noReason.document().select("#note").text()).isEqualTo("kept note");
    }

    @Test
    void onlyModeratorsSeeTheQueueAndOnlyOrganisersTheLog() {
        HttpVisitor participant = signedUp("Curious");
        HttpVisitor moderator = withRoles("Mod only", "MODERATOR");

        assertThat(participant.get("/moderation").status()).isEqualTo(403);
        assertThat(moderator.get("/moderation").status()).isEqualTo(200);
        assertThat(moderator.get("/moderation/log").status()).isEqualTo(403);
        moderator.get("/moderation");
        assertThat(participant.post("/moderation/posts/1/hide", "reason", "x").status())
                .isEqualTo(403);
    }

    @Test
    void aSuspendedAuthorCannotWriteAndTheirPostsHideOnlyWhenAsked() {
        HttpVisitor author = signedUp("Suspended");
        String thread = startThread(author, "Before suspension", "Written before");
        String post = postId(author, thread);
        HttpVisitor moderator = withRoles("Suspending moderator", "MODERATOR");
        moderator.get("/moderation");

        moderator.post(
                "/moderation/posts/" + post + "/suspend-author",
                "days",
                "3",
                "hidePosts",
                "true",
                "reason",
                "repeated abuse");

        author.get(thread);
        var refused = author.post(
                thread + "/posts",
                "body",
                "Can I still write?",
                "idempotencyKey",
                UUID.randomUUID().toString());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().select(".error-summary").text()).isNotBlank();
        assertThat(refused.document().select("#body").text()).isEqualTo("Can I still write?");
        assertThat(new HttpVisitor(port).get(thread).document().text()).doesNotContain("Written before");
        assertThat(author.get("/account").status()).isEqualTo(200);
    }

    @Test
    void inAPremoderatedSessionPostsWaitForAModerator() {
        String threads = "/editions/gfmd-2012/sessions/3.2/threads";
        jdbc.sql(
                        "UPDATE forums_session SET premoderated = true WHERE id = (SELECT s.id FROM forums_session s"
                                + " JOIN forums_edition e ON e.id = s.edition_id WHERE e.slug = 'gfmd-2012' AND s.code = '3.2')")
                .update();
        try {
            HttpVisitor author = signedUp("Waiting");
            String title = "Needs approval " + UUID.randomUUID().toString().substring(0, 6);
            author.get(threads);
            var started = author.post(
                    threads,
                    "title",
                    title,
                    "body",
                    "A sensitive testimony",
                    "idempotencyKey",
                    UUID.randomUUID().toString());
            assertThat(started.redirect()).contains("?awaiting");
            String thread = started.redirect().replaceAll("\\?.*", "");

            Document own = author.get(started.redirect()).document();
            assertThat(own.select(".notice").text()).isNotBlank();
            assertThat(own.select("#post-1 .post-body").text()).isEqualTo("A sensitive testimony");
            HttpVisitor reader = new HttpVisitor(port);
            assertThat(reader.get(thread).status()).isEqualTo(404);
            assertThat(reader.get(threads).document().text()).doesNotContain(title);

            HttpVisitor moderator = withRoles("Approving moderator", "MODERATOR");
            assertThat(moderator.get("/moderation").document().text()).contains(title);
            String post =
                    own.select("#post-1 form[action$=/delete]").attr("action").replaceAll("/posts/(\\d+)/delete", "$1");
            moderator.post("/moderation/posts/" + post + "/approve", "reason", "fine");

            assertThat(reader.get(thread)
                            .document()
                            .select("#post-1 .post-body")
                            .text())
                    .isEqualTo("A sensitive testimony");
            assertThat(reader.get(threads).document().text()).contains(title);

            HttpVisitor replier = signedUp("Replier");
            replier.get(thread);
            var reply = replier.post(
                    thread + "/posts",
                    "body",
                    "An unkind reply",
                    "idempotencyKey",
                    UUID.randomUUID().toString());
            assertThat(reply.redirect()).contains("awaiting");
            assertThat(reader.get(thread).document().text()).doesNotContain("An unkind reply");
            String replyId = replier.get(thread)
                    .document()
                    .select("#post-2 form[action$=/delete]")
                    .attr("action")
                    .replaceAll("/posts/(\\d+)/delete", "$1");
            moderator.get("/moderation");
            moderator.post("/moderation/posts/" + replyId + "/reject", "reason", "unkind");
            assertThat(reader.get(thread).document().text()).doesNotContain("An unkind reply");
            assertThat(jdbc.sql("SELECT count(*) FROM dialogue_moderation_log WHERE action IN ('APPROVE', 'REJECT')"
                                    + " AND post_id IN (:a, :b)")
                            .param("a", Long.parseLong(post))
                            .param("b", Long.parseLong(replyId))
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);
        } finally {
            jdbc.sql("UPDATE forums_session SET premoderated = false").update();
        }
    }

    @Test
    void aHiddenOpeningPostHidesItsThreadTitleAndItsHistoryEverywhere() {
        HttpVisitor author = signedUp("Exposing");
        String word = "zh" + UUID.randomUUID().toString().substring(0, 6);
        String thread = startThread(author, "Maria K works at the farm " + word, "First version " + word);
        String post = postId(author, thread);
        author.get("/posts/" + post + "/edit");
        author.post("/posts/" + post + "/edit", "body", "Second version " + word);
        HttpVisitor replier = signedUp("Replying");
        replier.get(thread);
        replier.post(
                thread + "/posts",
                "body",
                "A reply mentioning " + word,
                "idempotencyKey",
                UUID.randomUUID().toString());
        HttpVisitor moderator = withRoles("Protecting moderator", "MODERATOR");
        moderator.get(thread);

        moderator.post("/moderation/posts/" + post + "/hide", "reason", "exposes a person");

        HttpVisitor reader = new HttpVisitor(port);
        assertThat(reader.get(thread).status()).isEqualTo(404);
        assertThat(reader.get(THREADS).body()).doesNotContain("Maria K");
        assertThat(reader.get("/posts/" + post + "/history").status()).isEqualTo(404);
        assertThat(reader.get("/search?q=" + word).body()).doesNotContain("Maria K");
        assertThat(reader.get("/editions/athens-2009/sessions/1.3/feed.atom").body())
                .doesNotContain("Maria K");
        assertThat(reader.get("/editions/athens-2009/export.csv").body()).doesNotContain("Maria K");
        assertThat(moderator.get(thread).status()).isEqualTo(200);
        assertThat(moderator.get("/posts/" + post + "/history").body()).contains("First version");
    }

    @Test
    void othersWaitingPostsAreInvisibleAndAnEditGoesBackToTheModerators() {
        String threads = "/editions/gfmd-2012/sessions/3.2/threads";
        HttpVisitor author = signedUp("Opener");
        String thread = startThread(author, "Open before moderation", "Visible opening");
        jdbc.sql("UPDATE forums_session SET premoderated = true WHERE id = (SELECT session_id FROM dialogue_thread"
                        + " WHERE id = :id)")
                .param("id", Long.parseLong(thread.replace("/threads/", "")))
                .update();
        try {
            HttpVisitor replier = signedUp("Hidden replier");
            replier.get(thread);
            replier.post(
                    thread + "/posts",
                    "body",
                    "Waiting reply",
                    "idempotencyKey",
                    UUID.randomUUID().toString());

            Document forOthers = new HttpVisitor(port).get(thread).document();
            assertThat(forOthers.select("#post-2")).isEmpty();
            assertThat(forOthers.text()).doesNotContain("Hidden replier");
            assertThat(replier.get(thread)
                            .document()
                            .select("#post-2 .post-body")
                            .text())
                    .isEqualTo("Waiting reply");

            String opening = postId(author, thread);
            author.get("/posts/" + opening + "/edit");
            author.post("/posts/" + opening + "/edit", "body", "Changed after approval");
            assertThat(new HttpVisitor(port).get(thread).status()).isEqualTo(404);
            assertThat(new HttpVisitor(port).get(threads).body()).doesNotContain("Open before moderation");
        } finally {
            jdbc.sql("UPDATE forums_session SET premoderated = false").update();
        }
    }

    @Test
    void deletingAndHidingRepliesKeepsTheCountTrue() {
        HttpVisitor author = signedUp("Counter");
        String thread = startThread(author, "Counting", "Opening");
        for (int i = 0; i < 3; i++) {
            author.post(
                    thread + "/posts",
                    "body",
                    "Reply " + i,
                    "idempotencyKey",
                    UUID.randomUUID().toString());
        }
        String second = author.get(thread)
                .document()
                .select("#post-2 form[action$=/delete]")
                .attr("action");
        author.post(second);
        String third = postIdAt(author, thread, 3);
        HttpVisitor moderator = withRoles("Counting moderator", "MODERATOR");
        moderator.get(thread);
        moderator.post("/moderation/posts/" + third + "/hide", "reason", "test");

        long count = jdbc.sql("SELECT reply_count FROM dialogue_thread WHERE id = :id")
                .param("id", Long.parseLong(thread.replace("/threads/", "")))
                .query(Long.class)
                .single();
        assertThat(count).isEqualTo(1);
    }

    private static String postIdAt(HttpVisitor visitor, String thread, int position) {
        return visitor.get(thread)
                .document()
                .select("#post-" + position + " a[href*=replyTo]")
                .attr("href")
                .replaceAll(".*replyTo=(\\d+).*", "$1");
    }

    private HttpVisitor withRoles(String prefix, String role) {
        String name = prefix + " " + UUID.randomUUID().toString().substring(0, 8);
        return HttpVisitor.signedInWithRole(port, jdbc, name, PASSWORD, role);
    }

    private String startThread(HttpVisitor author, String title, String body) {
        return author.startThread(THREADS, title, body);
    }

    private static String postId(HttpVisitor visitor, String thread) {
        return visitor.get(thread)
                .document()
                .select("#post-1 form[action$=/delete]")
                .attr("action")
                .replaceAll("/posts/(\\d+)/delete", "$1");
    }

    private HttpVisitor signedUp(String prefix) {
        return HttpVisitor.signedUp(
                port, prefix + " " + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
    }

    private HttpVisitor signUp(String name) {
        return HttpVisitor.signedUp(port, name, PASSWORD);
    }
}
