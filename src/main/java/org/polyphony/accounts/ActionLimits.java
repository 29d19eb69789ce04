package org.polyphony.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.stereotype.Service;

/**
 * Rate limits other modules may apply to actions of their own, counted in the database so that every node sees
 * the same counts. A client address is kept only as a keyed hash, and only for the window.
 */
@Service
public class ActionLimits {

    private final RateLimiter limiter;
    private final KeyedHasher hasher;

    ActionLimits(RateLimiter limiter, KeyedHasher hasher) {
        this.limiter = limiter;
        this.hasher = hasher;
    }

    /** Counts one {@code action} from the request's client address; true while within {@code limit} per window. */
    public boolean fromAddress(String action, HttpServletRequest request, int limit, Duration window) {
        return limiter.tryHit(action + "-address:" + hasher.hash(request.getRemoteAddr()), limit, window);
    }

    /** Counts one {@code action} by {@code who} (an id the caller owns); true while within {@code limit}. */
    public boolean by(String action, String who, int limit, Duration window) {
        return limiter.tryHit(action + ":" + hasher.hash(who), limit, window);
    }
}
