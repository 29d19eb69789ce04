package org.polyphony.skills;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The number an organisation knows a candidate by: a keyed hash of the opportunity, the profile and the profile's
 * salt, so that it is stable for one opportunity, cannot be walked to find profiles, does not link one worker's
 * candidacies in two opportunities, and changes when the worker withdraws an interest. The key is a row, the same
 * on every node, made once.
 */
@Component
class CandidateNumbers {

    private static final String DIGITS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final char[] ALPHABET = DIGITS.toCharArray();

    private final JdbcClient jdbc;
    private volatile byte[] key;
    // per thread, made once: a full re-match draws a number for every candidate of every opportunity
    private final ThreadLocal<Pads> pads = ThreadLocal.withInitial(() -> Pads.of(key()));

    CandidateNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String of(long opportunity, SkillsProfile profile) {
        return format(bits(opportunity, profile.id(), profile.numberSalt()));
    }

    /**
     * The 40 bits a number is written from: what the match index stores (a bigint sorts and copies far quicker
     * than the text), and what {@link #format} turns into the number an organisation reads.
     */
    long bits(long opportunity, long profile, long salt) {
        byte[] hash = pads.get().hmac(opportunity, profile, salt);
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = (bits << 8) | (hash[i] & 0xff);
        }
        return bits;
    }

    static String format(long bits) {
        StringBuilder number = new StringBuilder("C-");
        for (int i = 0; i < 8; i++) {
            number.append(ALPHABET[(int) (bits & 31)]);
            bits >>>= 5;
        }
        return number.toString();
    }

    /** The bits of a number as {@link #format} writes it; empty for anything else typed in a URL. */
    static java.util.OptionalLong parse(String number) {
        if (number == null || number.length() != 10 || !number.startsWith("C-")) {
            return java.util.OptionalLong.empty();
        }
        long bits = 0;
        for (int i = 9; i >= 2; i--) {
            int digit = DIGITS.indexOf(number.charAt(i));
            if (digit < 0) {
                return java.util.OptionalLong.empty();
            }
            bits = (bits << 5) | digit;
        }
        return java.util.OptionalLong.of(bits);
    }

    /**
     * HMAC-SHA-256 (RFC 2104: H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m))) of "opportunity:profile:salt", with the digests
     * of the two pad blocks computed once and copied for each number. A Mac hashes both pad blocks again for every
     * message, four SHA-256 blocks where two are new; a full re-match draws three million numbers. The message is
     * written as ASCII digits into a reused buffer instead of a string. Same bytes as javax.crypto's HmacSHA256:
     * tested.
     */
    private record Pads(java.security.MessageDigest inner, java.security.MessageDigest outer, byte[] message) {

        static Pads of(byte[] key) {
            try {
                byte[] block = new byte[64];
                byte[] k = key.length > 64
                        ? java.security.MessageDigest.getInstance("SHA-256").digest(key)
                        : key;
                java.security.MessageDigest inner = java.security.MessageDigest.getInstance("SHA-256");
                java.security.MessageDigest outer = java.security.MessageDigest.getInstance("SHA-256");
                for (int i = 0; i < 64; i++) block[i] = (byte) ((i < k.length ? k[i] : 0) ^ 0x36);
                inner.update(block);
                for (int i = 0; i < 64; i++) block[i] = (byte) ((i < k.length ? k[i] : 0) ^ 0x5c);
                outer.update(block);
                return new Pads(inner, outer, new byte[64]);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }

        byte[] hmac(long opportunity, long profile, long salt) {
            int length = digits(salt, message, digits(profile, message, digits(opportunity, message, 0), ':'), ':');
            try {
                java.security.MessageDigest in = (java.security.MessageDigest) inner.clone();
                in.update(message, 0, length);
                java.security.MessageDigest out = (java.security.MessageDigest) outer.clone();
                out.update(in.digest());
                return out.digest();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("the JDK's SHA-256 can be copied", e);
            }
        }

        /** Writes a separator (unless 0) then the decimal digits of value from position at; returns the end. */
        private static int digits(long value, byte[] into, int at, char separator) {
            if (separator != 0) into[at++] = (byte) separator;
            String text = Long.toString(value);
            for (int i = 0; i < text.length(); i++) into[at++] = (byte) text.charAt(i);
            return at;
        }

        private static int digits(long value, byte[] into, int at) {
            return digits(value, into, at, (char) 0);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            // the first node to get here writes the key; every node then reads the same one
            jdbc.sql("INSERT INTO skills_key (id, key) VALUES (1, :k) ON CONFLICT (id) DO NOTHING")
                    .param("k", fresh)
                    .update();
            known = jdbc.sql("SELECT key FROM skills_key WHERE id = 1")
                    .query(byte[].class)
                    .single();
            key = known;
        }
        return known;
    }
}
