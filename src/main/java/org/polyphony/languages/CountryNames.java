package org.polyphony.languages;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * A country as a person types it in a form: its ISO 3166-1 code (two letters, or three), or its name in any of the
 * interface languages, whatever the letter case, accents or punctuation ("cote d'ivoire" for "Côte d’Ivoire"). The
 * codes and names are the shared list's ({@link Countries}), so nothing here is kept by hand.
 */
public final class CountryNames {

    private static final Map<String, String> BY_NAME = new HashMap<>();
    private static final Map<String, String> BY_ALPHA3 = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2)) {
            if (!Countries.isKnown(code)) continue;
            try {
                BY_ALPHA3.put(Locale.of("", code).getISO3Country(), code);
            } catch (MissingResourceException noAlpha3) {
                // a code without an alpha-3 counterpart is still found by its alpha-2 code and names
            }
            for (UiLanguage language : UiLanguage.values()) {
                // no two countries share a name across the seven languages (checked when this was written);
                // should a future JDK make two collide, the first language's (English) keeps the name
                BY_NAME.putIfAbsent(key(Countries.name(code, language.locale())), code);
            }
        }
    }

    private CountryNames() {}

    /** The country's alpha-2 code, if {@code typed} names one. */
    public static Optional<String> code(String typed) {
        if (typed == null || typed.isBlank()) return Optional.empty();
        Optional<String> alpha2 = Countries.normalise(typed);
        if (alpha2.isPresent()) return alpha2;
        String stripped = typed.strip();
        if (stripped.matches("[A-Za-z]{3}")) {
            String code = BY_ALPHA3.get(stripped.toUpperCase(Locale.ROOT));
            if (code != null) return Optional.of(code);
        }
        return Optional.ofNullable(BY_NAME.get(key(stripped)));
    }

    /** Letters and digits only, accents dropped, lower case: what is left of a name however it was typed. */
    private static String key(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
