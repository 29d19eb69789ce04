package org.polyphony.antennas;

import java.util.List;
import java.util.Optional;

/**
 * Works another module keeps that rapporteurs may cite in their reports (the research library's publications,
 * {@link CitationKind#PUBLICATION}). Antennas knows none of those modules: the one that keeps them registers a bean
 * of this type, and a citation of a work that is gone shows as withdrawn. Any rapporteur may cite any work: a library
 * is not tied to one hub or edition.
 */
public interface CitedWorks {

    /** The work as a report shows it, or empty when there is none by that id. */
    Optional<Work> work(long id, List<String> readerLanguages);

    /** The message key (no arguments) that names a cited work which is gone, shown with "withdrawn". */
    String goneLabelKey();

    /**
     * A work as cited: the message key (of the keeping module's bundle) and arguments saying what it is, a short
     * quote (its abstract, or its title) in the reader's language where there is one, and where it leads.
     *
     * @param translatedBy the machine translation's provider, or null when the quote is as written
     */
    record Work(
            String labelKey,
            List<Object> labelArguments,
            String quote,
            String quoteLanguage,
            String originalLanguage,
            String translatedBy,
            String href) {}
}
