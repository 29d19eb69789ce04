package org.polyphony.opinions;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.ActionLimits;
import org.polyphony.opinions.ConversationViews.ConversationSummary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who votes: a signed-in person as their account's voter in the conversation; someone without an account, where the
 * conversation allows it, as a pseudonym: a random secret kept in a cookie of their browser. The database keeps only
 * a hash of that secret salted with the conversation's id, so it cannot link one browser's voters across
 * conversations, and it never sees an address (rate limits hash theirs for an hour).
 */
@Component
class Voters {

    static final String COOKIE = "polyphony-voter";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountDirectory accounts;
    private final ConversationStore store;
    private final ActionLimits limits;
    private final int newPseudonymsPerHour;
    private final int votesPerMinute;
    private final int anonymousStatementsPerHour;

    Voters(
            AccountDirectory accounts,
            ConversationStore store,
            ActionLimits limits,
            @Value("${polyphony.opinions.pseudonyms-per-address-per-hour:20}") int newPseudonymsPerHour,
            @Value("${polyphony.opinions.votes-per-minute:60}") int votesPerMinute,
            @Value("${polyphony.opinions.anonymous-statements-per-address-per-hour:5}")
                    int anonymousStatementsPerHour) {
        this.anonymousStatementsPerHour = anonymousStatementsPerHour;
        this.accounts = accounts;
        this.store = store;
        this.limits = limits;
        this.newPseudonymsPerHour = newPseudonymsPerHour;
        this.votesPerMinute = votesPerMinute;
    }

    /** Whether the reader may take part: signed in, or the conversation welcomes people without an account. */
    boolean mayTakePart(ConversationSummary conversation) {
        return accounts.signedIn().isPresent() || conversation.anonymousAllowed();
    }

    /** The reader's voter in the conversation if they have one already; nothing is created. */
    Optional<Long> current(ConversationSummary conversation, HttpServletRequest request) {
        Optional<Long> account = accounts.signedIn().map(a -> a.value());
        if (account.isPresent()) {
            return store.voterOfAccount(conversation.id(), account.get());
        }
        if (!conversation.anonymousAllowed()) {
            return Optional.empty();
        }
        return secret(request).flatMap(secret -> store.voterOfSecret(conversation.id(), hash(conversation, secret)));
    }

    /**
     * The reader's voter, made on first need (and the cookie with it). Empty when the reader may not take part or
     * made too many pseudonyms from one address within the hour.
     */
    Optional<Long> currentOrNew(
            ConversationSummary conversation, HttpServletRequest request, HttpServletResponse response) {
        Optional<Long> account = accounts.signedIn().map(a -> a.value());
        if (account.isPresent()) {
            return Optional.of(store.voter(conversation.id(), account.get(), null));
        }
        if (!conversation.anonymousAllowed()) {
            return Optional.empty();
        }
        Optional<Long> known = current(conversation, request);
        if (known.isPresent()) {
            return known;
        }
        if (!limits.fromAddress("opinions-pseudonym", request, newPseudonymsPerHour, Duration.ofHours(1))) {
            return Optional.empty();
        }
        String secret = secret(request).orElseGet(() -> newSecret(request, response));
        return Optional.of(store.voter(conversation.id(), null, hash(conversation, secret)));
    }

    /** Votes per voter per minute: enough for anyone reading, too few for a script. */
    boolean mayVoteNow(long voter) {
        return limits.by("opinions-vote", Long.toString(voter), votesPerMinute, Duration.ofMinutes(1));
    }

    boolean mayWriteAnonymously(HttpServletRequest request) {
        return limits.fromAddress("opinions-statement", request, anonymousStatementsPerHour, Duration.ofHours(1));
    }

    private static Optional<String> secret(HttpServletRequest request) {
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

    private static String newSecret(HttpServletRequest request, HttpServletResponse response) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Cookie cookie = new Cookie(COOKIE, secret);
        // the API's results mark the reader's dot too, so the cookie goes to /api as well as to the pages
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return secret;
    }

    private static byte[] hash(ConversationSummary conversation, String secret) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((conversation.id().value() + ":" + secret).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
