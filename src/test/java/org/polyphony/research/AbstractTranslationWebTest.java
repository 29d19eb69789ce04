package org.polyphony.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.polyphony.translation.ApertiumAvailable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A publication's abstract written in French, shown to an English reader in English, machine-translated for real by
 * the Apertium installed on this machine (French to English goes through Spanish), labelled, with the French
 * original one click away (a disclosure under the translation).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AbstractTranslationWebTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void apertiumIsInstalled() {
        ApertiumAvailable.require();
    }

    @Test
    void aFrenchAbstractIsShownInEnglishToAnEnglishReaderWithTheOriginalOneClickAway() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        HttpVisitor researcher = HttpVisitor.signedUp(port, "Chercheuse " + suffix, "des données pour agir");
        researcher.get("/research/library/import");
        String french = "Les travailleurs migrants envoient de l’argent à leurs familles chaque mois.";
        String bibtex =
                """
                @article{envois%1$s,
                  title = {Les envois de fonds des migrants %1$s},
                  author = {Dupont, Marie},
                  year = {2010},
                  language = {fr},
                  abstract = {%2$s}
                }
                """
                        .formatted(suffix, french);
        assertThat(researcher
                        .postMultipart("/research/library/import", "text", bibtex, "file", new byte[0])
                        .status())
                .isEqualTo(200);
        long id = jdbc.sql("SELECT id FROM research_publication WHERE cite_key = :k")
                .param("k", "envois" + suffix)
                .query(Long.class)
                .single();

        Document page = waitFor(new HttpVisitor(port).speaking("en"), "/research/library/" + id, p -> !p.select(
                        "details.translation-note")
                .isEmpty());
        var translated = page.select("h2:contains(Abstract) ~ p[lang=en]");
        assertThat(translated.text()).containsIgnoringCase("migrant").containsIgnoringCase("famil");
        assertThat(translated.text()).doesNotContain("travailleurs");
        var note = page.selectFirst("details.translation-note");
        assertThat(note.selectFirst("summary").text()).contains("French").contains("Apertium");
        assertThat(note.selectFirst("div[lang=fr]").text()).contains(french);

        // a French reader reads it as written, with no note
        Document asWritten = new HttpVisitor(port)
                .speaking("fr")
                .get("/research/library/" + id)
                .document();
        assertThat(asWritten.select("details.translation-note")).isEmpty();
        assertThat(asWritten.select("p[lang=fr]").text()).contains(french);
    }

    /** Translations run in the background: the page shows the original until one arrives. */
    private static Document waitFor(HttpVisitor reader, String path, Predicate<Document> ready) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        Document page = reader.get(path).document();
        while (!ready.test(page)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "no translation in time: " + page.select("main").text());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            page = reader.get(path).document();
        }
        return page;
    }
}
