package org.polyphony.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits sign-in attempts per client address and per account name, before any password is checked. Over the
 * limit, the attempt is not made and the sign-in page says to wait.
 */
@Component
class LoginThrottle extends OncePerRequestFilter {

    static final String THROTTLED_PATH = "/login/throttled";

    private final RateLimiter limiter;
    private final KeyedHasher hasher;
    private final int perAddress;
    private final int perName;
    private final Duration window;

    LoginThrottle(
            RateLimiter limiter,
            KeyedHasher hasher,
            @Value("${polyphony.login.attempts-per-address:30}") int perAddress,
            @Value("${polyphony.login.attempts-per-name:10}") int perName,
            @Value("${polyphony.login.window:PT15M}") Duration window) {
        this.limiter = limiter;
        this.hasher = hasher;
        this.perAddress = perAddress;
        this.perName = perName;
        this.window = window;
    }

    /** The matcher the login filter itself uses, so that no spelling of the path (e.g. /%6Cogin) slips past. */
    private static final RequestMatcher LOGIN =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !LOGIN.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String name = request.getParameter("name");
        boolean addressAllowed =
                limiter.tryHit("login-address:" + hasher.hash(request.getRemoteAddr()), perAddress, window);
        boolean nameAllowed =
                name == null || limiter.tryHit("login-name:" + hasher.hash(DisplayNames.key(name)), perName, window);
        if (addressAllowed && nameAllowed) {
            chain.doFilter(request, response);
        } else {
            response.setStatus(429);
            request.getRequestDispatcher(THROTTLED_PATH).forward(request, response);
        }
    }
}
