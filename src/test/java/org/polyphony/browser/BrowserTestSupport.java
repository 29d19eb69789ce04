package org.polyphony.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The application on a real port and one Chromium per test class. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserTestSupport {

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        Chromium.requireTools();
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** Signs a new person up in the page (name made unique from the prefix) and returns the name. */
    String signUp(com.microsoft.playwright.Page page, String prefix, String password) {
        String name = prefix + " " + java.util.UUID.randomUUID().toString().substring(0, 6);
        page.navigate(url("/signup"));
        page.fill("#displayName", name);
        page.fill("#password", password);
        page.fill("#passwordRepeat", password);
        page.click("form[action='/signup'] button[type=submit]");
        org.assertj.core.api.Assertions.assertThat(page.url()).endsWith("/?welcome");
        return name;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
