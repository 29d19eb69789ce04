package org.polyphony.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Regional Antennas in Chromium, as the "done when" says: an organiser creates a hub and appoints a
 * rapporteur; a member registers for the hub's meeting (without JavaScript) and downloads its .ics; the rapporteur
 * cites two posts (one in French, read translated by a Spanish reader) and an opinion result; a member comments;
 * the rapporteur publishes; session 3.2 shows the report and a citation leads to its post; a moderator hides that
 * post and the citation shows "withdrawn". Then every new page through axe-core, in English and Arabic.
 */
class AntennasBrowserTest extends BrowserTestSupport {

    static final String PASSWORD = "regional voices heard";
    static final String EDITION = "/editions/athens-2009";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aHubsReportFeedsSession32WithCitationsThatAreWithdrawnWhenTheirPostIsHidden() throws IOException {
        org.polyphony.translation.ApertiumAvailable.require();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        try (BrowserContext organiserContext = browser.newContext();
                BrowserContext rapporteurContext = browser.newContext();
                BrowserContext memberContext =
                        browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
                BrowserContext readerContext = browser.newContext();
                BrowserContext moderatorContext = browser.newContext()) {
            Page organiser = organiserContext.newPage();
            withRole(organiser, "Organiser", "ORGANISER");
            Page rapporteur = rapporteurContext.newPage();
            String rapporteurName = signUp(rapporteur, "Rapporteur", PASSWORD);
            Page member = memberContext.newPage();
            String memberName = signUp(member, "Membre", PASSWORD);

            // the organiser creates the hub and appoints the rapporteur, for this hub only
            organiser.navigate(url(EDITION + "/antennas"));
            String hubName = "Afrique de l’Ouest " + suffix;
            organiser.fill("#name", hubName);
            organiser.selectOption("#regionCode", "western-africa");
            organiser.fill("#description", "Associations of migrant workers of West Africa.");
            organiser.check("input[name=workingLanguages][value=fr]");
            organiser.check("input[name=workingLanguages][value=en]");
            organiser.click("form[action='" + EDITION + "/antennas'] button[type=submit]");
            assertThat(organiser.url()).matches(".*/antennas/\\d+/manage");
            String hub = organiser.url().replaceAll("^https?://[^/]+", "").replace("/manage", "");
            organiser.fill("#person", rapporteurName);
            organiser.selectOption("#role", "RAPPORTEUR");
            organiser.click("form[action$='/roles'] button[type=submit]");
            assertThat(organiser.textContent("main")).contains(rapporteurName);

            // a member joins, and registers for the hub's meeting without JavaScript
            member.navigate(url(hub));
            member.click("form[action$='/join'] button");
            organiser.navigate(url(hub + "/manage"));
            organiser.click("form[action$='/members/accept'] button");
            organiser.navigate(url(hub + "/meetings/new"));
            organiser.fill("#title", "Réunion régionale " + suffix);
            organiser.fill("#date", LocalDate.now().plusDays(20).toString());
            organiser.fill("#startTime", "10:00");
            organiser.fill("#endTime", "12:30");
            organiser.fill("#timeZone", "Africa/Dakar");
            organiser.selectOption("#mode", "HYBRID");
            organiser.fill("#place", "Dakar");
            organiser.fill("#onlineLink", "https://meet.example.org/west-africa");
            organiser.fill("#capacity", "30");
            organiser.fill("#programme", "3.2: Regional inputs to session 3.2\nOpen floor");
            organiser.click("form[action$='/meetings'] button[type=submit]");
            String meeting = organiser.url().replaceAll("^https?://[^/]+", "");
            assertThat(meeting).matches("/meetings/\\d+");
            member.navigate(url(meeting));
            assertThat(member.content()).doesNotContain("meet.example.org");
            member.click("form[action$='/register'] button[type=submit]");
            assertThat(member.textContent("main")).contains("You are registered");
            assertThat(member.content()).contains("https://meet.example.org/west-africa");
            Download download = member.waitForDownload(() -> member.click("a[href$='/meeting.ics']"));
            String ics = Files.readString(download.path());
            assertThat(ics)
                    .startsWith("BEGIN:VCALENDAR")
                    .contains("SUMMARY:Réunion régionale " + suffix)
                    .contains("DTSTART:")
                    .doesNotContain("meet.example.org");

            // the member writes in the hub's regional track of session 3.2, in French and in English
            String frenchTitle = "Frais de recrutement " + suffix;
            startThread(
                    member,
                    hub,
                    frenchTitle,
                    "Les agences de recrutement demandent des frais illégaux aux travailleurs migrants.");
            startThread(
                    member,
                    hub,
                    "Remittances " + suffix,
                    "Remittance costs for domestic workers remain far too high in the corridor.");

            // the rapporteur drafts the report and cites two posts and an opinion result
            rapporteur.navigate(url(hub + "/reports/new"));
            String title = "Voix d’Afrique de l’Ouest " + suffix;
            rapporteur.fill("#title", title);
            rapporteur.check("input[name=sessions][value='3.2']");
            rapporteur.check("input[name=sessions][value='2.2']");
            rapporteur.click("form[action$='/reports'] button[type=submit]");
            assertThat(rapporteur.url()).matches(".*/reports/\\d+/edit");
            String report = rapporteur.url().replaceAll("^https?://[^/]+", "").replace("/edit", "");
            rapporteur.fill("#text", "Recruitment fees charged to migrant workers must end.");
            rapporteur.click("form[action$='/points'] button[type=submit]");
            citeFirstFound(rapporteur, "recrutement");
            citeFirstFound(rapporteur, "Remittance costs");
            citeAnOpinionResult(rapporteur, report);
            rapporteur.navigate(url(report + "/edit"));
            assertThat(rapporteur
                            .locator(".key-points .citation, .card .citation")
                            .count())
                    .isEqualTo(3);

            // review: a member comments on the key point
            rapporteur.click("form:has(input[value=review]) button");
            member.navigate(url(report));
            member.fill(".key-points textarea[name=body]", "Ajoutez les montants que nous avons payés.");
            member.click(".key-points form[action$='/comments'] button");
            assertThat(member.textContent(".key-points")).contains("Ajoutez les montants");

            // published and submitted: session 3.2 shows it
            rapporteur.navigate(url(report + "/edit"));
            rapporteur.click("form:has(input[value=publish]) button");
            rapporteur.navigate(url(report + "/edit"));
            rapporteur.click("form:has(input[value=submit]) button");
            Page reader = readerContext.newPage();
            signUpReading(reader, "Lectora", "es");
            reader.navigate(url(EDITION + "/sessions/3.2"));
            assertThat(reader.textContent("main")).contains(title).contains("Recruitment fees charged");
            reader.click("a[href='" + report + "']");
            waitForSpanishQuote(reader);
            var french = reader.locator(".citation").first();
            assertThat(french.locator("q[lang=es]").textContent()).containsIgnoringCase("agencias");
            assertThat(french.locator(".translation-label").textContent())
                    .contains("Apertium")
                    .containsIgnoringCase("francés");
            reader.screenshot(
                    new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "antennas-report-es.png")));

