package org.polyphony.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * axe-core, injected into the rendered pages, finds no serious or critical accessibility violation. The test's
 * browser context bypasses our Content-Security-Policy so that axe can be injected; users' browsers never do.
 */
class AccessibilityBrowserTest extends BrowserTestSupport {

    static String axe;

    @BeforeAll
    static void readAxe() throws IOException {
        axe = Files.readString(Chromium.AXE);
    }

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "signed-in pages in {0}")
    @ValueSource(strings = {"en", "ar"})
    void signedInAndOrganiserPagesHaveNoSeriousViolations(String language) {
        String name = "Axe " + UUID.randomUUID().toString().substring(0, 8);
        String password = "checking every page";
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBypassCSP(true)
                .setExtraHTTPHeaders(Map.of("Accept-Language", language)))) {
            Page page = context.newPage();
            page.navigate(url("/signup"));
            page.click("form[action='/signup'] button[type=submit]");
            assertNoSeriousViolations(page, "/signup with errors", language);

            page.fill("#displayName", name);
            page.fill("#password", password);
            page.fill("#passwordRepeat", password);
            page.click("form[action='/signup'] button[type=submit]");
            jdbc.sql("UPDATE accounts_account SET roles = '{PARTICIPANT,ADMINISTRATOR}' WHERE display_name = :name")
                    .param("name", name)
                    .update();
            page.click("form[action='/logout'] button");
            page.navigate(url("/login"));
            page.fill("#name", name);
            page.fill("#password", password);
            page.click("form[action='/login'] button[type=submit]");

            for (String path : List.of(
                    "/account",
                    "/editions/new",
                    "/editions/athens-2009",
                    "/editions/athens-2009/edit",
                    "/editions/athens-2009/roundtables/1/edit",
                    "/editions/athens-2009/roundtables/1/sessions/new",
                    "/editions/athens-2009/sessions/1.1/edit",
                    "/admin/accounts?q=axe",
                    "/editions/athens-2009/sessions/2.2/conversations",
                    demoConversation(),
                    demoConversation() + "/mine",
                    demoConversation() + "/results",
                    demoConversation() + "/moderation",
                    demoConversation() + "/settings",
                    "/editions/athens-2009/stories",
                    "/editions/athens-2009/stories?origin=PH&theme=domestic-work",
                    "/editions/athens-2009/stories/new",
                    "/editions/athens-2009/stories/moderation",
                    "/editions/athens-2009/stories/themes",
                    "/editions/athens-2009/stories/journeys",
                    demoStory(),
                    demoStory() + "/edit")) {
                page.navigate(url(path));
                assertNoSeriousViolations(page, path, language);
            }
            page.navigate(url("/editions/athens-2009/sessions/2.2/threads"));
            page.click("form[action$='/threads'] button[type=submit]");
            assertNoSeriousViolations(page, "new thread with errors", language);
            page.fill("#title", "Accessible thread");
            page.fill("#body", "A *first* message with a [link](https://example.org).\n\n> quoted");
            page.click("form[action$='/threads'] button[type=submit]");
            String thread = page.url();
            for (String path : List.of(
                    thread,
                    thread.replace(url(""), "") + "?quote=1",
                    "/editions/athens-2009/sessions/2.2/threads",
                    "/search?q=first",
                    "/moderation",
                    "/moderation/log")) {
                page.navigate(path.startsWith("http") ? path : url(path));
                assertNoSeriousViolations(page, path, language);
            }
            page.navigate(thread);
            String edit = page.locator("#post-1 a[href$='/edit']").getAttribute("href");
            page.navigate(url(edit));
            assertNoSeriousViolations(page, edit, language);
            page.navigate(url(edit.replace("/edit", "/flag")));
            assertNoSeriousViolations(page, "flag form", language);
            checkMessagingPages(page, language, password);
            page.navigate(url("/account"));
            page.click("form[action='/account/delete'] button[type=submit]");
            assertNoSeriousViolations(page, "/account/delete with errors", language);
        }
    }

    /** A demo story of Athens 2009 (loaded at start). */
    private String demoStory() {
        return "/stories/"
                + jdbc.sql("SELECT min(id) FROM experiences_story WHERE demo")
                        .query(Long.class)
                        .single();
    }

    /** Direct messages: settings, a new message with errors, a conversation, its report, and the moderators' queue. */
    private void checkMessagingPages(Page page, String language, String password) {
        String other = "Axe peer " + UUID.randomUUID().toString().substring(0, 8);
        org.polyphony.HttpVisitor peer = org.polyphony.HttpVisitor.signedUp(port, other, password);
        peer.get("/messages/settings");
        peer.post("/messages/settings", "accepts", "true");
        page.navigate(url("/messages/settings"));
        assertNoSeriousViolations(page, "/messages/settings", language);
        page.check("input[name=accepts][value=true]");
        page.click("form[action='/messages/settings'] button[type=submit]");
        page.navigate(url("/messages/new"));
        page.click("form[action='/messages/new'] button[type=submit]");
        assertNoSeriousViolations(page, "/messages/new with errors", language);
        page.fill("#to", other);
        page.fill("#body", "A first message\nover two lines");
        page.click("form[action='/messages/new'] button[type=submit]");
        String conversation = page.url().replaceAll("#.*$", "");
        assertThat(conversation).matches(".*/messages/\\d+");
        assertNoSeriousViolations(page, "a conversation", language);
        page.navigate(conversation + "/report");
        assertNoSeriousViolations(page, "report form", language);
        page.check("input[name=reason][value=SPAM]");
        page.click("form[action$='/report'] button[type=submit]");
        assertNoSeriousViolations(page, "a conversation, reported", language);
        for (String path : List.of("/messages", "/moderation/messages")) {
            page.navigate(url(path));
            assertNoSeriousViolations(page, path, language);
        }
    }

    /** The demo conversation of Athens 2009 session 2.2 (loaded at start). */
    private String demoConversation() {
        return "/conversations/"
                + jdbc.sql(
                                "SELECT min(id) FROM opinions_conversation WHERE question LIKE 'Reintegration and circular%'")
                        .query(Long.class)
                        .single();
    }

    @ParameterizedTest(name = "a conversation signed out in {0}")
    @ValueSource(strings = {"en", "ar", "zh"})
    void conversationPagesSignedOutHaveNoSeriousViolations(String language) {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBypassCSP(true)
                .setExtraHTTPHeaders(Map.of("Accept-Language", language)))) {
            Page page = context.newPage();
            for (String path : List.of(
                    demoConversation(),
                    demoConversation() + "/results",
                    "/editions/athens-2009/stories",
                    "/editions/athens-2009/stories/journeys",
                    demoStory(),
                    demoStory() + "/manage")) {
                page.navigate(url(path));
                assertNoSeriousViolations(page, path, language);
            }
            // a vote without an account: the demo conversation welcomes pseudonymous voters
            page.navigate(url(demoConversation()));
            page.click("button[name=vote][value=agree]");
            assertNoSeriousViolations(page, "after a vote", language);
            page.fill("#text", "x".repeat(300));
            page.click("form[action$='/statements'] button[type=submit]");
            assertNoSeriousViolations(page, "statement with errors", language);
        }
    }

    /** Directory, organisation, profile and feed pages, signed out and signed in, with a form's errors. */
    @ParameterizedTest(name = "people pages in {0}")
    @ValueSource(strings = {"en", "ar"})
    void peoplePagesHaveNoSeriousViolations(String language) {
        long demo = jdbc.sql("SELECT min(id) FROM people_organisation WHERE name LIKE 'Association des Sénégalais%'")
                .query(Long.class)
                .single();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBypassCSP(true)
                .setExtraHTTPHeaders(Map.of("Accept-Language", language)))) {
            Page page = context.newPage();
            for (String path : List.of(
                    "/people/directory",
                    "/people/directory?type=MIGRANT_ASSOCIATION&theme=remittances-investment&region=western-africa",
                    "/people/directory?kind=people",
                    "/organisations/" + demo)) {
                page.navigate(url(path));
                assertNoSeriousViolations(page, path + " signed out", language);
            }
            signUp(page, "Axe people", "checking every page");
            page.navigate(url("/people/me/edit"));
            page.fill("#bio", "x".repeat(501));
            page.fill("#links", "ftp://example.org");
            page.click("form[action='/people/me/edit'] button[type=submit]");
            assertNoSeriousViolations(page, "profile with errors", language);
            page.fill("#bio", "I help people with their contracts.");
            page.fill("#links", "https://example.org");
            page.click("form[action='/people/me/edit'] button[type=submit]");
            page.click("form[action='/people/me/photo'] button[type=submit]");
            assertNoSeriousViolations(page, "photo with errors", language);
            page.navigate(url("/organisations/new"));
            page.click("form[action='/organisations'] button[type=submit]");
            assertNoSeriousViolations(page, "new organisation with errors", language);
            page.fill("#name", "Axe association " + UUID.randomUUID().toString().substring(0, 6));
            page.selectOption("#type", "NGO");
            page.click("form[action='/organisations'] button[type=submit]");
            String organisation = page.url().replaceFirst("\\?.*", "");
            for (String path : List.of(
                    organisation,
                    organisation + "/edit",
                    organisation + "/manage",
                    "/organisations/" + demo,
                    "/feed",
                    "/people/directory?kind=people")) {
                page.navigate(path.startsWith("http") ? path : url(path));
                assertNoSeriousViolations(page, path, language);
            }
            page.navigate(url("/organisations/" + demo));
            page.click("form[action$='/partnerships'] button[type=submit]");
            assertNoSeriousViolations(page, "partnership request with errors", language);
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "/, en",
        "/, ar",
        "/, zh",
        "/signup, en",
        "/signup, ar",
        "/login, ru",
        "/editions/athens-2009, fr",
        "/editions/athens-2009/sessions/1.1, en",
        "/editions/athens-2009/sessions/1.1, ar",
        "/editions/gfmd-2012/sessions/3.1, es",
        "/no-such-page, pt"
    })
    void hasNoSeriousViolations(String path, String language) {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBypassCSP(true)
                .setExtraHTTPHeaders(Map.of("Accept-Language", language)))) {
            Page page = context.newPage();
            page.navigate(url(path));
            assertNoSeriousViolations(page, path, language);
        }
    }

    @org.junit.jupiter.api.Test
    void theCheckItselfCatchesAnInaccessiblePage() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.setContent("<html><body><img src='/x.png'><input type='text'></body></html>");

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertNoSeriousViolations(page, "broken", "en"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("image-alt");
        }
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
