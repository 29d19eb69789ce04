package org.polyphony.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page fits a 320 px wide screen without sideways scrolling, in English and in Arabic, signed out and as an
 * administrator. "Every page" is what a breadth-first walk of same-origin links from the home page and the
 * edition pages reaches, one sample per shape of address ({@code /threads/N}), so pages that modules add later
 * are walked too.
 */
class NarrowScreenBrowserTest extends BrowserTestSupport {

    static final int WIDTH = 320;
    static final int PAGES_PER_WALK = 70;

    /** The element that sticks out furthest to the right, to say what to fix. */
    static final String WIDEST =
            """
            () => {
              let widest = null, right = 0;
              for (const e of document.body.querySelectorAll('*')) {
                const r = e.getBoundingClientRect();
                if (r.right > right || r.left < 0 && -r.left > right - %d) {
                  right = Math.max(r.right, %d - r.left); widest = e;
                }
              }
              if (!widest) return '';
              const cls = widest.className && widest.className.baseVal === undefined ? '.' + widest.className : '';
              return widest.tagName.toLowerCase() + cls + ' (' + Math.round(right) + ' px) in '
                + (widest.parentElement ? widest.parentElement.tagName.toLowerCase()
                   + (widest.parentElement.className ? '.' + widest.parentElement.className : '') : '');
            }
            """
                    .formatted(WIDTH, WIDTH);

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"en, signed out", "ar, signed out", "en, administrator", "ar, administrator"})
    void everyPageFitsA320PixelScreen(String language, String who) {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(WIDTH, 640)
                .setExtraHTTPHeaders(Map.of("Accept-Language", language)))) {
            Page page = context.newPage();
            if (who.equals("administrator")) {
                signInAsAdministrator(page);
            }
            List<String> tooWide = new ArrayList<>();
            int walked = walk(page, tooWide);
            System.out.printf("320 px, %s, %s: %d pages walked, %d too wide%n", language, who, walked, tooWide.size());
            assertThat(walked).isGreaterThan(15);
            assertThat(tooWide).isEmpty();
        }
    }

    private int walk(Page page, List<String> tooWide) {
        Deque<String> next = new ArrayDeque<>(List.of("/", "/editions"));
        jdbc.sql("SELECT slug FROM forums_edition ORDER BY id")
                .query(String.class)
                .list()
                .forEach(slug -> next.add("/editions/" + slug));
        // the demo conversation's results (the widest table issue 11 found), in case the walk stops before them
        jdbc.sql("SELECT id FROM opinions_conversation ORDER BY id LIMIT 1")
                .query(Long.class)
                .optional()
                .ifPresent(id -> next.add("/conversations/" + id + "/results"));
        Set<String> visited = new HashSet<>();
        Set<String> shapes = new HashSet<>();
        int walked = 0;
        while (!next.isEmpty() && walked < PAGES_PER_WALK) {
            String path = next.poll();
            if (!visited.add(path)) {
                continue;
            }
            Response response;
            try {
                response = page.navigate(url(path));
            } catch (com.microsoft.playwright.PlaywrightException download) {
                // a link to a file (a bibliography, a calendar) that no list of extensions foresaw: not a page
                if (String.valueOf(download.getMessage()).contains("Download is starting")) {
                    continue;
                }
                throw download;
            }
            if (response == null
                    || response.status() != 200
                    || !response.headerValue("content-type").startsWith("text/html")) {
                continue;
            }
            walked++;
            int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
            if (width > WIDTH) {
                tooWide.add(path + " is " + width + " px wide: " + page.evaluate(WIDEST));
            }
            @SuppressWarnings("unchecked")
            List<String> links = (List<String>) page.evaluate(
                    "() => [...document.querySelectorAll('a[href]:not([download])')].map(a => a.getAttribute('href'))");
            for (String href : links) {
                String local = local(href);
                if (local != null && !visited.contains(local) && shapes.add(shapeOf(local))) {
                    next.add(local);
                }
            }
        }
        return walked;
    }

    /** A same-origin link without its fragment; null for other sites, downloads and machine formats. */
    static String local(String href) {
        if (href == null || !href.startsWith("/") || href.startsWith("//")) {
            return null;
        }
        String path = href.replaceFirst("#.*$", "");
        String bare = path.replaceFirst("\\?.*$", "");
        if (path.isEmpty()
                || bare.startsWith("/api/")
                || bare.startsWith("/v3/")
                || bare.startsWith("/actuator")
                || bare.startsWith("/css/")
                || bare.startsWith("/js/")
                || bare.matches(".*\\.(zip|csv|json|atom|xml|svg|png|jpg|webp|txt|ics|bib|ris|pdf|docx|xlsx|md)$")
                || bare.contains("/export")
                || bare.contains("/feed.")
                || bare.endsWith("/live")
                || bare.endsWith("/events")) {
            return null;
        }
        return path;
    }

    /** Digits become N and query values go, so that one thread stands for all threads. */
    static String shapeOf(String path) {
        String bare = path.replaceFirst("\\?.*$", "").replaceAll("\\d+", "N");
        int query = path.indexOf('?');
        if (query < 0) {
            return bare;
        }
        Set<String> names = new TreeSet<>();
        for (String pair : path.substring(query + 1).split("&")) {
            names.add(pair.replaceFirst("=.*$", ""));
        }
        return bare + "?" + String.join("&", names);
    }

    @ParameterizedTest(name = "the story key page in {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"en", "ar"})
    void theKeyOfAnAnonymousStoryFitsAndItsAddressReadsLeftToRight(String language) {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(WIDTH, 640)
                .setExtraHTTPHeaders(Map.of("Accept-Language", language)))) {
            Page page = context.newPage();
            signUp(page, "Key", "a key that fits the screen");
            page.navigate(url("/editions/athens-2009/stories/new"));
            page.fill("#title", "A story told without a name");
            page.fill("#body", "What happened on the way.");
            page.check("input[name=anonymous][value=true]");
            page.click("form[action='/editions/athens-2009/stories'] button[type=submit]");
            assertThat(page.locator("#story-key").inputValue()).hasSizeGreaterThan(20);
            int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
            assertThat(width).as(String.valueOf(page.evaluate(WIDEST))).isLessThanOrEqualTo(WIDTH);
            assertThat(page.locator("bdi[dir=ltr]").first().textContent()).matches("/stories/\\d+/manage");
        }
    }

    private void signInAsAdministrator(Page page) {
        String password = "narrow screens everywhere";
        String name = signUp(page, "Narrow", password);
        jdbc.sql("UPDATE accounts_account SET roles = '{PARTICIPANT,ADMINISTRATOR}' WHERE display_name = :name")
                .param("name", name)
                .update();
        page.click("form[action='/logout'] button");
        page.navigate(url("/login"));
        page.fill("#name", name);
        page.fill("#password", password);
        page.click("form[action='/login'] button[type=submit]");
        assertThat(page.content()).contains(name);
    }
}
