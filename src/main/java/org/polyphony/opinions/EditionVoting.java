package org.polyphony.opinions;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Voting in the opinion conversations of a set of sessions, for participation statistics: per voter (an account or
 * a pseudonym, never named), the month they first voted and how many votes they cast. Callers count, never list.
 */
@Service
public class EditionVoting {

    private final JdbcClient jdbc;

    EditionVoting(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Voter(YearMonth firstVote, int votes) {}

    public List<Voter> voters(Collection<Long> sessionIds) {
        if (sessionIds.isEmpty()) return List.of();
        return jdbc.sql(
                        """
                        SELECT min(v.voted_at) AS first_vote, count(*) AS votes
                          FROM opinions_vote v
                          JOIN opinions_voter r ON r.id = v.voter_id
                          JOIN opinions_conversation c ON c.id = r.conversation_id
                         WHERE c.session_id IN (:sessions)
                         GROUP BY coalesce('a' || r.account_id, 'v' || r.id)
                        """)
                .param("sessions", sessionIds)
                .query((rs, n) -> new Voter(
                        YearMonth.from(rs.getTimestamp("first_vote").toInstant().atZone(ZoneOffset.UTC)),
                        rs.getInt("votes")))
                .list();
    }
}
