package org.polyphony.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Online Dialogue as a visitor without JavaScript meets it, through the real server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DialogueWebTest {

    static final String PASSWORD = "let us talk together";
    static final String SESSION = "/editions/athens-2009/sessions/2.2";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void startAThreadAndReplyToItWithoutJavaScript() {
        HttpVisitor amina = signedUp("Amina");
        HttpVisitor kofi = signedUp("Kofi");
        assertThat(amina.get("/editions/athens-2009/sessions/2.2").document().select("a[href=" + SESSION + "/threads]"))
                .isNotEmpty();

        String thread = startThread(
                amina,
                "Circular migration and pensions",
                "Pension rights should **travel** with workers.\n\n- portability\n- totalisation");
        Document page = kofi.get(thread).document();
        assertThat(page.select("h1").text()).isEqualTo("Circular migration and pensions");
        assertThat(page.select("#post-1 .post-body strong").text()).isEqualTo("travel");
        assertThat(page.select("#post-1 .post-body li")).hasSize(2);

        var replied = kofi.post(
                thread + "/posts",
                "body",
                "Agreed, and for seasonal workers too.",
                "parentId",
                firstPostId(page),
                "idempotencyKey",
                UUID.randomUUID().toString());

        assertThat(replied.redirect()).endsWith("#post-2");
        Document after = amina.get(thread).document();
        assertThat(after.select("#post-2 .post-body").text()).contains("seasonal workers");
        assertThat(after.select("#post-2 .in-reply-to").text()).contains("#1");
        assertThat(after.select("#post-2 header bdi").text()).startsWith("Kofi");
        Document list = amina.get(SESSION + "/threads").document();
        assertThat(list.select(".threads").text())
                .contains("Circular migration and pensions")
                .contains("1");
    }

    @Test
    void markdownCannotCarryScriptsAndLinksAreMarkedAsUserContent() {
        HttpVisitor author = signedUp("Careful");

        String thread = startThread(
                author,
                "Links",
                "<script>alert(1)</script>\n\nSee [the report](https://example.org/r)"
                        + " and [this](javascript:alert(2)) <img src=x onerror=alert(3)>");

        Document page = author.get(thread).document();
        assertThat(page.select(".post-body script, .post-body img")).isEmpty();
        assertThat(page.select(".post-body").text()).contains("<script>alert(1)</script>");
        assertThat(page.select(".post-body a[href=https://example.org/r]").attr("rel"))
                .contains("nofollow")
                .contains("ugc")
                .contains("noopener");
        assertThat(page.select(".post-body a[href^=javascript]")).isEmpty();
    }

    @Test
    void submittingTheSameFormTwiceMakesOnePost() {
        HttpVisitor author = signedUp("Double");
        String thread = startThread(author, "Once only", "First.");
        String key = UUID.randomUUID().toString();

        var first = author.post(thread + "/posts", "body", "Said once", "idempotencyKey", key);
        var second = author.post(thread + "/posts", "body", "Said once", "idempotencyKey", key);

        assertThat(second.redirect()).isEqualTo(first.redirect());
        assertThat(author.get(thread).document().select(".post-body:contains(Said once)"))
                .hasSize(1);
    }

    @Test
    void authorsEditWithAVisibleHistoryAndNobodyElseCan() {
        HttpVisitor author = signedUp("Editor");
        HttpVisitor other = signedUp("Other");
        String thread = startThread(author, "Editing", "First version.");
        String postId = firstPostId(author.get(thread).document());

        assertThat(other.get("/posts/" + postId + "/edit").status()).isEqualTo(403);
        author.get("/posts/" + postId + "/edit");
        var edited = author.post("/posts/" + postId + "/edit", "body", "Second version.");

        assertThat(edited.redirect()).endsWith("#post-1");
        Document page = other.get(thread).document();
        assertThat(page.select("#post-1 .post-body").text()).isEqualTo("Second version.");
        Document history = other.get("/posts/" + postId + "/history").document();
        assertThat(history.select(".post-body").text()).contains("First version.");
        other.get(thread);
        assertThat(other.post("/posts/" + postId + "/edit", "body", "Hijacked").status())
                .isEqualTo(403);
    }

    @Test
    void aDeletedReplyKeepsItsPlaceInTheThread() {
        HttpVisitor author = signedUp("Deleter");
        String thread = startThread(author, "Deleting", "Opening.");
        author.post(
                thread + "/posts",
                "body",
                "Regrettable reply",
                "idempotencyKey",
                UUID.randomUUID().toString());
        author.post(
                thread + "/posts",
                "body",
                "Later reply",
                "idempotencyKey",
                UUID.randomUUID().toString());
        Document before = author.get(thread).document();
        String regrettable = before.select("#post-2 form[action$=/delete]").attr("action");

        author.post(regrettable);

        Document after = author.get(thread).document();
        assertThat(after.select("#post-2").hasClass("deleted")).isTrue();
        assertThat(after.text()).doesNotContain("Regrettable reply");
        assertThat(after.select("#post-3 .post-body").text()).isEqualTo("Later reply");
        assertThat(after.select("p.muted").first().text()).contains("1");
    }

    @Test
    void reactionsCountOnceAndCanBeTakenBack() {
        HttpVisitor author = signedUp("Reacted");
        HttpVisitor reader = signedUp("Reader");
        String thread = startThread(author, "Reactions", "React to me.");
        String postId = firstPostId(reader.get(thread).document());

        reader.post("/posts/" + postId + "/reactions", "kind", "AGREE");
        Document once = reader.get(thread).document();
        assertThat(once.select("#post-1 button[aria-pressed=true]").text()).contains("1");

        reader.post("/posts/" + postId + "/reactions", "kind", "AGREE");
        Document back = reader.get(thread).document();
        assertThat(back.select("#post-1 button[aria-pressed=true]")).isEmpty();
        assertThat(reader.post("/posts/" + postId + "/reactions", "kind", "LOVE")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void badInputIsExplainedAndWhatWasTypedIsKept() {
        HttpVisitor author = signedUp("Hasty");
        author.get(SESSION + "/threads");

        var empty = author.speaking("fr")
                .post(
                        SESSION + "/threads",
                        "title",
                        "A title worth keeping",
                        "body",
                        "   ",
                        "idempotencyKey",
                        UUID.randomUUID().toString());

        assertThat(empty.status()).isEqualTo(422);
        Document page = empty.document();
        assertThat(page.select("#title").val()).isEqualTo("A title worth keeping");
        assertThat(page.select("#body-error").text()).isNotBlank().doesNotContain("post.body");
        var tooLong = author.post(
                SESSION + "/threads",
                "title",
                "Long",
                "body",
                "x".repeat(20_001),
                "idempotencyKey",
                UUID.randomUUID().toString());
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.document().select("#body").text()).hasSize(20_001);
        assertThat(jdbc.sql("SELECT count(*) FROM dialogue_thread WHERE title IN ('A title worth keeping', 'Long')")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void unknownOrMalformedAddressesAreLocalizedErrors() {
        HttpVisitor visitor = new HttpVisitor(port).speaking("es");

        assertThat(visitor.get("/threads/999999999").status()).isEqualTo(404);
        assertThat(visitor.get("/threads/not-a-number").status()).isEqualTo(400);
        assertThat(visitor.get("/threads/not-a-number")
                        .document()
                        .selectFirst("html")
                        .attr("lang"))
                .isEqualTo("es");
        assertThat(visitor.get("/editions/athens-2009/sessions/9.9/threads").status())
                .isEqualTo(404);
    }

    @Test
    void onlySignedInPeopleWriteAndNothingIsCreatedOtherwise() {
        HttpVisitor anonymous = new HttpVisitor(port);
        anonymous.get(SESSION + "/threads");

        var refused = anonymous.post(
                SESSION + "/threads",
                "title",
                "Anonymous attempt",
                "body",
                "Hello",
                "idempotencyKey",
                UUID.randomUUID().toString());

        assertThat(refused.redirect()).isEqualTo("/login");
        assertThat(jdbc.sql("SELECT count(*) FROM dialogue_thread WHERE title = 'Anonymous attempt'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anArchivedEditionIsReadOnly() {
        HttpVisitor author = signedUp("Archivist");
        String thread = startThread(author, "Before the archive", "Written while open.");
        jdbc.sql("UPDATE forums_edition SET status = 'ARCHIVED' WHERE slug = 'gfmd-2012'")
                .update();
        try {
            String archivedSession = "/editions/gfmd-2012/sessions/1.1/threads";
            Document page = author.get(archivedSession).document();
            assertThat(page.select("form[action$=/threads]")).isEmpty();
            var refused = author.post(
                    archivedSession,
                    "title",
                    "After the archive",
                    "body",
                    "Too late",
                    "idempotencyKey",
                    UUID.randomUUID().toString());
            assertThat(refused.status()).isEqualTo(403);
            assertThat(author.get(thread).status()).isEqualTo(200);
        } finally {
            jdbc.sql("UPDATE forums_edition SET status = 'OPEN' WHERE slug = 'gfmd-2012'")
                    .update();
        }
    }

    @Test
    void longThreadsArePaginatedAndThreadListsWalkByKeyset() {
        HttpVisitor author = signedUp("Prolific");
        String thread = startThread(author, "A long conversation", "Post 1");
        for (int i = 2; i <= 45; i++) {
            author.post(
                    thread + "/posts",
                    "body",
                    "Post " + i,
                    "idempotencyKey",
                    UUID.randomUUID().toString());
        }

        Document second = author.get(thread + "?page=2").document();
        assertThat(second.select(".post .post-body").eachText()).first().isEqualTo("Post 21");
        assertThat(second.select(".post")).hasSize(20);
        assertThat(second.select("a[rel=next]").attr("href")).endsWith("page=3");
        assertThat(author.get(thread + "?page=3").document().select(".post")).hasSize(5);

        String session = "/editions/gfmd-2012/sessions/2.2/threads";
        for (int i = 0; i < 22; i++) {
            startThreadIn(author, session, "Keyset " + i, "Body " + i);
        }
        Document first = author.get(session + "?sort=newest").document();
        List<String> firstTitles = first.select(".threads h2").eachText();
        assertThat(firstTitles).hasSize(20).first().isEqualTo("Keyset 21");
        Document next = author.get(first.select("a[rel=next]").attr("href")).document();
        assertThat(next.select(".threads h2").eachText())
                .doesNotContainAnyElementsOf(firstTitles)
                .contains("Keyset 0");
    }

    @Test
    void aDeletedAccountsWordsStayWithoutItsName() {
        HttpVisitor author = signedUp("Leaving");
        String thread = startThread(author, "Words that stay", "These words stay.");
        author.get("/account");
        author.post("/account/delete", "currentPassword", PASSWORD);

        Document page = new HttpVisitor(port).get(thread).document();
        assertThat(page.select("#post-1 .post-body").text()).isEqualTo("These words stay.");
        assertThat(page.select("#post-1 header").text()).doesNotContain("Leaving");
    }

    @Autowired
    DialogueStats stats;

    @Test
    void interactivityIsCountedAndShownAndOrganisersHaveADashboard() {
        HttpVisitor amina = signedUp("Stats A");
        HttpVisitor kofi = signedUp("Stats B");
        // a session no other test writes in, so that its dashboard counts this conversation only
        String session = "/editions/gfmd-2012/sessions/4.2";
        String thread = startThreadIn(amina, session + "/threads", "Talking together", "Opening");
        kofi.get(thread);
        kofi.post(
                thread + "/posts",
                "body",
                "An answer",
                "idempotencyKey",
                UUID.randomUUID().toString());
        String answer = amina.get(thread)
                .document()
                .select("#post-2 a[href*=replyTo]")
                .attr("href")
                .replaceAll(".*replyTo=(\\d+).*", "$1");
        amina.post(
                thread + "/posts",
                "body",
                "An answer to the answer",
                "parentId",
                answer,
                "idempotencyKey",
                UUID.randomUUID().toString());
        amina.post(
                thread + "/posts",
                "body",
                "Talking to myself",
                "parentId",
                firstPostId(amina.get(thread).document()),
                "idempotencyKey",
                UUID.randomUUID().toString());
        jdbc.sql("UPDATE accounts_account SET read_languages = '{fr}' WHERE display_name LIKE 'Stats A %'")
                .update();
        jdbc.sql("UPDATE accounts_account SET read_languages = '{en,fr}' WHERE display_name LIKE 'Stats B %'")
                .update();

        var figures = stats.ofThread(new ThreadId(Long.parseLong(thread.replace("/threads/", ""))));

        assertThat(figures.posts()).isEqualTo(4);
        assertThat(figures.participants()).isEqualTo(2);
        assertThat(figures.repliesToOthers()).isEqualTo(2);
        assertThat(figures.dialoguePercent()).isEqualTo(50);
        long sessionId = jdbc.sql("SELECT session_id FROM dialogue_thread WHERE id = :id")
                .param("id", Long.parseLong(thread.replace("/threads/", "")))
                .query(Long.class)
                .single();
        assertThat(stats.dashboardOf(sessionId).postsAnsweredAcrossLanguages()).isEqualTo(2);
        assertThat(amina.get(thread).document().select("p.muted").first().text())
                .contains("50");
        assertThat(amina.get(session + "/dashboard").status()).isEqualTo(403);
        jdbc.sql("UPDATE accounts_account SET roles = '{PARTICIPANT,ORGANISER}' WHERE display_name LIKE 'Stats A %'")
                .update();
        String name = amina.get("/account").document().select("#displayName").val();
        HttpVisitor organiser = new HttpVisitor(port);
        organiser.get("/login");
        organiser.post("/login", "name", name, "password", PASSWORD);
        var dashboard = organiser.get(session + "/dashboard");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.document().select("table td").eachText()).isNotEmpty();
    }

    @Test
    void repliesNestThreeLevelsDeepAndLinkBeyond() {
        HttpVisitor author = signedUp("Nester");
        String thread = startThread(author, "Nesting", "Level zero");
        String parent = firstPostId(author.get(thread).document());
        for (int level = 1; level <= 4; level++) {
            author.post(
                    thread + "/posts",
                    "body",
                    "Level " + level,
                    "parentId",
                    parent,
                    "idempotencyKey",
                    UUID.randomUUID().toString());
            parent = author.get(thread)
                    .document()
                    .select("#post-" + (level + 1) + " a[href*=replyTo]")
                    .attr("href")
                    .replaceAll(".*replyTo=(\\d+).*", "$1");
        }
        author.post(
                thread + "/posts",
                "body",
                "Back to the thread",
                "idempotencyKey",
                UUID.randomUUID().toString());

        Document page = author.get(thread).document();
        assertThat(page.select("#post-1").hasClass("depth-0")).isTrue();
        assertThat(page.select("#post-2").hasClass("depth-1")).isTrue();
        assertThat(page.select("#post-4").hasClass("depth-3")).isTrue();
        assertThat(page.select("#post-5").hasClass("depth-3")).isTrue();
        assertThat(page.select("#post-5 .in-reply-to").attr("href")).isEqualTo("#post-4");
        assertThat(page.select("#post-6").hasClass("depth-0")).isTrue();
    }

    private String startThread(HttpVisitor author, String title, String body) {
        return startThreadIn(author, SESSION + "/threads", title, body);
    }

    private String startThreadIn(HttpVisitor author, String threads, String title, String body) {
        return author.startThread(threads, title, body);
    }

    private static String firstPostId(Document thread) {
        return thread.select("#post-1 a[href*=replyTo]").attr("href").replaceAll(".*replyTo=(\\d+).*", "$1");
    }

    private HttpVisitor signedUp(String prefix) {
        return HttpVisitor.signedUp(
                port, prefix + " " + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
    }
}
