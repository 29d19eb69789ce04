package org.polyphony.languages;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The countries a story or profile may name: the ISO 3166-1 alpha-2 codes the JDK knows as officially assigned,
 * with their names from the JDK's CLDR data, so that no list or translation is kept by hand.
 */
public final class Countries {

    // PART1_ALPHA2 holds the officially assigned codes only: no user-assigned codes such as XK, no withdrawn
    // ones such as AN, no exceptional reservations such as EU or UN.
    private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
    private static final Pattern TWO_LETTERS = Pattern.compile("[A-Za-z]{2}");

    private Countries() {}

    /** Whether {@code code} names an assigned country, in any letter case, surrounding blanks ignored. */
    public static boolean isKnown(String code) {
        return normalise(code).isPresent();
    }

    /** The code in upper case, e.g. {@code " fr"} → {@code "FR"}, if it names an assigned country. */
    public static Optional<String> normalise(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String trimmed = code.strip();
        if (!TWO_LETTERS.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        // Locale.ROOT: in a Turkish default locale "tr".toUpperCase() would give "TR" with a dotted İ.
        String upper = trimmed.toUpperCase(Locale.ROOT);
        return CODES.contains(upper) ? Optional.of(upper) : Optional.empty();
    }

    /** The code of an assigned country in upper case; refuses anything else. */
    public static String require(String code) {
        return normalise(code).orElseThrow(() -> new IllegalArgumentException("not an ISO 3166-1 country: " + code));
    }

    /** The country's name in the reader's language, e.g. {@code ("CI", fr)} → "Côte d’Ivoire". */
    public static String name(String code, Locale reader) {
        return Locale.of("", require(code)).getDisplayCountry(reader);
    }

    public static Country country(String code, Locale reader) {
        String normalised = require(code);
        return new Country(normalised, name(normalised, reader));
    }

    /** Every assigned country, sorted the way a reader of {@code reader}'s language expects, for select boxes. */
    public static List<Country> sortedByName(Locale reader) {
        // The collator puts "Égypte" among the E's for a French reader, where code point order would put it after
        // "Zimbabwe"; ties fall back to the code so that the order is total.
        Collator collator = Collator.getInstance(reader);
        return CODES.stream()
                .map(code -> country(code, reader))
                .sorted(Comparator.comparing(Country::name, collator).thenComparing(Country::code))
                .toList();
    }
}
