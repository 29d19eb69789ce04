package org.polyphony.research;

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
 * The research-agenda workshop and the participation dashboard's publication over HTTP, in an edition of the test's
 * own (built through the agenda editor's forms), so that publishing it changes nothing for other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResearchAgendaWebTest {

    static final String PASSWORD = "questions worth asking";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** A new open edition with roundtable 3 and its session 3.1; returns its slug. */
    static String edition(HttpVisitor organiser, String suffix) {
        String slug = "agenda-" + suffix;
        organiser.get("/editions/new");
        assertThat(organiser
                        .post(
                                "/editions/new",
                                "slug",
                                slug,
                                "language",
                                "en",
                                "name",
                                "Agenda forum " + suffix,
                                "place",
                                "Athens",
                                "summary",
                                "",
                                "startsOn",
                                "2030-11-02",
                                "endsOn",
                                "2030-11-03",
                                "status",
                                "OPEN",
                                "flagThreshold",
                                "3",
                                "codeOfConduct",
                                "")
                        .redirect())
                .endsWith("/editions/" + slug);
        organiser.get("/editions/" + slug + "/roundtables/new");
        organiser.post(
                "/editions/" + slug + "/roundtables/new",
                "language",
                "en",
                "number",
                "3",
                "title",
                "Policy and institutional coherence",
                "background",
                "");
        organiser.get("/editions/" + slug + "/roundtables/3/sessions/new");
        organiser.post(
                "/editions/" + slug + "/roundtables/3/sessions/new",
                "language",
                "en",
                "position",
                "1",
                "title",
                "Latest data and research findings",
                "background",
                "",
                "prompts",
                "");
        return slug;
    }

    @Test
    void peopleProposeAndSupportQuestionsOrganisersOpenAConversationAndPublishTheRankedAgenda() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        HttpVisitor organiser =
                HttpVisitor.signedInWithRole(port, jdbc, "Agenda organiser " + suffix, PASSWORD, "ORGANISER");
        String slug = edition(organiser, suffix);
        String agenda = "/editions/" + slug + "/research-agenda";
        assertThat(new HttpVisitor(port)
                        .get("/editions/" + slug + "/sessions/3.1")
                        .document()
                        .select("a[href=" + agenda + "]"))
                .isNotEmpty();

        HttpVisitor amina = HttpVisitor.signedUp(port, "Amina " + suffix, PASSWORD);
        HttpVisitor jose = HttpVisitor.signedUp(port, "José " + suffix, PASSWORD);
        amina.get(agenda);
        String first = "How do recruitment fees change what migrant domestic workers send home? " + suffix;
        String second = "Which data on returning migrants do municipalities collect? " + suffix;
        assertThat(amina.post(agenda + "/questions", "text", first).redirect()).endsWith(agenda);
        jose.get(agenda);
        assertThat(jose.post(agenda + "/questions", "text", second).redirect()).endsWith(agenda);

        // refused: empty, too long (kept as typed), already there
        HttpVisitor.Page empty = jose.post(agenda + "/questions", "text", "  ");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.document().select("#text-error").text()).contains("Write a question");
        String tooLong = "x".repeat(281);
        HttpVisitor.Page longOne = jose.post(agenda + "/questions", "text", tooLong);
        assertThat(longOne.status()).isEqualTo(422);
        assertThat(longOne.document().select("textarea#text").text()).isEqualTo(tooLong);
        assertThat(jose.post(agenda + "/questions", "text", first.toUpperCase()).status())
                .isEqualTo(422);
        assertThat(new HttpVisitor(port)
                        .post(agenda + "/questions", "text", "anonymous?")
                        .status())
                .isIn(302, 403);

        // José supports Amina's question too: it ranks first, with two supporters
        long firstId = jdbc.sql("SELECT id FROM research_question WHERE text = :t")
                .param("t", first)
                .query(Long.class)
                .single();
        jose.get(agenda);
        assertThat(jose.post(agenda + "/questions/" + firstId + "/support", "supports", "true")
                        .redirect())
                .contains(agenda);
        Document ranked = new HttpVisitor(port).get(agenda).document();
        assertThat(ranked.select("ol.agenda > li > p[dir]").eachText()).containsExactly(first, second);
        assertThat(ranked.select("#question-" + firstId).text()).contains("Supporters: 2");

        // a participant may not open the conversation or publish
        assertThat(jose.post(agenda + "/conversation").status()).isEqualTo(403);
        assertThat(jose.post(agenda + "/publish").status()).isEqualTo(403);

        organiser.get(agenda);
        organiser.post(agenda + "/conversation");
        Long conversation = jdbc.sql(
                        "SELECT conversation_id FROM research_agenda a JOIN forums_edition e ON e.id = a.edition_id"
                                + " WHERE e.slug = :s")
                .param("s", slug)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("SELECT body FROM opinions_statement WHERE conversation_id = :c ORDER BY number")
                        .param("c", conversation)
                        .query(String.class)
                        .list())
                .containsExactly(first, second);
        organiser.post(agenda + "/publish");
        Document published = new HttpVisitor(port).get(agenda).document();
        assertThat(published.text()).contains("Agenda published");
        assertThat(published.select("a[href=/conversations/" + conversation + "/results]"))
                .isNotEmpty();
        assertThat(amina.post(agenda + "/questions", "text", "Too late? " + suffix)
                        .status())
                .isEqualTo(422);
    }

    @Test
    void theDashboardIsForOrganisersUntilTheyPublishIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        HttpVisitor organiser =
                HttpVisitor.signedInWithRole(port, jdbc, "Dashboard organiser " + suffix, PASSWORD, "ORGANISER");
        String slug = edition(organiser, suffix);
        String dashboard = "/editions/" + slug + "/participation";
        HttpVisitor reader = HttpVisitor.signedUp(port, "Reader " + suffix, PASSWORD);
        assertThat(reader.get(dashboard).status()).isEqualTo(403);
        organiser.get(dashboard);
        assertThat(organiser.post(dashboard + "/visibility", "public", "true").redirect())
                .endsWith(dashboard);
        Document shown = reader.get(dashboard).document();
        assertThat(shown.select("table.breakdown caption").eachText())
                .contains(
                        "Participants by region",
                        "Participants by role",
                        "Stories by region of residence",
                        "Voters by month of their first vote");
        assertThat(shown.select("form[action$=/visibility]")).isEmpty();
        assertThat(reader.post(dashboard + "/visibility", "public", "false").status())
                .isEqualTo(403);
        organiser.post(dashboard + "/visibility", "public", "false");
        assertThat(reader.get(dashboard).status()).isEqualTo(403);
    }
}
