package org.polyphony.skills;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.polyphony.languages.UiLanguage;

class IscoTest {

    private final Isco isco = Isco.classification();

    @Test
    void theClassificationHasIscoEightsFourLevels() {
        assertThat(isco.units()).hasSize(436);
        assertThat(isco.minorGroups()).hasSize(130);
        assertThat(isco.minorGroups().stream().mapToInt(m -> m.units().size()).sum())
                .isEqualTo(436);
        assertThat(isco.group("5162").orElseThrow().title("en")).isEqualTo("Companions and valets");
        assertThat(isco.parents("5162").stream().map(Isco.Group::code)).containsExactly("5", "51", "516");
        assertThat(isco.isUnitGroup("516")).isFalse();
        assertThat(isco.isUnitGroup("9999")).isFalse();
        assertThat(isco.isUnitGroup(null)).isFalse();
    }

    @Test
    void everyGroupHasATitleInEveryInterfaceLanguage() {
        for (UiLanguage language : UiLanguage.values()) {
            for (Isco.MinorGroup minor : isco.minorGroups()) {
                assertThat(minor.group().titles())
                        .as("%s in %s", minor.group().code(), language)
                        .containsKey(language.tag());
                for (Isco.Group unit : minor.units()) {
                    assertThat(unit.titles())
                            .as("%s in %s", unit.code(), language)
                            .containsKey(language.tag());
                }
            }
        }
    }
}
