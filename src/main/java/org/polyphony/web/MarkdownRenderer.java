package org.polyphony.web;

import java.util.List;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Turns the CommonMark of a post or a story into HTML that is safe to show: raw HTML in the source is escaped, not rendered, and
 * the result passes an allow-list (emphasis, lists, quotes, code, links) as a second line of defence. Links are
 * marked as user content that the site does not vouch for.
 */
@Component
public class MarkdownRenderer {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "br",
                    "em",
                    "strong",
                    "code",
                    "pre",
                    "blockquote",
                    "ul",
                    "ol",
                    "li",
                    "hr",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "a",
                    "del")
            .allowAttributes("href")
            .onElements("a")
            .allowAttributes("start")
            .matching(java.util.regex.Pattern.compile("[0-9]{1,6}"))
            .onElements("ol")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        var extensions = List.of(AutolinkExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        // headings are demoted below the page's own (h1 title, h2 sections)
        this.renderer =
                HtmlRenderer.builder().extensions(extensions).escapeHtml(true).build();
    }

    public String render(String markdown) {
        String html = renderer.render(parser.parse(markdown));
        html = html.replaceAll("<(/?)h[12]>", "<$1h3>");
        return POLICY.sanitize(html);
    }
}
