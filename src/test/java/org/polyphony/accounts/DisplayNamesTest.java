package org.polyphony.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayNamesTest {

    @Test
    void acceptsPseudonymsInAnyScript() {
        for (String name : new String[] {
            "Amina", "José María", "O’Brien", "فاطمة الزهراء", "李娜", "Олена-Марія", "nguyễn_văn.an", "देवी 2"
        }) {
            assertThat(DisplayNames.isWellFormed(DisplayNames.clean(name)))
                    .as(name)
                    .isTrue();
        }
    }

    @Test
    void refusesNamesThatAreEmptyTooLongOrMadeOfSymbols() {
        for (String name : new String[] {
            "", "a", " - ", "<script>", "a".repeat(41), "name@example.org", "-lead", "trail-", "two  spaces\u0000"
        }) {
            assertThat(DisplayNames.isWellFormed(DisplayNames.clean(name)))
                    .as(name)
                    .isFalse();
        }
    }

    @Test
    void foldsCaseAndWidthForUniqueness() {
        assertThat(DisplayNames.key("ＡＭＩＮＡ")).isEqualTo(DisplayNames.key("amina"));
        assertThat(DisplayNames.key("  Amina   Ali ")).isEqualTo("amina ali");
        assertThat(DisplayNames.key("Ａmina")).isNotEqualTo(DisplayNames.key("Amine"));
    }
}
