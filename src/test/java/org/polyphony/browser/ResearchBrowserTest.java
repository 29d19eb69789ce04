package org.polyphony.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A researcher in Chromium imports a BibTeX file with one bad entry (named), links a publication to session 3.1 and
 * finds it on the session page, uploads a CSV with a sex dimension, publishes it, sees the disaggregated chart and a
 * small cell shown as suppressed on the page, in the API and in the CSV; an organiser sees participants by region
 * with no small count shown. axe-core finds no serious violation on these pages, in English and Arabic.
 */
class ResearchBrowserTest extends BrowserTestSupport {

    static final String PASSWORD = "research for the forum";

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "research in {0}")
    @ValueSource(strings = {"en", "ar"})
    void aResearcherSharesPublicationsAndDataWithSmallCellsProtected(String language) throws Exception {
        String axe = Files.readString(Chromium.AXE);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBypassCSP(true)
                .setExtraHTTPHeaders(Map.of("Accept-Language", language)))) {
            Page page = context.newPage();
            String name = signUp(page, "Researcher", PASSWORD);

            page.navigate(url("/research/library/import"));
            page.setInputFiles(
                    "#file",
                    new FilePayload(
                            "library.bib",
                            "application/x-bibtex",
                            ("""
                    @book{hdr%1$s, title = {Overcoming barriers %1$s}, author = {UNDP}, year = {2009}}
                    @book{bad%1$s, title = {Unclosed
                    """
                                            .formatted(suffix))
                                    .getBytes(StandardCharsets.UTF_8)));
            page.click("form[action='/research/library/import'] button[type=submit]");
            assertThat(page.textContent(".import-result")).contains("Overcoming barriers " + suffix);
            assertThat(page.textContent(".refused")).contains("bad" + suffix);
            axe(page, axe, "import result", language);

            page.click(".import-result a");
            page.selectOption("#session", "athens-2009/3.1");
            page.click("form[action$='/sessions'] button[type=submit]");
            page.navigate(url("/editions/athens-2009/sessions/3.1"));
            assertThat(page.textContent("main")).contains("Overcoming barriers " + suffix);

            page.navigate(url("/research/datasets/new"));
            page.click("form[action='/research/datasets'] button[type=submit]");
            assertThat(page.locator("#title-error").count()).isEqualTo(1);
            axe(page, axe, "upload with errors", language);
            page.fill("#title", "Domestic workers " + suffix);
            page.fill("#source", "Test survey");
            page.fill("#licence", "CC BY 4.0");
            page.setInputFiles(
                    "#file",
                    new FilePayload(
                            "workers.csv",
                            "text/csv",
                            """
                    country,sex,count
                    SN,female,3
                    SN,male,40
                    PH,female,25
                    PH,male,30
                    MX,female,12
                    MX,male,18
                    """
                                    .getBytes(StandardCharsets.UTF_8)));
            page.click("form[action='/research/datasets'] button[type=submit]");
            assertThat(page.url()).endsWith("/versions/1/preview");
            page.click("form[action$='/publish'] button[type=submit]");
            String datasetPath = URI.create(page.url()).getPath();
            assertThat(page.locator("figure.chart svg rect").count()).isGreaterThan(2);
            assertThat(page.locator("figure.chart svg .suppressed").count()).isEqualTo(4);
            assertThat(page.locator("table.disaggregated td .suppressed").count())
                    .isEqualTo(4);
            axe(page, axe, "dataset page", language);

            String api = page.request().get(url("/api" + datasetPath)).text();
            assertThat(api).contains("{\"category\":\"SN\",\"sex\":\"female\",\"count\":null,\"suppressed\":true}");
            String csv = page.request().get(url(datasetPath + "/data.csv")).text();
            assertThat(csv).contains("\"SN\",\"female\",,true");

            HttpResponse<byte[]> gzipped = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url(datasetPath)))
                                    .header("Accept-Encoding", "gzip")
                                    .header("Accept-Language", language)
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            System.out.printf(
                    "page weight %s (%s): %d bytes compressed (page only)%n",
                    datasetPath, language, gzipped.body().length);
            assertThat(gzipped.body().length).isLessThan(60 * 1024);

            jdbc.sql("UPDATE accounts_account SET roles = '{PARTICIPANT,ORGANISER}' WHERE display_name = :name")
                    .param("name", name)
                    .update();
            page.click("form[action='/logout'] button");
            page.navigate(url("/login"));
            page.fill("#name", name);
            page.fill("#password", PASSWORD);
            page.click("form[action='/login'] button[type=submit]");
            page.navigate(url("/editions/athens-2009/participation"));
            List<String> counts =
                    page.locator("table.breakdown").first().locator("tbody td").allTextContents();
            for (String count : counts) {
                String text = count.strip();
                if (text.matches("\\d+"))
                    assertThat(Integer.parseInt(text))
                            .satisfiesAnyOf(n -> assertThat(n).isZero(), n -> assertThat(n)
                                    .isGreaterThanOrEqualTo(5));
            }
            axe(page, axe, "participation", language);
        }
    }

    private static void axe(Page page, String axe, String what, String language) {
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
        assertThat(violations).as("axe violations on %s (%s)", what, language).isEmpty();
    }
}
