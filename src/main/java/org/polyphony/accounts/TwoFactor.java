package org.polyphony.accounts;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor sign-in with time-based codes ({@link Totp}) from any authenticator app, and recovery codes for a
 * lost phone. Anyone may turn it on; an administrator may require it of staff (moderators, organisers,
 * administrators).
 */
@Component
class TwoFactor {

    static final String STAFF_POLICY = "two-factor-required-for-staff";
    static final int RECOVERY_CODES = 10;
    static final Set<Role> STAFF = Set.of(Role.MODERATOR, Role.ORGANISER, Role.ADMINISTRATOR);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final KeyedHasher hasher;

    TwoFactor(JdbcClient jdbc, KeyedHasher hasher) {
        this.jdbc = jdbc;
        this.hasher = hasher;
    }

    /** A new secret of 160 bits, the size RFC 4226 recommends for HMAC-SHA1. */
    static byte[] newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return secret;
    }

    boolean isEnabled(AccountId account) {
        return jdbc.sql("SELECT count(*) FROM accounts_two_factor WHERE account_id = :id")
                        .param("id", account.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Turns two-factor sign-in on with {@code secret} once {@code code} shows the app has it; returns the recovery
     * codes, to be shown this once, or empty when the code is wrong.
     */
    @Transactional
    Optional<List<String>> enable(AccountId account, byte[] secret, String code) {
        OptionalLong step = Totp.matchingStep(secret, code, Instant.now(), 0);
        if (step.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql(
                        """
                        INSERT INTO accounts_two_factor (account_id, secret, last_step) VALUES (:id, :secret, :step)
                        ON CONFLICT (account_id) DO UPDATE SET secret = :secret, last_step = :step, enabled_at = now()
                        """)
                .param("id", account.value())
                .param("secret", secret)
                .param("step", step.getAsLong())
                .update();
        jdbc.sql("DELETE FROM accounts_recovery_code WHERE account_id = :id")
                .param("id", account.value())
                .update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = newRecoveryCode();
            codes.add(recovery);
            jdbc.sql("INSERT INTO accounts_recovery_code (account_id, code_hash) VALUES (:id, :hash)")
                    .param("id", account.value())
                    .param("hash", recoveryHash(account, recovery))
                    .update();
        }
        return Optional.of(codes);
    }

    /** Whether {@code typed} is a current code from the app, or an unused recovery code (which it uses up). */
    boolean verify(AccountId account, String typed) {
        return verifyCode(account, typed) || useRecoveryCode(account, typed);
    }

    private boolean verifyCode(AccountId account, String typed) {
        var row = jdbc.sql("SELECT secret, last_step FROM accounts_two_factor WHERE account_id = :id")
                .param("id", account.value())
                .query((rs, n) -> new Object[] {rs.getBytes(1), rs.getLong(2)})
                .optional();
        if (row.isEmpty()) {
            return false;
        }
        OptionalLong step = Totp.matchingStep((byte[]) row.get()[0], typed, Instant.now(), (Long) row.get()[1]);
        // the update succeeds once per step, even when two requests carry the same code at the same moment
        return step.isPresent()
                && jdbc.sql(
                                        """
                                UPDATE accounts_two_factor SET last_step = :step
                                WHERE account_id = :id AND last_step < :step
                                """)
                                .param("id", account.value())
                                .param("step", step.getAsLong())
                                .update()
                        == 1;
    }

    private boolean useRecoveryCode(AccountId account, String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 40) {
            return false;
        }
        return jdbc.sql(
                                """
                                UPDATE accounts_recovery_code SET used_at = now()
                                WHERE account_id = :id AND code_hash = :hash AND used_at IS NULL
                                """)
                        .param("id", account.value())
                        .param("hash", recoveryHash(account, typed))
                        .update()
                == 1;
    }

    int recoveryCodesLeft(AccountId account) {
        return jdbc.sql("SELECT count(*) FROM accounts_recovery_code WHERE account_id = :id AND used_at IS NULL")
                .param("id", account.value())
                .query(Integer.class)
                .single();
    }

    @Transactional
    void disable(AccountId account) {
        jdbc.sql("DELETE FROM accounts_recovery_code WHERE account_id = :id")
                .param("id", account.value())
                .update();
        jdbc.sql("DELETE FROM accounts_two_factor WHERE account_id = :id")
                .param("id", account.value())
                .update();
    }

    boolean requiredForStaff() {
        return jdbc.sql("SELECT enabled FROM accounts_policy WHERE name = :name")
                .param("name", STAFF_POLICY)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void requireForStaff(boolean required) {
        jdbc.sql(
                        """
                        INSERT INTO accounts_policy (name, enabled) VALUES (:name, :enabled)
                        ON CONFLICT (name) DO UPDATE SET enabled = :enabled
                        """)
                .param("name", STAFF_POLICY)
                .param("enabled", required)
                .update();
    }

    /** Whether these authorities (as Spring Security holds them, "ROLE_…") include a staff role. */
    static boolean isStaff(Collection<String> authorities) {
        return STAFF.stream().anyMatch(role -> authorities.contains(role.authority()));
    }

    /** Ten characters in two groups ("K7QXM-2PD4A"), 50 bits, from an alphabet without look-alikes' confusion. */
    private static String newRecoveryCode() {
        String alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return code.toString();
    }

    private String recoveryHash(AccountId account, String code) {
        String normalized = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return hasher.hash("recovery-code:" + account.value() + ":" + normalized);
    }
}
