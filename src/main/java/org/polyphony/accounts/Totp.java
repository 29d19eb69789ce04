package org.polyphony.accounts;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as RFC 6238 defines them with its defaults, which every authenticator app uses:
 * HMAC-SHA1, 30-second steps from the Unix epoch, six digits (RFC 4226's dynamic truncation).
 */
final class Totp {

    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;
    /** One step either side: a phone's clock a little off, or a code typed as it changed. */
    private static final int DRIFT_STEPS = 1;

    private Totp() {}

    static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /** The code for one step, left-padded with zeros to {@code digits}. */
    static String code(byte[] secret, long step, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            int modulus = (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", binary % modulus);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String code(byte[] secret, Instant time) {
        return code(secret, step(time), DIGITS);
    }

    /**
     * The step whose code {@code typed} is, within the allowed drift of {@code now} and later than {@code lastUsed}
     * (a code works once); empty when it matches none.
     */
    static OptionalLong matchingStep(byte[] secret, String typed, Instant now, long lastUsed) {
        if (typed == null) {
            return OptionalLong.empty();
        }
        String digits = typed.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            if (step > lastUsed
                    && java.security.MessageDigest.isEqual(
                            code(secret, step, DIGITS).getBytes(), digits.getBytes())) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }
}
