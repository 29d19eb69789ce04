package org.polyphony.accounts;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** After the login form succeeds: index the session by account, then go where the person was headed. */
class SignInSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

    private final AccountSessions sessions;

    SignInSuccess(AccountSessions sessions) {
        this.sessions = sessions;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        if (authentication.getPrincipal() instanceof AccountUser user) {
            sessions.bind(request, user.accountId());
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
