package org.polyphony.consultation;

import java.util.ArrayList;
import java.util.List;
import org.polyphony.consultation.ConsultationStore.Version;
import org.polyphony.consultation.ConsultationViews.ParagraphView;
import org.polyphony.consultation.ConsultationViews.ShownText;

/**
 * A version's paragraphs as the draft page writes them, HTML ready but for each paragraph's comment link text (its
 * count changes with every comment, and its words with the reader's interface language). Written here rather than in
 * the template because the page writes three pieces per paragraph instead of some twenty: with 300 paragraphs that
 * was most of the page's time. The markup is the one the draft template had; every value in it is escaped.
 *
 * @param translated the first paragraph shown in translation (for the line saying who translated), or null
 */
public record ReadyDraft(List<Piece> paragraphs, ShownText translated) {

    /**
     * One paragraph: {@code head} is written, then (not for a heading) the link text for its {@code comments}, then
     * {@code tail}.
     */
    public record Piece(long id, Integer number, boolean heading, String head, String tail) {}

    static ReadyDraft of(Version version, List<ParagraphView> paragraphs) {
        String discussion = "/consultations/" + version.consultationId() + "/paragraphs/";
        List<Piece> pieces = new ArrayList<>(paragraphs.size());
        ShownText translated = null;
        for (ParagraphView p : paragraphs) {
            if (translated == null && p.text().translated()) {
                translated = p.text();
            }
            String key = attribute(p.key());
            String language = attribute(p.text().language());
            if (p.heading()) {
                // a heading's html is its plain text, already escaped
                pieces.add(new Piece(
                        p.id(),
                        null,
                        true,
                        "<h2 id=\"" + key + "\" lang=\"" + language + "\" dir=\"auto\">"
                                + p.text().html() + "</h2>\n",
                        ""));
            } else {
                pieces.add(new Piece(
                        p.id(),
                        p.number(),
                        false,
                        "<div class=\"para\" id=\"" + key + "\"><a class=\"num\" href=\"#" + key + "\">" + p.number()
                                + "</a><div lang=\"" + language + "\" dir=\"auto\">"
                                + p.text().html()
                                + "</div><p class=\"para-comments\"><a href=\"" + discussion + key + "?version="
                                + version.number() + "\">",
                        "</a></p></div>\n"));
            }
        }
        return new ReadyDraft(List.copyOf(pieces), translated);
    }

    static String attribute(String value) {
        return value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
