package org.polyphony.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Volunteer translation in Chromium, with the interface in Arabic: a reader opens a thread whose English post no
 * provider brings into Arabic and sees it waiting; an English–Arabic volunteer finds it in the queue and translates
 * it; the reader reads it in Arabic labelled as translated by a person; another volunteer confirms it; the author
 * edits the post and the translation shows as outdated. A Spanish reader flags Apertium's translation of a post as
 * poor and it appears in the queue of an English–Spanish volunteer. The demo's session backgrounds read in Arabic.
 * Every page is checked with axe-core, in Arabic and in English.
 */
class VolunteerTranslationBrowserTest extends BrowserTestSupport {

    static final String PASSWORD = "two languages at least";
    static final String THREADS = "/editions/athens-2009/sessions/1.2/threads";
    static final String ENGLISH = "Our association helps domestic workers read their contracts before they sign them.";
    static final String ARABIC = "تساعد جمعيتنا عمال المنازل على قراءة عقودهم قبل توقيعها.";

    static String axe;

    @BeforeAll
    static void readAxe() throws IOException {
        axe = Files.readString(Chromium.AXE);
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void anArabicReaderIsServedByVolunteersAndAFlagReachesTheQueue() {
        try (BrowserContext authorContext = context("en");
                BrowserContext readerContext = context("ar");
                BrowserContext nadiaContext = context("ar");
                BrowserContext karimContext = context("ar")) {
            Page author = authorContext.newPage();
            signUpReading(author, "Author", "en");
            author.navigate(url(THREADS));
            author.fill(
                    "#title",
                    "Contracts we can read " + UUID.randomUUID().toString().substring(0, 6));
            author.fill("#body", ENGLISH);
            author.click("form[action='" + THREADS + "'] button[type=submit]");
            String thread = author.url().replaceAll("[?#].*$", "");
            long postId = jdbc.sql("SELECT id FROM dialogue_post WHERE body = :b ORDER BY id DESC LIMIT 1")
                    .param("b", ENGLISH)
                    .query(Long.class)
                    .single();

            Page amal = readerContext.newPage();
            signUpReading(amal, "Amal", "ar");
            amal.navigate(thread);
            assertThat(amal.getAttribute("html", "dir")).isEqualTo("rtl");
            assertThat(amal.getAttribute("#post-1 .post-body", "lang")).isEqualTo("en");
            assertThat(amal.textContent("#post-1 .translation-label")).contains("في انتظار مترجم متطوع");
            assertNoSeriousViolations(amal, "thread waiting", "ar");

            Page nadia = nadiaContext.newPage();
            signUpReading(nadia, "Nadia", "ar", "en");
            nadia.navigate(url("/translation/volunteer"));
            assertNoSeriousViolations(nadia, "/translation/volunteer", "ar");
            nadia.check("input[name=pair][value=en-ar]");
            nadia.click("form[action='/translation/volunteer'] button[type=submit]");
            nadia.navigate(url("/translation/queue"));
            assertNoSeriousViolations(nadia, "/translation/queue", "ar");
            nadia.click("a[href='/translation/texts/post/" + postId + "/ar']");
            assertNoSeriousViolations(nadia, "translate form", "ar");
            nadia.fill("#text", "");
            nadia.click("form[action$='/ar'] button[type=submit]");
            assertThat(nadia.textContent("#text-error")).contains("اكتب الترجمة");
            assertNoSeriousViolations(nadia, "translate form with an error", "ar");
            nadia.fill("#text", ARABIC);
            nadia.click("form[action$='/ar'] button[type=submit]");
            assertThat(nadia.textContent(".notice")).contains("شكرًا");

            amal.navigate(thread);
            assertThat(amal.getAttribute("#post-1 .post-body", "lang")).isEqualTo("ar");
            assertThat(amal.textContent("#post-1 .post-body")).contains("عمال المنازل");
            assertThat(amal.textContent("#post-1 .translation-label")).contains("ترجمه شخص");
            amal.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "translated-by-a-person-ar.png")));

