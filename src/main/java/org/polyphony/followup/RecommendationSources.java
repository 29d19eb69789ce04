package org.polyphony.followup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polyphony.antennas.PublishedKeyPoints;
import org.polyphony.consultation.ConsultationOutcomes;
import org.polyphony.forums.Edition;
import org.springframework.stereotype.Component;

/**
 * What an organiser may turn into recommendations besides a form or a file: the paragraphs of a consultation's
 * published outcome and the key points of a published regional report of the edition. Each item carries the
 * provenance its recommendation will keep, and the recommendation it already became, if any.
 */
@Component
public class RecommendationSources {

    /** A consultation outcome or a report as listed on the sources page. */
    public record Offer(
            Provenance.Kind kind, long id, String title, String detail, String language, int items, int made) {}

    /** A source opened to choose from; {@code url} is its page. */
    public record Source(
            Provenance.Kind kind, long id, String title, String detail, String language, String url, List<Item> items) {

        public Optional<Item> item(String key) {
            return items.stream().filter(i -> i.key().equals(key)).findFirst();
        }
    }

    /**
     * One paragraph or key point: {@code label} is how it is cited ("¶ 12", "3"), {@code section} the heading it
     * stands under (paragraphs only), {@code recommendation} the one it already became.
     */
    public record Item(
            String key,
            String label,
            String section,
            String text,
            String suggestedTitle,
            Provenance provenance,
            Long recommendation) {}

    private final ConsultationOutcomes outcomes;
    private final PublishedKeyPoints keyPoints;
    private final RecommendationStore store;

    RecommendationSources(ConsultationOutcomes outcomes, PublishedKeyPoints keyPoints, RecommendationStore store) {
        this.outcomes = outcomes;
        this.keyPoints = keyPoints;
        this.store = store;
    }

    List<Offer> offers(Edition edition) {
        List<Offer> offers = new ArrayList<>();
        for (long id : outcomes.withOutcome(edition.id().value())) {
            consultation(edition, id).ifPresent(s -> offers.add(offer(s)));
        }
        for (PublishedKeyPoints.PublishedReport report : keyPoints.ofEdition(edition)) {
            offers.add(offer(report(edition, report)));
        }
        return offers;
    }

    /** A consultation of the edition with a published outcome; its headings are not offered, only paragraphs. */
    Optional<Source> consultation(Edition edition, long id) {
        return outcomes.outcome(id)
                .filter(o -> o.edition() == edition.id().value())
                .map(o -> {
                    String url = "/consultations/" + o.consultation();
                    List<Item> items = new ArrayList<>();
                    for (ConsultationOutcomes.OutcomeParagraph p : o.paragraphs()) {
                        if (p.heading() || p.text() == null || p.text().isBlank()) {
                            continue;
                        }
                        String label = p.number() == null ? p.key() : "¶ " + p.number();
                        items.add(new Item(
                                p.key(),
                                label,
                                p.section(),
                                p.text().strip(),
                                suggestedTitle(p.text()),
                                new Provenance(
                                        Provenance.Kind.CONSULTATION,
                                        o.consultation(),
                                        shortened(o.title(), 200) + " · " + label,
                                        url + "/paragraphs/" + p.key()),
                                null));
                    }
                    return withMade(
                            edition,
                            new Source(
                                    Provenance.Kind.CONSULTATION,
                                    o.consultation(),
                                    o.title(),
                                    null,
                                    o.language(),
                                    url,
                                    items));
                });
    }

    /** A published report of one of the edition's hubs. */
    Optional<Source> report(Edition edition, long id) {
        return keyPoints.report(edition, id).map(r -> report(edition, r));
    }

    private Source report(Edition edition, PublishedKeyPoints.PublishedReport r) {
        List<Item> items = r.points().stream()
                .map(p -> new Item(
                        String.valueOf(p.id()),
                        String.valueOf(p.position()),
                        null,
                        p.text().strip(),
                        suggestedTitle(p.text()),
                        new Provenance(
                                Provenance.Kind.REPORT,
                                p.id(),
                                shortened(r.title(), 200) + " · " + shortened(r.hub(), 80) + " · " + p.position(),
                                p.url()),
                        null))
                .toList();
        return withMade(
                edition, new Source(Provenance.Kind.REPORT, r.id(), r.title(), r.hub(), r.language(), r.url(), items));
    }

    private Source withMade(Edition edition, Source source) {
        Map<String, Long> made = store.madeFrom(
                edition.id().value(),
                source.kind(),
                source.items().stream().map(i -> i.provenance().url()).toList());
        return new Source(
                source.kind(),
                source.id(),
                source.title(),
                source.detail(),
                source.language(),
                source.url(),
                source.items().stream()
                        .map(i -> new Item(
                                i.key(),
                                i.label(),
                                i.section(),
                                i.text(),
                                i.suggestedTitle(),
                                i.provenance(),
                                made.get(i.provenance().url())))
                        .toList());
    }

    private static Offer offer(Source s) {
        int made =
                (int) s.items().stream().filter(i -> i.recommendation() != null).count();
        return new Offer(
                s.kind(), s.id(), s.title(), s.detail(), s.language(), s.items().size(), made);
    }

    /** The first sentence of the text without Markdown marks, short enough for a title. */
    static String suggestedTitle(String markdown) {
        String plain =
                markdown.replaceAll("[*_`>#\\[\\]]", "").replaceAll("\\s+", " ").strip();
        int end = -1;
        for (int i = 0; i < plain.length() - 1; i++) {
            char c = plain.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '。' || c == '؟')
                    && Character.isWhitespace(plain.charAt(i + 1))) {
                end = i + 1;
                break;
            }
        }
        return shortened(end > 0 ? plain.substring(0, end) : plain, 200);
    }

    static String shortened(String text, int max) {
        String s = text == null ? "" : text.strip();
        if (s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max - 1);
        return s.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }
}
