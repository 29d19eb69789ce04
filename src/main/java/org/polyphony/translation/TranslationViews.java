package org.polyphony.translation;

import java.util.List;

/** What the translation module's pages show. */
public final class TranslationViews {

    private TranslationViews() {}

    /** A provider as the admin page shows it. */
    public record ProviderRow(String name, boolean keepsTextOnServer, boolean enabled, List<String> pairs) {}

    /** A failed job as the admin page shows it. */
    public record FailedRow(long id, String kind, long contentId, String target, int attempts, String error) {}

    /** A glossary entry; {@code language} null for a term kept in every language. */
    public record TermRow(long id, String term, String language, String replacement) {}
}
