package org.polyphony.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of signing in to an account with two-factor sign-in: a plain form for the code from the app (or a
 * recovery code), working without JavaScript. Five tries per account in a quarter of an hour.
 */
@Controller
class SecondStepController {

    static final String PATH = "/login/code";
    /** The password step is valid for this long. */
    private static final Duration PENDING_FOR = Duration.ofMinutes(5);

    private static final int TRIES = 5;
    private static final Duration TRIES_WINDOW = Duration.ofMinutes(15);

    private final TwoFactor twoFactor;
    private final RateLimiter limiter;
    private final AccountUserDetailsService users;
    private final AccountSessions sessions;
    private final DeviceCookies devices;
    private final SecurityContextRepository contexts;

    SecondStepController(
            TwoFactor twoFactor,
            RateLimiter limiter,
            AccountUserDetailsService users,
            AccountSessions sessions,
            DeviceCookies devices,
            SecurityContextRepository contexts) {
        this.twoFactor = twoFactor;
        this.limiter = limiter;
        this.users = users;
        this.sessions = sessions;
        this.devices = devices;
        this.contexts = contexts;
    }

    @GetMapping(PATH)
    String form(HttpServletRequest request, Model model) {
        if (pendingAccount(request) == null) {
            return "redirect:/login";
        }
        model.addAttribute("problem", null);
        return "accounts/second-step";
    }

    @PostMapping(PATH)
    String check(
            @RequestParam(name = "code", defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Long pending = pendingAccount(request);
        if (pending == null) {
            return "redirect:/login";
        }
        AccountId account = new AccountId(pending);
        if (!limiter.tryHit("second-step:" + pending, TRIES, TRIES_WINDOW)) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("problem", "reliability.twofactor.tooMany");
            return "accounts/second-step";
        }
        if (!twoFactor.verify(account, code)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problem", "reliability.twofactor.wrongCode");
            return "accounts/second-step";
        }
        HttpSession session = request.getSession();
        String name = (String) session.getAttribute(SignInSuccess.PENDING_NAME);
        forget(session);
        AccountUser user = (AccountUser) users.loadUserByUsername(name);
        user.eraseCredentials();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        // a new session id for the signed-in session, as after any sign-in
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        SignInSuccess.complete(request, response, user, sessions, devices);
        return "redirect:/";
    }

    private static Long pendingAccount(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null
                || !(session.getAttribute(SignInSuccess.PENDING_ACCOUNT) instanceof Long account)
                || !(session.getAttribute(SignInSuccess.PENDING_SINCE) instanceof Long since)) {
            return null;
        }
        if (System.currentTimeMillis() - since > PENDING_FOR.toMillis()) {
            forget(session);
            return null;
        }
        return account;
    }

    private static void forget(HttpSession session) {
        session.removeAttribute(SignInSuccess.PENDING_ACCOUNT);
        session.removeAttribute(SignInSuccess.PENDING_NAME);
        session.removeAttribute(SignInSuccess.PENDING_SINCE);
    }
}
