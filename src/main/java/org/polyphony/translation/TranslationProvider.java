package org.polyphony.translation;

import java.util.Set;

/**
 * A machine translation service. Texts are Markdown or plain text; a provider passes markup characters through as
 * they are, and whatever it returns is rendered as Markdown without raw HTML, so its output cannot inject markup.
 */
interface TranslationProvider {

    /** Short, stable name, kept with every translation it made ({@code apertium}). */
    String name();

    /** True when texts never leave this machine; such a provider is on by default, the others are off. */
    boolean keepsTextOnServer();

    /** The directions it translates directly; empty when it is not installed or cannot be reached. */
    Set<LanguagePair> pairs();

    /** Translates one text, or fails with a reason an administrator can act on. */
    String translate(String text, LanguagePair pair) throws TranslationFailure;
}
