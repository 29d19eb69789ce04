package org.polyphony.antennas;

import java.util.List;

/**
 * A citation as a reader sees it: the message key and arguments that say what its source is, a short quote in
 * the reader's language (null when withdrawn) and where it leads.
 *
 * @param label what the source is ("Post 3 in …", "Group A agrees, 72 %"), already a message key's arguments
 * @param quote the quote in the reader's language, null when withdrawn
 * @param translatedBy the machine translation's provider, or null when the quote is as written
 */
public record ResolvedCitation(
        Report.Citation citation,
        String labelKey,
        List<Object> labelArguments,
        String quote,
        String quoteLanguage,
        String originalLanguage,
        String translatedBy,
        String href,
        boolean withdrawn) {

    public Object[] arguments() {
        return labelArguments.toArray();
    }

    /** Whether the quote is a machine translation (labelled as such wherever it is shown). */
    public boolean translated() {
        return translatedBy != null;
    }
}
