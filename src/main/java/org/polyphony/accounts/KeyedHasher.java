package org.polyphony.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns client addresses and typed names into keyed hashes for rate limiting, so the counters never hold an
 * address. The key is made once per installation and kept in the database, the same for every node.
 */
@Component
class KeyedHasher {

    private static final String KEY_NAME = "rate-limit-key";

    private final JdbcClient jdbc;
    private volatile SecretKeySpec key;

    KeyedHasher(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.sql("INSERT INTO accounts_secret (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                    .param("name", KEY_NAME)
                    .param("value", fresh)
                    .update();
            byte[] stored = jdbc.sql("SELECT value FROM accounts_secret WHERE name = :name")
                    .param("name", KEY_NAME)
                    .query(byte[].class)
                    .single();
            current = new SecretKeySpec(stored, "HmacSHA256");
            key = current;
        }
        return current;
    }
}
