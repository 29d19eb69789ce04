package org.polyphony.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The research pages added after the first session, in Chromium: the research agenda used without JavaScript on a
 * 320 px screen (propose, withdraw one's support), then, with axe-core in English and Arabic and the width checked,
 * the agenda, a demo dataset with its choropleth, a demo publication with its PDF form (organiser) and the
 * participation dashboard with its new breakdowns.
 */
class ResearchAgendaBrowserTest extends BrowserTestSupport {

    static final String PASSWORD = "a research agenda";
    static final int WIDTH = 320;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "research agenda in {0}")
    @ValueSource(strings = {"en", "ar"})
    void theAgendaWorksWithoutJavaScriptAndTheNewPagesAreAccessibleAndNarrow(String language) throws Exception {
        String axe = Files.readString(Chromium.AXE);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String agenda = "/editions/athens-2009/research-agenda";
        try (BrowserContext noScript = browser.newContext(new Browser.NewContextOptions()
                .setJavaScriptEnabled(false)
                .setViewportSize(WIDTH, 640)
                .setExtraHTTPHeaders(Map.of("Accept-Language", language)))) {
            Page page = noScript.newPage();
            signUp(page, "Agenda participant", PASSWORD);
            page.navigate(url("/editions/athens-2009/sessions/3.1"));
            page.click("a[href='" + agenda + "']");
            page.click("form[action='" + agenda + "/questions'] button[type=submit]");
            assertThat(page.locator("#text-error").count()).isEqualTo(1);
            String question = "Who counts the migrant domestic workers no survey reaches? " + suffix;
            page.fill("#text", question);
            page.click("form[action='" + agenda + "/questions'] button[type=submit]");
            assertThat(page.textContent("ol.agenda")).contains(question);
            long id = jdbc.sql("SELECT id FROM research_question WHERE text = :t")
                    .param("t", question)
                    .query(Long.class)
                    .single();
            // the author supports their own question at once; they may withdraw it
            page.click("#question-" + id + " form[action$='/support'] button");
            assertThat(jdbc.sql("SELECT count(*) FROM research_question_support WHERE question_id = :q")
                            .param("q", id)
                            .query(Long.class)
                            .single())
                    .isZero();
        }

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBypassCSP(true)
                .setViewportSize(WIDTH, 640)
                .setExtraHTTPHeaders(Map.of("Accept-Language", language)))) {
            Page page = context.newPage();
            String name = signUp(page, "Agenda organiser", PASSWORD);
            jdbc.sql("UPDATE accounts_account SET roles = '{PARTICIPANT,ORGANISER}' WHERE display_name = :name")
                    .param("name", name)
                    .update();
            page.click("form[action='/logout'] button");
            page.navigate(url("/login"));
            page.fill("#name", name);
            page.fill("#password", PASSWORD);
            page.click("form[action='/login'] button[type=submit]");

            check(page, axe, agenda, language);
            assertThat(page.locator("form[action$='/research-agenda/publish']").count())
                    .isEqualTo(1);

            long dataset = jdbc.sql(
                            "SELECT id FROM research_dataset WHERE demo AND category_kind = 'COUNTRY' ORDER BY id LIMIT 1")
                    .query(Long.class)
                    .single();
            check(page, axe, "/research/datasets/" + dataset, language);
            assertThat(page.locator("figure.map svg path").count()).isGreaterThan(100);
            assertThat(page.locator("figure.map svg path title").count()).isBetween(4, 6);

            long publication = jdbc.sql("SELECT id FROM research_publication WHERE cite_key = 'iom-wmr-2020'")
                    .query(Long.class)
                    .single();
            check(page, axe, "/research/library/" + publication, language);
            assertThat(page.locator("#pdf").count()).isEqualTo(1);
            // the form of what it is about, refused (an unknown country changes nothing), with its messages
            page.fill("#subjects-countries", "Atlantis");
            page.click("form[action$='/subjects'] button[type=submit]");
            assertThat(page.locator("#subjects-countries-error").count()).isEqualTo(1);
            checkShown(page, axe, "/research/library/" + publication + " refused", language);
            check(page, axe, "/research/library?region=south-eastern-asia&country=PH&theme=remittances", language);
            assertThat(page.locator(".publications li").count()).isEqualTo(1);

            check(page, axe, "/editions/athens-2009/participation", language);
            // participants by region, language, role, month and stated gender; stories by region, month and gender;
            // voters by month; meeting attendance by region, gender and month
            assertThat(page.locator("table.breakdown").count()).isEqualTo(12);
            for (String count : page.locator("table.breakdown tbody td").allTextContents()) {
                String text = count.strip();
                if (text.matches("\\d+"))
                    assertThat(Integer.parseInt(text))
                            .satisfiesAnyOf(n -> assertThat(n).isZero(), n -> assertThat(n)
                                    .isGreaterThanOrEqualTo(5));
            }
        }
    }

    private void check(Page page, String axe, String path, String language) {
        page.navigate(url(path));
        checkShown(page, axe, path, language);
    }

    /** The page the browser shows (after a form was sent, say): its width and axe's serious violations. */
    private void checkShown(Page page, String axe, String path, String language) {
        int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
        assertThat(width).as("width of %s (%s)", path, language).isLessThanOrEqualTo(WIDTH);
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
