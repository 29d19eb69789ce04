package org.polyphony.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every consultation page on a 320 px screen, in English and in Arabic: none scrolls sideways and axe-core finds
 * nothing serious. {@link ConsultationBrowserTest} checks most pages with axe at a desktop width; this adds the
 * pages it does not reach (a comment's edit page, also with an error, and a reply's; the moderators' page, also
 * with an error) and the narrow screen for all of them. The draft carries a long address and a long word, as real
 * drafts do, so that wrapping is tested too.
 */
class ConsultationScreensBrowserTest extends BrowserTestSupport {

    static final String PASSWORD = "narrow screens too";
    static final int WIDTH = 320;
    static final String ADDRESS =
            "https://www.gfmd.org/files/documents/gfmd_mauritius12_civil_society_concept_paper.pdf";
    static final String DRAFT =
            """
            # Concept paper

            Recruitment fees should be paid by employers, never by workers. See %s for the background.

            Intergovernmentalorganisationsandcivilsocietyorganisations should meet as equals.

            ## Rights

            Migration policy must start from the human rights of migrants and their families.
            """
                    .formatted(ADDRESS);

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyConsultationPageFitsANarrowScreenAndPassesAxeInEnglishAndArabic() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String title = "Narrow paper " + UUID.randomUUID().toString().substring(0, 6);
        try (BrowserContext setupContext = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true));
                BrowserContext flaggerContext = browser.newContext()) {
            Page organiser = setupContext.newPage();
            String organiserName = signUp(organiser, "Narrow organiser", PASSWORD);
            jdbc.sql("UPDATE accounts_account SET roles = '{PARTICIPANT,ORGANISER}' WHERE display_name = :n")
                    .param("n", organiserName)
                    .update();
            organiser.click("form[action='/logout'] button");
            signIn(organiser, organiserName);

            String draft = create(organiser, title, today);
            String key = keyOf(draft, "Recruitment%");

            // the organiser comments (a passage, a long address, proposed wording) and replies to it
            organiser.navigate(url(draft + "/paragraphs/" + key));
            organiser.fill("#passage", "never by workers");
            organiser.fill("#body", "Cite the source in full: " + ADDRESS);
            organiser.fill("#proposal", "Recruitment fees are paid by employers, never by workers.");
            organiser.click("#comment-form button[type=submit]");
            long comment = commentWith(draft, "Cite the source in full: " + ADDRESS);
            organiser
                    .locator("#comment-" + comment + " details summary")
                    .first()
                    .click();
            organiser.fill("#reply-" + comment, "And say which law applies.");
            organiser.click("#comment-" + comment + " details form button[type=submit]");
            long reply = commentWith(draft, "And say which law applies.");

            // someone else reports the comment, so that the moderators' page lists it
            Page flagger = flaggerContext.newPage();
            signUp(flagger, "Narrow reader", PASSWORD);
            flagger.navigate(url(draft + "/paragraphs/" + key));
            flagger.click("form[action='/consultations/comments/" + comment + "/flag'] button");

            // a second consultation with two versions, for the comparison
            String revised = create(organiser, title + " revised", today);
            organiser.navigate(url(revised + "/versions/new"));
            organiser.fill(
                    "#markdown", organiser.inputValue("#markdown").replace("never by workers", "and never by workers"));
            organiser.click("form[action$='/versions'] button[type=submit]");
            assertThat(organiser.url()).contains("/compare?from=1&to=2");

            List<String> pages = List.of(
                    draft,
                    draft + "?original",
                    draft + "/paragraphs/" + key,
                    draft + "/paragraphs/draft",
                    draft + "/manage",
                    draft + "/rounds/1/handling",
                    draft + "/versions/new",
                    draft + "/rounds/1/responses",
                    draft + "/moderation",
                    "/consultations/comments/" + comment + "/edit",
                    "/consultations/comments/" + reply + "/edit",
                    revised + "/compare?from=1&to=2",
                    "/consultations/mine",
                    "/editions/gfmd-2012/consultations",
                    "/editions/gfmd-2012/consultations/new");

            List<String> problems = new ArrayList<>();
            for (String language : List.of("en", "ar")) {
                jdbc.sql("UPDATE accounts_account SET ui_language = :l WHERE display_name = :n")
                        .param("l", language)
                        .param("n", organiserName)
                        .update();
                try (BrowserContext narrow = browser.newContext(new Browser.NewContextOptions()
                        .setBypassCSP(true)
                        .setViewportSize(WIDTH, 640)
                        .setExtraHTTPHeaders(Map.of("Accept-Language", language)))) {
                    Page page = narrow.newPage();
                    signIn(page, organiserName);
                    for (String path : pages) {
                        page.navigate(url(path));
                        assertThat(page.locator("html").getAttribute("lang")).isEqualTo(language);
                        check(page, path, language, problems);
                    }
                    // the edit page refusing an empty comment
                    page.navigate(url("/consultations/comments/" + comment + "/edit"));
                    page.fill("#body", "");
                    page.click("#edit-form button[type=submit]");
                    assertThat(page.locator("#body-error").count()).isEqualTo(1);
                    check(page, "comment edit with an error", language, problems);
                    // the moderators' page refusing a decision without a reason (the browser's own check set aside)
                    page.navigate(url(draft + "/moderation"));
                    page.evaluate("() => document.querySelectorAll('form').forEach(f => f.noValidate = true)");
                    page.click("#moderate-" + comment + " button[type=submit]");
                    assertThat(page.locator("#reason-" + comment + "-error").count())
                            .isEqualTo(1);
                    check(page, "moderation with an error", language, problems);
                }
            }
            assertThat(problems).isEmpty();
        }
    }

    /** Fills the new-consultation form with round 1 open from today; returns the draft's address. */
    private String create(Page organiser, String title, LocalDate today) {
        organiser.navigate(url("/editions/gfmd-2012/consultations/new"));
        organiser.fill("#title", title);
        organiser.fill("#purpose", "Participatory review of two drafts: less is more.");
        organiser.fill("#opens1", today.toString());
        organiser.fill("#closes1", today.plusDays(12).toString());
        organiser.fill("#opens2", today.plusDays(20).toString());
        organiser.fill("#closes2", today.plusDays(30).toString());
        organiser.fill("#draft", DRAFT);
        organiser.click("form[action='/editions/gfmd-2012/consultations'] button[type=submit]");
        String address = organiser.url().replace(url(""), "").replaceAll("\\?.*", "");
        assertThat(address).matches("/consultations/\\d+");
        return address;
    }

    /** Too wide or an axe violation, said with what sticks out or what axe found; collected, to fix all at once. */
    private static void check(Page page, String path, String language, List<String> problems) {
        int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
        if (width > WIDTH) {
            problems.add(path + " (" + language + ") is " + width + " px wide: "
                    + page.evaluate(NarrowScreenBrowserTest.WIDEST));
        }
        try {
            page.evaluate(Files.readString(Chromium.AXE));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Object violations = page.evaluate(
                """
                async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(' | '))
                """);
        if (violations instanceof List<?> list && !list.isEmpty()) {
            problems.add(path + " (" + language + ") axe: " + list);
        }
    }

    private void signIn(Page page, String name) {
        page.navigate(url("/login"));
        page.fill("#name", name);
        page.fill("#password", PASSWORD);
        page.click("form[action='/login'] button[type=submit]");
    }

    private long commentWith(String draft, String body) {
        return jdbc.sql(
                        """
                        SELECT c.id FROM consultation_comment c JOIN consultation_round r ON r.id = c.round_id
                        WHERE r.consultation_id = :c AND c.body = :b""")
                .param("c", Long.parseLong(draft.substring(draft.lastIndexOf('/') + 1)))
                .param("b", body)
                .query(Long.class)
                .single();
    }

    private String keyOf(String draft, String like) {
        return jdbc.sql(
                        """
                        SELECT p.key FROM consultation_paragraph p JOIN consultation_version v ON v.id = p.version_id
                        WHERE v.consultation_id = :c AND v.number = 1 AND p.text LIKE :like""")
                .param("c", Long.parseLong(draft.substring(draft.lastIndexOf('/') + 1)))
                .param("like", like)
                .query(String.class)
                .single();
    }
}
