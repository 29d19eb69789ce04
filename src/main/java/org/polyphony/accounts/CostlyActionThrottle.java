package org.polyphony.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits the other actions that cost an Argon2 computation: signing up (per client address) and checking a
 * signed-in person's current password (per account), so neither can be used to exhaust the server or to guess a
 * password through a stolen session.
 */
@Component
class CostlyActionThrottle {

    private final RateLimiter limiter;
    private final KeyedHasher hasher;
    private final int signUpsPerAddressPerHour;
    private final int passwordChecksPerAccount;

    CostlyActionThrottle(
            RateLimiter limiter,
            KeyedHasher hasher,
            @Value("${polyphony.signup.per-address-per-hour:20}") int signUpsPerAddressPerHour,
            @Value("${polyphony.login.attempts-per-name:10}") int passwordChecksPerAccount) {
        this.limiter = limiter;
        this.hasher = hasher;
        this.signUpsPerAddressPerHour = signUpsPerAddressPerHour;
        this.passwordChecksPerAccount = passwordChecksPerAccount;
    }

    boolean signUpAllowed(HttpServletRequest request) {
        return limiter.tryHit(
                "signup-address:" + hasher.hash(request.getRemoteAddr()),
                signUpsPerAddressPerHour,
                Duration.ofHours(1));
    }

    boolean passwordCheckAllowed(AccountId account) {
        return limiter.tryHit("password-check:" + account.value(), passwordChecksPerAccount, Duration.ofMinutes(15));
    }
}