            Page karim = karimContext.newPage();
            signUpReading(karim, "Karim", "ar", "en");
            karim.navigate(url("/translation/volunteer"));
            karim.check("input[name=pair][value=en-ar]");
            karim.click("form[action='/translation/volunteer'] button[type=submit]");
            karim.navigate(url("/translation/texts/post/" + postId + "/ar"));
            karim.click("form[action$='/confirm'] button[type=submit]");
            assertThat(karim.textContent(".confirmations")).contains("1");

            author.navigate(url("/posts/" + postId + "/edit"));
            author.fill("#body", ENGLISH + " Employers should pay for the translation.");
            author.click("form[action='/posts/" + postId + "/edit'] button[type=submit]");
            amal.navigate(thread);
            assertThat(amal.getAttribute("#post-1 .post-body", "lang")).isEqualTo("en");
            assertThat(amal.textContent("#post-1 .translation-label")).contains("نسخة سابقة");

            amal.navigate(url("/editions/athens-2009/sessions/1.2"));
            String background = amal.textContent("main");
            assertThat(background).contains("المغتربين");
            assertNoSeriousViolations(amal, "session page", "ar");
        }
    }

    @Test
    void aFlaggedMachineTranslationAppearsInTheQueue() {
        org.polyphony.translation.ApertiumAvailable.require();
        // the demo's English post, translated into Spanish ahead of time by Apertium (behind the demo's backlog)
        long threadId = jdbc.sql("SELECT id FROM dialogue_thread WHERE title = :t")
                .param("t", TranslationBrowserTest.DEMO_THREAD)
                .query(Long.class)
                .single();
        String thread = url("/threads/" + threadId);
        try (BrowserContext readerContext = context("ar");
                BrowserContext volunteerContext = context("en")) {
            Page lucia = readerContext.newPage();
            signUpReading(lucia, "Lucía", "ar", "es");
            lucia.navigate(thread);
            for (int attempt = 0;
                    attempt < 480 && lucia.querySelector("#post-1 form.translation-flag") == null;
                    attempt++) {
                lucia.waitForTimeout(500);
                lucia.reload();
            }
            assertThat(lucia.getAttribute("#post-1 .post-body", "lang")).isEqualTo("es");
            lucia.click("#post-1 form.translation-flag button");

            Page volunteer = volunteerContext.newPage();
            signUpReading(volunteer, "Voluntaria", "en", "es");
            volunteer.navigate(url("/translation/volunteer"));
            volunteer.check("input[name=pair][value=en-es]");
            volunteer.click("form[action='/translation/volunteer'] button[type=submit]");
            volunteer.navigate(url("/translation/queue"));
            assertThat(volunteer.textContent(".translation-queue"))
                    .contains("Filipino domestic workers")
                    .contains("flagged as poor by 1");
            assertNoSeriousViolations(volunteer, "/translation/queue with a flag", "en");
            volunteer.navigate(url("/translation/volunteers"));
            assertNoSeriousViolations(volunteer, "/translation/volunteers", "en");
        }
    }

    private BrowserContext context(String language) {
        return browser.newContext(new Browser.NewContextOptions()
                .setBypassCSP(true)
                .setExtraHTTPHeaders(Map.of("Accept-Language", language)));
    }

    private void signUpReading(Page page, String prefix, String... languages) {
        signUp(page, prefix, PASSWORD);
        page.navigate(url("/account"));
        page.selectOption("#uiLanguage", languages[0]);
        for (int i = 0; i < languages.length; i++) {
            page.selectOption("#readLanguages" + i, languages[i]);
        }
        page.click("form[action='/account/profile'] button[type=submit]");
        assertThat(page.url()).contains("saved=profile");
    }

    private static void assertNoSeriousViolations(Page page, String path, String language) {
        page.evaluate(axe);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>)
                page.evaluate(
                        """
                async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                 targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(' | ') }))
                """);
        assertThat(violations).as("axe violations on %s (%s)", path, language).isEmpty();
    }
}