            // a citation leads to its post
            french.locator("a").click();
            assertThat(reader.url()).contains("/threads/").contains("#post-1");
            String thread = reader.url().replaceAll("#.*$", "");

            // a moderator hides that post: the citation shows "withdrawn", without its quote
            Page moderator = moderatorContext.newPage();
            withRole(moderator, "Moderator", "MODERATOR");
            moderator.navigate(thread);
            moderator.fill("#post-1 input[name=reason]", "test of withdrawal");
            moderator.click("#post-1 form.moderation-action button");
            reader.navigate(url(report));
            assertThat(reader.textContent("main")).contains("retirado").doesNotContainIgnoringCase("agencias de");
            organiser.navigate(url(report));
            assertThat(organiser.textContent("main")).contains("withdrawn").doesNotContain("Les agences");
            assertThat(memberName).isNotEmpty();
        }
    }

    /** Every page of the antennas through axe-core, as an organiser who is also the hub's rapporteur. */
    @ParameterizedTest(name = "antennas pages in {0}")
    @ValueSource(strings = {"en", "ar"})
    void everyNewPageHasNoSeriousViolations(String language) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBypassCSP(true)
                .setExtraHTTPHeaders(Map.of("Accept-Language", language)))) {
            Page page = context.newPage();
            String name = withRole(page, "Axe antennas", "ORGANISER");
            page.navigate(url(EDITION + "/antennas"));
            page.click("form[action='" + EDITION + "/antennas'] button[type=submit]");
            assertNoSeriousViolations(page, "hubs with errors", language);
            page.fill("#name", "Axe hub " + suffix);
            page.click("form[action='" + EDITION + "/antennas'] button[type=submit]");
            String hub = page.url().replaceAll("^https?://[^/]+", "").replace("/manage", "");
            assertNoSeriousViolations(page, "manage", language);
            page.fill("#person", name);
            page.selectOption("#role", "RAPPORTEUR");
            page.click("form[action$='/roles'] button[type=submit]");
            page.navigate(url(hub + "/meetings/new"));
            page.fill("#title", "Axe meeting");
            page.fill("#timeZone", "Nowhere/Else");
            page.click("form[action$='/meetings'] button[type=submit]");
            assertNoSeriousViolations(page, "meeting form with errors", language);
            page.fill("#date", LocalDate.now().plusDays(5).toString());
            page.fill("#timeZone", "Asia/Manila");
            page.fill("#question", "Which language do you prefer?");
            page.click("form[action$='/meetings'] button[type=submit]");
            String meeting = page.url().replaceAll("^https?://[^/]+", "");
            assertNoSeriousViolations(page, "meeting", language);
            page.fill("#answer", "Tagalog");
            page.click("form[action$='/register'] button[type=submit]");
            page.navigate(url(meeting + "/minutes"));
            page.fill("#minutes", "We discussed **fair recruitment**.");
            page.fill("#outcomes", "A common position on fees");
            page.fill("#byRegion", "south-eastern-asia: 12\nwestern-asia: 3");
            page.fill("#byGender", "woman: 9\nman: 6");
            page.click("form[action$='/minutes'] button[type=submit]");
            assertNoSeriousViolations(page, "meeting with minutes", language);
            startThread(page, hub, "Axe thread " + suffix, "A regional post about fair recruitment.");
            page.navigate(url(hub + "/reports/new"));
            page.click("form[action$='/reports'] button[type=submit]");
            assertNoSeriousViolations(page, "new report with errors", language);
            page.fill("#title", "Axe report " + suffix);
            page.check("input[name=sessions][value='3.2']");
            page.click("form[action$='/reports'] button[type=submit]");
            String report = page.url().replaceAll("^https?://[^/]+", "").replace("/edit", "");
            page.fill("#text", "A key point.");
            page.click("form[action$='/points'] button[type=submit]");
            page.navigate(url(report + "/edit?q=recruitment&session=3.2"));
            assertNoSeriousViolations(page, "report editor with search and assistant", language);
            page.click(".candidates form.cite button");
            page.click("form:has(input[value=review]) button");
            assertNoSeriousViolations(page, "report under review", language);
            page.navigate(url(report + "/edit"));
            page.click("form:has(input[value=publish]) button");
            page.navigate(url(report + "/edit"));
            page.fill("textarea[name=text] >> nth=0", "A corrected key point.");
            page.fill(".card input[name=note] >> nth=0", "Correction");
            page.click(".card form[action*='/points/'] button >> nth=0");
            for (String path : List.of(
                    hub,
                    report,
                    report + "/print",
                    report + "/versions",
                    meeting + "/registrations",
                    EDITION + "/antennas",
                    EDITION + "/antennas/overview",
                    EDITION + "/sessions/3.2")) {
                page.navigate(url(path));
                assertNoSeriousViolations(page, path, language);
            }
        }
    }

    /**
     * What was added later, without JavaScript on a 320 px screen: an organisation invited and accepting, an opinion
     * conversation opened by the hub, "cite in my report" from a post and from a story, and the reader's time zone.
     * Each page is also put through axe-core (in a context with JavaScript, at the same address).
     */
    @ParameterizedTest(name = "organisations, conversations, citing where read, time zones in {0}")
    @ValueSource(strings = {"en", "ar"})
    void theNewPartsWorkWithoutJavaScriptOnANarrowScreen(String language) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setJavaScriptEnabled(false)
                .setViewportSize(320, 640)
                .setExtraHTTPHeaders(Map.of("Accept-Language", language)))) {
            Page page = context.newPage();
            String name = withRole(page, "Narrow organiser", "ORGANISER");
            String organisation = "Narrow union " + suffix;
            page.navigate(url("/organisations/new"));
            page.fill("#name", organisation);
            page.selectOption("#type", "TRADE_UNION");
            page.click("form[action='/organisations'] button[type=submit]");
            assertThat(page.url()).contains("/organisations/");

            // a hub; its organiser is also its rapporteur; the organisation is invited, and accepts
            page.navigate(url(EDITION + "/antennas"));
            page.fill("#name", "Narrow hub " + suffix);
            page.click("form[action='" + EDITION + "/antennas'] button[type=submit]");
            String hub = page.url().replaceAll("^https?://[^/]+", "").replace("/manage", "");
            page.fill("#person", name);
            page.selectOption("#role", "RAPPORTEUR");
            page.click("form[action$='/roles'] button[type=submit]");
            page.selectOption(
                    "#organisation", new com.microsoft.playwright.options.SelectOption().setLabel(organisation));
            page.click("form[action$='/organisations/invite'] button[type=submit]");
            checkPage(page, "manage with an invited organisation", language);
            page.navigate(url(hub));
            page.click("form[action$='/organisations/join'] button");
            assertThat(page.textContent("ul.organisations")).contains(organisation);

            // the hub opens an opinion conversation of session 2.1
            String question = "Narrow question " + suffix + "?";
            page.selectOption("#conversation-session", "2.1");
            page.fill("#conversation-question", question);
            page.fill("#conversation-seedStatements", "A first statement.");
            page.click("form[action$='/conversations'] button[type=submit]");
            assertThat(page.url()).contains("/conversations/");
            page.navigate(url(hub));
            assertThat(page.textContent("ul.conversations")).contains(question);
            checkPage(page, "hub with organisation and conversation", language);

            // cite in my report, from the post page and from a story page
            startThread(page, hub, "Narrow thread " + suffix, "A regional post about fair recruitment.");
            String thread = page.url().replaceAll("^https?://[^/]+", "");
            page.navigate(url(hub + "/reports/new"));
            page.fill("#title", "Narrow report " + suffix);
            page.check("input[name=sessions][value='3.2']");
            page.click("form[action$='/reports'] button[type=submit]");
            String report = page.url().replaceAll("^https?://[^/]+", "").replace("/edit", "");
            page.navigate(url(thread));
            checkPage(page, "thread with the cite action", language);
            page.click("#post-1 form[action='/antennas/cite'] button");
            checkPage(page, "cite in my report", language);
            page.check("input[name=target][value^='new:']");
            page.fill("#text", "Fees must go.");
            page.click("form[action='/antennas/cite'] button[type=submit]");
            assertThat(page.url()).contains(report + "/edit#point-");
            long story = jdbc.sql(
                            "SELECT id FROM experiences_story WHERE status = 'PUBLISHED' AND title = 'The fee I paid before I left'")
                    .query(Long.class)
                    .list()
                    .getFirst();
            page.navigate(url("/stories/" + story));
            checkPage(page, "story with the cite action", language);
            page.click("form[action='/antennas/cite'] button");
            page.check("input[name=target][value^='point:']");
            page.click("form[action='/antennas/cite'] button[type=submit]");
            page.navigate(url(report));
            assertThat(page.locator(".citation").count()).isEqualTo(2);
            checkPage(page, "report cited from where it was read", language);

            // a meeting, read in the reader's own time zone
            page.navigate(url(hub + "/meetings/new"));
            page.fill("#title", "Narrow meeting " + suffix);
            page.fill("#date", LocalDate.now().plusDays(9).toString());
            page.fill("#startTime", "10:00");
            page.fill("#endTime", "12:00");
            page.fill("#timeZone", "Africa/Dakar");
            page.click("form[action$='/meetings'] button[type=submit]");
            page.selectOption("#reader-zone", "Asia/Tokyo");
            page.click("form[action='/antennas/time-zone'] button");
            assertThat(page.locator(".reader-time").count()).isEqualTo(1);
            checkPage(page, "meeting in the reader's time zone", language);
        }
    }

    /** The page fits 320 px without sideways scrolling, and axe-core (run with JavaScript, same address) is content. */
    private void checkPage(Page page, String what, String language) {
        int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
        assertThat(width).as("width of %s (%s)", what, language).isLessThanOrEqualTo(320);
        try (BrowserContext axeContext = browser.newContext(new Browser.NewContextOptions()
                .setBypassCSP(true)
                .setViewportSize(320, 640)
                .setStorageState(page.context().storageState())
                .setExtraHTTPHeaders(Map.of("Accept-Language", language)))) {
            Page checked = axeContext.newPage();
            checked.navigate(page.url());
            assertNoSeriousViolations(checked, what, language);
        }
    }

    private void startThread(Page page, String hub, String title, String body) {
        page.navigate(url(hub));
        page.selectOption("#session", "3.2");
        page.fill("#title", title);
        page.fill("#body", body);
        page.click("form[action$='/threads'] button[type=submit]");
        assertThat(page.url()).contains("/threads/");
    }

    private void citeFirstFound(Page page, String words) {
        page.fill("#q", words);
        page.click("form[role=search] button");
        page.click(".candidates form.cite button");
        assertThat(page.url()).contains("/edit");
    }

    /** The demo conversation of session 2.2 is analysed in the background at start: ask until its results are in. */
    private void citeAnOpinionResult(Page page, String report) {
        for (int attempt = 0; attempt < 120; attempt++) {
            page.navigate(url(report + "/edit?session=2.2"));
            var opinion = page.locator(".candidates li:has(input[name=kind][value=OPINION]) form.cite button");
            if (opinion.count() > 0) {
                opinion.first().click();
                return;
            }
            page.waitForTimeout(500);
        }
        throw new AssertionError("no opinion result to cite in session 2.2");
    }

    /** The French post's translation into Spanish is made in the background: reload until it is there. */
    private static void waitForSpanishQuote(Page page) {
        for (int attempt = 0; attempt < 120; attempt++) {
            // the first citation is the French post's
            if (page.locator(".citation").first().locator("q[lang=es]").count() > 0) {
                return;
            }
            page.waitForTimeout(500);
            page.reload();
        }
        throw new AssertionError("no Spanish quote: " + page.textContent("main"));
    }

    private String withRole(Page page, String prefix, String role) {
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
        return name;
    }

    private String signUpReading(Page page, String prefix, String language) {
        String name = signUp(page, prefix, PASSWORD);
        page.navigate(url("/account"));
        page.selectOption("#uiLanguage", language);
        page.selectOption("#readLanguages0", language);
        page.click("form[action='/account/profile'] button[type=submit]");
        assertThat(page.url()).contains("saved=profile");
        return name;
    }

    private static void assertNoSeriousViolations(Page page, String path, String language) {
        try {
            page.evaluate(Files.readString(Chromium.AXE));
        } catch (IOException e) {
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
