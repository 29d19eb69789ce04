package org.polyphony.research;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The language of an imported abstract as translation knows languages, however the file wrote it. */
class AbstractLanguageTest {

    @Test
    void codesAndTagsGiveTheirPrimarySubtag() {
        assertThat(Library.languageOf("en-GB")).isEqualTo("en");
        assertThat(Library.languageOf("pt_BR")).isEqualTo("pt");
        assertThat(Library.languageOf(" AR ")).isEqualTo("ar");
        assertThat(Library.languageOf("")).isEqualTo("en");
        assertThat(Library.languageOf(null)).isEqualTo("en");
    }

    @Test
    void namesAndThreeLetterCodesAreMappedToTheTwoLetterCode() {
        assertThat(Library.languageOf("English")).isEqualTo("en");
        assertThat(Library.languageOf("french")).isEqualTo("fr");
        assertThat(Library.languageOf("Español")).isEqualTo("es");
        assertThat(Library.languageOf("العربية")).isEqualTo("ar");
        assertThat(Library.languageOf("fra")).isEqualTo("fr");
        assertThat(Library.languageOf("zho")).isEqualTo("zh");
    }

    @Test
    void anUnknownLanguageIsUnknownNotAnInvalidLangAttribute() {
        assertThat(Library.languageOf("Klingon")).isEmpty();
        assertThat(Library.languageOf("tlh")).isEqualTo("tlh");
    }
}
