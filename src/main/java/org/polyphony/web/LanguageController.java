package org.polyphony.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.polyphony.languages.UiLanguage;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The language switcher: a plain form post, so it works without JavaScript. */
@Controller
class LanguageController {

    private final LocaleResolver localeResolver;

    LanguageController(LocaleResolver localeResolver) {
        this.localeResolver = localeResolver;
    }

    /**
     * Anonymous readers switch with a plain GET form, which only sets the cookie: their pages then carry no
     * per-visitor token and can be served from cache. Signed-in people post (with CSRF), which also saves the choice
     * in their account.
     */
    @GetMapping("/language")
    String chooseForThisBrowser(
            @RequestParam(name = "lang", defaultValue = "") String tag,
            @RequestParam(name = "return", defaultValue = "/") String returnTo,
            HttpServletRequest request,
            HttpServletResponse response) {
        UiLanguage.fromTag(tag).ifPresent(language -> UiLanguageResolver.rememberInCookie(request, response, language));
        return "redirect:" + LocalPath.orHome(returnTo);
    }

    @PostMapping("/language")
    String choose(
            @RequestParam("lang") String tag,
            @RequestParam(name = "return", defaultValue = "/") String returnTo,
            HttpServletRequest request,
            HttpServletResponse response) {
        UiLanguage.fromTag(tag).ifPresent(language -> localeResolver.setLocale(request, response, language.locale()));
        return "redirect:" + LocalPath.orHome(returnTo);
    }
}
