package org.polyphony.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Atom feeds, the JSON API with its OpenAPI document, and the open-data export: public, and nothing private. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenDataTest {

    static final String PASSWORD = "open data for all";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void feedsListTheLatestVisiblePosts() {
        HttpVisitor author = signedUp("Feeder");
        String thread =
                startThread(author, "/editions/athens-2009/sessions/3.3/threads", "Feeds & more", "First <b>post</b>");
        author.post(
                thread + "/posts",
                "body",
                "Second *post*",
                "idempotencyKey",
                UUID.randomUUID().toString());

        var feed = new HttpVisitor(port).get(thread + "/feed.atom");

        assertThat(feed.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/atom+xml"));
        var xml = Jsoup.parse(feed.body(), Parser.xmlParser());
        assertThat(xml.select("feed > title").text()).isEqualTo("Feeds & more");
        assertThat(xml.select("entry")).hasSize(2);
        assertThat(xml.select("entry content").first().text()).contains("<em>post</em>");
        var sessionFeed = new HttpVisitor(port).get("/editions/athens-2009/sessions/3.3/feed.atom");
        assertThat(sessionFeed.body()).contains("Feeds &amp; more");
    }

    @Test
    void theApiServesEditionsThreadsAndPostsAndIsDocumented() throws Exception {
        HttpVisitor author = signedUp("Api");
        String thread = startThread(
                author, "/editions/athens-2009/sessions/3.3/threads", "Via the API", "Readable by machines");
        long id = Long.parseLong(thread.replace("/threads/", ""));
        HttpVisitor client = new HttpVisitor(port);

        JsonNode editions = JSON.readTree(client.get("/api/editions").body());
        assertThat(editions.valueStream().map(e -> e.get("slug").asString())).contains("athens-2009", "gfmd-2012");
        JsonNode athens = JSON.readTree(client.get("/api/editions/athens-2009").body());
        assertThat(athens.get("name").get("fr").asString()).contains("Journées");
        assertThat(athens.get("roundtables")
                        .get(1)
                        .get("sessions")
                        .get(1)
                        .get("code")
                        .asString())
                .isEqualTo("2.2");
        JsonNode threads = JSON.readTree(client.get("/api/editions/athens-2009/sessions/3.3/threads?sort=newest")
                .body());
        assertThat(threads.get("threads").valueStream().map(t -> t.get("title").asString()))
                .contains("Via the API");
        JsonNode page = JSON.readTree(client.get("/api/threads/" + id).body());
        assertThat(page.get("posts").get(0).get("html").asString()).contains("Readable by machines");
        assertThat(client.get("/api/threads/999999999").status()).isEqualTo(404);

        JsonNode openApi = JSON.readTree(client.get("/v3/api-docs").body());
        assertThat(openApi.get("paths").propertyNames())
                .contains(
                        "/api/editions",
                        "/api/editions/{slug}",
                        "/api/editions/{slug}/sessions/{code}/threads",
                        "/api/threads/{id}");
    }

    @Test
    void theExportHasEveryVisiblePostAndNothingPrivate() throws Exception {
        HttpVisitor author = signedUp("Exporter");
        String thread = startThread(
                author,
                "/editions/gfmd-2012/sessions/4.1/threads",
                "Exported, with \"quotes\"",
                "=SUM(A1) is not a formula here\nsecond line");
        author.post(
                thread + "/posts",
                "body",
                "Deleted before export",
                "idempotencyKey",
                UUID.randomUUID().toString());
        String delete = author.get(thread)
                .document()
                .select("#post-2 form[action$=/delete]")
                .attr("action");
        author.post(delete);
        HttpVisitor client = new HttpVisitor(port);

        String csv = client.get("/editions/gfmd-2012/export.csv").body();
        JsonNode json =
                JSON.readTree(client.get("/editions/gfmd-2012/export.json").body());

        assertThat(csv).startsWith("post_id,thread_id,session,thread_title,position,in_reply_to_post_id,author,");
        assertThat(csv).contains("\"Exported, with \"\"quotes\"\"\"").contains("\"'=SUM(A1)");
        assertThat(csv)
                .doesNotContain("Deleted before export")
                .doesNotContain("@")
                .doesNotContain("password");
        assertThat(json.get("posts").valueStream().map(p -> p.get("bodyMarkdown")
                        .asString()))
                .anyMatch(b -> b.startsWith("=SUM"))
                .noneMatch(b -> b.contains("Deleted before export"));
        assertThat(json.toString())
                .doesNotContain("email")
                .doesNotContain("authorId")
                .doesNotContain("flagger");
    }

    @Test
    void anEditionBackInPreparationLeavesNoTraceAnywhere() {
        HttpVisitor author = signUpPublic("Unpublished");
        String word = "zp" + UUID.randomUUID().toString().substring(0, 6);
        String thread =
                startThread(author, "/editions/gfmd-2012/sessions/4.1/threads", "Draft talk " + word, "Words " + word);
        long id = Long.parseLong(thread.replace("/threads/", ""));
        jdbcClient
                .sql("UPDATE forums_edition SET status = 'PREPARATION' WHERE slug = 'gfmd-2012'")
                .update();
        try {
            HttpVisitor client = new HttpVisitor(port);
            assertThat(client.get("/api/threads/" + id).status()).isEqualTo(404);
            assertThat(client.get(thread + "/feed.atom").status()).isEqualTo(404);
            assertThat(client.get("/search?q=" + word).body()).doesNotContain("Draft talk");
            assertThat(client.get(thread).status()).isEqualTo(404);
        } finally {
            jdbcClient
                    .sql("UPDATE forums_edition SET status = 'OPEN' WHERE slug = 'gfmd-2012'")
                    .update();
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbcClient;

    private HttpVisitor signUpPublic(String prefix) {
        return signedUp(prefix);
    }

    private String startThread(HttpVisitor author, String threads, String title, String body) {
        return author.startThread(threads, title, body);
    }

    private HttpVisitor signedUp(String prefix) {
        return HttpVisitor.signedUp(
                port, prefix + " " + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
    }
}
