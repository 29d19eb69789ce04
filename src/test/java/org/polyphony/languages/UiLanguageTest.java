package org.polyphony.languages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UiLanguageTest {

    @Test
    void regionalAndScriptVariantsMapToTheInterfaceLanguage() {
        assertThat(UiLanguage.fromTag("pt-BR")).contains(UiLanguage.PT);
        assertThat(UiLanguage.fromTag("zh-Hans-CN")).contains(UiLanguage.ZH);
        assertThat(UiLanguage.fromTag("ar_EG")).contains(UiLanguage.AR);
        assertThat(UiLanguage.fromTag("tl")).isEmpty();
        assertThat(UiLanguage.fromTag("")).isEmpty();
        assertThat(UiLanguage.of(Locale.JAPANESE)).isEqualTo(UiLanguage.EN);
    }

    @Test
    void onlyArabicIsRightToLeftAmongTheInterfaceLanguages() {
        for (UiLanguage language : UiLanguage.values()) {
            assertThat(language.direction()).isEqualTo(language == UiLanguage.AR ? "rtl" : "ltr");
        }
    }

    @Test
    void aLocalizedTextShowsTheReadersVersionElseTheOriginal() {
        LocalizedText text = new LocalizedText(Map.of("fr", "Bonjour"));
        LocalizedText both = text.with("en", "Hello");

        assertThat(both.in(Locale.ENGLISH).text()).isEqualTo("Hello");
        assertThat(both.in(Locale.forLanguageTag("ru"))).isEqualTo(new LocalizedText.Shown("Bonjour", "fr"));
        assertThat(both.originalLanguage()).isEqualTo("fr");
        assertThat(both.with("en", " ").versions()).containsOnlyKeys("fr");
    }

    @Test
    void localizedTextsKeepTheirOrderThroughJson() {
        LocalizedText text = LocalizedText.of("es", "Hola").with("ar", "مرحبا").with("en", "Hello");

        LocalizedText back = LocalizedTextJson.read(LocalizedTextJson.write(text));

        assertThat(back).isEqualTo(text);
        assertThat(back.originalLanguage()).isEqualTo("es");
    }
}
