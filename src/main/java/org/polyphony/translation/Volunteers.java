package org.polyphony.translation;

import java.util.ArrayList;
import java.util.List;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteer translators: the language pairs each one translates (both languages among those they read), whether
 * they want to be thanked by name and told when items wait, and what they did.
 */
@Service
public class Volunteers {

    /** A volunteer's choices. */
    public record Choices(List<LanguagePair> pairs, boolean thankedByName, boolean toldWhenWaiting) {

        static final Choices NONE = new Choices(List.of(), false, false);

        public boolean declared(String source, String target) {
            return pairs.contains(new LanguagePair(source, target));
        }
    }

    /** A volunteer who asked to be thanked by name, with how many contributions they made. */
    public record Thanked(String name, long contributions) {}

    private final JdbcClient jdbc;
    private final AccountDirectory accounts;

    Volunteers(JdbcClient jdbc, AccountDirectory accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    public Choices choices(AccountId volunteer) {
        List<LanguagePair> pairs = jdbc.sql(
                        """
                        SELECT source, target FROM translation_volunteer_pair WHERE account_id = :a
                        ORDER BY source, target
                        """)
                .param("a", volunteer.value())
                .query((rs, n) -> new LanguagePair(rs.getString(1), rs.getString(2)))
                .list();
        return jdbc.sql("SELECT thanked_by_name, notify FROM translation_volunteer WHERE account_id = :a")
                .param("a", volunteer.value())
                .query((rs, n) -> new Choices(pairs, rs.getBoolean(1), rs.getBoolean(2)))
                .optional()
                .orElse(Choices.NONE);
    }

    /** Volunteers who asked to be told when texts wait in their pairs, and have declared at least one pair. */
    public List<AccountId> toldWhenWaiting() {
        return jdbc.sql(
                        """
                        SELECT v.account_id FROM translation_volunteer v
                        WHERE v.notify AND EXISTS (SELECT 1 FROM translation_volunteer_pair p
                                                   WHERE p.account_id = v.account_id)
                        ORDER BY v.account_id
                        """)
                .query((rs, n) -> new AccountId(rs.getLong(1)))
                .list();
    }

    /** The pairs a person may declare: every ordered pair of two languages they read. */
    public List<LanguagePair> possiblePairs(AccountId person) {
        List<String> reads = accounts.readingLanguages(person);
        List<LanguagePair> pairs = new ArrayList<>();
        for (String source : reads) {
            for (String target : reads) {
                if (!source.equals(target)) {
                    pairs.add(new LanguagePair(source, target));
                }
            }
        }
        return pairs;
    }

    /**
     * Replaces a person's choices. Pairs outside their reading languages are refused by the caller; here they are
     * dropped too, so no path stores one.
     */
    @Transactional
    public void choose(AccountId volunteer, List<LanguagePair> pairs, boolean thankedByName, boolean toldWhenWaiting) {
        List<LanguagePair> allowed = possiblePairs(volunteer);
        jdbc.sql(
                        """
                        INSERT INTO translation_volunteer (account_id, thanked_by_name, notify) VALUES (:a, :t, :n)
                        ON CONFLICT (account_id) DO UPDATE SET thanked_by_name = :t, notify = :n
                        """)
                .param("a", volunteer.value())
                .param("t", thankedByName)
                .param("n", toldWhenWaiting)
                .update();
        jdbc.sql("DELETE FROM translation_volunteer_pair WHERE account_id = :a")
                .param("a", volunteer.value())
                .update();
        for (LanguagePair pair :
                pairs.stream().distinct().filter(allowed::contains).toList()) {
            jdbc.sql("INSERT INTO translation_volunteer_pair (account_id, source, target) VALUES (:a, :s, :t)")
                    .param("a", volunteer.value())
                    .param("s", pair.source())
                    .param("t", pair.target())
                    .update();
        }
    }

    /** Adds one pair to a person's choices (the demo's volunteers), keeping the rest. */
    @Transactional
    public void declare(AccountId volunteer, String source, String target) {
        List<LanguagePair> pairs = new ArrayList<>(choices(volunteer).pairs());
        pairs.add(new LanguagePair(source, target));
        Choices current = choices(volunteer);
        choose(volunteer, pairs, current.thankedByName(), current.toldWhenWaiting());
    }

    public long contributions(AccountId volunteer) {
        return jdbc.sql("SELECT count(*) FROM translation_contribution WHERE account_id = :a")
                .param("a", volunteer.value())
                .query(Long.class)
                .single();
    }

    void recordContribution(AccountId volunteer, TextRef ref, String target, String action) {
        jdbc.sql(
                        """
                        INSERT INTO translation_contribution (account_id, kind, content_id, target, action)
                        VALUES (:a, :k, :id, :t, :action)
                        """)
                .param("a", volunteer.value())
                .param("k", ref.kind())
                .param("id", ref.id())
                .param("t", target)
                .param("action", action)
                .update();
    }

    /** Volunteers who chose to be thanked by name, most contributions first; nobody else is named anywhere. */
    public List<Thanked> thanked() {
        record Row(long account, long count) {}
        List<Row> rows = jdbc.sql(
                        """
                        SELECT v.account_id, count(c.id) FROM translation_volunteer v
                        JOIN translation_contribution c ON c.account_id = v.account_id
                        WHERE v.thanked_by_name GROUP BY v.account_id ORDER BY count(c.id) DESC LIMIT 200
                        """)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2)))
                .list();
        var names = accounts.displayNames(
                rows.stream().map(r -> new AccountId(r.account())).toList());
        return rows.stream()
                .filter(r -> names.containsKey(new AccountId(r.account())))
                .map(r -> new Thanked(names.get(new AccountId(r.account())), r.count()))
                .toList();
    }
}
