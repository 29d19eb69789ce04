package org.polyphony.opinions;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.polyphony.opinions.ConversationViews.StatementRow;
import org.polyphony.opinions.analysis.CsvWriter;
import org.polyphony.opinions.analysis.Moderation;
import org.polyphony.opinions.analysis.PolisCsvReading;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A conversation as a zip in the Pol.is open-data layout: comments.csv, votes.csv, participants-votes.csv (our
 * groups in group-id, from the latest analysis) and summary.csv. Participants are numbered afresh from 0 in the order
 * they first took part; author-id is left blank, because a statement's words can tell who wrote it and the author's
 * number would then give away all their votes. Statements still waiting for a moderator are left out, and rejected
 * ones keep their number and votes but not their words. votes.csv holds every vote as cast, changes included (the
 * history), as Pol.is's does; participants-votes.csv the latest. Texts are written as they are (no spreadsheet guard): the
 * files are for exchange, and an import must get back exactly what was written.
 */
@Component
class PolisExport {

    private final JdbcClient jdbc;
    private final ConversationStore store;
    private final ConversationAnalyses analyses;

    PolisExport(JdbcClient jdbc, ConversationStore store, ConversationAnalyses analyses) {
        this.jdbc = jdbc;
        this.store = store;
        this.analyses = analyses;
    }

    private record VoteRow(long voter, int statement, int vote, Instant at) {}

