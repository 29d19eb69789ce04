package org.polyphony.languages;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A language the interface is written in: the six UN languages and Portuguese. */
public enum UiLanguage {
    EN("en", "English", false),
    FR("fr", "Français", false),
    ES("es", "Español", false),
    PT("pt", "Português", false),
    RU("ru", "Русский", false),
    ZH("zh", "中文", false),
    AR("ar", "العربية", true);

    public static final UiLanguage DEFAULT = EN;

    private final String tag;
    private final String nativeName;
    private final boolean rightToLeft;

    UiLanguage(String tag, String nativeName, boolean rightToLeft) {
        this.tag = tag;
        this.nativeName = nativeName;
        this.rightToLeft = rightToLeft;
    }

    /** The BCP 47 language tag, e.g. {@code "ar"}. */
    public String tag() {
        return tag;
    }

    /** The language's name in itself, so that a reader finds it whatever the current language. */
    public String nativeName() {
        return nativeName;
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    /** The value of the HTML {@code dir} attribute for text in this language. */
    public String direction() {
        return rightToLeft ? "rtl" : "ltr";
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The interface language for a tag or locale such as {@code "pt-BR"} or {@code "zh-Hans-CN"}, if supported. */
    public static Optional<UiLanguage> fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return Arrays.stream(values()).filter(l -> l.tag.equals(language)).findFirst();
    }

    public static UiLanguage of(Locale locale) {
        return locale == null ? DEFAULT : fromTag(locale.toLanguageTag()).orElse(DEFAULT);
    }
}
