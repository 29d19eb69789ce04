package org.polyphony.experiences;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The secret keys of anonymous stories. Publishing without one's name makes a random key; the story keeps only its
 * SHA-256, and the key lives with its author alone: in a cookie of the browser they wrote from, and shown to them
 * once to keep (on another device they type it in). Whoever holds the key may edit or withdraw the story; nothing
 * else links the story to anyone, so a lost key cannot be recovered, by design.
 */
final class StoryKeys {

    private static final String COOKIE = "polyphony-story-key";
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
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue().matches("[A-Za-z0-9_-]{43}")) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Remembers a story's key in the author's browser: one cookie per story, sent only to that story's own pages
     * ({@code /stories/{id}}), so no other request carries it and no list of one's stories sits in the browser.
     */
    static void remember(HttpServletRequest request, HttpServletResponse response, StoryId story, String key) {
        write(request, response, story, key, 2 * 365 * 24 * 3600);
    }

    static void forget(HttpServletRequest request, HttpServletResponse response, StoryId story) {
        write(request, response, story, "", 0);
    }

    private static void write(
            HttpServletRequest request, HttpServletResponse response, StoryId story, String value, int maxAge) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath("/stories/" + story.value());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
