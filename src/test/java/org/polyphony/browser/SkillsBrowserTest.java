package org.polyphony.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The skills matching pilot in Chromium, as its people would meet it: an employer publishes an opportunity (one
 * asking a fee is refused), a worker builds a profile in Arabic with JavaScript off, sees the opportunity's
 * explanation and expresses interest; the employer sees an anonymous candidate before and the shared fields after;
 * a report reaches the moderators. Every page passes axe-core in English and Arabic, fits 320 px and weighs at
 * most 60 KB compressed on a first visit (the figures are printed).
 */
class SkillsBrowserTest extends BrowserTestSupport {

    static final String PASSWORD = "fair work for all";
    static final String PILOT = "/editions/gfmd-2012/skills";

    static String axe;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void readAxe() throws IOException {
        axe = Files.readString(Chromium.AXE);
    }

    @Test
    void aWorkerInArabicMatchesAndConsentsAndTheEmployerSeesOnlyWhatIsShared() throws Exception {
        try (BrowserContext employerContext = context("en", true);
                BrowserContext workerContext = context("ar", false);
                BrowserContext moderatorContext = context("en", true)) {
            Page employer = employerContext.newPage();
            String employerName = signUp(employer, "Care employer", PASSWORD);
            employer.navigate(url("/organisations/new"));
            String organisationName = "Gulf Care Homes " + employerName.substring(employerName.lastIndexOf(' ') + 1);
            employer.fill("#name", organisationName);
            employer.selectOption("#type", "RECRUITMENT_AGENCY");
            employer.click("main form button[type=submit]");
            assertThat(employer.url()).contains("/organisations/");

            // an opportunity that charges the worker is refused, with the words of the rule
            employer.navigate(url(PILOT + "/opportunities/new"));
            fillOpportunity(employer, "Home carer in Doha " + organisationName);
            employer.fill("#workerFee", "500");
            employer.click("main form button[type=submit]");
            assertThat(employer.locator("#workerFee-error").textContent()).contains("cannot be published");
            assertThat(employer.inputValue("#title")).isEqualTo("Home carer in Doha " + organisationName);
            checkPage(employer, "opportunity form with errors", "en");
            employer.fill("#workerFee", "");
            employer.click("main form button[type=submit]");
            assertThat(employer.url()).contains("/skills/opportunities/").contains("notice=published");
            String opportunity = employer.url().replaceAll("\\?.*", "").replace(url(""), "");

            // the worker, in Arabic and without JavaScript, builds a profile
            Page worker = workerContext.newPage();
            String workerName = signUp(worker, "Nadia", PASSWORD);
            worker.navigate(url("/skills/profile"));
            assertThat(worker.locator("html").getAttribute("dir")).isEqualTo("rtl");
            worker.selectOption("#occupations", "5322");
            worker.check("input[name=skills][value=elderly-care]");
            worker.check("input[name=skills][value=first-aid]");
            worker.fill("#years", "7");
            worker.selectOption("#languageTag-0", "ar");
            worker.selectOption("#languageLevel-0", "C1");
            worker.check("input[name=workRegions][value=western-asia]");
            worker.fill("#lookingFor", "عمل نهاري مع يوم راحة أسبوعي");
            worker.click("main form[action='/skills/profile'] button[type=submit]");
            assertThat(worker.url()).endsWith("/skills/profile?notice=saved");
            checkPage(worker, "/skills/profile", "ar");

            // the opportunity explains the match in Arabic
            worker.navigate(url(opportunity));
            List<String> explanation = worker.locator(".explanation li").allTextContents();
            assertThat(String.join(" ", explanation)).contains("ISCO 5322").contains("2 من 3 مهارات");
            checkPage(worker, opportunity, "ar");

            // before interest the employer sees an anonymous number and the matched fields, not the worker
            employer.navigate(url(opportunity + "/candidates"));
            String before = employer.locator("main").textContent();
            assertThat(before)
                    .contains("Matches ISCO 5322")
                    .doesNotContain(workerName)
                    .doesNotContain("عمل نهاري");
            checkPage(employer, opportunity + "/candidates", "en");

            // the employer writes to the candidate it knows only by number; the worker answers in Arabic under it
            String number = candidateNumber(jdbc.sql(
                            """
                            SELECT m.number FROM skills_match m JOIN skills_profile p ON p.id = m.profile_id
                              JOIN accounts_account a ON a.id = p.account_id
                             WHERE a.display_name = :n AND m.opportunity_id = :o
                            """)
                    .param("n", workerName)
                    .param("o", Long.parseLong(opportunity.substring(opportunity.lastIndexOf('/') + 1)))
                    .query(Long.class)
                    .single());
            String channel = opportunity + "/candidates/" + number + "/messages";
            employer.click("a[href='" + channel + "']");
            employer.fill("#body", "Can you start in March?");
            employer.click("main form button[type=submit]");
            assertThat(employer.url()).contains("notice=sent");
            checkPage(employer, channel, "en");
            worker.navigate(url("/skills/conversations"));
            checkPage(worker, "/skills/conversations", "ar");
            worker.click("main a[href^='/skills/conversations/']");
            assertThat(worker.locator("main").textContent()).contains("Can you start in March?");
            worker.fill("#body", "نعم، من أول مارس");
            worker.click("main form:not([action$='/close']) button[type=submit]");
            assertThat(worker.url()).contains("notice=sent");
            String conversation = worker.url().replaceAll("\\?.*", "").replace(url(""), "");
            checkPage(worker, conversation, "ar");
            employer.navigate(url(channel));
            assertThat(employer.locator("main").textContent())
                    .contains("نعم، من أول مارس")
                    .contains(number)
                    .doesNotContain(workerName);
            worker.navigate(url(opportunity));

            // the worker shares their name and what they look for, and nothing else
            worker.check("input[name=share][value=name]");
            worker.check("input[name=share][value=lookingFor]");
            worker.click("form[action$='/interest'] button[type=submit]");
            assertThat(worker.url()).contains("notice=interest");
            employer.navigate(url(opportunity + "/candidates"));
            String after = employer.locator("main").textContent();
            assertThat(after).contains(workerName).contains("عمل نهاري مع يوم راحة أسبوعي");
            assertThat(employer.locator(".card:has-text('" + workerName + "') dt")
                            .allTextContents())
                    .doesNotContain("My skills", "My languages");

            // having expressed interest, the worker can write first: the link leads to the conversation under
            // their number; and they can report that conversation to the moderators
            worker.navigate(url(opportunity));
            worker.click("a[href='" + opportunity + "/conversation']");
            assertThat(worker.url()).contains(conversation);
            worker.navigate(url(conversation + "/report"));
            checkPage(worker, conversation + "/report", "ar");
            worker.check("input[name=reason][value=HARASSMENT]");
            worker.fill("#note", "رسائل مزعجة");
            worker.click("main form button[type=submit]");
            assertThat(worker.url()).contains("notice=reported");

            // a report reaches the moderators, without the reporter's name
            worker.navigate(url(opportunity + "/report"));
            worker.check("input[name=reason][value=FEES]");
            worker.fill("#note", "طلبوا مني رسوم تأشيرة");
            worker.click("main form button[type=submit]");
            assertThat(worker.url()).contains("notice=reported");
            Page moderator = moderatorContext.newPage();
            String moderatorName = signUp(moderator, "Pilot moderator", PASSWORD);
            jdbc.sql("UPDATE accounts_account SET roles = '{PARTICIPANT,MODERATOR}' WHERE display_name = :n")
                    .param("n", moderatorName)
                    .update();
            moderator.click("form[action='/logout'] button");
            moderator.navigate(url("/login"));
            moderator.fill("#name", moderatorName);
            moderator.fill("#password", PASSWORD);
            moderator.click("form[action='/login'] button[type=submit]");
            moderator.navigate(url("/skills/moderation"));
            String queue = moderator.locator("main").textContent();
            assertThat(queue)
                    .contains("Home carer in Doha " + organisationName)
                    .contains("طلبوا مني رسوم تأشيرة")
                    .contains("رسائل مزعجة")
                    .contains(number)
                    .doesNotContain(workerName);
            checkPage(moderator, "/skills/moderation", "en");

            // the other pages, in both languages
            for (String path : List.of(PILOT, opportunity, "/skills/matches", opportunity + "/report")) {
                worker.navigate(url(path));
                checkPage(worker, path, "ar");
                employer.navigate(url(path));
                checkPage(employer, path, "en");
            }
            employer.navigate(url(PILOT + "/opportunities/new"));
            checkPage(employer, PILOT + "/opportunities/new", "en");
            jdbc.sql("UPDATE accounts_account SET roles = '{PARTICIPANT,ORGANISER}' WHERE display_name = :n")
                    .param("n", moderatorName)
                    .update();
            moderator.click("form[action='/logout'] button");
            moderator.navigate(url("/login"));
            moderator.fill("#name", moderatorName);
            moderator.fill("#password", PASSWORD);
            moderator.click("form[action='/login'] button[type=submit]");
            moderator.navigate(url(PILOT + "/figures"));
            checkPage(moderator, PILOT + "/figures", "en");

            // first visits, compressed, with their assets
            for (String path : List.of(
                    PILOT, opportunity, "/skills/profile", opportunity + "/candidates", channel, conversation)) {
                for (String language : List.of("en", "ar")) {
                    BrowserContext owner = path.contains("/candidates") ? employerContext : workerContext;
                    long weight = firstVisit(path, language, cookies(owner));
                    System.out.printf("page weight %s (%s): %d bytes transferred%n", path, language, weight);
                    assertThat(weight).as(path).isLessThanOrEqualTo(60 * 1024);
                }
            }
        }
    }

