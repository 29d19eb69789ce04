package org.polyphony.translation;

import java.util.Set;

/**
 * A machine translation service. Texts are Markdown or plain text; a provider passes markup characters through as
 * they are, and whatever it returns is rendered as Markdown without raw HTML, so its output cannot inject markup.
 */
interface TranslationProvider {

    /** Short, stable name, kept with every translation it made ({@code apertium}). */
    String name();

    /** True when texts never leave this machine (readers' labels and the administrators' page say so). */
    boolean keepsTextOnServer();

    /** Whether it is on before an administrator chooses: by default, when texts never leave this machine. */
    default boolean enabledByDefault() {
        return keepsTextOnServer();
    }

    /** The directions it translates directly; empty when it is not installed or cannot be reached. */
    Set<LanguagePair> pairs();

    /** Translates one text, or fails with a reason an administrator can act on. */
    String translate(String text, LanguagePair pair) throws TranslationFailure;
}
