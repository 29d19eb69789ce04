package org.polyphony.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.polyphony.languages.UiLanguage;
import org.polyphony.web.PreferredLanguageSource;
import org.springframework.stereotype.Component;

/** The interface language saved in the signed-in person's account. */
@Component
class AccountLanguagePreference implements PreferredLanguageSource {

    private final SignedInAccount signedIn;
    private final AccountManagement management;

    AccountLanguagePreference(SignedInAccount signedIn, AccountManagement management) {
        this.signedIn = signedIn;
        this.management = management;
    }

    @Override
    public Optional<UiLanguage> preferredLanguage(HttpServletRequest request) {
        return signedIn.current().flatMap(user -> UiLanguage.fromTag(user.uiLanguage()));
    }

    @Override
    public void remember(HttpServletRequest request, HttpServletResponse response, UiLanguage language) {
        signedIn.current().ifPresent(user -> {
            management.rememberUiLanguage(user.accountId(), language);
            signedIn.refresh(request, response);
        });
    }
}
