package org.polyphony.translation;

/**
 * What to show a reader of a text: the original or a translation, and the words of its label.
 *
 * @param text the text to show (the original when {@code state} is not TRANSLATED or REVIEWED)
 * @param originalLanguage the language the author wrote in
 * @param language the language of {@code text}
 * @param provider the machine translation's provider, or null
 * @param pivot the language a machine translation went through, or null
 * @param leftTheServer true when the provider sent the text to another machine
 */
public record Shown(
        State state,
        String text,
        String originalLanguage,
        String language,
        String provider,
        String pivot,
        boolean leftTheServer) {

    public enum State {
        /** The reader reads the original's language, or asked for originals. */
        ORIGINAL,
        TRANSLATED,
        REVIEWED,
        /** A translation is on its way; the original is shown meanwhile. */
        IN_PROGRESS,
        /** No provider translates from this language into one the reader reads. */
        UNAVAILABLE
    }

    /** The provider's name as people write it ("Apertium", "Apertium + LibreTranslate"). */
    public String providerLabel() {
        return provider == null
                ? ""
                : provider.replace("libretranslate", "LibreTranslate")
                        .replace("apertium", "Apertium")
                        .replace("+", " + ");
    }

    public boolean translated() {
        return state == State.TRANSLATED || state == State.REVIEWED;
    }

    static Shown original(String text, String language, State state) {
        return new Shown(state, text, language, language, null, null, false);
    }
}
