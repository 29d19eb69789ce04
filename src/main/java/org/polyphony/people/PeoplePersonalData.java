package org.polyphony.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's profile (with every field and its visibility), memberships and follows, for their data download. */
@Component
class PeoplePersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;

    PeoplePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        data.put(
                "follows",
                jdbc.sql(
                                """
                                SELECT p.display_name, o.name FROM people_follow f
                                LEFT JOIN people_profile p ON p.account_id = f.account_id
                                LEFT JOIN people_organisation o ON o.id = f.organisation_id
                                WHERE f.follower_id = :a
                                """)
                        .param("a", account.value())
                        .query((rs, n) -> rs.getString(2) != null
                                ? "organisation: " + rs.getString(2)
                                : "person: " + (rs.getString(1) == null ? "?" : rs.getString(1)))
                        .list());
        return data;
    }
}
