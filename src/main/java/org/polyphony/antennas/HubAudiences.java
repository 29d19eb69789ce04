package org.polyphony.antennas;

import java.util.Collection;
import java.util.List;
import org.polyphony.accounts.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask about hubs as an audience (a consultation open to the members of chosen hubs): an
 * edition's hubs to choose from, and whether someone is one of a hub's people (an accepted member, a coordinator or
 * a rapporteur). A person who only asked to join is not.
 */
@Service
public class HubAudiences {

    /** A hub as a select box offers it. */
    public record HubChoice(long id, String name) {}

    private final JdbcClient jdbc;

    HubAudiences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An edition's hubs, by name. */
    public List<HubChoice> ofEdition(long editionId) {
        return jdbc.sql("SELECT id, name FROM antennas_hub WHERE edition_id = :e ORDER BY name, id")
                .param("e", editionId)
                .query((rs, n) -> new HubChoice(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /** Whether the person is one of the people of at least one of these hubs. */
    public boolean belongsToAny(AccountId account, Collection<Long> hubs) {
        if (hubs.isEmpty()) {
            return false;
        }
        return jdbc.sql(
                        """
                        SELECT EXISTS (SELECT 1 FROM antennas_hub_member
                                       WHERE account_id = :a AND status = 'MEMBER' AND hub_id = ANY(:h))
                            OR EXISTS (SELECT 1 FROM antennas_hub_role WHERE account_id = :a AND hub_id = ANY(:h))
                        """)
                .param("a", account.value())
                .param("h", hubs.toArray(Long[]::new))
                .query(Boolean.class)
                .single();
    }
}
