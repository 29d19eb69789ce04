package org.polyphony.translation;

import java.util.List;
import java.util.Optional;
import org.polyphony.forums.Edition;

/**
 * The volunteer queue's filters as asked in the address and as understood: only values among those offered count
 * (one of the volunteer's pairs, a kind some module owns, a published edition not archived); anything else is left
 * out and remembered as ignored, so the page can say so instead of failing or guessing.
 */
public record QueueFilters(
        List<LanguagePair> offeredPairs,
        List<Kind> offeredKinds,
        List<EditionChoice> offeredEditions,
        String pair,
        String kind,
        String edition,
        Long editionId,
        boolean ignored) {

    public record Kind(String kind, String label) {}

    public record EditionChoice(String slug, org.polyphony.languages.LocalizedText name) {}

    static QueueFilters of(
            String pair,
            String kind,
            String edition,
            List<LanguagePair> pairs,
            TranslatableTextOwners owners,
            List<Edition> editions) {
        List<Edition> open = editions.stream().filter(e -> !e.archived()).toList();
        List<Kind> kinds = owners.kinds().stream()
                .distinct()
                .map(k -> new Kind(k, owners.kindLabel(k)))
                .toList();
        String askedPair = blankToNull(pair);
        String chosenPair =
                askedPair != null && pairs.stream().anyMatch(p -> (p.source() + "-" + p.target()).equals(askedPair))
                        ? askedPair
                        : null;
        String askedKind = blankToNull(kind);
        String chosenKind =
                askedKind != null && kinds.stream().anyMatch(k -> k.kind().equals(askedKind)) ? askedKind : null;
        String askedEdition = blankToNull(edition);
        Optional<Edition> found = askedEdition == null
                ? Optional.empty()
                : open.stream().filter(e -> e.slug().equals(askedEdition)).findFirst();
        String chosenEdition = found.map(Edition::slug).orElse(null);
        boolean ignored = !java.util.Objects.equals(askedPair, chosenPair)
                || !java.util.Objects.equals(askedKind, chosenKind)
                || !java.util.Objects.equals(askedEdition, chosenEdition);
        return new QueueFilters(
                pairs,
                kinds,
                open.stream().map(e -> new EditionChoice(e.slug(), e.name())).toList(),
                chosenPair,
                chosenKind,
                chosenEdition,
                found.map(e -> e.id().value()).orElse(null),
                ignored);
    }

    /** The pairs to look in: the chosen one, or all the volunteer's. */
    List<LanguagePair> pairs() {
        return pair == null
                ? offeredPairs
                : offeredPairs.stream()
                        .filter(p -> (p.source() + "-" + p.target()).equals(pair))
                        .toList();
    }

    VolunteerQueue.Filter filter() {
        return new VolunteerQueue.Filter(kind, editionId);
    }

    public boolean any() {
        return pair != null || kind != null || edition != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
