package org.polyphony.volunteers;

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
 * Organisers' texts and stories offered to volunteers like posts: a session's background that no provider brings into
 * Tagalog waits in the queue (found there through its filters), a volunteer translates it, and a Tagalog reader sees it on the
 * session page labelled as a person's; a language the organisers wrote themselves is never asked; a published story
 * is translated through the same form and shown on its page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganiserTextsAndStoriesWebTest {

    static final String PASSWORD = "organisers texts too";
    static final String GFMD_SESSION = "/editions/gfmd-2012/sessions/1.1";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSessionBackgroundIsTranslatedByAVolunteerAndShownToItsReaders() {
        HttpVisitor reader = reader("Tagalog reader", "tl");
        // nothing in Tagalog yet; the demo agenda's texts were handed to translation when it was loaded
        assertThat(reader.get(GFMD_SESSION).document().text()).doesNotContain("Sa inyong wika");
        long session = sessionId("gfmd-2012", "1.1");
        String form = "/translation/texts/session-background/" + session + "/tl";

        HttpVisitor volunteer = volunteer("Rosa", "en-tl", "en", "tl");
        // other tests' texts in this pair outrank it in the whole queue: the volunteer narrows it to what they can do,
        // the session backgrounds of this edition in English → Tagalog, and finds it there
        Document queue = volunteer
                .get("/translation/queue?pair=en-tl&kind=session-background&edition=gfmd-2012")
                .document();
        assertThat(queue.select("a[href=" + form + "]")).hasSize(1);
        assertThat(queue.select("select[name=kind] option[selected]").val()).isEqualTo("session-background");
        // only that kind, that edition and that pair are listed
        assertThat(queue.select("ol.translation-queue a.button").eachAttr("href"))
                .allMatch(href -> href.startsWith("/translation/texts/session-background/") && href.endsWith("/tl"));
        assertThat(queue.select("ol.translation-queue a.button").eachAttr("href"))
                .allMatch(href -> gfmdSessions().contains(Long.parseLong(href.split("/")[4])));
        // the form shows the organisers' original to translate
        String original = jdbc.sql(
                        "SELECT text FROM translation_source WHERE kind = 'session-background' AND content_id = :id")
                .param("id", session)
                .query(String.class)
                .single();
        assertThat(volunteer.get(form).document().text()).contains(original.substring(0, 40));

        String tagalog = "Ang pandarayuhan ay maaaring makatulong sa pag-unlad kung iginagalang ang karapatan ng mga "
                + "manggagawang dayuhan at ng kanilang mga pamilya.";
        assertThat(volunteer.post(form, "text", tagalog).redirect()).isEqualTo(form + "?done=translated");

        Document translated = reader.get(GFMD_SESSION).document();
        assertThat(translated.select("section.contributed [lang=tl]").text()).contains("pandarayuhan");
        assertThat(translated.select("section.contributed").text()).contains("by a person");
    }

    @Test
    void aLanguageTheOrganisersWroteIsNotAskedOfVolunteers() {
        HttpVisitor reader = reader("Arabic reader", "ar");
        reader.get("/editions/athens-2009/sessions/3.3");
        long session = sessionId("athens-2009", "3.3");

        HttpVisitor volunteer = volunteer("Hala", "en-ar", "en", "ar");
        Document queue = volunteer.get("/translation/queue").document();
        // the organisers wrote the background in Arabic; the main issues they did not
        assertThat(queue.select("a[href=/translation/texts/session-background/" + session + "/ar]"))
                .isEmpty();
    }

    @Test
    void aPublishedStoryIsTranslatedThroughTheSameForm() {
        var story = jdbc.sql(
                        """
                        SELECT id, language FROM experiences_story
                        WHERE status = 'PUBLISHED' AND language IN ('en', 'fr', 'es') ORDER BY id LIMIT 1
                        """)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        long id = (Long) story[0];
        String language = (String) story[1];
        String form = "/translation/texts/story/" + id + "/tl";

        HttpVisitor volunteer = volunteer("Lito", language + "-tl", language, "tl");
        assertThat(volunteer.get(form).status()).isEqualTo(200);
        String tagalog = "Isang kuwento ng paglalakbay, isinalin ng isang boluntaryo para sa mga mambabasa.";
        assertThat(volunteer.post(form, "text", tagalog).redirect()).isEqualTo(form + "?done=translated");

        HttpVisitor reader = reader("Story reader", "tl");
        Document page = reader.get("/stories/" + id).document();
        assertThat(page.select(".story-body").text()).contains("boluntaryo");
        assertThat(page.select(".story-body").attr("lang")).isEqualTo("tl");
    }

    @Test
    void anAcceptedOpinionStatementIsTranslatedThroughTheSameForm() {
        var statement = jdbc.sql(
                        """
                        SELECT s.id, s.language FROM opinions_statement s
                        JOIN opinions_conversation c ON c.id = s.conversation_id
                        WHERE s.moderation = 1 AND NOT c.closed AND s.language IN ('en', 'fr', 'es')
                          AND EXISTS (SELECT 1 FROM translation_source t
                                      WHERE t.kind = 'opinion-statement' AND t.content_id = s.id)
                        ORDER BY s.id LIMIT 1
                        """)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        long id = (Long) statement[0];
        String language = (String) statement[1];
        String form = "/translation/texts/opinion-statement/" + id + "/tl";

        HttpVisitor volunteer = volunteer("Dado", language + "-tl", language, "tl");
        assertThat(volunteer.get(form).status()).isEqualTo(200);
        assertThat(volunteer
                        .post(form, "text", "Dapat may kontrata ang bawat manggagawa bago umalis.")
                        .redirect())
                .isEqualTo(form + "?done=translated");
        assertThat(jdbc.sql(
                                """
                                SELECT count(*) FROM translation_review
                                WHERE kind = 'opinion-statement' AND content_id = :id AND target = 'tl' AND by_volunteer
                                """)
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private java.util.List<Long> gfmdSessions() {
        return jdbc.sql(
                        """
                        SELECT s.id FROM forums_session s JOIN forums_edition e ON e.id = s.edition_id
                        WHERE e.slug = 'gfmd-2012'
                        """)
                .query(Long.class)
                .list();
    }

    private long sessionId(String edition, String code) {
        return jdbc.sql(
                        """
                        SELECT s.id FROM forums_session s JOIN forums_edition e ON e.id = s.edition_id
                        WHERE e.slug = :e AND s.code = :c
                        """)
                .param("e", edition)
                .param("c", code)
                .query(Long.class)
                .single();
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
