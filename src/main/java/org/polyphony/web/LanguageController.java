package org.polyphony.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.polyphony.languages.UiLanguage;
import org.springframework.stereotype.Controller;
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
