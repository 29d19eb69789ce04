package org.polyphony.skills;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
    // a Mac per thread, made once: a full re-match draws a number for every candidate of every opportunity
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

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
        byte[] hash = hmac((opportunity + ":" + profile + ":" + salt).getBytes(StandardCharsets.US_ASCII));
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

    private byte[] hmac(byte[] message) {
        return macs.get().doFinal(message);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
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
