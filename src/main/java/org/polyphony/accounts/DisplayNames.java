package org.polyphony.accounts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rules for display names, which are pseudonyms in any script. Names that differ only in case or in the width of
 * their characters are the same name, so nobody can pass for someone else with "ＡＭＩＮＡ".
 */
final class DisplayNames {

    static final int MIN_LENGTH = 2;
    static final int MAX_LENGTH = 40;

    /** Letters and marks of any script, digits, and single inner spaces, dots, hyphens, underscores, apostrophes. */
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}]+(?:[ ._'’-][\\p{L}\\p{M}\\p{Nd}]+)*");

    private DisplayNames() {}

    /** The name as it will be stored and shown: NFC, trimmed, inner runs of white space made single spaces. */
    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        return Normalizer.normalize(raw, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }

    static boolean isWellFormed(String cleaned) {
        int length = cleaned.codePointCount(0, cleaned.length());
        return length >= MIN_LENGTH
                && length <= MAX_LENGTH
                && ALLOWED.matcher(cleaned).matches();
    }

    /** The key under which names are unique. */
    static String key(String raw) {
        return Normalizer.normalize(clean(raw), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
