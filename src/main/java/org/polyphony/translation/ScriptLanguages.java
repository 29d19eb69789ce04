package org.polyphony.translation;

/**
 * Languages told apart by their script alone, for reading languages Lingua has no model of. Only scripts that one
 * language of Polyphony's list uses are here: Ethiopic, shared by Amharic and Tigrinya, is left to the author.
 */
final class ScriptLanguages {

    private ScriptLanguages() {}

    /** The language whose script most letters of the text are in, when that script is one of these; else null. */
    static String languageOf(String text) {
        int khmer = 0, myanmar = 0, sinhala = 0, letters = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            switch (Character.UnicodeScript.of(c)) {
                case KHMER -> khmer++;
                case MYANMAR -> myanmar++;
                case SINHALA -> sinhala++;
                default -> {}
            }
        }
        if (letters == 0) {
            return null;
        }
        if (khmer * 2 > letters) {
            return "km";
        }
        if (myanmar * 2 > letters) {
            return "my";
        }
        return sinhala * 2 > letters ? "si" : null;
    }
}
