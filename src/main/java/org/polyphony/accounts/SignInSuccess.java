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
    private final DeviceCookies devices;

    SignInSuccess(AccountSessions sessions, DeviceCookies devices) {
        this.sessions = sessions;
        this.devices = devices;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        if (authentication.getPrincipal() instanceof AccountUser user) {
            sessions.bind(request, user.accountId());
            // this browser is now known for this account: its sign-ins no longer share strangers' limits
            devices.issue(request, response, request.getParameter("name"));
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
