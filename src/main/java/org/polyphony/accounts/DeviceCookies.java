package org.polyphony.accounts;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * OWASP's device cookies: a browser in which an account signed in successfully gets a cookie that names, signed with
 * the installation's key, the account and a random device id. Sign-in attempts for that account from that browser
 * count against the device's own allowance, so strangers guessing the account's password elsewhere cannot lock its
 * owner out. The cookie holds no name in clear and no address, and nothing is stored on the server.
 */
@Component
class DeviceCookies {

    static final String COOKIE = "polyphony_device";
    private static final Duration LIFETIME = Duration.ofDays(365);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyedHasher hasher;

    DeviceCookies(KeyedHasher hasher) {
        this.hasher = hasher;
    }

    /** Gives the browser its device cookie for {@code name} (a display name, matched as sign-in matches it). */
    void issue(HttpServletRequest request, HttpServletResponse response, String name) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String device = HexFormat.of().formatHex(id);
        Cookie cookie = new Cookie(COOKIE, device + "." + signature(DisplayNames.key(name), device));
        cookie.setPath("/login");
        cookie.setMaxAge((int) LIFETIME.toSeconds());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
    }

    /** The device id of a genuine cookie that this browser received for {@code name}, if it has one. */
    Optional<String> deviceFor(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null || name == null) {
            return Optional.empty();
        }
        String nameKey = DisplayNames.key(name);
        return Arrays.stream(cookies)
                .filter(c -> COOKIE.equals(c.getName()))
                .map(Cookie::getValue)
                .filter(value -> value != null && value.matches("[0-9a-f]{32}\\.[0-9a-f]{32}"))
                .filter(value -> {
                    String[] parts = value.split("\\.");
                    return MessageDigest.isEqual(
                            parts[1].getBytes(StandardCharsets.US_ASCII),
                            signature(nameKey, parts[0]).getBytes(StandardCharsets.US_ASCII));
                })
                .map(value -> value.substring(0, 32))
                .findFirst();
    }

    private String signature(String nameKey, String device) {
        return hasher.hash("device-cookie:" + nameKey + ":" + device);
    }
}
