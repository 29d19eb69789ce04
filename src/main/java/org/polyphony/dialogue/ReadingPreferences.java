package org.polyphony.dialogue;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.web.LocalPath;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reader's languages and whether to translate for them. Signed-in readers read the languages of their
 * settings; anyone else reads the interface language. Switching automatic translation off is kept in a cookie, so
 * it works without an account and costs no personal data.
 */
@Controller
class ReadingPreferences {

    static final String COOKIE = "polyphony-translate";

    private final AccountDirectory accounts;

    ReadingPreferences(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    Reading of(HttpServletRequest request, Locale locale, String view, Long original) {
        List<String> languages = accounts.readerLanguages(locale);
        return new Reading(languages, translates(request), "both".equals(view), original, true);
    }

    static boolean translates(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return true;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName()) && "off".equals(cookie.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** A link, not a form: a display preference in a cookie, like the language switcher for readers signed out. */
    @GetMapping("/reading/translation")
    String switchTranslation(
            @RequestParam("translate") String translate,
            @RequestParam(name = "return", defaultValue = "/") String returnTo,
            HttpServletResponse response) {
        Cookie cookie = new Cookie(COOKIE, "off".equals(translate) ? "off" : "on");
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return "redirect:" + LocalPath.orHome(returnTo);
    }
}
