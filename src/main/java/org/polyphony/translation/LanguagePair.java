package org.polyphony.translation;

/** A direction of translation, by BCP 47 language tags. */
public record LanguagePair(String source, String target) {

    @Override
    public String toString() {
        return source + "→" + target;
    }
}
