package org.polyphony.forums;

import static org.polyphony.languages.LocalizedTextJson.read;
import static org.polyphony.languages.LocalizedTextJson.readList;
import static org.polyphony.languages.LocalizedTextJson.write;
import static org.polyphony.languages.LocalizedTextJson.writeList;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.polyphony.forums.Edition.ForumSession;
import org.polyphony.forums.Edition.Prompt;
import org.polyphony.forums.Edition.Roundtable;
import org.polyphony.languages.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes editions and their agenda; a whole edition loads in four queries, whatever its size. */
@Repository
class EditionRepository {

    private final JdbcClient jdbc;

    EditionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Edition> findAll(Collection<EditionStatus> statuses) {
        List<EditionRow> rows = jdbc.sql(
                        """
                        SELECT * FROM forums_edition
                         WHERE status IN (:statuses)
                         ORDER BY starts_on DESC, id DESC
                        """)
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .query(EditionRow::map)
                .list();
        return withAgenda(rows);
    }

    Optional<Edition> findBySlug(String slug) {
        return jdbc.sql("SELECT * FROM forums_edition WHERE slug = :slug")
                .param("slug", slug)
                .query(EditionRow::map)
                .optional()
                .map(row -> withAgenda(List.of(row)).getFirst());
    }

    Optional<String> slugOfSession(ForumSessionId session) {
        return jdbc.sql(
                        "SELECT e.slug FROM forums_session s JOIN forums_edition e ON e.id = s.edition_id WHERE s.id = :id")
                .param("id", session.value())
                .query(String.class)
                .optional();
    }

    boolean slugTaken(String slug) {
        return jdbc.sql("SELECT count(*) FROM forums_edition WHERE slug = :slug")
                        .param("slug", slug)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Serialises start-up tasks (demo import) across nodes, until the transaction ends. */
    void lockForStartupTasks() {
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtext('polyphony-startup'))")
                .query(Integer.class)
                .single();
    }

    void updateCodeOfConduct(EditionId id, LocalizedText text) {
        jdbc.sql("UPDATE forums_edition SET code_of_conduct = :text::json WHERE id = :id")
                .param("text", write(text))
                .param("id", id.value())
                .update();
    }

    void updateFlagThreshold(EditionId id, int threshold) {
        jdbc.sql("UPDATE forums_edition SET flag_threshold = :threshold WHERE id = :id")
                .param("threshold", threshold)
                .param("id", id.value())
                .update();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM forums_edition").query(Long.class).single();
    }

    EditionId insertEdition(String slug, EditionDetails details) {
        return new EditionId(jdbc.sql(
                        """
                        INSERT INTO forums_edition (slug, name, place, summary, starts_on, ends_on, status)
                        VALUES (:slug, :name::json, :place::json, :summary::json, :startsOn, :endsOn, :status)
                        RETURNING id
                        """)
                .param("slug", slug)
                .params(details.asParameters())
                .query(Long.class)
                .single());
    }

    void updateEdition(EditionId id, EditionDetails details) {
        jdbc.sql(
                        """
                        UPDATE forums_edition
                           SET name = :name::json, place = :place::json, summary = :summary::json,
                               starts_on = :startsOn, ends_on = :endsOn, status = :status
                         WHERE id = :id
                        """)
                .param("id", id.value())
                .params(details.asParameters())
                .update();
    }

    long insertRoundtable(EditionId edition, int number, LocalizedText title, LocalizedText background) {
        return jdbc.sql(
                        """
                        INSERT INTO forums_roundtable (edition_id, number, title, background)
                        VALUES (:edition, :number, :title::json, :background::json)
                        RETURNING id
                        """)
                .param("edition", edition.value())
                .param("number", number)
                .param("title", write(title))
                .param("background", write(background))
                .query(Long.class)
                .single();
    }

    void updateRoundtable(long id, LocalizedText title, LocalizedText background) {
        jdbc.sql("UPDATE forums_roundtable SET title = :title::json, background = :background::json WHERE id = :id")
                .param("id", id)
                .param("title", write(title))
                .param("background", write(background))
                .update();
    }

    ForumSessionId insertSession(
            EditionId edition, Roundtable roundtable, int position, LocalizedText title, LocalizedText background) {
        return new ForumSessionId(jdbc.sql(
                        """
                        INSERT INTO forums_session (roundtable_id, edition_id, code, position, title, background)
                        VALUES (:roundtable, :edition, :code, :position, :title::json, :background::json)
                        RETURNING id
                        """)
                .param("roundtable", roundtable.id())
                .param("edition", edition.value())
                .param("code", roundtable.number() + "." + position)
                .param("position", position)
                .param("title", write(title))
                .param("background", write(background))
                .query(Long.class)
                .single());
    }

    void updateSession(ForumSessionId id, LocalizedText title, LocalizedText background) {
        jdbc.sql("UPDATE forums_session SET title = :title::json, background = :background::json WHERE id = :id")
                .param("id", id.value())
                .param("title", write(title))
                .param("background", write(background))
                .update();
    }

