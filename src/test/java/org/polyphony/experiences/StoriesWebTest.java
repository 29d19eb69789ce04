package org.polyphony.experiences;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.polyphony.languages.Countries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stories over HTTP against the running application and PostgreSQL: written with and without a name, moderated,
 * filtered, edited with the key, withdrawn, and counted on the map of journeys only from five stories a route.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoriesWebTest {

    static final String PASSWORD = "telling my story";
    static final String STORIES = "/editions/athens-2009/stories";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAnonymousStoryIsLinkedToNobodyAnywhere() {
        String name = "Storyteller " + suffix();
        HttpVisitor author = HttpVisitor.signedUp(port, name, PASSWORD);
        author.get(STORIES + "/new");
        String title = "Nobody knows it is mine " + suffix();
        var sent = author.post(
                STORIES,
                "title",
                title,
                "body",
                "A story about **recruitment** fees.",
                "origin",
                "et",
                "residence",
                "LB",
                "kind",
                "medium-term",
                "sector",
                "domestic-work",
                "yearFrom",
                "2015",
                "themes",
                "recruitment",
                "anonymous",
                "true");
        assertThat(sent.redirect()).matches("/stories/\\d+\\?notice=awaiting");
        String story = sent.redirect().replaceAll("\\?.*", "");
        long id = Long.parseLong(story.substring(story.lastIndexOf('/') + 1));

        // the author sees the key once, and the story waiting
        Document page = author.get(sent.redirect()).document();
        String key = page.select("#story-key").val();
        assertThat(key).hasSize(43);
        assertThat(page.select("main").text())
                .contains(title)
                .doesNotContain(name)
                .contains("waits for a moderator");
        assertThat(jdbc.sql("SELECT author_account_id IS NULL AND anonymous FROM experiences_story WHERE id = :id")
                        .param("id", id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        // others cannot see it before a moderator publishes it
        assertThat(new HttpVisitor(port).get(story).status()).isEqualTo(404);

        HttpVisitor moderator =
                HttpVisitor.signedInWithRole(port, jdbc, "Story moderator " + suffix(), PASSWORD, "MODERATOR");
        // a story with the author's name waits too, and the queue shows it without the name
        String named = "Mine, with my name " + suffix();
        author.get(STORIES + "/new");
        author.post(STORIES, "title", named, "body", "Signed.", "anonymous", "false");
        Document queue = moderator.get(STORIES + "/moderation").document();
        assertThat(queue.text()).contains(title).contains(named).doesNotContain(name);
        moderator.post("/stories/" + id + "/moderation", "decision", "publish");

        HttpVisitor reader = new HttpVisitor(port);
        Document published = reader.get(story).document();
        assertThat(published.select("h1").text()).isEqualTo(title);
        assertThat(published.text()).contains("Anonymous").doesNotContain(name);
        assertThat(published.select(".story-body strong").text()).isEqualTo("recruitment");
        assertThat(reader.get("/api/stories/" + id).body())
                .contains(title)
                .doesNotContain(name)
                .doesNotContain("account");
        assertThat(reader.get(STORIES + "/export.json").body()).contains(title).doesNotContain(name);
        assertThat(reader.get(STORIES + "/export.csv").body()).contains(title).doesNotContain(name);
        assertThat(author.get("/account/data").body()).doesNotContain(title);

        // filters find it
        assertThat(reader.get(STORIES + "?origin=ET&theme=recruitment&kind=medium-term")
                        .document()
                        .text())
                .contains(title);
        assertThat(reader.get(STORIES + "?origin=ET&theme=housing").document().text())
                .doesNotContain(title);

        // the key opens it on another device; a wrong key does not
        HttpVisitor elsewhere = HttpVisitor.signedUp(port, "Other device " + suffix(), PASSWORD);
        assertThat(elsewhere.get(story + "/edit").redirect()).isEqualTo(story + "/manage");
        elsewhere.get(story + "/manage");
        var wrong = elsewhere.post(story + "/manage", "key", "not-the-key");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.document().text()).contains("does not open this story");
        assertThat(elsewhere.post(story + "/manage", "key", key).redirect()).isEqualTo(story + "/edit");
        elsewhere.get(story + "/edit");
        var withdrawn = elsewhere.post(story + "/withdraw");
        assertThat(withdrawn.redirect()).startsWith(STORIES);
        assertThat(reader.get(story).status()).isEqualTo(404);
    }

    @Test
    void aNamedStoryShowsItsAuthorAndOnlyTheAuthorEditsIt() {
        String name = "Named author " + suffix();
        HttpVisitor author = HttpVisitor.signedInWithRole(port, jdbc, name, PASSWORD, "MODERATOR");
        author.get(STORIES + "/new");
        var sent =
                author.post(STORIES, "title", "With my name " + suffix(), "body", "Told openly.", "anonymous", "false");
        assertThat(sent.redirect()).endsWith("?notice=published");
        String story = sent.redirect().replaceAll("\\?.*", "");
        assertThat(new HttpVisitor(port).get(story).document().text()).contains(name);

        HttpVisitor stranger = HttpVisitor.signedUp(port, "Stranger " + suffix(), PASSWORD);
        assertThat(stranger.get(story + "/edit").redirect()).isEqualTo(story + "/manage");
        stranger.get(story);
        assertThat(stranger.post(story + "/withdraw").redirect()).isEqualTo(story + "/manage");

        author.get(story + "/edit");
        var edited = author.post(story + "/edit", "title", "With my name, edited", "body", "Told openly, again.");
        assertThat(edited.redirect()).endsWith("?notice=edited");
        assertThat(new HttpVisitor(port).get(story).document().select("h1").text())
                .isEqualTo("With my name, edited");
    }

    @Test
    void followersSeeNamedStoriesInTheirFeedButNeverAnonymousOnes() {
        String name = "Followed author " + suffix();
        HttpVisitor author = HttpVisitor.signedInWithRole(port, jdbc, name, PASSWORD, "MODERATOR");
        long authorId = jdbc.sql("SELECT id FROM accounts_account WHERE display_name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
        String named = "Told with my name " + suffix();
        String hidden = "Told without it " + suffix();
        author.get(STORIES + "/new");
        author.post(STORIES, "title", named, "body", "Openly.", "anonymous", "false");
        author.get(STORIES + "/new");
        author.post(STORIES, "title", hidden, "body", "Quietly.", "anonymous", "true");
        // the anonymous one waits for another moderator; published, it must still not reach the feed
        jdbc.sql("UPDATE experiences_story SET status = 'PUBLISHED', published_on = current_date WHERE title = :t")
                .param("t", hidden)
                .update();

        HttpVisitor follower = HttpVisitor.signedUp(port, "Follower " + suffix(), PASSWORD);
        follower.get("/people/" + authorId);
        follower.post("/people/" + authorId + "/follow");

        String feed = follower.get("/feed").document().select("main").text();
        assertThat(feed).contains(named).doesNotContain(hidden);
        assertThat(author.get("/account/data").body()).contains(named).doesNotContain(hidden);
    }

    @Test
    void badInputIsRefusedWithMessagesAndKeepsTheText() {
        HttpVisitor author = HttpVisitor.signedUp(port, "Hasty " + suffix(), PASSWORD);
        author.get(STORIES + "/new");
        var refused = author.post(
                STORIES,
                "title",
                "",
                "body",
                "My words stay here",
                "origin",
                "XX",
                "yearFrom",
                "2020",
                "yearTo",
                "1999",
                "themes",
                "no-such-theme",
                "sessions",
                "999999",
                "kind",
                "forever");
        assertThat(refused.status()).isEqualTo(422);
        Document page = refused.document();
        assertThat(page.select("textarea[name=body]").text()).isEqualTo("My words stay here");
        assertThat(page.select(".error-summary li")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(page.select(".error-summary").text())
                .contains("Give your story a title")
                .contains("Choose a country from the list")
                .contains("The last year comes before the first")
                .contains("Choose themes from the list")
                .contains("Choose sessions of this forum edition")
                .contains("Choose a kind of migration");
        assertThat(new HttpVisitor(port).get(STORIES + "/new").redirect()).isEqualTo("/login");
    }

    @Test
    void aRouteIsDrawnOnlyOnceFiveStoriesShareIt() {
        HttpVisitor moderator = HttpVisitor.signedInWithRole(port, jdbc, "Mapper " + suffix(), PASSWORD, "MODERATOR");
        String[] route = TestRoutes.unused(jdbc);
        String origin = Countries.name(route[0], Locale.ENGLISH);
        String residence = Countries.name(route[1], Locale.ENGLISH);
        for (int n = 0; n < 4; n++) {
            publish(moderator, route[0], route[1]);
        }
        Document four = new HttpVisitor(port).get(STORIES + "/journeys").document();
        assertThat(four.select("table tbody tr").eachText())
                .noneMatch(row -> row.contains(origin) && row.contains(residence));
        assertThat(four.select("svg title").eachText()).noneMatch(t -> t.contains(origin) && t.contains(residence));

        publish(moderator, route[0], route[1]);
        Document map =
                new HttpVisitor(port).speaking("en").get(STORIES + "/journeys").document();
        assertThat(map.select("figure svg[role=img]")).hasSize(1);
        assertThat(map.select("table tbody").text()).contains(origin).contains(residence);
        assertThat(map.select("svg title").eachText()).anyMatch(t -> t.contains(origin) && t.contains(residence));
        // the demo's five stories from the Philippines to Hong Kong are on it too
        assertThat(map.select("table tbody").text()).contains("Philippines");
    }

    private void publish(HttpVisitor moderator, String origin, String residence) {
        moderator.get(STORIES + "/new");
        var sent = moderator.post(
                STORIES,
                "title",
                "Route " + suffix(),
                "body",
                "A journey.",
                "origin",
                origin,
                "residence",
                residence,
                "anonymous",
                "false");
        assertThat(sent.redirect()).endsWith("?notice=published");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
