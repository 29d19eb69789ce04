package org.polyphony.accounts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AccountId insert(String displayName, String passwordHash, String email, String uiLanguage, Set<Role> roles) {
        long id = jdbc.sql(
                        """
                        INSERT INTO accounts_account (display_name, name_key, password_hash, email, ui_language, roles)
                        VALUES (:name, :key, :hash, :email, :language, :roles::text[])
                        RETURNING id
                        """)
                .param("name", displayName)
                .param("key", DisplayNames.key(displayName))
                .param("hash", passwordHash)
                .param("email", email)
                .param("language", uiLanguage)
                .param("roles", rolesLiteral(roles))
                .query(Long.class)
                .single();
        return new AccountId(id);
    }

    Optional<Account> findByName(String displayName) {
        return jdbc.sql("SELECT * FROM accounts_account WHERE name_key = :key")
                .param("key", DisplayNames.key(displayName))
                .query(AccountRepository::map)
                .optional();
    }

    Optional<Account> findById(AccountId id) {
        return jdbc.sql("SELECT * FROM accounts_account WHERE id = :id")
                .param("id", id.value())
                .query(AccountRepository::map)
                .optional();
    }

    boolean nameTaken(String displayName, AccountId except) {
        return jdbc.sql("SELECT count(*) FROM accounts_account WHERE name_key = :key AND id <> :id")
                        .param("key", DisplayNames.key(displayName))
                        .param("id", except == null ? -1L : except.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    void updateProfile(AccountId id, String displayName, String email, String uiLanguage, List<String> read) {
        jdbc.sql(
                        """
                        UPDATE accounts_account
                           SET display_name = :name, name_key = :key, email = :email, ui_language = :language,
                               read_languages = :read::text[]
                         WHERE id = :id
                        """)
                .param("name", displayName)
                .param("key", DisplayNames.key(displayName))
                .param("email", email)
                .param("language", uiLanguage)
                .param("read", "{" + String.join(",", read) + "}")
                .param("id", id.value())
                .update();
    }

    void updateUiLanguage(AccountId id, String uiLanguage) {
        jdbc.sql("UPDATE accounts_account SET ui_language = :language WHERE id = :id")
                .param("language", uiLanguage)
                .param("id", id.value())
                .update();
    }

    void updatePassword(AccountId id, String passwordHash) {
        jdbc.sql("UPDATE accounts_account SET password_hash = :hash WHERE id = :id")
                .param("hash", passwordHash)
                .param("id", id.value())
                .update();
    }

    void updateRoles(AccountId id, Set<Role> roles) {
        jdbc.sql("UPDATE accounts_account SET roles = :roles::text[] WHERE id = :id")
                .param("roles", rolesLiteral(roles))
                .param("id", id.value())
                .update();
    }

    void delete(AccountId id) {
        jdbc.sql("DELETE FROM accounts_account WHERE id = :id")
                .param("id", id.value())
                .update();
    }

    List<Account> list(String nameContains, int limit) {
        return jdbc.sql(
                        """
                        SELECT * FROM accounts_account
                         WHERE :filter = '' OR strpos(name_key, :filter) > 0
                         ORDER BY name_key
                         LIMIT :limit
                        """)
                .param("filter", nameContains == null ? "" : DisplayNames.key(nameContains))
                .param("limit", limit)
                .query(AccountRepository::map)
                .list();
    }

    /** Serialises start-up tasks (first administrator) across nodes, until the transaction ends. */
    void lockForStartupTasks() {
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtext('polyphony-startup'))")
                .query(Integer.class)
                .single();
    }

    boolean anyWithRole(Role role) {
        return jdbc.sql("SELECT count(*) FROM accounts_account WHERE :role = ANY (roles)")
                        .param("role", role.name())
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static String rolesLiteral(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(",", "{", "}"));
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(
                new AccountId(rs.getLong("id")),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                rs.getString("email"),
                rs.getString("ui_language"),
                strings(rs.getArray("read_languages")),
                roles(rs.getArray("roles")),
                rs.getTimestamp("created_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Set<Role> roles(Array array) throws SQLException {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : strings(array)) {
            roles.add(Role.valueOf(name));
        }
        return roles;
    }
}
