package org.polyphony.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Translation as readers meet it in a browser, through the Apertium of this machine: a Spanish reader sees the
 * demo's English post of Athens 2009 session 1.2 in Spanish, labelled, with the original one click away; a
 * Portuguese reader gets it through Spanish; a bilingual participant's correction replaces the machine text; and a
 * search in Spanish finds the English post.
 */
class TranslationBrowserTest extends BrowserTestSupport {

    static final String PASSWORD = "reading in my language";
    static final String DEMO_THREAD = "How can diaspora associations take part in development planning?";

    @Test
    void anEnglishPostReadInSpanishAndPortugueseCorrectedByAPersonAndFoundInSpanish() {
        org.polyphony.translation.ApertiumAvailable.require();
        try (BrowserContext first = browser.newContext();
                BrowserContext second = browser.newContext();
                BrowserContext third = browser.newContext()) {
            Page lucia = first.newPage();
            signUpReading(lucia, "Lucía", "es");
            openDemoThread(lucia);
            waitForTranslation(lucia);
            assertThat(lucia.getAttribute("#post-1 .post-body", "lang")).isEqualTo("es");
            assertThat(lucia.textContent("#post-1 .post-body")).containsIgnoringCase("trabajadores");
            assertThat(lucia.textContent("#post-1 .translation-label")).contains("Apertium");
            assertThat(lucia.getAttribute("h1", "lang")).isEqualTo("es");
            lucia.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "translated.png")));

            lucia.click("#post-1 .translation-label a");
            assertThat(lucia.getAttribute("#post-1 .post-body", "lang")).isEqualTo("en");
            assertThat(lucia.textContent("#post-1 .post-body")).contains("Filipino domestic workers");

            Page joana = second.newPage();
            signUpReading(joana, "Joana", "pt");
            openDemoThread(joana);
            waitForTranslation(joana);
            assertThat(joana.getAttribute("#post-1 .post-body", "lang")).isEqualTo("pt");
            assertThat(joana.textContent("#post-1 .translation-label")).containsIgnoringCase("espanhol");

            lucia.navigate(url("/search?q=trabajadores+filipinos"));
            // the result's title is shown in the reader's language, as the thread page shows it (issue 15)
            assertThat(lucia.textContent(".search-results"))
                    .doesNotContain(DEMO_THREAD)
                    .containsIgnoringCase("diáspora")
                    .containsIgnoringCase("traducción");

            Page bilingual = third.newPage();
            signUpReading(bilingual, "Bilingüe", "en", "es");
            openDemoThread(bilingual);
            bilingual.click("#post-1 a[href$='/translations/es']");
            String corrected = "En nuestra asociación de trabajadoras domésticas filipinas, muchas socias envían "
                    + "dinero a casa cada mes (traducción revisada).";
            bilingual.fill("#text", corrected);
            bilingual.click("form[action$='/translations/es'] button[type=submit]");

            openDemoThread(lucia);
            assertThat(lucia.textContent("#post-1 .post-body")).contains("traducción revisada");
            assertThat(lucia.textContent("#post-1 .translation-label")).contains("revisado por una persona");
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** Through the session's list, by the thread's address: the title itself may be shown translated. */
    private void openDemoThread(Page page) {
        long id = jdbc.sql("SELECT id FROM dialogue_thread WHERE title = :t")
                .param("t", DEMO_THREAD)
                .query(Long.class)
                .single();
        page.navigate(url("/editions/athens-2009/sessions/1.2/threads"));
        page.navigate(url("/threads/" + id));
    }

    /** The demo's translations are made in the background at first start: reload until they are there. */
    private static void waitForTranslation(Page page) {
        for (int attempt = 0; attempt < 120; attempt++) {
            String label = page.textContent("#post-1 .translation-label");
            if (label != null && label.contains("Apertium")) {
                return;
            }
            page.waitForTimeout(500);
            page.reload();
        }
        throw new AssertionError("no translation: " + page.textContent("#post-1"));
    }

    private String signUpReading(Page page, String prefix, String... languages) {
        String name = signUp(page, prefix, PASSWORD);
        page.navigate(url("/account"));
        page.selectOption("#uiLanguage", languages[0]);
        for (int i = 0; i < languages.length; i++) {
            page.selectOption("#readLanguages" + i, languages[i]);
        }
        page.click("form[action='/account/profile'] button[type=submit]");
        assertThat(page.url()).contains("saved=profile");
        return name;
    }
}