    private void fillOpportunity(Page page, String title) {
        page.fill("#title", title);
        page.fill("#description", "Live-out care of an older person, weekly rest day, health insurance.");
        page.selectOption("#occupation", "5322");
        page.check("input[name=skills][value=elderly-care]");
        page.check("input[name=skills][value=first-aid]");
        page.check("input[name=skills][value=cooking]");
        page.selectOption("#languageTag-0", "ar");
        page.selectOption("#languageLevel-0", "B2");
        page.selectOption("#country", "QA");
        page.fill("#startsOn", "2027-03-01");
        page.fill("#payMin", "1800");
        page.fill("#payMax", "2400");
        page.fill("#currency", "QAR");
        page.check("#noWorkerFees");
        page.check("#contractInLanguage");
        page.check("#workerKeepsDocuments");
    }

    private BrowserContext context(String language, boolean javaScript) {
        return browser.newContext(new Browser.NewContextOptions()
                .setBypassCSP(true)
                .setJavaScriptEnabled(javaScript)
                .setViewportSize(320, 640)
                .setExtraHTTPHeaders(Map.of("Accept-Language", language)));
    }

    /**
     * A candidate number as pages show it, from the bits the match index stores: the same writing as the skills
     * module's own (kept private there), so that the test reads the number the way an organisation does.
     */
    private static String candidateNumber(long bits) {
        String digits = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        StringBuilder number = new StringBuilder("C-");
        for (int i = 0; i < 8; i++) {
            number.append(digits.charAt((int) (bits & 31)));
            bits >>>= 5;
        }
        return number.toString();
    }

