package org.polyphony.languages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RegionsTest {

    @Test
    void everyAssignedCountryLandsInExactlyOneRegionBarTheDocumentedFew() {
        Map<String, Integer> seen = new HashMap<>();
        for (Regions.Region region : Regions.all()) {
            region.countries().forEach(c -> seen.merge(c, 1, Integer::sum));
        }
        assertThat(seen.values()).allMatch(count -> count == 1);
        Set<String> unassigned = new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
        unassigned.removeAll(seen.keySet());
        // documented in the resource and docs/people.md: M49 lists Antarctica outside every region, and not Taiwan
        assertThat(unassigned).containsExactly("AQ", "TW");
        assertThat(seen.keySet()).allMatch(Countries::isKnown);
    }

    @Test
    void findsTheRegionOfACountry() {
        assertThat(Regions.ofCountry("sn").map(Regions.Region::code)).contains("western-africa");
        assertThat(Regions.ofCountry("PH").map(Regions.Region::code)).contains("south-eastern-asia");
        assertThat(Regions.ofCountry("MX").map(Regions.Region::code)).contains("central-america");
        assertThat(Regions.ofCountry("AQ")).isEmpty();
        assertThat(Regions.all()).hasSize(22);
        assertThat(Regions.countriesOf(List.of("southern-africa"))).containsExactly("BW", "SZ", "LS", "NA", "ZA");
    }

    @Test
    void themesAreAFixedVocabulary() {
        assertThat(Themes.codes()).hasSize(12).contains("remittances-investment", "domestic-work");
        assertThat(Themes.isKnown("remittances-investment")).isTrue();
        assertThat(Themes.isKnown("astrology")).isFalse();
    }
}
