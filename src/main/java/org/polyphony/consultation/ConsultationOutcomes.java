package org.polyphony.consultation;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The published outcomes of consultations, for other modules (the follow-up of recommendations reads an outcome's
 * paragraphs as recommendations). Only a published outcome is offered; drafts in progress are not.
 */
@Service
public class ConsultationOutcomes {

    private final ConsultationStore store;

    ConsultationOutcomes(ConsultationStore store) {
        this.store = store;
    }

    /**
     * A consultation's outcome: its final version's paragraphs in order, each with its stable key (the same in
     * every version) and the number readers cite.
     */
    public record Outcome(
            long consultation,
            long edition,
            String title,
            String language,
            int version,
            List<OutcomeParagraph> paragraphs) {}

    /**
     * @param key the paragraph's identity across versions ("p12")
     * @param number its number as cited, null for a heading
     * @param section the text of the heading it stands under, or null
     * @param text its Markdown
     */
    public record OutcomeParagraph(String key, Integer number, boolean heading, String section, String text) {}

    /** An edition's consultations that have published an outcome, by id. */
    public List<Long> withOutcome(long edition) {
        return store.ofEdition(edition).stream()
                .filter(c -> c.outcomeVersion() != null)
                .map(ConsultationStore.Consultation::id)
                .toList();
    }

    public Optional<Outcome> outcome(long consultation) {
        return store.consultation(consultation)
                .filter(c -> c.outcomeVersion() != null)
                .flatMap(c -> store.versions(c.id()).stream()
                        .filter(v -> v.number() == c.outcomeVersion())
                        .findFirst()
                        .map(v -> {
                            String section = null;
                            List<OutcomeParagraph> paragraphs = new java.util.ArrayList<>();
                            for (ConsultationStore.Paragraph p : store.paragraphs(v.id())) {
                                if (p.heading()) {
                                    section = DraftText.headingText(p.text());
                                }
                                paragraphs.add(
                                        new OutcomeParagraph(p.key(), p.number(), p.heading(), section, p.text()));
                            }
                            return new Outcome(c.id(), c.editionId(), c.title(), c.language(), v.number(), paragraphs);
                        }));
    }
}
