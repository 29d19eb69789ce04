package org.polyphony.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.polyphony.consultation.TestDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A consultation in Chromium: an organiser imports a .docx and opens round 1; two participants, one reading in
 * Spanish and without JavaScript, comment on a paragraph, on a selected (or pasted) passage and with proposed
 * wording; the drafting team handles the comments at once and makes version 2; the comparison shows the changes;
 * each commenter's page shows the decision and the new text; the response table downloads as CSV. Every page is
 * checked with axe-core in English and Arabic.
 */
class ConsultationBrowserTest extends BrowserTestSupport {

    static final String PASSWORD = "a draft to review";
    static final String FEES = "Recruitment fees should be paid by employers, never by workers.";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDraftIsImportedCommentedHandledRevisedAndComparedAndTheLoopIsClosed() throws Exception {
        String title = "Concept paper " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (BrowserContext organiserContext = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true));
                BrowserContext englishContext = browser.newContext();
                BrowserContext spanishContext = browser.newContext(new Browser.NewContextOptions()
                        .setJavaScriptEnabled(false)
                        .setExtraHTTPHeaders(Map.of("Accept-Language", "es")))) {
            Page organiser = organiserContext.newPage();
            String organiserName = signUp(organiser, "Organiser", PASSWORD);
            promote(organiser, organiserName);

            organiser.navigate(url("/editions/gfmd-2012"));
            organiser.click("a[href='/editions/gfmd-2012/consultations']");
            organiser.click("a[href='/editions/gfmd-2012/consultations/new']");
            organiser.fill("#title", title);
            organiser.fill("#purpose", "Participatory review of two drafts: less is more.");
            organiser.fill("#opens1", today.plusDays(2).toString());
            organiser.fill("#closes1", today.plusDays(12).toString());
            organiser.fill("#opens2", today.plusDays(20).toString());
            organiser.fill("#closes2", today.plusDays(30).toString());
            organiser.setInputFiles(
                    "#file",
                    new FilePayload(
                            "concept-paper.docx",
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                            TestDocuments.conceptPaper(
                                    title, "Migrants in irregular situations need access to justice.")));
            organiser.click("form[action='/editions/gfmd-2012/consultations'] button[type=submit]");
            assertThat(organiser.locator("p.notice").first().innerText()).contains("Images left out");
            assertThat(organiser.locator("main").innerText()).contains("Recruitment fees should be paid by employers");
            String draft = organiser.url().replaceAll("\\?.*", "");
            String path = draft.replace(url(""), "");
            organiser.navigate(draft + "/manage");
            organiser.click("#round-1 form[action$='/rounds/1/open'] button");
            assertThat(organiser.locator("#round-1").innerText()).contains("open");
            String key = jdbc.sql(
                            """
                            SELECT p.key FROM consultation_paragraph p JOIN consultation_version v ON v.id = p.version_id
                            WHERE v.consultation_id = :c AND p.text LIKE 'Recruitment%'""")
                    .param("c", Long.parseLong(path.substring(path.lastIndexOf('/') + 1)))
                    .query(String.class)
                    .single();

            // an English reader selects a passage with the mouse (JavaScript fills the field)
            Page english = englishContext.newPage();
            String englishName = signUp(english, "Maria", PASSWORD);
            english.navigate(draft);
            english.click("#" + key + " .para-comments a");
            english.evaluate(
                    """
                    () => { const p = document.querySelector('#paragraph-text p');
                            const text = p.lastChild.nodeType === 3 ? p.lastChild : p.childNodes[2];
                            const range = document.createRange();
                            const strong = p.querySelector('strong');
                            range.setStart(strong.firstChild, 0); range.setEnd(strong.firstChild, strong.textContent.length);
                            const s = window.getSelection(); s.removeAllRanges(); s.addRange(range);
                            document.dispatchEvent(new Event('selectionchange')); }""");
            assertThat(english.inputValue("#passage")).isEqualTo("employers");
            english.fill("#body", "Say that fees already paid must be refunded.");
            english.click("#comment-form button[type=submit]");
            assertThat(english.locator("main").innerText()).contains("Say that fees already paid must be refunded.");

            // a Spanish reader without JavaScript pastes the passage and proposes wording
            Page spanish = spanishContext.newPage();
            String spanishName = signUpWithoutScript(spanish, "Lucía");
            spanish.navigate(draft + "/paragraphs/" + key);
            assertThat(spanish.locator("h2#comment-form-heading").innerText()).isEqualTo("Su comentario");
            spanish.fill("#passage", "never by workers");
            spanish.fill("#body", "Los trabajadores no deben pagar nada.");
            spanish.fill("#proposal", "Recruitment fees should be paid by employers only, never by workers.");
            spanish.click("#comment-form button[type=submit]");
            assertThat(spanish.locator("main").innerText()).contains("Los trabajadores no deben pagar nada.");
            spanish.fill("#passage", "paid by governments");
            spanish.fill("#body", "Otro comentario.");
            spanish.click("#comment-form button[type=submit]");
            assertThat(spanish.locator("#passage-error").innerText()).contains("no está en el párrafo");
            assertThat(spanish.inputValue("#body")).isEqualTo("Otro comentario.");

            // without JavaScript too, the author edits their comment before it is handled; the earlier wording stays
            spanish.click("a[href$='/edit']");
            spanish.fill("#body", "Los trabajadores no deben pagar nada, nunca.");
            spanish.click("#edit-form button[type=submit]");
            assertThat(spanish.locator("main").innerText())
                    .contains("Los trabajadores no deben pagar nada, nunca.")
                    .contains("editado");

            // the drafting team handles both comments at once, before the round closes
            organiser.navigate(draft + "/rounds/1/handling");
            organiser.locator("input[name=comments]").all().forEach(box -> box.check());
            organiser.check("input[name=decision][value=PARTLY_ACCEPTED]");
            organiser.click("form[action$='/rounds/1/handling'] button[type=submit]");
            assertThat(organiser.locator(".error-summary").innerText()).contains("reason");
            organiser.fill("#reason", "Employers pay; refunds are for national law.");
            organiser.click("form[action$='/rounds/1/handling'] button[type=submit]");
            assertThat(organiser.url()).contains("handled=2");

            // version 2, edited in the browser with the paragraph keys kept
            organiser.navigate(draft + "/versions/new");
            String markdown = organiser.inputValue("#markdown");
            assertThat(markdown).contains("<!-- " + key + " -->");
            organiser.fill(
                    "#markdown",
                    markdown.replace("paid by \\*\\*employers\\*\\*", "paid by **employers only**")
                            .replace("paid by **employers**", "paid by **employers only**")
                            .replace("Migrants in irregular situations need access to justice.", ""));
            organiser.click("form[action$='/versions'] button[type=submit]");
            assertThat(organiser.url()).contains("/compare?from=1&to=2");
            assertThat(organiser.locator(".comparison ins").allInnerTexts()).anyMatch(t -> t.contains("only"));
            assertThat(organiser.locator(".compared.removed").innerText()).contains("irregular situations");
            assertThat(organiser.locator("main").innerText()).contains("words shorter");

            for (Page commenter : List.of(english, spanish)) {
                commenter.navigate(url("/consultations/mine"));
                String mine = commenter.locator("main").innerText();
                assertThat(mine).contains(title).contains("Employers pay; refunds are for national law.");
                assertThat(commenter.locator(".next-text").first().innerText()).contains("employers only");
            }
            assertThat(spanish.locator("main").innerText()).contains("Aceptado en parte");

            organiser.navigate(draft + "/rounds/1/responses");
            assertThat(organiser.locator("table").innerText())
                    .contains(englishName)
                    .contains(spanishName);
            Download download = organiser.waitForDownload(() -> organiser.click("a[href$='/responses.csv']"));
            String csv = Files.readString(download.path());
            assertThat(csv)
                    .startsWith("comment,commenter,paragraph")
                    .contains("Los trabajadores no deben pagar nada, nunca.")
                    .contains("PARTLY_ACCEPTED")
                    .contains(spanishName);

            List<String> pages = List.of(
                    path,
                    path + "?original",
                    path + "/paragraphs/" + key,
                    path + "/paragraphs/draft",
                    path + "/manage",
                    path + "/rounds/1/handling",
                    path + "/versions/new",
                    path + "/compare?from=1&to=2",
                    path + "/rounds/1/responses",
                    "/consultations/mine",
                    "/editions/gfmd-2012/consultations",
                    "/editions/gfmd-2012/consultations/new");
            checkAccessibility(organiser, pages, "en");
            jdbc.sql("UPDATE accounts_account SET ui_language = 'ar' WHERE display_name = :n")
                    .param("n", organiserName)
                    .update();
            try (BrowserContext arabic = browser.newContext(new Browser.NewContextOptions()
                    .setBypassCSP(true)
                    .setExtraHTTPHeaders(Map.of("Accept-Language", "ar")))) {
                Page page = arabic.newPage();
                signIn(page, organiserName);
                page.navigate(url(path));
                assertThat(page.locator("html").getAttribute("dir")).isEqualTo("rtl");
                checkAccessibility(page, pages, "ar");
                page.navigate(url("/editions/gfmd-2012/consultations/new"));
                page.click("form[action='/editions/gfmd-2012/consultations'] button[type=submit]");
                assertNoSeriousViolations(page, "new consultation with errors", "ar");
            }
        }
    }

    private void promote(Page page, String name) {
        jdbc.sql("UPDATE accounts_account SET roles = '{PARTICIPANT,ORGANISER}' WHERE display_name = :n")
                .param("n", name)
                .update();
        page.click("form[action='/logout'] button");
        signIn(page, name);
    }

    private void signIn(Page page, String name) {
        page.navigate(url("/login"));
        page.fill("#name", name);
        page.fill("#password", PASSWORD);
        page.click("form[action='/login'] button[type=submit]");
    }

    /** Signs up in a page without JavaScript: the same form, posted the plain way. */
    private String signUpWithoutScript(Page page, String prefix) {
        String name = prefix + " " + UUID.randomUUID().toString().substring(0, 6);
        page.navigate(url("/signup"));
        page.fill("#displayName", name);
        page.fill("#password", PASSWORD);
        page.fill("#passwordRepeat", PASSWORD);
        page.click("form[action='/signup'] button[type=submit]");
        return name;
    }

    private void checkAccessibility(Page page, List<String> paths, String language) {
        for (String path : paths) {
            page.navigate(url(path));
            assertNoSeriousViolations(page, path, language);
        }
    }

    private static void assertNoSeriousViolations(Page page, String path, String language) {
        try {
            page.evaluate(Files.readString(Chromium.AXE));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
