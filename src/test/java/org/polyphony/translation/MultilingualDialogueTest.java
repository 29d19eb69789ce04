package org.polyphony.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Contributions in another language, as readers without JavaScript meet them, translated for real by the Apertium
 * installed on this machine (Debian packages; {@code .ci/run} installs them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MultilingualDialogueTest {

    static final String PASSWORD = "words across languages";
    static final String THREADS = "/editions/athens-2009/sessions/1.2/threads";
    static final String ENGLISH = "Migrant workers send money to their families every month. "
            + "The local governments should ask the associations what these savings can build.";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApertiumProvider apertium;

    @BeforeEach
    void apertiumIsInstalled() {
        ApertiumAvailable.require(apertium);
    }

    @Test
    void theDemoSessionHasContributionsInThreeLanguages() {
        var languages = jdbc.sql(
                        """
                        SELECT DISTINCT p.language FROM dialogue_post p JOIN dialogue_thread t ON t.id = p.thread_id
                        WHERE t.title = 'How can diaspora associations take part in development planning?'
                        """)
                .query(String.class)
                .set();
        assertThat(languages).containsExactlyInAnyOrder("en", "fr", "es");
    }

    @Test
    void aSpanishReaderSeesAnEnglishPostInSpanishLabelledWithTheOriginalOneLinkAway() {
        String thread = englishThread("Remittances and local plans");
        HttpVisitor lucia = reader("Lucia", "es");

        Element post = waitFor(lucia, thread, p -> p.select(".translation-label")
                        .text()
                        .contains("Apertium"))
                .selectFirst("#post-1");
        assertThat(post.selectFirst(".post-body").attr("lang")).isEqualTo("es");
        assertThat(post.selectFirst(".post-body").text()).contains("trabajadores");
        assertThat(post.selectFirst(".translation-label").text())
                .containsIgnoringCase("inglés")
                .contains("Apertium");

        String original = post.selectFirst(".translation-label a").attr("href");
        Document originalPage = lucia.get(original).follow().document();
        Element shownOriginal = originalPage.selectFirst("#post-1 .post-body");
        assertThat(shownOriginal.attr("lang")).isEqualTo("en");
        assertThat(shownOriginal.text()).contains("Migrant workers send money");

        Document both = lucia.get(thread + "?view=both").document();
        assertThat(both.select("#post-1 .side-by-side .post-body[lang=es]")).hasSize(1);
        assertThat(both.select("#post-1 .side-by-side .post-body[lang=en]")).hasSize(1);
    }

    @Test
    void aPortugueseReaderGetsItThroughSpanishMarkedAsPivoted() {
        String thread = englishThread("Pivot through Spanish");
        HttpVisitor joana = reader("Joana", "pt");

        Element post = waitFor(joana, thread, p -> p.select(".translation-label")
                        .text()
                        .contains("Apertium"))
                .selectFirst("#post-1");
        assertThat(post.selectFirst(".post-body").attr("lang")).isEqualTo("pt");
        assertThat(post.selectFirst(".post-body").text()).contains("trabalhadores");
        assertThat(post.selectFirst(".translation-label").text()).containsIgnoringCase("espanhol");
    }

    @Test
    void aPersonsCorrectionReplacesTheMachineTranslation() {
        String thread = englishThread("Corrected by a person");
        HttpVisitor lucia = reader("Lucia", "es");
        waitFor(lucia, thread, p -> p.select(".translation-label").text().contains("Apertium"));
        HttpVisitor bilingual = reader("Bilingue", "en", "es");
        Document asBilingual = bilingual.get(thread).document();
        String correct = asBilingual.select("#post-1 a[href$=/translations/es]").attr("href");
        assertThat(correct).isNotEmpty();
        assertThat(bilingual.get(correct).document().select("textarea#text").text())
                .contains("trabajadores");

        var empty = bilingual.post(correct, "text", "   ");
        assertThat(empty.status()).isEqualTo(422);

        String corrected = "Las personas trabajadoras migrantes envían dinero a sus familias cada mes (revisado).";
        assertThat(bilingual.post(correct, "text", corrected).redirect()).contains(thread);

        Element post = lucia.get(thread).document().selectFirst("#post-1");
        assertThat(post.selectFirst(".post-body").text()).isEqualTo(corrected);
        assertThat(post.selectFirst(".translation-label").text()).contains("revisado por una persona");
    }

    @Test
    void searchingInSpanishFindsTheEnglishPostThroughItsTranslation() {
        String title = "Search across languages " + UUID.randomUUID();
        String thread = englishThread(title);
        HttpVisitor lucia = reader("Buscadora", "es");
        waitFor(lucia, thread, p -> p.select(".translation-label").text().contains("Apertium"));

        Document results = lucia.get("/search?q=trabajadores+familias").document();
        Element hit = results.select("li").stream()
                .filter(li -> li.text().contains(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "not found: " + results.select("main").text()));
        assertThat(hit.select("mark").text()).containsIgnoringCase("trabajadores");
        assertThat(hit.text()).containsIgnoringCase("español");
    }

    @Test
    void anAuthorCorrectsTheDetectedLanguageAndWrongChoicesAreRefused() {
        HttpVisitor author = reader("Autora", "en");
        String thread = author.startThread(THREADS, "Language of a short post", "OK, merci");
        Document page = author.get(thread).document();
        String change = page.select("#post-1 a[href$=/language]").attr("href");
        var refused = author.post(change, "language", "xx");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().select(".error").text()).isNotBlank();

        assertThat(author.post(change, "language", "fr").redirect()).contains(thread);
        assertThat(jdbc.sql("SELECT language FROM dialogue_post WHERE thread_id = :t")
                        .param("t", Long.parseLong(thread.replaceAll("\\D", "")))
                        .query(String.class)
                        .single())
                .isEqualTo("fr");
    }

    @Test
    void aReaderCanSwitchAutomaticTranslationOff() {
        String thread = englishThread("Originals only");
        HttpVisitor lucia = reader("Original", "es");
        Document translated = waitFor(
                lucia, thread, p -> p.select(".translation-label").text().contains("Apertium"));
        String off =
                translated.select(".reading-choices a[href*=translate=off]").attr("href");
        lucia.get(off);
        Element post = lucia.get(thread).document().selectFirst("#post-1");
        assertThat(post.selectFirst(".post-body").attr("lang")).isEqualTo("en");
        assertThat(post.select(".translation-label")).isEmpty();
    }

    @Test
    void theEditionsGlossaryKeepsNamesAndImposesPreferredTranslations() {
        HttpVisitor organiser = reader("Organiser", "en");
        jdbc.sql("UPDATE accounts_account SET roles = '{PARTICIPANT,ORGANISER}' WHERE display_name LIKE 'Organiser %'")
                .update();
        HttpVisitor signedIn = new HttpVisitor(port);
        String name = jdbc.sql("SELECT display_name FROM accounts_account WHERE display_name LIKE 'Organiser %'"
                        + " ORDER BY id DESC LIMIT 1")
                .query(String.class)
                .single();
        signedIn.get("/login");
        signedIn.post("/login", "name", name, "password", PASSWORD);
        String glossary = "/editions/athens-2009/glossary";
        assertThat(signedIn.get(glossary).status()).isEqualTo(200);
        var refused = signedIn.post(glossary, "term", "Workers", "language", "es", "replacement", "");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().select("#term").val()).isEqualTo("Workers");
        assertThat(signedIn.post(glossary, "term", "Civil Society Days", "language", "", "replacement", "")
                        .redirect())
                .isEqualTo(glossary);
        assertThat(signedIn.post(glossary, "term", "remittances", "language", "es", "replacement", "remesas")
                        .redirect())
                .isEqualTo(glossary);

        HttpVisitor author = reader("Glossary writer", "en");
        String thread = author.startThread(
                THREADS,
                "Glossary at work",
                "The Civil Society Days discussed remittances and the workers who send them.");
        HttpVisitor lucia = reader("Glosario", "es");
        String body = waitFor(lucia, thread, p -> p.select(".translation-label")
                        .text()
                        .contains("Apertium"))
                .select("#post-1 .post-body")
                .text();
        assertThat(body).contains("Civil Society Days").contains("remesas").doesNotContain("⟦");
    }

    @Test
    void aCorrectionOfAnEarlierVersionGivesWayToTheTranslationOfTheEdit() {
        HttpVisitor author = reader("Editor", "en");
        String thread = author.startThread(THREADS, "Edited after a correction", ENGLISH);
        HttpVisitor lucia = reader("Lectora", "es");
        waitFor(lucia, thread, p -> p.select(".translation-label").text().contains("Apertium"));
        HttpVisitor bilingual = reader("Bilingue", "en", "es");
        String correct = bilingual
                .get(thread)
                .document()
                .select("#post-1 a[href$=/translations/es]")
                .attr("href");
        bilingual.post(correct, "text", "Una corrección de la primera versión.");
        assertThat(lucia.get(thread).document().select("#post-1 .post-body").text())
                .isEqualTo("Una corrección de la primera versión.");

        String postId = correct.replaceAll("\\D+", " ").trim().split(" ")[0];
        author.get("/posts/" + postId + "/edit");
        author.post("/posts/" + postId + "/edit", "body", "The workers changed their minds about the plan.");

        Document after = waitFor(lucia, thread, p -> p.select("#post-1 .translation-label")
                .text()
                .contains("Apertium"));
        assertThat(after.select("#post-1 .post-body").text()).doesNotContain("primera versión");
    }

    @Test
    void theApiGivesEachPostsLanguageAndItsTranslationForTheAskedLanguage() {
        String thread = englishThread("Through the API");
        HttpVisitor lucia = reader("Api", "es");
        waitFor(lucia, thread, p -> p.select(".translation-label").text().contains("Apertium"));
        String json = new HttpVisitor(port).get("/api" + thread + "?lang=es").body();
        assertThat(json)
                .contains("\"originalLang\":\"en\"")
                .contains("\"lang\":\"es\"")
                .contains("\"state\":\"TRANSLATED\"")
                .contains("\"provider\":\"apertium\"");
        String plain = new HttpVisitor(port).get("/api" + thread).body();
        assertThat(plain).contains("\"originalLang\":\"en\"").doesNotContain("TRANSLATED");
    }

    private String englishThread(String title) {
        HttpVisitor author = reader("Writer", "en");
        return author.startThread(THREADS, title, ENGLISH);
    }

    private HttpVisitor reader(String name, String... languages) {
        String unique = name + " " + UUID.randomUUID().toString().substring(0, 8);
        HttpVisitor visitor = HttpVisitor.signedUp(port, unique, PASSWORD);
        visitor.get("/account");
        String[] form = new String[4 + 2 * languages.length];
        form[0] = "displayName";
        form[1] = unique;
        form[2] = "uiLanguage";
        form[3] = languages[0].equals("pt") || languages[0].equals("es") ? languages[0] : "en";
        for (int i = 0; i < languages.length; i++) {
            form[4 + 2 * i] = "readLanguages";
            form[5 + 2 * i] = languages[i];
        }
        assertThat(visitor.post("/account/profile", form).redirect()).isEqualTo("/account?saved=profile");
        return visitor;
    }

    /** Translations run in the background: the page shows the original until one arrives. */
    private static Document waitFor(HttpVisitor reader, String path, Predicate<Document> ready) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Document page = reader.get(path).document();
        while (!ready.test(page)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "no translation in time: " + page.select("main").text());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            page = reader.get(path).document();
        }
        return page;
    }
}
