package org.polyphony.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Apertium provider against the real Apertium of this machine: no mock. */
class ApertiumProviderTest {

    final ApertiumProvider apertium =
            new ApertiumProvider("apertium", Path.of("/usr/share/apertium/modes"), Duration.ofSeconds(30));

    @BeforeEach
    void installed() {
        ApertiumAvailable.require(apertium);
    }

    @Test
    void offersTheInstalledPairsUnderTwoLetterTags() {
        assertThat(apertium.pairs())
                .contains(
                        new LanguagePair("en", "es"),
                        new LanguagePair("es", "en"),
                        new LanguagePair("fr", "es"),
                        new LanguagePair("es", "pt"),
                        new LanguagePair("pt", "es"))
                .noneMatch(pair -> pair.source().equals(pair.target()));
        assertThat(ApertiumProvider.pairOf("spa-eng_US")).isEmpty();
        assertThat(ApertiumProvider.pairOf("eco-es-fr")).isEmpty();
        assertThat(ApertiumProvider.pairOf("eng-spa")).contains(new LanguagePair("en", "es"));
    }

    @Test
    void translatesMarkdownKeepingItsMarksAndAddresses() throws TranslationFailure {
        String spanish = apertium.translate(
                "**Migrant workers** send money home.\n\n- see [the report](https://example.org/r?a=1)",
                new LanguagePair("en", "es"));
        assertThat(spanish)
                .contains("**")
                .containsIgnoringCase("trabajadores")
                .contains("](https://example.org/r?a=1)")
                .startsWith("**");
    }

    @Test
    void keepsGlossaryMarkersUntouched() throws TranslationFailure {
        assertThat(apertium.translate("The ⟦0⟧ meets in Athens.", new LanguagePair("en", "es")))
                .contains("⟦0⟧");
    }

    @Test
    void aPairThatIsNotInstalledOrAMissingCommandIsAClearFailure() {
        assertThatThrownBy(() -> apertium.translate("hello", new LanguagePair("en", "tl")))
                .isInstanceOf(TranslationFailure.class)
                .hasMessageContaining("en→tl");
        ApertiumProvider missing = new ApertiumProvider(
                "/nonexistent/apertium", Path.of("/usr/share/apertium/modes"), Duration.ofSeconds(5));
        assertThatThrownBy(() -> missing.translate("hello", new LanguagePair("en", "es")))
                .isInstanceOf(TranslationFailure.class)
                .hasMessageContaining("Could not start");
        assertThat(new ApertiumProvider("apertium", Path.of("/nonexistent"), Duration.ofSeconds(5)).pairs())
                .isEmpty();
    }

    @Test
    void translatesALongTextWithoutStalling() throws TranslationFailure {
        String paragraph = "Migrant workers and their families contribute to development. ".repeat(300);
        assertThat(apertium.translate(paragraph, new LanguagePair("en", "es")).length())
                .isGreaterThan(paragraph.length() / 2);
    }
}