    void updatePremoderation(ForumSessionId id, boolean premoderated) {
        jdbc.sql("UPDATE forums_session SET premoderated = :premoderated WHERE id = :id")
                .param("premoderated", premoderated)
                .param("id", id.value())
                .update();
    }

    void replacePrompts(ForumSessionId session, List<Prompt> prompts) {
        jdbc.sql("DELETE FROM forums_prompt WHERE session_id = :session")
                .param("session", session.value())
                .update();
        int position = 1;
        for (Prompt prompt : prompts) {
            jdbc.sql(
                            """
                            INSERT INTO forums_prompt (session_id, position, question, points)
                            VALUES (:session, :position, :question::json, :points::json)
                            """)
                    .param("session", session.value())
                    .param("position", position++)
                    .param("question", write(prompt.question()))
                    .param("points", writeList(prompt.points()))
                    .update();
        }
    }

    private List<Edition> withAgenda(List<EditionRow> editions) {
        if (editions.isEmpty()) {
            return List.of();
        }
        List<Long> ids = editions.stream().map(EditionRow::id).toList();
        Map<Long, List<Prompt>> prompts = jdbc
                .sql(
                        """
                        SELECT p.session_id, p.question, p.points FROM forums_prompt p
                          JOIN forums_session s ON s.id = p.session_id
                         WHERE s.edition_id IN (:ids)
                         ORDER BY p.session_id, p.position
                        """)
                .param("ids", ids)
                .query((rs, n) -> Map.entry(
                        rs.getLong("session_id"),
                        new Prompt(read(rs.getString("question")), readList(rs.getString("points")))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<Long, List<ForumSession>> sessions = jdbc
                .sql(
                        """
                        SELECT s.*, r.number FROM forums_session s JOIN forums_roundtable r ON r.id = s.roundtable_id
                         WHERE s.edition_id IN (:ids)
                         ORDER BY s.roundtable_id, s.position
                        """)
                .param("ids", ids)
                .query((rs, n) -> Map.entry(
                        rs.getLong("roundtable_id"),
                        new ForumSession(
                                new ForumSessionId(rs.getLong("id")),
                                rs.getInt("number"),
                                rs.getString("code"),
                                rs.getInt("position"),
                                read(rs.getString("title")),
                                read(rs.getString("background")),
                                prompts.getOrDefault(rs.getLong("id"), List.of()),
                                rs.getBoolean("premoderated"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<Long, List<Roundtable>> roundtables = jdbc
                .sql(
                        """
                        SELECT * FROM forums_roundtable WHERE edition_id IN (:ids) ORDER BY edition_id, number
                        """)
                .param("ids", ids)
                .query((rs, n) -> Map.entry(
                        rs.getLong("edition_id"),
                        new Roundtable(
                                rs.getLong("id"),
                                rs.getInt("number"),
                                read(rs.getString("title")),
                                read(rs.getString("background")),
                                sessions.getOrDefault(rs.getLong("id"), List.of()))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<Edition> result = new ArrayList<>();
        for (EditionRow row : editions) {
            result.add(new Edition(
                    new EditionId(row.id()),
                    row.slug(),
                    read(row.name()),
                    read(row.place()),
                    read(row.summary()),
                    row.startsOn(),
                    row.endsOn(),
                    row.status(),
                    roundtables.getOrDefault(row.id(), List.of()),
                    row.flagThreshold(),
                    read(row.codeOfConduct())));
        }
        return result;
    }

    private record EditionRow(
            long id,
            String slug,
            String name,
            String place,
            String summary,
            java.time.LocalDate startsOn,
            java.time.LocalDate endsOn,
            EditionStatus status,
            int flagThreshold,
            String codeOfConduct) {

        static EditionRow map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
            return new EditionRow(
                    rs.getLong("id"),
                    rs.getString("slug"),
                    rs.getString("name"),
                    rs.getString("place"),
                    rs.getString("summary"),
                    rs.getDate("starts_on").toLocalDate(),
                    rs.getDate("ends_on").toLocalDate(),
                    EditionStatus.valueOf(rs.getString("status")),
                    rs.getInt("flag_threshold"),
                    rs.getString("code_of_conduct"));
        }
    }

    /** The editable facts of an edition, ready to be written. */
    record EditionDetails(
            LocalizedText name,
            LocalizedText place,
            LocalizedText summary,
            java.time.LocalDate startsOn,
            java.time.LocalDate endsOn,
            EditionStatus status) {

        Map<String, Object> asParameters() {
            return Map.of(
                    "name",
                    write(name),
                    "place",
                    write(place),
                    "summary",
                    write(summary),
                    "startsOn",
                    startsOn,
                    "endsOn",
                    endsOn,
                    "status",
                    status.name());
        }
    }
}
