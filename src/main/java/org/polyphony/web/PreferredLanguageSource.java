package org.polyphony.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.polyphony.languages.UiLanguage;

/**
 * Tells the interface language a signed-in person chose, which outranks the cookie and the browser's
 * Accept-Language. Implemented by the module that owns accounts, so that the web layer needs no account types.
 */
public interface PreferredLanguageSource {

    Optional<UiLanguage> preferredLanguage(HttpServletRequest request);

    /** Remembers a newly chosen language for the signed-in person, if any. */
    void remember(HttpServletRequest request, HttpServletResponse response, UiLanguage language);
}
