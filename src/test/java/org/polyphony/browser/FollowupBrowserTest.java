package org.polyphony.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The follow-up of recommendations in Chromium, as the closing note asks: an organiser imports
 * recommendations from CSV (a bad row is named and nothing is imported until it is fixed) into a 2011 edition and
 * carries one over to 2012; an organisation commits and posts an update with a PDF as evidence; another
 * organisation contests it; an organiser verifies a later update; the indicator chart shows a new value; a follower
 * sees the update in their notifications; the dashboard and the CSV export agree; the 2012 recommendation shows
 * both years' history. Every page passes axe-core in English and Arabic.
 */
class FollowupBrowserTest extends BrowserTestSupport {

    static final String PASSWORD = "commitments are kept";
    static String axe;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void readAxe() throws IOException {
        axe = Files.readString(Chromium.AXE);
    }

    @Test
    void fromACsvImportToAVerifiedUpdateAcrossTwoEditions() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String slug = "gfmd-2011-" + tag;
        String title = "Secure ratifications of the ILO Convention on Domestic Workers " + tag;
        try (BrowserContext organiserContext = context("en");
                BrowserContext aContext = context("en");
                BrowserContext bContext = context("en");
                BrowserContext followerContext = context("en");
                BrowserContext arabicContext = context("ar")) {
            Page organiser = organiserContext.newPage();
            signUpAs(organiser, "Organiser", "ORGANISER");
            organiser.navigate(url("/editions/new"));
            organiser.fill("#slug", slug);
            organiser.fill("#name", "Civil Society Days 2011 " + tag);
            organiser.fill("#startsOn", "2011-11-29");
            organiser.fill("#endsOn", "2011-11-30");
            organiser.selectOption("#status", "OPEN");
            organiser.click("form[action='/editions/new'] button[type=submit]");
            assertThat(organiser.url()).endsWith("/editions/" + slug);

            // the edition page links to its follow-up (through ForumPageContributions)
            organiser.click("a[href='/editions/" + slug + "/followup']");
            organiser.click("a[href='/editions/" + slug + "/followup/import']");
            Path csv = Files.createTempFile("recommendations", ".csv");
            Files.writeString(
                    csv,
                    "theme,title,addressees,frameworks\n"
                            + "labour-mobility," + title + ",states,ILO-C189;SDG-8.8\n"
                            + "labour mobility,Improve recruitment and placement " + tag
                            + ",states;civil-society,ILO-C181\n",
                    StandardCharsets.UTF_8);
            organiser.setInputFiles("#file", csv);
            organiser.click("form[action$='/followup/import'] button[type=submit]");
            assertThat(organiser.locator("#import-problems").innerText())
                    .contains("Line 3, column theme")
                    .contains("labour mobility");
            assertNoSeriousViolations(organiser, "import with a bad row", "en");
            assertThat(recommendations(tag)).isZero();
            Files.writeString(csv, Files.readString(csv).replace("labour mobility,", "labour-mobility,"));
            organiser.setInputFiles("#file", csv);
            organiser.click("form[action$='/followup/import'] button[type=submit]");
            assertThat(organiser.url()).endsWith("/editions/" + slug + "/followup?notice=imported");
            assertThat(recommendations(tag)).isEqualTo(2);

            organiser.click("text=" + title);
            String old = organiser.url();
            organiser.selectOption("#carry-edition", "gfmd-2012");
            organiser.click("form[action$='/carry-over'] button[type=submit]");
            String recommendation = organiser.url().replaceAll("\\?.*", "");
            assertThat(recommendation).isNotEqualTo(old);

            organiser.navigate(url("/followup/indicators/new"));
            String indicatorName = "Ratifications of C189 in the pilot countries " + tag;
            organiser.fill("#name", indicatorName);
            organiser.fill("#unit", "states");
            organiser.fill("#baselineValue", "0");
            organiser.fill("#baselineOn", "2011-06-16");
            organiser.fill("#targetValue", "10");
            organiser.fill("#targetOn", "2015-12-31");
            organiser.fill("#source", "Illustrative values entered by the test");
            organiser.click("form[action='/followup/indicators'] button[type=submit]");
            String indicator = organiser.url();

            Page a = aContext.newPage();
            signUp(a, "Admin A", PASSWORD);
            String orgA = organisation(a, "Domestic workers network " + tag);
            a.navigate(url(path(recommendation) + "/commit"));
            a.selectOption("#organisation", new SelectOption().setLabel(orgA));
            a.fill("#action", "Lobby three parliaments to ratify C189.");
            a.fill("#dueOn", "2014-06-30");
            a.fill("#responsible", "Campaign coordinator");
            a.selectOption("#indicator", new SelectOption().setLabel(indicatorName));
            a.click("form[action$='/commit'] button[type=submit]");
            String commitment = a.url();
            assertThat(commitment).contains("/followup/commitments/");

            Page follower = followerContext.newPage();
            signUp(follower, "Follower", PASSWORD);
            follower.navigate(recommendation);
            follower.click("form[action='/followup/follow'] button[type=submit]");

            Path pdf = Files.createTempFile("hearing", ".pdf");
            Files.write(
                    pdf, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
            a.navigate(commitment);
            a.check("input[name=level][value=LIMITED]");
            a.fill("#body", "One parliament held a hearing; we testified.");
            a.fill("#links", "https://example.org/hearing");
            a.setInputFiles("#files", pdf);
            a.click("form[action$='/updates'] button[type=submit]");
            assertThat(a.locator("#claimed").innerText()).isEqualTo("Limited");
            assertThat(a.locator("a[href^='/followup/evidence/']").innerText()).endsWith(".pdf");

            Page b = bContext.newPage();
            signUp(b, "Admin B", PASSWORD);
            organisation(b, "Recruitment watch " + tag);
            b.navigate(commitment);
            b.click("details summary");
            b.check("input[name=stance][value=CONTEST]");
            b.locator("form[action$='/reactions'] textarea[name=body]").fill("The hearing was cancelled, not held.");
            b.locator("form[action$='/reactions'] textarea[name=links]").fill("https://example.org/cancelled");
            b.click("form[action$='/reactions'] button[type=submit]");
            assertThat(b.locator("#standing").innerText()).isEqualTo("contested");
            assertThat(b.locator("main").innerText()).contains("contests:");

            a.navigate(commitment);
            a.check("input[name=level][value=SUBSTANTIAL]");
            a.fill("#body", "Two parliaments voted the ratification.");
            a.click("form[action$='/updates'] button[type=submit]");
            organiser.navigate(commitment);
            organiser.locator("form[action$='/verify'] button").last().click();
            assertThat(organiser.locator("#claimed").innerText()).isEqualTo("Substantial");
            assertThat(organiser.locator("#standing").innerText()).isEqualTo("verified by an organiser");
            assertThat(organiser.locator(".post").first().innerText()).contains("contested");

            organiser.navigate(indicator);
            int before = organiser.locator("svg circle.value").count();
            organiser.fill("#measuredOn", "2013-09-05");
            organiser.fill("#value", "2");
            organiser.fill("#source", "Reported by the campaign (test)");
            organiser.check("input[name=illustrative]");
            organiser.click("form[action$='/values'] button[type=submit]");
            assertThat(organiser.locator("svg circle.value").count()).isEqualTo(before + 1);
            assertThat(organiser.locator("#values").innerText()).contains("Reported by the campaign (test)");
            assertThat(organiser.locator("#illustrative-note").isVisible()).isTrue();

            follower.navigate(url("/notifications"));
            assertThat(follower.locator("main").innerText().replaceAll("[\u2068\u2069]", ""))
                    .contains("New progress update on " + title);

            organiser.navigate(url("/editions/gfmd-2012/followup"));
            Map<String, Integer> onDashboard = new HashMap<>();
            for (String level : List.of("NONE", "NOT_STARTED", "LIMITED", "SUBSTANTIAL", "COMPLETE", "WITHDRAWN")) {
                onDashboard.put(
                        level,
                        Integer.parseInt(organiser
                                .locator("td[data-level=" + level + "]")
                                .innerText()));
            }
            String export = organiserContext
                    .request()
                    .get(url("/followup/export/commitments.csv?edition=gfmd-2012"))
                    .text();
            Map<String, Integer> inExport = new HashMap<>();
            onDashboard.keySet().forEach(level -> inExport.put(level, 0));
            for (String line : export.split("\r\n")) {
                if (line.startsWith("id,")) {
                    continue;
                }
                // claimed_level is the fourth field from the end (standing, overdue and updates follow it)
                String[] fields = line.split(",");
                inExport.merge(fields[fields.length - 4], 1, Integer::sum);
            }
            assertThat(inExport).isEqualTo(onDashboard);
            assertThat(onDashboard.get("SUBSTANTIAL")).isPositive();

            organiser.navigate(recommendation);
            String history = organiser.locator(".history").innerText();
            assertThat(history)
                    .contains("Civil Society Days 2011 " + tag)
                    .contains("2012")
                    .contains(orgA);
            assertThat(organiser.locator(".history > li").count()).isEqualTo(2);

            List<String> pages = List.of(
                    "/followup",
                    "/editions/gfmd-2012/followup",
                    "/editions/gfmd-2012/followup/report-card",
                    path(recommendation),
                    path(old),
                    path(commitment),
                    path(indicator),
                    "/followup/indicators",
                    "/followup/frameworks");
            for (String page : pages) {
                organiser.navigate(url(page));
                assertNoSeriousViolations(organiser, page, "en");
            }
            for (String page : List.of(
                    "/editions/gfmd-2012/followup/new",
                    "/editions/gfmd-2012/followup/import",
                    "/followup/indicators/new")) {
                organiser.navigate(url(page));
                assertNoSeriousViolations(organiser, page, "en");
            }
            a.navigate(url(path(recommendation) + "/commit"));
            assertNoSeriousViolations(a, "commit form", "en");
            b.navigate(commitment);
            b.click("details summary");
            assertNoSeriousViolations(b, "commitment with the reaction form", "en");
            Page arabic = arabicContext.newPage();
            for (String page : pages) {
                arabic.navigate(url(page));
                assertThat(arabic.locator("html").getAttribute("dir")).isEqualTo("rtl");
                assertNoSeriousViolations(arabic, page, "ar");
            }
            signUpAs(arabic, "منظم", "ORGANISER");
            arabic.navigate(url("/editions/gfmd-2012/followup/new"));
            arabic.click("form[action='/editions/gfmd-2012/followup'] button[type=submit]");
            assertThat(arabic.locator(".error-summary").innerText()).contains("اختر موضوعًا");
            assertNoSeriousViolations(arabic, "recommendation form with errors", "ar");
            arabic.navigate(url(path(indicator)));
            assertNoSeriousViolations(arabic, "indicator with the value form", "ar");
        }
    }

