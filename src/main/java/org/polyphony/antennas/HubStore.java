package org.polyphony.antennas;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The hubs' rows: hubs, roles, members and the threads of their regional tracks. */
@Repository
class HubStore {

    private final JdbcClient jdbc;

    HubStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long editionId, HubForm form) {
        return jdbc.sql(
                        """
                        INSERT INTO antennas_hub (edition_id, region_code, name, description, language,
                                                  working_languages, members_only_posting)
                        VALUES (:e, :r, :n, :d, :l, string_to_array(:w, ','), :m) RETURNING id
                        """)
                .param("e", editionId)
                .param("r", blankToNull(form.regionCode()))
                .param("n", form.name().strip())
                .param("d", form.description() == null ? "" : form.description().strip())
                .param("l", form.language())
                .param("w", String.join(",", form.languagesChosen()))
                .param("m", form.membersOnlyPosting())
                .query(Long.class)
                .single();
    }

    void update(long hubId, HubForm form) {
        jdbc.sql(
                        """
                        UPDATE antennas_hub SET region_code = :r, name = :n, description = :d, language = :l,
                               working_languages = string_to_array(:w, ','), members_only_posting = :m
                         WHERE id = :id
                        """)
                .param("id", hubId)
                .param("r", blankToNull(form.regionCode()))
                .param("n", form.name().strip())
                .param("d", form.description() == null ? "" : form.description().strip())
                .param("l", form.language())
                .param("w", String.join(",", form.languagesChosen()))
                .param("m", form.membersOnlyPosting())
                .update();
    }

    boolean nameTaken(long editionId, String name, long exceptHub) {
        return jdbc.sql("SELECT count(*) FROM antennas_hub WHERE edition_id = :e AND name = :n AND id <> :x")
                        .param("e", editionId)
                        .param("n", name.strip())
                        .param("x", exceptHub)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<Hub> find(long id) {
        return jdbc.sql("SELECT * FROM antennas_hub WHERE id = :id")
                .param("id", id)
                .query(HubStore::hub)
                .optional();
    }

    List<Hub> ofEdition(long editionId) {
        return jdbc.sql("SELECT * FROM antennas_hub WHERE edition_id = :e ORDER BY name")
                .param("e", editionId)
                .query(HubStore::hub)
                .list();
    }

    List<Hub> all(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM antennas_hub WHERE id IN (:ids) ORDER BY name")
                .param("ids", ids)
                .query(HubStore::hub)
                .list();
    }

    Set<HubRole> rolesOf(long hubId, long accountId) {
        return jdbc.sql("SELECT role FROM antennas_hub_role WHERE hub_id = :h AND account_id = :a")
                .param("h", hubId)
                .param("a", accountId)
                .query((rs, n) -> HubRole.valueOf(rs.getString(1)))
                .set();
    }

    void grant(long hubId, long accountId, HubRole role) {
        jdbc.sql("INSERT INTO antennas_hub_role (hub_id, account_id, role) VALUES (:h, :a, :r) ON CONFLICT DO NOTHING")
                .param("h", hubId)
                .param("a", accountId)
                .param("r", role.name())
                .update();
    }

    void revoke(long hubId, long accountId, HubRole role) {
        jdbc.sql("DELETE FROM antennas_hub_role WHERE hub_id = :h AND account_id = :a AND role = :r")
                .param("h", hubId)
                .param("a", accountId)
                .param("r", role.name())
                .update();
    }

    /** The hubs where the person holds this role. */
    List<Long> hubsWhere(long accountId, HubRole role) {
        return jdbc.sql("SELECT hub_id FROM antennas_hub_role WHERE account_id = :a AND role = :r ORDER BY hub_id")
                .param("a", accountId)
                .param("r", role.name())
                .query(Long.class)
                .list();
    }

    record Holder(long accountId, HubRole role) {}

    List<Holder> holders(long hubId) {
        return jdbc.sql("SELECT account_id, role FROM antennas_hub_role WHERE hub_id = :h ORDER BY role, account_id")
                .param("h", hubId)
                .query((rs, n) -> new Holder(rs.getLong(1), HubRole.valueOf(rs.getString(2))))
                .list();
    }

    /** REQUESTED or MEMBER, empty when the person never asked. */
    Optional<String> membership(long hubId, long accountId) {
        return jdbc.sql("SELECT status FROM antennas_hub_member WHERE hub_id = :h AND account_id = :a")
                .param("h", hubId)
                .param("a", accountId)
                .query(String.class)
                .optional();
    }

    void requestMembership(long hubId, long accountId, boolean accepted) {
        jdbc.sql(
                        """
                        INSERT INTO antennas_hub_member (hub_id, account_id, status) VALUES (:h, :a, :s)
                        ON CONFLICT (hub_id, account_id) DO NOTHING
                        """)
                .param("h", hubId)
                .param("a", accountId)
                .param("s", accepted ? "MEMBER" : "REQUESTED")
                .update();
    }

    boolean accept(long hubId, long accountId) {
        return jdbc.sql(
                                """
                                UPDATE antennas_hub_member SET status = 'MEMBER', since = now()
                                 WHERE hub_id = :h AND account_id = :a AND status = 'REQUESTED'
                                """)
                        .param("h", hubId)
                        .param("a", accountId)
                        .update()
                > 0;
    }

    void leave(long hubId, long accountId) {
        jdbc.sql("DELETE FROM antennas_hub_member WHERE hub_id = :h AND account_id = :a")
                .param("h", hubId)
                .param("a", accountId)
                .update();
    }

    record Member(long accountId, boolean accepted) {}

    List<Member> members(long hubId) {
        return jdbc.sql("SELECT account_id, status FROM antennas_hub_member WHERE hub_id = :h ORDER BY since")
                .param("h", hubId)
                .query((rs, n) -> new Member(rs.getLong(1), "MEMBER".equals(rs.getString(2))))
                .list();
    }

    void addThread(long hubId, long threadId, long sessionId) {
        jdbc.sql("INSERT INTO antennas_hub_thread (thread_id, hub_id, session_id) VALUES (:t, :h, :s)")
                .param("t", threadId)
                .param("h", hubId)
                .param("s", sessionId)
                .update();
    }

    Optional<Long> hubOfThread(long threadId) {
        return jdbc.sql("SELECT hub_id FROM antennas_hub_thread WHERE thread_id = :t")
                .param("t", threadId)
                .query(Long.class)
                .optional();
    }

    List<Long> threads(long hubId) {
        return jdbc.sql("SELECT thread_id FROM antennas_hub_thread WHERE hub_id = :h")
                .param("h", hubId)
                .query(Long.class)
                .list();
    }

    List<Long> threads(long hubId, long sessionId) {
        return jdbc.sql("SELECT thread_id FROM antennas_hub_thread WHERE hub_id = :h AND session_id = :s")
                .param("h", hubId)
                .param("s", sessionId)
                .query(Long.class)
                .list();
    }

    void addConversation(long hubId, long conversationId, long sessionId) {
        jdbc.sql("INSERT INTO antennas_hub_conversation (conversation_id, hub_id, session_id) VALUES (:c, :h, :s)")
                .param("c", conversationId)
                .param("h", hubId)
                .param("s", sessionId)
                .update();
    }

    record HubConversation(long conversationId, long sessionId) {}

    List<HubConversation> conversations(long hubId) {
        return jdbc.sql(
                        "SELECT conversation_id, session_id FROM antennas_hub_conversation WHERE hub_id = :h ORDER BY conversation_id")
                .param("h", hubId)
                .query((rs, n) -> new HubConversation(rs.getLong(1), rs.getLong(2)))
                .list();
    }

    void forget(long accountId) {
        jdbc.sql("DELETE FROM antennas_hub_role WHERE account_id = :a")
                .param("a", accountId)
                .update();
        jdbc.sql("DELETE FROM antennas_hub_member WHERE account_id = :a")
                .param("a", accountId)
                .update();
    }

    private static Hub hub(ResultSet rs, int n) throws SQLException {
        return new Hub(
                rs.getLong("id"),
                rs.getLong("edition_id"),
                rs.getString("region_code"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("language"),
                strings(rs.getArray("working_languages")),
                rs.getBoolean("members_only_posting"));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String joined(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
