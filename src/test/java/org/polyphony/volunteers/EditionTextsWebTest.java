package org.polyphony.volunteers;

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

/**
 * Organisers' texts reach translation when they are written, not when someone first opens a page: a new edition's
 * name and summary and its session's background and main issues wait in the volunteers' queue (found with its
 * filters, which work without JavaScript) before anyone looked at them; a volunteer translates the edition's name and
 * summary into Tagalog, and a Tagalog reader sees them on the home page and the edition's page, labelled as a
 * person's; an edit of the background is handed over as it is saved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EditionTextsWebTest {

    static final String PASSWORD = "edition texts too";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEditionsTextsWaitForVolunteersAsSoonAsTheyAreSavedAndReadersSeeThemTranslated() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String slug = "texts-" + suffix;
        HttpVisitor organiser =
                HttpVisitor.signedInWithRole(port, jdbc, "Texts organiser " + suffix, PASSWORD, "ORGANISER");
        createEdition(organiser, slug, suffix);
        long edition = jdbc.sql("SELECT id FROM forums_edition WHERE slug = :s")
                .param("s", slug)
                .query(Long.class)
                .single();
        long session = jdbc.sql("SELECT id FROM forums_session WHERE edition_id = :e")
                .param("e", edition)
                .query(Long.class)
                .single();

        // nobody opened a page of the edition: its four texts are in the queue of an English → Tagalog volunteer
        HttpVisitor volunteer = volunteer("Tala", "en-tl", "en", "tl");
        Document queue = volunteer.get("/translation/queue?edition=" + slug).document();
        assertThat(links(queue))
                .containsExactlyInAnyOrder(
                        "/translation/texts/edition-name/" + edition + "/tl",
                        "/translation/texts/edition-summary/" + edition + "/tl",
                        "/translation/texts/session-background/" + session + "/tl",
                        "/translation/texts/session-issues/" + session + "/tl");
        assertThat(queue.select("select[name=edition] option[selected]").val()).isEqualTo(slug);
        assertThat(links(volunteer
                        .get("/translation/queue?pair=en-tl&kind=edition-summary&edition=" + slug)
                        .document()))
                .containsExactly("/translation/texts/edition-summary/" + edition + "/tl");

        String name = "/translation/texts/edition-name/" + edition + "/tl";
        String summary = "/translation/texts/edition-summary/" + edition + "/tl";
        assertThat(volunteer.get(name).document().text()).contains("Forum on work abroad " + suffix);
        assertThat(volunteer
                        .post(name, "text", "Porum tungkol sa trabaho sa ibang bansa " + suffix)
                        .redirect())
                .isEqualTo(name + "?done=translated");
        assertThat(volunteer
                        .post(
                                summary,
                                "text",
                                "Dalawang araw ng pag-uusap ng mga manggagawang dayuhan at ng kanilang"
                                        + " mga samahan.")
                        .redirect())
                .isEqualTo(summary + "?done=translated");
        // translated, they no longer wait
        assertThat(links(volunteer
                        .get("/translation/queue?kind=edition-name&edition=" + slug)
                        .document()))
                .isEmpty();

        HttpVisitor reader = reader("Tagalog edition reader", "tl");
        Document home = reader.get("/").document();
        var heading = home.select("#edition-" + slug + " a[lang=tl]");
        assertThat(heading.text()).isEqualTo("Porum tungkol sa trabaho sa ibang bansa " + suffix);
        assertThat(home.select("#edition-" + slug).text()).contains("translated by a person");
        Document page = reader.get("/editions/" + slug).document();
        assertThat(page.select("section.contributed [lang=tl]").text())
                .contains("Porum tungkol sa trabaho")
                .contains("manggagawang dayuhan");
        assertThat(page.select("section.contributed").text()).contains("by a person");
        // an English reader sees the organisers' own text, with no section added
        Document english =
                reader("English edition reader", "en").get("/editions/" + slug).document();
        assertThat(english.select("section.contributed")).isEmpty();
        assertThat(english.select("h1").text()).isEqualTo("Forum on work abroad " + suffix);

        // the organisers rewrite the background: the new text is handed over as it is saved, still with no page seen
        organiser.get("/editions/" + slug + "/sessions/2.1/edit");
        assertThat(organiser
                        .post(
                                "/editions/" + slug + "/sessions/2.1/edit",
                                "language",
                                "en",
                                "position",
                                "1",
                                "title",
                                "Recruitment costs",
                                "background",
                                "Recruitment fees still fall on the workers themselves in many corridors.",
                                "prompts",
                                "Who should pay for recruitment?\n- employers\n- states")
                        .redirect())
                .isEqualTo("/editions/" + slug + "/sessions/2.1");
        assertThat(jdbc.sql(
                                """
                                SELECT text FROM translation_source
                                WHERE kind = 'session-background' AND content_id = :id
                                """)
                        .param("id", session)
                        .query(String.class)
                        .single())
                .startsWith("Recruitment fees still fall");
    }

    @Test
    void filtersThatAreNotOfferedAreLeftOutAndSaidSo() {
        HttpVisitor volunteer = volunteer("Bogus", "en-tl", "en", "tl");
        HttpVisitor.Page page = volunteer.get(
                "/translation/queue?pair=xx-yy&kind=%3Cscript%3Ealert(1)%3C%2Fscript%3E&edition=no-such-edition");
        assertThat(page.status()).isEqualTo(200);
        Document document = page.document();
        assertThat(document.select(".notice").text()).contains("left out");
        assertThat(document.html()).doesNotContain("<script>alert(1)");
        assertThat(document.select("select[name=pair] option[selected]").val()).isEmpty();
        // the filter form is a plain GET form: it works without JavaScript
        assertThat(document.select("form.queue-filters").attr("method")).isEqualTo("get");
        // an archived edition or another volunteer's pair is not offered either
        assertThat(document.select("select[name=pair] option").eachAttr("value"))
                .containsExactly("", "en-tl");
    }

    private static List<String> links(Document queue) {
        return queue.select("ol.translation-queue a.button").eachAttr("href");
    }

    private static void createEdition(HttpVisitor organiser, String slug, String suffix) {
        organiser.get("/editions/new");
        assertThat(organiser
                        .post(
                                "/editions/new",
                                "slug",
                                slug,
                                "language",
                                "en",
                                "name",
                                "Forum on work abroad " + suffix,
                                "place",
                                "Manila",
                                "summary",
                                "Two days of dialogue between migrant workers and their organisations.",
                                "startsOn",
                                "2031-03-02",
                                "endsOn",
                                "2031-03-03",
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
                "2",
                "title",
                "Fair recruitment",
                "background",
                "");
        organiser.get("/editions/" + slug + "/roundtables/2/sessions/new");
        assertThat(organiser
                        .post(
                                "/editions/" + slug + "/roundtables/2/sessions/new",
                                "language",
                                "en",
                                "position",
                                "1",
                                "title",
                                "Recruitment costs",
                                "background",
                                "Workers often pay fees to be recruited, and start abroad in debt.",
                                "prompts",
                                "Who should pay for recruitment?\n- employers\n- states")
                        .redirect())
                .isEqualTo("/editions/" + slug + "/sessions/2.1");
    }

    private HttpVisitor volunteer(String prefix, String pair, String... languages) {
        HttpVisitor visitor = reader(prefix, languages);
        visitor.get("/translation/volunteer");
        assertThat(visitor.post("/translation/volunteer", "pair", pair).redirect())
                .isEqualTo("/translation/volunteer?saved");
        return visitor;
    }

    private HttpVisitor reader(String prefix, String... languages) {
        String name = prefix + " " + UUID.randomUUID().toString().substring(0, 8);
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
