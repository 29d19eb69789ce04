package org.polyphony.people;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.polyphony.accounts.AccountDeleted;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.PersonalDataSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The gender a person chose to state in their profile, in their own words. Optional and never asked for elsewhere;
 * never shown on a profile, in the directory, in the API or to organisers one by one. Other modules read it only
 * through {@link #genders}, for figures counted in groups (the participation dashboard), where small groups are
 * hidden. Its owner changes or deletes it on their profile's form; it goes with the account and is in their data
 * download.
 */
@Service
public class StatedGenders implements PersonalDataSource {

    static final int MAX_LENGTH = 40;

    private final JdbcClient jdbc;

    StatedGenders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The stated genders of those of these accounts who stated one, folded to lower case so that "Woman" and "woman"
     * are counted together.
     */
    public Map<Long, String> genders(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) return Map.of();
        return jdbc
                .sql("SELECT account_id, words FROM people_stated_gender WHERE account_id IN (:ids)")
                .param("ids", accountIds)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2).toLowerCase(Locale.ROOT)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Optional<String> of(AccountId account) {
        return jdbc.sql("SELECT words FROM people_stated_gender WHERE account_id = :a")
                .param("a", account.value())
                .query(String.class)
                .optional();
    }

    /** The words cleaned for keeping, or empty when they may not be kept (too long, control characters). */
    static Optional<String> cleaned(String words) {
        String stripped = words == null ? "" : words.strip().replaceAll("\\s+", " ");
        if (stripped.isEmpty()
                || stripped.length() > MAX_LENGTH
                || stripped.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(stripped);
    }

    void state(AccountId account, String words) {
        jdbc.sql(
                        """
                        INSERT INTO people_stated_gender (account_id, words) VALUES (:a, :w)
                        ON CONFLICT (account_id) DO UPDATE SET words = EXCLUDED.words, stated_at = now()
                        """)
                .param("a", account.value())
                .param("w", words)
                .update();
    }

    void forget(AccountId account) {
        jdbc.sql("DELETE FROM people_stated_gender WHERE account_id = :a")
                .param("a", account.value())
                .update();
    }

    @EventListener
    void on(AccountDeleted deleted) {
        forget(deleted.account());
    }

    @Override
    public String section() {
        return "statedGender";
    }

    @Override
    public Object dataOf(AccountId account) {
        return of(account)
                .map(words -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("gender", words);
                    data.put("usedFor", "participation statistics, counted in groups");
                    return data;
                })
                .orElse(null);
    }
}
