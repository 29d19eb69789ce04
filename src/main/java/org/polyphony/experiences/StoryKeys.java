package org.polyphony.experiences;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The secret keys of anonymous stories. Publishing without one's name makes a random key; the story keeps only its
 * SHA-256, and the key lives with its author alone: in a cookie of the browser they wrote from, and shown to them
 * once to keep (on another device they type it in). Whoever holds the key may edit or withdraw the story; nothing
 * else links the story to anyone, so a lost key cannot be recovered, by design.
 */
final class StoryKeys {

    static final String COOKIE = "polyphony-stories";
    private static final int KEPT_IN_COOKIE = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private StoryKeys() {}

    static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.strip().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean opens(String key, byte[] hash) {
        return key != null && hash != null && MessageDigest.isEqual(hash(key), hash);
    }

    /** The key this browser holds for a story, if any. */
    static Optional<String> inBrowser(HttpServletRequest request, StoryId story) {
        return Optional.ofNullable(held(request).get(story.value()));
    }

    /** Remembers a story's key in the author's browser (the newest twenty stories). */
    static void remember(HttpServletRequest request, HttpServletResponse response, StoryId story, String key) {
        Map<Long, String> keys = held(request);
        keys.remove(story.value());
        keys.put(story.value(), key);
        List<String> entries = new ArrayList<>();
        keys.forEach((id, k) -> entries.add(id + "-" + k));
        List<String> kept = entries.subList(Math.max(0, entries.size() - KEPT_IN_COOKIE), entries.size());
        write(request, response, String.join(".", kept), 2 * 365 * 24 * 3600);
    }

    static void forget(HttpServletRequest request, HttpServletResponse response, StoryId story) {
        Map<Long, String> keys = held(request);
        if (keys.remove(story.value()) != null) {
            List<String> entries = new ArrayList<>();
            keys.forEach((id, k) -> entries.add(id + "-" + k));
            write(request, response, String.join(".", entries), entries.isEmpty() ? 0 : 2 * 365 * 24 * 3600);
        }
    }

    private static Map<Long, String> held(HttpServletRequest request) {
        Map<Long, String> keys = new LinkedHashMap<>();
        if (request.getCookies() == null) {
            return keys;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                for (String entry : cookie.getValue().split("\\.")) {
                    int dash = entry.indexOf('-');
                    if (dash > 0 && entry.substring(0, dash).matches("\\d{1,18}")) {
                        keys.put(Long.parseLong(entry.substring(0, dash)), entry.substring(dash + 1));
                    }
                }
            }
        }
        return keys;
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, String value, int maxAge) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
