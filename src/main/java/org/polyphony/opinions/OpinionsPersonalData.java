package org.polyphony.opinions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.PersonalDataSource;
import org.polyphony.opinions.analysis.Moderation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's votes and statements in every conversation, for their data download. */
@Component
class OpinionsPersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;

    OpinionsPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "opinions";
    }

    @Override
    public Object dataOf(AccountId account) {
        List<Map<String, Object>> conversations = new ArrayList<>();
        jdbc.sql(
                        """
                        SELECT v.id, c.id AS conversation, c.question FROM opinions_voter v
                        JOIN opinions_conversation c ON c.id = v.conversation_id
                        WHERE v.account_id = :a ORDER BY c.id
                        """)
                .param("a", account.value())
                .query((rs, n) -> {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("conversation", rs.getLong("conversation"));
                    one.put("question", rs.getString("question"));
                    one.put("voter", rs.getLong("id"));
                    return one;
                })
                .list()
                .forEach(conversations::add);
        for (Map<String, Object> conversation : conversations) {
            long voter = (Long) conversation.remove("voter");
            conversation.put(
                    "votes",
                    jdbc.sql(
                                    """
                                    SELECT s.number, s.body, v.vote, v.voted_at FROM opinions_vote v
                                    JOIN opinions_statement s ON s.id = v.statement_id
                                    WHERE v.voter_id = :voter ORDER BY s.number
                                    """)
                            .param("voter", voter)
                            .query((rs, n) -> Map.of(
                                    "statement", rs.getInt(1),
                                    "text", rs.getString(2),
                                    "vote", VoteChoice.ofValue(rs.getInt(3)).parameter(),
                                    "votedAt", rs.getTimestamp(4).toInstant().toString()))
                            .list());
            conversation.put(
                    "statementsWritten",
                    jdbc.sql(
                                    """
                                    SELECT number, body, moderation FROM opinions_statement
                                    WHERE author_voter_id = :voter ORDER BY number
                                    """)
                            .param("voter", voter)
                            .query((rs, n) -> Map.of(
                                    "statement", rs.getInt(1),
                                    "text", rs.getString(2),
                                    "moderation",
                                            Moderation.fromPolis(rs.getInt(3))
                                                    .name()
                                                    .toLowerCase(java.util.Locale.ROOT)))
                            .list());
        }
        return conversations.isEmpty() ? null : conversations;
    }
}
