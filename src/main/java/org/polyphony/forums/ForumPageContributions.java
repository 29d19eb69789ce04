package org.polyphony.forums;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polyphony.languages.LocalizedText;
import org.polyphony.web.Page;

/**
 * What another module adds to a forum edition's page and to each session's page: links to its own spaces (the
 * Regional Antennas, consultations, the research library…) and a section listing what concerns one session
 * (regional inputs, publications that inform it…). Forums knows none of those modules: each registers a bean of
 * this type, so the agenda pages grow without forums depending on the modules that build on it.
 */
public interface ForumPageContributions {

    /** Links shown on the edition's page, texts already in the reader's language. */
    default List<Link> editionLinks(Edition edition, Page page) {
        return List.of();
    }

    /** A section of the edition's page, under its summary, or empty when this module has nothing for it. */
    default Optional<Section> editionSection(Edition edition, Page page) {
        return Optional.empty();
    }

    /**
     * Edition names to show in lists (the home page) instead of the organisers' text, by edition: a translation
     * into the reader's language where the organisers wrote none the reader reads. Editions left out are shown as
     * written.
     */
    default Map<EditionId, ShownName> editionNames(List<Edition> editions, Page page) {
        return Map.of();
    }

    /** Links shown among the session's actions (next to "join the dialogue"). */
    default List<Link> sessionLinks(Edition edition, Edition.ForumSession session, Page page) {
        return List.of();
    }

    /** A section of the session's page, or empty when this module has nothing for that session. */
    default Optional<Section> sessionSection(Edition edition, Edition.ForumSession session, Page page) {
        return Optional.empty();
    }

    /** Contributions are shown in this order, lowest first; ties by bean order. */
    default int order() {
        return 0;
    }

    record Link(String label, String href) {}

    /** A name shown in another language than the organisers wrote it, with a short label saying how. */
    record ShownName(LocalizedText.Shown name, String label) {}

    /** A heading, its items and an optional link to everything (when the section shows only the first few). */
    record Section(String heading, List<Item> items, Optional<Link> more) {}

    /**
     * One item: its title (with the language it is shown in), where it leads, a short line of facts
     * ("Africa hub · 4 sources"), and indented lines under it (a report's key points, say).
     */
    record Item(LocalizedText.Shown title, String href, String meta, List<LocalizedText.Shown> lines) {}
}
