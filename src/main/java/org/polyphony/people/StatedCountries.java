package org.polyphony.people;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The first country each person chose to state in their profile, for statistics counted in groups. A country kept
 * visible to its owner only ("ME") is not used: the person did not choose to share it.
 */
@Service
public class StatedCountries {

    private final JdbcClient jdbc;

    StatedCountries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, String> firstCountries(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) return Map.of();
        return jdbc
                .sql(
                        """
                        SELECT account_id, countries[1] AS country FROM people_profile
                         WHERE account_id IN (:ids) AND cardinality(countries) > 0 AND countries_visibility <> 'ME'
                        """)
                .param("ids", accountIds)
                .query((rs, n) -> Map.entry(rs.getLong("account_id"), rs.getString("country")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