    void write(ConversationId conversation, OutputStream out) throws IOException {
        List<StatementRow> statements = store.statements(conversation).stream()
                .filter(s -> s.moderation() != Moderation.UNMODERATED)
                .toList();
        List<VoteRow> votes = jdbc.sql(
                        """
                        SELECT v.voter_id, s.number, v.vote, v.voted_at FROM opinions_vote v
                        JOIN opinions_statement s ON s.id = v.statement_id
                        WHERE s.conversation_id = :c AND s.moderation <> 0
                        ORDER BY v.voted_at, v.voter_id, s.number
                        """)
                .param("c", conversation.value())
                .query((rs, n) -> new VoteRow(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        // every vote as cast, changed ones too, as Pol.is's votes.csv has them
        List<VoteRow> history = jdbc.sql(
                        """
                        SELECT e.voter_id, s.number, e.vote, e.voted_at FROM opinions_vote_event e
                        JOIN opinions_statement s ON s.id = e.statement_id
                        WHERE e.conversation_id = :c AND s.moderation <> 0
                        ORDER BY e.voted_at, e.id
                        """)
                .param("c", conversation.value())
                .query((rs, n) -> new VoteRow(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        Map<Long, Integer> participant = new HashMap<>();
        history.forEach(v -> participant.putIfAbsent(v.voter(), participant.size()));
        votes.forEach(v -> participant.putIfAbsent(v.voter(), participant.size()));
        Optional<AnalysisResult> analysis = analyses.latest(conversation);

        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            entry(zip, writer, PolisCsvReading.COMMENTS, csv -> comments(csv, statements, votes));
            entry(zip, writer, PolisCsvReading.VOTES, csv -> {
                csv.row(List.of("timestamp", "datetime", "comment-id", "voter-id", "vote"));
                for (VoteRow v : distinctMilliseconds(history)) {
                    csv.row(List.of(
                            Long.toString(v.at().toEpochMilli()),
                            v.at().toString(),
                            Integer.toString(v.statement()),
                            Integer.toString(participant.get(v.voter())),
                            Integer.toString(v.vote())));
                }
            });
            entry(
                    zip,
                    writer,
                    PolisCsvReading.PARTICIPANTS_VOTES,
                    csv -> participants(csv, statements, votes, participant, analysis));
            entry(zip, writer, PolisCsvReading.SUMMARY, csv -> {
                csv.row(List.of("voters", Integer.toString(participant.size())));
                csv.row(List.of("comments", Integer.toString(statements.size())));
                csv.row(List.of(
                        "groups",
                        Integer.toString(analysis.map(a -> a.groups().size()).orElse(0))));
            });
        }
    }

    /**
     * Of a voter's changes to one statement within the same millisecond only the last: the file's timestamps are in
     * milliseconds, and two different votes at the same time could not be read back (which is latest?).
     */
    private static List<VoteRow> distinctMilliseconds(List<VoteRow> history) {
        record Key(long voter, int statement, long millisecond) {}
        Map<Key, Integer> last = new HashMap<>();
        for (int i = 0; i < history.size(); i++) {
            VoteRow v = history.get(i);
            last.put(new Key(v.voter(), v.statement(), v.at().toEpochMilli()), i);
        }
        List<VoteRow> kept = new ArrayList<>(last.size());
        for (int i = 0; i < history.size(); i++) {
            VoteRow v = history.get(i);
            if (last.get(new Key(v.voter(), v.statement(), v.at().toEpochMilli())) == i) {
                kept.add(v);
            }
        }
        return kept;
    }

    private static void comments(CsvWriter csv, List<StatementRow> statements, List<VoteRow> votes) throws IOException {
        Map<Integer, int[]> counts = new HashMap<>();
        for (VoteRow v : votes) {
            int[] c = counts.computeIfAbsent(v.statement(), s -> new int[2]);
            if (v.vote() != 0) {
                c[v.vote() > 0 ? 0 : 1]++;
            }
        }
        csv.row(List.of(
                "timestamp",
                "datetime",
                "comment-id",
                "author-id",
                "agrees",
                "disagrees",
                "moderated",
                "is-meta",
                "comment-body"));
        for (StatementRow s : statements) {
            int[] c = counts.getOrDefault(s.number(), new int[2]);
            boolean rejected = s.moderation() == Moderation.REJECTED;
            csv.row(List.of(
                    Long.toString(s.createdAt().toEpochMilli()),
                    s.createdAt().toString(),
                    Integer.toString(s.number()),
                    "",
                    Integer.toString(c[0]),
                    Integer.toString(c[1]),
                    Integer.toString(s.moderation().toPolis()),
                    Boolean.toString(s.meta()),
                    rejected ? "" : s.text()));
        }
    }

    private static void participants(
            CsvWriter csv,
            List<StatementRow> statements,
            List<VoteRow> votes,
            Map<Long, Integer> participant,
            Optional<AnalysisResult> analysis)
            throws IOException {
        Map<Long, Integer> groupOf = new HashMap<>();
        analysis.ifPresent(a -> a.dots().forEach(d -> groupOf.put(d.voter(), d.group())));
        List<String> header =
                new ArrayList<>(List.of("participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree"));
        statements.forEach(s -> header.add(Integer.toString(s.number())));
        csv.row(header);
        Map<Long, Map<Integer, Integer>> latest = new TreeMap<>();
        votes.forEach(
                v -> latest.computeIfAbsent(v.voter(), x -> new HashMap<>()).put(v.statement(), v.vote()));
        List<Long> ordered = new ArrayList<>(latest.keySet());
        ordered.sort((a, b) -> Integer.compare(participant.get(a), participant.get(b)));
        for (long voter : ordered) {
            Map<Integer, Integer> cast = latest.get(voter);
            int group = groupOf.getOrDefault(voter, -1);
            List<String> row = new ArrayList<>(List.of(
                    Integer.toString(participant.get(voter)),
                    group < 0 ? "" : Integer.toString(group),
                    "",
                    Integer.toString(cast.size()),
                    Long.toString(cast.values().stream().filter(v -> v > 0).count()),
                    Long.toString(cast.values().stream().filter(v -> v < 0).count())));
            for (StatementRow s : statements) {
                Integer vote = cast.get(s.number());
                row.add(vote == null ? "" : Integer.toString(vote));
            }
            csv.row(row);
        }
    }

    private interface Rows {
        void write(CsvWriter csv) throws IOException;
    }

    private static void entry(ZipOutputStream zip, Writer writer, String name, Rows rows) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        rows.write(new CsvWriter(writer));
        writer.flush();
        zip.closeEntry();
    }
}
