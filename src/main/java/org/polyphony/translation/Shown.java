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
 * @param byVolunteer true for a REVIEWED text a volunteer translated from scratch ("translated by a person")
 * @param personTranslationOutdated true when a person translated an earlier version into a reader's language: the
 *     author edited it since, so it is not shown (it must not put back words the author took out)
 */
public record Shown(
        State state,
        String text,
        String originalLanguage,
        String language,
        String provider,
        String pivot,
        boolean leftTheServer,
        boolean byVolunteer,
        boolean personTranslationOutdated) {

    public Shown(
            State state,
            String text,
            String originalLanguage,
            String language,
            String provider,
            String pivot,
            boolean leftTheServer) {
        this(state, text, originalLanguage, language, provider, pivot, leftTheServer, false, false);
    }

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

    Shown outdated(boolean outdated) {
        return new Shown(
                state, text, originalLanguage, language, provider, pivot, leftTheServer, byVolunteer, outdated);
    }

    /** A machine translation a reader may flag as poor. */
    public boolean machineTranslated() {
        return state == State.TRANSLATED;
    }
}
