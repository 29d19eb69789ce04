package org.polyphony.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.polyphony.languages.Countries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sharing experiences in a real browser: a participant publishes a story without their name; neither the story
 * page, the API, the open-data export nor the moderators' queue shows who wrote it; the map of journeys draws its
 * route once five stories share it.
 */
class SharingExperiencesBrowserTest extends BrowserTestSupport {

    static final String PASSWORD = "a story of my own";
    static final String STORIES = "/editions/athens-2009/stories";

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAnonymousStoryNamesNobodyAndItsRouteAppearsFromFiveStories() {
        String title = "From Nairobi to Riyadh " + UUID.randomUUID().toString().substring(0, 6);
        try (BrowserContext authorContext = browser.newContext();
                BrowserContext moderatorContext = browser.newContext();
                BrowserContext readerContext = browser.newContext()) {
            Page author = authorContext.newPage();
            String name = signUp(author, "Wanjiru", PASSWORD);
            author.navigate(url("/editions/athens-2009"));
            author.click("a[href='" + STORIES + "']");
            author.click("a[href='" + STORIES + "/new']");
            author.fill("#title", title);
            author.fill("#body", "I went to work as a housekeeper. My passport was kept by the agency.");
            author.selectOption("#origin", "KE");
            author.selectOption("#residence", "SA");
            author.selectOption("#kind", "temporary");
            author.check("input[name=themes][value=recruitment]");
            author.check("input[name=anonymous][value=true]");
            author.click("form[action='" + STORIES + "'] button[type=submit]");
            assertThat(author.locator("#story-key").inputValue()).hasSize(43);
            String story = author.url().replaceAll("\\?.*", "");
            long id = Long.parseLong(story.substring(story.lastIndexOf('/') + 1));

            Page moderator = moderatorContext.newPage();
            String moderatorName = signUp(moderator, "Moderator", PASSWORD);
            jdbc.sql("UPDATE accounts_account SET roles = '{PARTICIPANT,MODERATOR}' WHERE display_name = :n")
                    .param("n", moderatorName)
                    .update();
            moderator.click("form[action='/logout'] button");
            moderator.navigate(url("/login"));
            moderator.fill("#name", moderatorName);
            moderator.fill("#password", PASSWORD);
            moderator.click("form[action='/login'] button[type=submit]");
            moderator.navigate(url(STORIES + "/moderation"));
            String queue = moderator.locator("main").innerText();
            assertThat(queue).contains(title).doesNotContain(name);
            moderator.click("#story-" + id + " button[value=publish]");

            Page reader = readerContext.newPage();
            reader.navigate(url("/stories/" + id));
            assertThat(reader.locator("h1").innerText()).isEqualTo(title);
            assertThat(reader.locator("main").innerText()).contains("Anonymous").doesNotContain(name);
            for (String path : new String[] {"/api/stories/" + id, STORIES + "/export.json", STORIES + "/export.csv"}) {
                String body = readerContext.request().get(url(path)).text();
                assertThat(body).as(path).contains(title).doesNotContain(name);
            }

            String[] route = org.polyphony.experiences.TestRoutes.unused(jdbc);
            String origin = Countries.name(route[0], Locale.ENGLISH);
            String residence = Countries.name(route[1], Locale.ENGLISH);
            HttpVisitor trusted = HttpVisitor.signedInWithRole(
                    port, jdbc, "Trusted " + UUID.randomUUID().toString().substring(0, 6), PASSWORD, "MODERATOR");
            for (int n = 0; n < 4; n++) {
                publish(trusted, route[0], route[1]);
            }
            reader.navigate(url(STORIES + "/journeys"));
            assertThat(reader.locator("table tbody tr").allInnerTexts())
                    .noneMatch(row -> row.contains(origin) && row.contains(residence));
            publish(trusted, route[0], route[1]);
            reader.navigate(url(STORIES + "/journeys"));
            assertThat(reader.locator("table tbody").innerText())
                    .contains(origin)
                    .contains(residence);
            assertThat(reader.locator("figure svg[role=img]").count()).isEqualTo(1);
            assertThat(reader.locator("svg title").allTextContents())
                    .anyMatch(t -> t.contains(origin) && t.contains(residence));
        }
    }

    private void publish(HttpVisitor moderator, String origin, String residence) {
        moderator.get(STORIES + "/new");
        var sent = moderator.post(
                STORIES,
                "title",
                "Same road " + UUID.randomUUID().toString().substring(0, 6),
                "body",
                "Another journey on the same road.",
                "origin",
                origin,
                "residence",
                residence,
                "anonymous",
                "false");
        assertThat(sent.redirect()).endsWith("?notice=published");
    }
}
