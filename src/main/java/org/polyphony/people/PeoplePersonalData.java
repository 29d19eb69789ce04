package org.polyphony.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's profile (with every field and its visibility), memberships and follows, for their data download. */
@Component
class PeoplePersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;
    private final AccountDirectory accounts;

    PeoplePersonalData(JdbcClient jdbc, AccountDirectory accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Override
    public String section() {
        return "people";
    }

    @Override
    public Object dataOf(AccountId account) {
        Map<String, Object> data = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        SELECT bio, bio_visibility, languages, languages_visibility, countries, countries_visibility,
                               themes, themes_visibility, links, links_visibility, photo_key IS NOT NULL AS photo,
                               photo_visibility, listed, updated_at
                        FROM people_profile WHERE account_id = :a
                        """)
                .param("a", account.value())
                .query(rs -> {
                    Map<String, Object> profile = new LinkedHashMap<>();
                    for (String field : List.of("bio", "languages", "countries", "themes", "links")) {
                        Object value = rs.getObject(field) instanceof java.sql.Array array
                                ? array.getArray()
                                : rs.getObject(field);
                        profile.put(field, value);
                        profile.put(field + "Visibility", rs.getString(field + "_visibility"));
                    }
                    profile.put("photo", rs.getBoolean("photo"));
                    profile.put("photoVisibility", rs.getString("photo_visibility"));
                    profile.put("listedInDirectory", rs.getBoolean("listed"));
                    profile.put(
                            "updatedAt",
                            rs.getTimestamp("updated_at").toInstant().toString());
                    data.put("profile", profile);
                });
        data.put(
                "memberships",
                jdbc.sql(
                                """
                                SELECT o.name, m.role, m.status, m.created_at FROM people_membership m
                                JOIN people_organisation o ON o.id = m.organisation_id
                                WHERE m.account_id = :a ORDER BY o.name
                                """)
                        .param("a", account.value())
                        .query((rs, n) -> Map.of(
                                "organisation", rs.getString(1),
                                "role", rs.getString(2),
                                "status", rs.getString(3),
                                "since", rs.getTimestamp(4).toInstant().toString()))
                        .list());
        record Followed(Long account, String organisation) {}
        List<Followed> followed = jdbc.sql(
                        """
                        SELECT f.account_id, o.name FROM people_follow f
                        LEFT JOIN people_organisation o ON o.id = f.organisation_id
                        WHERE f.follower_id = :a
                        """)
                .param("a", account.value())
                .query((rs, n) -> new Followed(rs.getObject(1, Long.class), rs.getString(2)))
                .list();
        // people by the name they go by now, whether or not they saved a profile
        Map<AccountId, String> names = accounts.displayNames(followed.stream()
                .filter(f -> f.organisation() == null && f.account() != null)
                .map(f -> new AccountId(f.account()))
                .toList());
        data.put(
                "follows",
                followed.stream()
                        .map(f -> f.organisation() != null
                                ? "organisation: " + f.organisation()
                                : "person: "
                                        + (f.account() == null
                                                ? "?"
                                                : names.getOrDefault(new AccountId(f.account()), "?")))
                        .toList());
        return data;
    }
}
