package org.polyphony.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two-factor sign-in in Chromium, in English and Arabic: set-up with the key typed by hand (the code computed here,
 * independently of the application's own implementation), the recovery codes, the second step of signing in and the
 * administrators' page, each without serious axe-core violations and without sideways scrolling at 320 px.
 */
class TwoFactorBrowserTest extends BrowserTestSupport {

    static String axe;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void readAxe() throws IOException {
        axe = Files.readString(Chromium.AXE);
    }

    @ParameterizedTest(name = "two-factor pages in {0}")
    @ValueSource(strings = {"en", "ar"})
    void twoFactorPagesAreAccessibleAndFitASmallPhone(String language) throws Exception {
        String password = "second factor pages";
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBypassCSP(true)
                .setViewportSize(320, 640)
                .setExtraHTTPHeaders(Map.of("Accept-Language", language)))) {
            Page page = context.newPage();
            String name = signUp(page, "Factor", password);
            jdbc.sql("UPDATE accounts_account SET roles = '{PARTICIPANT,ADMINISTRATOR}' WHERE display_name = :name")
                    .param("name", name)
                    .update();
            page.click("form[action='/logout'] button");
            page.navigate(url("/login"));
            page.fill("#name", name);
            page.fill("#password", password);
            page.click("form[action='/login'] button[type=submit]");

            page.navigate(url("/admin/two-factor"));
            check(page, "/admin/two-factor", language);
            page.navigate(url("/account/two-factor"));
            check(page, "/account/two-factor", language);
            assertThat(page.locator(".qr svg").count()).isEqualTo(1);
            byte[] secret = base32(page.textContent("code.secret"));
            page.fill("#code", code(secret, System.currentTimeMillis() / 30_000));
            page.click("form[action='/account/two-factor'] button[type=submit]");
            assertThat(page.locator(".recovery-codes li").count()).isEqualTo(10);
            check(page, "recovery codes", language);

            page.click("form[action='/logout'] button");
            page.navigate(url("/login"));
            page.fill("#name", name);
            page.fill("#password", password);
            page.click("form[action='/login'] button[type=submit]");
            assertThat(page.url()).endsWith("/login/code");
            check(page, "/login/code", language);
            page.fill("#code", "000000");
            page.click("form[action='/login/code'] button[type=submit]");
            check(page, "/login/code with an error", language);
            page.fill("#code", code(secret, System.currentTimeMillis() / 30_000 + 1));
            page.click("form[action='/login/code'] button[type=submit]");
            page.navigate(url("/account"));
            assertThat(page.url()).endsWith("/account");
        }
    }

    private static void check(Page page, String what, String language) {
        int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(width).as("width of %s at 320 px (%s)", what, language).isLessThanOrEqualTo(320);
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

    /** RFC 6238 with its defaults, written out here rather than borrowed from the application. */
    private static String code(byte[] secret, long step) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret, "HmacSHA1"));
        byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int o = h[19] & 0xf;
        int value = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
        return String.format("%06d", value % 1_000_000);
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replace(" ", "").toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
