package org.polyphony.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    @Test
    void rendersTheCommonMarkThatPostsNeed() {
        Document html = Jsoup.parseBodyFragment(
                markdown.render(
                        """
                Some *emphasis* and **strength**.

                - one
                - two

                > a quote

                # A heading that must not outrank the page's
                """));

        assertThat(html.select("em").text()).isEqualTo("emphasis");
        assertThat(html.select("strong").text()).isEqualTo("strength");
        assertThat(html.select("ul li")).hasSize(2);
        assertThat(html.select("blockquote").text()).isEqualTo("a quote");
        assertThat(html.select("h1, h2")).isEmpty();
        assertThat(html.select("h3").text()).startsWith("A heading");
    }

    @Test
    void rawHtmlIsShownAsTextNeverRun() {
        String rendered = markdown.render("<script>alert(1)</script> <img src=x onerror=alert(2)> <b>bold</b>");

        Document html = Jsoup.parseBodyFragment(rendered);
        assertThat(html.select("script, img, b")).isEmpty();
        assertThat(html.text()).contains("<script>alert(1)</script>");
    }

    @Test
    void linksAreUserContentAndOnlyWebOrMail() {
        Document html = Jsoup.parseBodyFragment(markdown.render(
                "[report](https://example.org/r) [bad](javascript:alert(1)) www.example.net mailto:a@example.org"));

        assertThat(html.select("a[href=https://example.org/r]").attr("rel"))
                .contains("nofollow")
                .contains("ugc")
                .contains("noopener");
        assertThat(html.select("a[href^=javascript]")).isEmpty();
        assertThat(html.select("a").eachAttr("href")).allMatch(h -> h.startsWith("http") || h.startsWith("mailto:"));
    }
}
