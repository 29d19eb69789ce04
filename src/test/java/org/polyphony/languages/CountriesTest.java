package org.polyphony.languages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Collator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CountriesTest {

    @Test
    void knowsAssignedCodesOnly() {
        assertThat(Countries.isKnown("FR")).isTrue();
        assertThat(Countries.isKnown("SS")).isTrue(); // South Sudan, assigned in 2011
        // user-assigned (Kosovo), withdrawn (Netherlands Antilles), exceptionally reserved, unknown
        assertThat(List.of("XK", "AN", "EU", "UN", "ZZ", "QO", "CS")).noneMatch(Countries::isKnown);
        assertThat(Countries.sortedByName(Locale.ENGLISH)).hasSizeGreaterThanOrEqualTo(240);
    }

    @Test
    void acceptsAnyCaseAndReturnsUpperCase() {
        assertThat(Countries.normalise("fr")).contains("FR");
        assertThat(Countries.normalise(" Fr ")).contains("FR");
        assertThat(Countries.require("gb")).isEqualTo("GB");
    }

    @Test
    void refusesWhatIsNotATwoLetterCode() {
        assertThat(List.of("", " ", "F", "FRA", "250", "1A", "ÅA", "F R")).noneMatch(Countries::isKnown);
        assertThat(Countries.isKnown(null)).isFalse();
        assertThatThrownBy(() -> Countries.name("XK", Locale.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XK");
    }

    @Test
    void upperCasesTheSameWayUnderATurkishDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.of("tr", "TR"));
            assertThat(Countries.normalise("ti")).isEmpty();
            assertThat(Countries.normalise("it")).contains("IT");
            assertThat(Countries.normalise("tr")).contains("TR");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void namesCountriesInEveryInterfaceLanguage() {
        assertThat(Countries.name("FR", UiLanguage.EN.locale())).isEqualTo("France");
        assertThat(Countries.name("fr", UiLanguage.FR.locale())).isEqualTo("France");
        assertThat(Countries.name("FR", UiLanguage.ES.locale())).isEqualTo("Francia");
        assertThat(Countries.name("FR", UiLanguage.PT.locale())).isEqualTo("França");
        assertThat(Countries.name("FR", UiLanguage.RU.locale())).isEqualTo("Франция");
        assertThat(Countries.name("FR", UiLanguage.ZH.locale())).isEqualTo("法国");
        assertThat(Countries.name("FR", UiLanguage.AR.locale())).isEqualTo("فرنسا");
    }

    @Test
    void everyCountryHasARealNameInEveryInterfaceLanguage() {
        for (UiLanguage language : UiLanguage.values()) {
            assertThat(Countries.sortedByName(language.locale()))
                    .as(language.tag())
                    .allSatisfy(
                            country -> assertThat(country.name()).isNotBlank().isNotEqualTo(country.code()));
        }
    }

    @Test
    void sortsByNameAsTheReaderExpects() {
        List<String> french = names(Countries.sortedByName(UiLanguage.FR.locale()));

        // In code point order "Égypte" would follow "Zimbabwe".
        assertThat(french.indexOf("Égypte")).isLessThan(french.indexOf("Espagne"));
        assertThat(french.indexOf("Espagne")).isLessThan(french.indexOf("Zimbabwe"));
        assertThat(french.indexOf("Danemark")).isLessThan(french.indexOf("Égypte"));
    }

    @Test
    void sortsWithTheReadersCollatorInEveryInterfaceLanguage() {
        for (UiLanguage language : UiLanguage.values()) {
            List<String> names = names(Countries.sortedByName(language.locale()));
            Collator collator = Collator.getInstance(language.locale());
            assertThat(names).as(language.tag()).isSortedAccordingTo(collator::compare);
        }
    }

    private static List<String> names(List<Country> countries) {
        return countries.stream().map(Country::name).toList();
    }
}
