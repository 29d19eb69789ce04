package org.polyphony.experiences;

import java.time.LocalDate;
import java.util.List;

/**
 * A story as readers see it, in their language where a translation is ready. It never carries an account id; an
 * anonymous story carries no name either.
 *
 * @param author the display name of a story published with its author's name; null when anonymous
 * @param html the text rendered from Markdown (sanitised)
 * @param originalTitle the title as written, when {@code title} is a translation; else null
 * @param originalHtml the text as written, when {@code html} is a translation; else null
 * @param translatedBy the provider of the translation shown ("Apertium"), or null
 * @param sessions the sessions it speaks to
 */
public record StoryView(
        long id,
        String title,
        String html,
        String language,
        String originalLanguage,
        String originalTitle,
        String originalHtml,
        String translatedBy,
        String author,
        StoryFacts facts,
        StoryStatus status,
        LocalDate publishedOn,
        List<SessionLink> sessions,
        boolean demo) {

    public record SessionLink(String code, String title) {}

    public boolean anonymous() {
        return author == null;
    }

    public boolean translated() {
        return originalHtml != null || originalTitle != null;
    }
}