    /**
     * An organiser without JavaScript, on a 320 px screen, turns two paragraphs of a consultation's published outcome
     * into recommendations (a missing theme is named next to its paragraph and nothing is kept until it is fixed) and
     * follows the provenance link back to the paragraph; the sources pages pass axe-core in English and Arabic.
     */
    @Test
    void paragraphsOfAConsultationOutcomeBecomeRecommendationsWithoutJavaScriptOnANarrowScreen() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        HttpVisitor drafter =
                HttpVisitor.signedInWithRole(port, jdbc, "Drafting organiser " + tag, PASSWORD, "ORGANISER");
        drafter.get("/editions/gfmd-2012/consultations/new");
        String consultation = drafter.post(
                        "/editions/gfmd-2012/consultations",
                        "title",
                        "Civil society statement " + tag,
                        "purpose",
                        "The statement of the Civil Society Days.",
                        "opens1",
                        LocalDate.now().toString(),
                        "closes1",
                        LocalDate.now().plusDays(10).toString(),
                        "opens2",
                        LocalDate.now().plusDays(20).toString(),
                        "closes2",
                        LocalDate.now().plusDays(30).toString(),
                        "draft",
                        "# Statement\n\nEnd recruitment fees charged to workers " + tag
                                + ".\n\n## Rights\n\nRatify the Domestic Workers Convention " + tag + ".",
                        "audience",
                        "SIGNED_IN")
                .redirect();
        drafter.get(consultation + "/manage");
        assertThat(drafter.post(consultation + "/outcome", "version", "1").status())
                .isEqualTo(302);
        String sources = "/editions/gfmd-2012/followup/sources";
        String source = sources + "/consultation/" + consultation.substring("/consultations/".length());
        try (BrowserContext narrow = browser.newContext(new Browser.NewContextOptions()
                .setJavaScriptEnabled(false)
                .setViewportSize(320, 640)
                .setExtraHTTPHeaders(Map.of("Accept-Language", "en")))) {
            Page page = narrow.newPage();
            signUpAs(page, "Organiser", "ORGANISER");
            page.navigate(url("/editions/gfmd-2012/followup"));
            page.click("a[href='" + sources + "']");
            assertFits(page, "sources");
            page.click("a[href='" + source + "']");
            assertFits(page, "a consultation's paragraphs");
            List<String> keys = page.locator("input[name=chosen]").all().stream()
                    .map(box -> box.getAttribute("value"))
                    .toList();
            assertThat(keys).hasSize(2);
            page.check("#chosen-" + keys.get(0));
            page.check("#chosen-" + keys.get(1));
            page.selectOption("#theme-" + keys.get(0), "labour-mobility");
            page.fill("#title-" + keys.get(1), "Ratify C189 " + tag);
            page.click("form[action='" + source + "'] button[type=submit]");
            assertThat(page.locator("#source-problems").innerText()).contains("¶");
            assertThat(page.locator("#theme-" + keys.get(1) + "-error").isVisible())
                    .isTrue();
            assertThat(page.inputValue("#title-" + keys.get(1))).isEqualTo("Ratify C189 " + tag);
            assertThat(page.isChecked("#chosen-" + keys.get(0))).isTrue();
            assertFits(page, "refused paragraphs");
            assertThat(recommendations(tag)).isZero();
            page.selectOption("#theme-" + keys.get(1), "rights-based-policy");
            page.click("form[action='" + source + "'] button[type=submit]");
            assertThat(page.url()).endsWith("/editions/gfmd-2012/followup?notice=fromSource");
            assertThat(recommendations(tag)).isEqualTo(1);

            page.click("text=Ratify C189 " + tag);
            String recommendation = path(page.url());
            assertFits(page, "a recommendation from a consultation");
            page.click("a[href='" + consultation + "/paragraphs/" + keys.get(1) + "']");
            assertThat(page.locator("main").innerText()).contains("Ratify the Domestic Workers Convention " + tag);

            String report = jdbc.sql(
                            """
                            SELECT '/editions/' || e.slug || '/followup/sources/report/' || r.id
                            FROM antennas_report r JOIN antennas_hub h ON h.id = r.hub_id
                            JOIN forums_edition e ON e.id = h.edition_id
                            WHERE r.status = 'PUBLISHED' ORDER BY r.id LIMIT 1
                            """)
                    .query(String.class)
                    .optional()
                    .orElse(source);
            page.navigate(url(report));
            assertFits(page, "a report's key points");

            for (String language : List.of("en", "ar")) {
                try (BrowserContext checking = browser.newContext(new Browser.NewContextOptions()
                        .setBypassCSP(true)
                        .setStorageState(narrow.storageState())
                        .setExtraHTTPHeaders(Map.of("Accept-Language", language)))) {
                    Page checked = checking.newPage();
                    for (String shown : List.of(sources, source, report, recommendation)) {
                        checked.navigate(url(shown));
                        assertNoSeriousViolations(checked, shown, language);
                    }
                    checked.navigate(url(source));
                    checked.click("form[action='" + source + "'] button[type=submit]");
                    assertThat(checked.locator("#source-problems").isVisible()).isTrue();
                    assertNoSeriousViolations(checked, "sources refused", language);
                }
            }
        }
    }

    private static void assertFits(Page page, String what) {
        int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
        assertThat(width).as("width of %s at 320 px", what).isLessThanOrEqualTo(320);
    }

    private BrowserContext context(String language) {
        return browser.newContext(new Browser.NewContextOptions()
                .setBypassCSP(true)
                .setExtraHTTPHeaders(Map.of("Accept-Language", language)));
    }

    /** Signs a new person up, gives them a role and signs them in again so that the role counts. */
    private void signUpAs(Page page, String prefix, String role) {
        String name = signUp(page, prefix, PASSWORD);
        jdbc.sql("UPDATE accounts_account SET roles = :roles::text[] WHERE display_name = :name")
                .param("roles", "{PARTICIPANT," + role + "}")
                .param("name", name)
                .update();
        page.click("form[action='/logout'] button");
        page.navigate(url("/login"));
        page.fill("#name", name);
        page.fill("#password", PASSWORD);
        page.click("form[action='/login'] button[type=submit]");
    }

    private String organisation(Page page, String name) {
        page.navigate(url("/organisations/new"));
        page.fill("#name", name);
        page.selectOption("#type", "NGO");
        page.click("form[action='/organisations'] button[type=submit]");
        assertThat(page.url()).contains("/organisations/");
        return name;
    }

    private long recommendations(String tag) {
        return jdbc.sql("SELECT count(*) FROM followup_recommendation WHERE title LIKE :t")
                .param("t", "%" + tag)
                .query(Long.class)
                .single();
    }

    private String path(String address) {
        return address.replace(url(""), "").replaceAll("\\?.*", "");
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
