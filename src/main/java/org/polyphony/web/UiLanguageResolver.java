package org.polyphony.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.polyphony.languages.UiLanguage;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Chooses the interface language: the account's setting, else the {@value #COOKIE} cookie, else the best match in
 * the browser's Accept-Language, else English.
 */
class UiLanguageResolver implements LocaleResolver {

    static final String COOKIE = "lang";
    private static final String REQUEST_ATTRIBUTE = UiLanguageResolver.class.getName();

    private final List<PreferredLanguageSource> accountPreferences;

    UiLanguageResolver(List<PreferredLanguageSource> accountPreferences) {
        this.accountPreferences = accountPreferences;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(REQUEST_ATTRIBUTE) instanceof UiLanguage chosen) {
            return chosen.locale();
        }
        UiLanguage language = fromAccount(request)
                .or(() -> fromCookie(request))
                .or(() -> fromAcceptLanguage(request))
                .orElse(UiLanguage.DEFAULT);
        request.setAttribute(REQUEST_ATTRIBUTE, language);
        return language.locale();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        UiLanguage language = UiLanguage.of(locale);
        rememberInCookie(request, response, language);
        accountPreferences.forEach(source -> source.remember(request, response, language));
    }

    /** Remembers the choice in this browser only (the {@value #COOKIE} cookie, a year). */
    static void rememberInCookie(HttpServletRequest request, HttpServletResponse response, UiLanguage language) {
        request.setAttribute(REQUEST_ATTRIBUTE, language);
        Cookie cookie = new Cookie(COOKIE, language.tag());
        cookie.setPath("/");
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    /** The language from the cookie or the browser alone, for answers given without the database. */
    static UiLanguage withoutAccount(HttpServletRequest request) {
        return fromCookie(request).or(() -> fromAcceptLanguage(request)).orElse(UiLanguage.DEFAULT);
    }

    private Optional<UiLanguage> fromAccount(HttpServletRequest request) {
        return accountPreferences.stream()
                .map(source -> source.preferredLanguage(request))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<UiLanguage> fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(c -> COOKIE.equals(c.getName()))
                .map(c -> UiLanguage.fromTag(c.getValue()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<UiLanguage> fromAcceptLanguage(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .filter(range -> range.getWeight() > 0)
                    .map(range -> UiLanguage.fromTag(range.getRange()))
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
