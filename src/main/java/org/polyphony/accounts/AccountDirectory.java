package org.polyphony.accounts;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.stereotype.Service;

/**
 * What other modules may know about accounts: who is signed in, and the public display names of accounts they
 * refer to by id. Nothing else about a person leaves this module.
 */
@Service
public class AccountDirectory {

    private final SignedInAccount signedIn;
    private final JdbcClient jdbc;
    private final RoleHierarchy roles;

    private final org.polyphony.web.ShortLivedCache readingLanguages =
            new org.polyphony.web.ShortLivedCache(java.time.Duration.ofMinutes(1));

    AccountDirectory(SignedInAccount signedIn, JdbcClient jdbc, RoleHierarchy roles) {
        this.signedIn = signedIn;
        this.jdbc = jdbc;
        this.roles = roles;
    }

    /** Whether the person making the request holds {@code role}, directly or through a higher role. */
    public boolean signedInAs(Role role) {
        return signedIn.current()
                .map(user -> roles.getReachableGrantedAuthorities(user.getAuthorities()).stream()
                        .anyMatch(a -> role.authority().equals(a.getAuthority())))
                .orElse(false);
    }

    /** The account of the person making the current request, if they are signed in. */
    public Optional<AccountId> signedIn() {
        return signedIn.current().map(AccountUser::accountId);
    }

    /** How to reach a person who asked for mail: only for the notifications module's digests. */
    public record Contact(String displayName, String email, String uiLanguage) {}

    public Optional<Contact> contact(AccountId id) {
        return jdbc.sql("SELECT display_name, email, ui_language FROM accounts_account WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** The account with this public display name (compared as names are: ignoring case and width). */
    public Optional<AccountId> withDisplayName(String name) {
        return jdbc.sql("SELECT id FROM accounts_account WHERE name_key = :key")
                .param("key", DisplayNames.key(name))
                .query(Long.class)
                .optional()
                .map(AccountId::new);
    }

    /**
     * The first language each account says it reads, by account id; accounts that declared none are absent. Used
     * for aggregate figures only (how much dialogue crosses languages), never shown per person.
     */
    public Map<AccountId, String> firstReadingLanguages(Collection<AccountId> ids) {
        Map<AccountId, String> languages = new HashMap<>();
        if (ids.isEmpty()) {
            return languages;
        }
        jdbc.sql("SELECT id, read_languages[1] AS first FROM accounts_account WHERE id IN (:ids)"
                        + " AND cardinality(read_languages) > 0")
                .param("ids", ids.stream().map(AccountId::value).distinct().toList())
                .query((rs, n) -> Map.entry(new AccountId(rs.getLong("id")), rs.getString("first")))
                .list()
                .forEach(e -> languages.put(e.getKey(), e.getValue()));
        return languages;
    }

    /**
     * How many accounts read each language (any of their declared reading languages), for aggregate figures only:
     * which languages readers wait for. Callers hide small counts.
     */
    public Map<String, Long> readersByLanguage() {
        Map<String, Long> readers = new HashMap<>();
        jdbc.sql("SELECT l, count(*) FROM accounts_account, unnest(read_languages) AS l GROUP BY l")
                .query((rs, n) -> readers.put(rs.getString(1), rs.getLong(2)))
                .list();
        return readers;
    }

    /** The languages an account says it reads, preferred first; empty when it declared none. */
    public java.util.List<String> readingLanguages(AccountId id) {
        return jdbc.sql("SELECT unnest(read_languages) FROM accounts_account WHERE id = :id")
                .param("id", id.value())
                .query(String.class)
                .list();
    }

    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void profileUpdated(ProfileUpdated updated) {
        readingLanguages.forget(updated.account());
    }

    /**
     * The languages the person making the request reads, preferred first: those of their settings when signed in and
     * declared, else the language of the page.
     */
    public java.util.List<String> readerLanguages(java.util.Locale page) {
        // asked on every page a participant reads: kept a minute, and forgotten here when the person changes them
        return signedIn()
                .map(id -> readingLanguages.<java.util.List<String>>get(id, () -> readingLanguages(id)))
                .filter(declared -> !declared.isEmpty())
                .orElse(java.util.List.of(page.getLanguage()));
    }

    /** Display names by account id; ids of deleted accounts are absent. */
    public Map<AccountId, String> displayNames(Collection<AccountId> ids) {
        Map<AccountId, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("SELECT id, display_name FROM accounts_account WHERE id IN (:ids)")
                .param("ids", ids.stream().map(AccountId::value).distinct().toList())
                .query((rs, n) -> Map.entry(new AccountId(rs.getLong("id")), rs.getString("display_name")))
                .list()
                .forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }
}
