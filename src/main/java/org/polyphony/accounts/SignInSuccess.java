package org.polyphony.accounts;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * After the password is right: when the account has two-factor sign-in, the person is not signed in yet but asked
 * for a code ({@link SecondStepController}); otherwise the session is indexed by account, the browser is
 * remembered for the login throttle, and the person goes where they were headed, or, when staff must use two-factor
 * sign-in and this one has not set it up, to its set-up page (and nowhere else, {@link TwoFactorSetupGate}).
 */
class SignInSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

    static final String PENDING_ACCOUNT = "polyphony.second-step.account";
    static final String PENDING_NAME = "polyphony.second-step.name";
    static final String PENDING_SINCE = "polyphony.second-step.since";
    static final String SETUP_REQUIRED = "polyphony.two-factor.setup-required";

    private final AccountSessions sessions;
    private final DeviceCookies devices;
    private final TwoFactor twoFactor;
    private final SecurityContextRepository contexts;

    SignInSuccess(
            AccountSessions sessions, DeviceCookies devices, TwoFactor twoFactor, SecurityContextRepository contexts) {
        this.sessions = sessions;
        this.devices = devices;
        this.twoFactor = twoFactor;
        this.contexts = contexts;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        if (!(authentication.getPrincipal() instanceof AccountUser user)) {
            super.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        if (twoFactor.isEnabled(user.accountId())) {
            // the password alone signs no one in: forget the authentication the login filter has just stored
            var empty = SecurityContextHolder.createEmptyContext();
            SecurityContextHolder.setContext(empty);
            contexts.saveContext(empty, request, response);
            HttpSession session = request.getSession();
            session.setAttribute(PENDING_ACCOUNT, user.accountId().value());
            session.setAttribute(PENDING_NAME, user.getUsername());
            session.setAttribute(PENDING_SINCE, System.currentTimeMillis());
            getRedirectStrategy().sendRedirect(request, response, SecondStepController.PATH);
            return;
        }
        complete(request, response, user, sessions, devices);
        var authorities = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
        if (TwoFactor.isStaff(authorities) && twoFactor.requiredForStaff()) {
            request.getSession().setAttribute(SETUP_REQUIRED, Boolean.TRUE);
            getRedirectStrategy().sendRedirect(request, response, TwoFactorController.PATH);
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    /** What every complete sign-in does, with or without a second step. */
    static void complete(
            HttpServletRequest request,
            HttpServletResponse response,
            AccountUser user,
            AccountSessions sessions,
            DeviceCookies devices) {
        sessions.bind(request, user.accountId());
        // this browser is now known for this account: its sign-ins no longer share strangers' limits
        devices.issue(request, response, user.getUsername());
    }
}
