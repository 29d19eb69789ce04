package org.polyphony.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A person signs up, logs out, logs in and switches to Arabic, in a real Chromium, without any JavaScript of ours. */
class SignUpAndArabicBrowserTest extends BrowserTestSupport {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Test
    void signUpLogInAndSwitchToArabic() {
        String name = "Amal " + UUID.randomUUID().toString().substring(0, 6);
        String password = "a long enough passphrase";
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1024, 768)
                .setLocale("en-GB")
                .setJavaScriptEnabled(false))) {
            Page page = context.newPage();

            page.navigate(url("/signup"));
            page.fill("#displayName", name);
            page.fill("#password", password);
            page.fill("#passwordRepeat", password);
            page.click("form[action='/signup'] button[type=submit]");
            assertThat(page.url()).endsWith("/?welcome");
            assertThat(page.locator("header.site").textContent()).contains(name);

            page.click("form[action='/logout'] button");
            assertThat(page.url()).endsWith("/?signedOut");
            assertThat(page.locator("header.site").textContent()).doesNotContain(name);

            page.navigate(url("/login"));
            page.fill("#name", name);
            page.fill("#password", password);
            page.click("form[action='/login'] button[type=submit]");
            assertThat(page.locator("header.site").textContent()).contains(name);

            page.selectOption("#language-choice", "ar");
            page.click("form.language button[type=submit]");

            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("ar");
            assertThat(page.locator("html").getAttribute("dir")).isEqualTo("rtl");
            // mirrored: the site name now sits at the right edge, the language form at the left
            var brand = page.locator("a.brand").boundingBox();
            var language = page.locator("form.language").boundingBox();
            assertThat(brand.x).isGreaterThan(512);
            assertThat(language.x).isLessThan(brand.x);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("arabic-home.png"))
                    .setFullPage(false));

            page.navigate(url("/editions/athens-2009/sessions/2.1"));
            assertThat(page.locator("html").getAttribute("dir")).isEqualTo("rtl");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("arabic-session.png")));
        }
    }
}
