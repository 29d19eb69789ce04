package org.polyphony.translation;

/** A direction of translation, by BCP 47 language tags. */
record LanguagePair(String source, String target) {

    @Override
    public String toString() {
        return source + "→" + target;
    }
}