    /** axe-core finds nothing serious, and the page fits a 320 px screen without sideways scrolling. */
    private void checkPage(Page page, String path, String language) {
        Object width = page.evaluate("document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue())
                .as("width of %s (%s)", path, language)
                .isLessThanOrEqualTo(320);
        if (page.context().browser() != null) {
            try (BrowserContext axeContext = browser.newContext(new Browser.NewContextOptions()
                    .setBypassCSP(true)
                    .setStorageState(page.context().storageState())
                    .setExtraHTTPHeaders(Map.of("Accept-Language", language)))) {
                Page checked = axeContext.newPage();
                checked.navigate(page.url());
                checked.evaluate(axe);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> violations = (List<Map<String, Object>>)
                        checked.evaluate(
                                """
                        async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                            .filter(v => v.impact === 'serious' || v.impact === 'critical')
                            .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                         targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(' | ') }))
                        """);
                assertThat(violations)
                        .as("axe violations on %s (%s)", path, language)
                        .isEmpty();
            }
        }
    }

    private static String cookies(BrowserContext context) {
        return context.cookies().stream().map(c -> c.name + "=" + c.value).collect(Collectors.joining("; "));
    }

    private long firstVisit(String path, String language, String cookies) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> page = fetch(http, path, language, cookies);
        byte[] html = page.body();
        if (page.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(html))) {
                html = in.readAllBytes();
            }
        }
        var document = Jsoup.parse(new String(html, java.nio.charset.StandardCharsets.UTF_8));
        Set<String> assets = new LinkedHashSet<>();
        document.select("link[href]").forEach(e -> assets.add(e.attr("href")));
        document.select("[src]").forEach(e -> assets.add(e.attr("src")));
        long total = page.body().length;
        for (String asset : assets) {
            assertThat(asset).as("no third-party host").startsWith("/").doesNotStartWith("//");
            total += fetch(http, asset, language, cookies).body().length;
        }
        return total;
    }

    private HttpResponse<byte[]> fetch(HttpClient http, String path, String language, String cookies) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Accept-Encoding", "gzip")
                        .header("Accept-Language", language)
                        .header("Cookie", cookies)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
