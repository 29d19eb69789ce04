package org.polyphony.people;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.polyphony.languages.Regions;
import org.polyphony.languages.Themes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The themes, types of organisation and regions whose names, in the reader's language (and in English, the
 * language the data is often written in), contain the words searched: "diaspora" finds the organisations tagged
 * with the theme "Diaspora engagement" even when their own texts never use the word. Whole phrase, accents and
 * case ignored, at least three letters, so that a word search does not turn into "everything in Africa".
 */
@Component
class DirectoryWords {

    static final int SHORTEST = 3;

    private final MessageSource messages;

    DirectoryWords(MessageSource messages) {
        this.messages = messages;
    }

    record Matches(Set<String> themes, Set<String> types, Set<String> regions, Set<String> regionCountries) {
        boolean any() {
            return !themes.isEmpty() || !types.isEmpty() || !regions.isEmpty();
        }
    }

    Matches of(String words, String readerLanguage) {
        String wanted = folded(words);
        Set<String> themes = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        Set<String> regions = new LinkedHashSet<>();
        if (wanted.length() >= SHORTEST) {
            List<Locale> locales = List.of(Locale.forLanguageTag(readerLanguage), Locale.ENGLISH);
            for (String theme : Themes.codes()) {
                if (named(Themes.messageKey(theme), wanted, locales)) {
                    themes.add(theme);
                }
            }
            for (OrganisationType type : OrganisationType.values()) {
                if (named("organisation.type." + type.name(), wanted, locales)) {
                    types.add(type.name());
                }
            }
            for (Regions.Region region : Regions.all()) {
                if (named(region.messageKey(), wanted, locales)) {
                    regions.add(region.code());
                }
            }
        }
        Set<String> countries = new LinkedHashSet<>(Regions.countriesOf(List.copyOf(regions)));
        return new Matches(themes, types, regions, countries);
    }

    private boolean named(String key, String wanted, List<Locale> locales) {
        for (Locale locale : locales) {
            String name = messages.getMessage(key, null, "", locale);
            if (name != null && folded(name).contains(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, without accents, spaces collapsed: "Diáspora  " and "diaspora" are the same word. */
    static String folded(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
