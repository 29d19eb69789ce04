package org.polyphony.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits sign-in attempts before any password is checked, without letting anyone lock an account's owner out.
 *
 * <ul>
 *   <li>A browser where the account signed in before ({@link DeviceCookies}) has its own allowance for that account,
 *       which no one else's attempts use up.
 *   <li>Any other client is limited per address, per pair of account name and address (a guesser from one place is
 *       stopped there and only there), and, far more loosely, per account name across all such clients, which slows
 *       a guesser spread over many addresses while the owner's own browsers stay unaffected.
 * </ul>
 *
 * Over a limit, the attempt is not made and the sign-in page says to wait.
 */
@Component
class LoginThrottle extends OncePerRequestFilter {

    static final String THROTTLED_PATH = "/login/throttled";

    private final RateLimiter limiter;
    private final KeyedHasher hasher;
    private final DeviceCookies devices;
    private final int perAddress;
    private final int perNameAndAddress;
    private final int perNameFromUnknownDevices;
    private final int perDevice;
    private final Duration window;

    LoginThrottle(
            RateLimiter limiter,
            KeyedHasher hasher,
            DeviceCookies devices,
            @Value("${polyphony.login.attempts-per-address:30}") int perAddress,
            @Value("${polyphony.login.attempts-per-name:10}") int perNameAndAddress,
            @Value("${polyphony.login.attempts-per-name-from-unknown-devices:100}") int perNameFromUnknownDevices,
            @Value("${polyphony.login.attempts-per-device:10}") int perDevice,
            @Value("${polyphony.login.window:PT15M}") Duration window) {
        this.limiter = limiter;
        this.hasher = hasher;
        this.devices = devices;
        this.perAddress = perAddress;
        this.perNameAndAddress = perNameAndAddress;
        this.perNameFromUnknownDevices = perNameFromUnknownDevices;
        this.perDevice = perDevice;
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
        if (allowed(request)) {
            chain.doFilter(request, response);
        } else {
            response.setStatus(429);
            request.getRequestDispatcher(THROTTLED_PATH).forward(request, response);
        }
    }

    private boolean allowed(HttpServletRequest request) {
        String name = request.getParameter("name");
        Optional<String> device = devices.deviceFor(request, name);
        if (device.isPresent()) {
            return limiter.tryHit("login-device:" + hasher.hash(device.get()), perDevice, window);
        }
        String address = hasher.hash(request.getRemoteAddr());
        if (!limiter.tryHit("login-address:" + address, perAddress, window)) {
            return false;
        }
        if (name == null) {
            return true;
        }
        String nameKey = DisplayNames.key(name);
        return limiter.tryHit("login-name-address:" + hasher.hash(nameKey + "\n" + address), perNameAndAddress, window)
                && limiter.tryHit(
                        "login-name-unknown-devices:" + hasher.hash(nameKey), perNameFromUnknownDevices, window);
    }
}
