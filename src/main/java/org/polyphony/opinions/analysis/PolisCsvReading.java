package org.polyphony.opinions.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reads a Pol.is open-data folder, checking each file against the others. */
public final class PolisCsvReading {

    public static final String COMMENTS = "comments.csv";
    public static final String VOTES = "votes.csv";
    public static final String PARTICIPANTS_VOTES = "participants-votes.csv";
    public static final String SUMMARY = "summary.csv";

    private static final Set<String> PARTICIPANT_COLUMNS =
            Set.of("participant", "xid", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree");

    private PolisCsvReading() {}

    private record VoteRow(int line, long timestamp, int statement, long voter, int vote) {}

    private record Voter(long voter, int statement) {}

    static PolisConversation read(Path folder) throws IOException, PolisCsvException {
        Conversation.Builder builder = Conversation.builder();
        Map<Long, Integer> authored = new HashMap<>();
        Map<Integer, Long> created = new HashMap<>();
        Map<Integer, Statement> statements = readComments(folder, authored, created);
        statements.values().forEach(builder::statement);
        List<TimedVote> history = new ArrayList<>();
        for (VoteRow vote : readVotes(folder, statements)) {
            builder.vote(vote.voter(), vote.statement(), vote.vote());
            history.add(new TimedVote(vote.timestamp(), vote.voter(), vote.statement(), vote.vote()));
        }
        SortedMap<Long, Integer> groups = new TreeMap<>();
        SortedMap<Long, PolisConversation.ListedParticipant> listed = new TreeMap<>();
        boolean hasXid = readParticipantsVotes(folder, statements, groups, listed);
        return new PolisConversation(
                builder.build(),
                groups,
                readSummary(folder),
                new PolisConversation.History(history, created),
                hasXid,
                listed,
                authored);
    }

    /** Both layouts: the older one with {@code datetime}, bg2050's with {@code is-meta}, {@code is-seed}… */
    private static Map<Integer, Statement> readComments(
            Path folder, Map<Long, Integer> authored, Map<Integer, Long> created)
            throws IOException, PolisCsvException {
        Map<Integer, Statement> statements = new HashMap<>();
        Map<Integer, CsvReader.Row> firstRow = new HashMap<>();
        try (PolisTable table = PolisTable.open(folder, COMMENTS)) {
            int id = table.column("comment-id");
            int moderated = table.column("moderated");
            int body = table.optionalColumn("comment-body");
            int author = table.optionalColumn("author-id");
            int timestamp = table.optionalColumn("timestamp");
            int meta = table.optionalColumn("is-meta");
            for (CsvReader.Row row = table.next(); row != null; row = table.next()) {
                int statementId = statementId(table, row, id);
                Moderation moderation;
                try {
                    moderation = Moderation.fromPolis((int) table.wholeNumber(row, moderated));
                } catch (IllegalArgumentException e) {
                    throw table.error(row, e.getMessage());
                }
                CsvReader.Row earlier = firstRow.putIfAbsent(statementId, row);
                if (earlier != null) {
                    if (earlier.fields().equals(row.fields())) {
                        continue; // the same row twice says nothing new
                    }
                    throw table.error(
                            row, "comment-id " + statementId + " again, differing from line " + earlier.line());
                }
                statements.put(
                        statementId,
                        new Statement(
                                statementId,
                                body < 0 ? "" : row.fields().get(body),
                                moderation,
                                meta >= 0 && isMeta(table, row, meta)));
                if (timestamp >= 0 && !row.fields().get(timestamp).isBlank()) {
                    created.put(statementId, table.wholeNumber(row, timestamp));
                }
                if (author >= 0 && !row.fields().get(author).isBlank()) {
                    authored.merge(table.wholeNumber(row, author), 1, Integer::sum);
                }
            }
        }
        return statements;
    }

    /** Votes in the order cast (by timestamp; rows with equal timestamps in file order). */
    private static List<VoteRow> readVotes(Path folder, Map<Integer, Statement> statements)
            throws IOException, PolisCsvException {
        List<VoteRow> votes = new ArrayList<>();
        try (PolisTable table = PolisTable.open(folder, VOTES)) {
            int timestamp = table.column("timestamp");
            int statement = table.column("comment-id");
            int voter = table.column("voter-id");
            int vote = table.column("vote");
            for (CsvReader.Row row = table.next(); row != null; row = table.next()) {
                int statementId = statementId(table, row, statement);
                if (!statements.containsKey(statementId)) {
                    throw table.error(row, "comment-id " + statementId + " is not in " + COMMENTS);
                }
                votes.add(new VoteRow(
                        row.line(),
                        table.wholeNumber(row, timestamp),
                        statementId,
                        participantId(table, row, voter),
                        table.vote(row, vote)));
            }
        }
        votes.sort(Comparator.comparingLong(VoteRow::timestamp)); // stable: ties stay in file order
        checkSameTimeVotes(votes);
        return votes;
    }

    /**
     * Two votes by one participant on one statement at the same instant leave the latest vote undecided unless they
     * agree: an exact repeat is harmless, a different vote is an error.
     */
    private static void checkSameTimeVotes(List<VoteRow> votes) throws PolisCsvException {
        int start = 0;
        while (start < votes.size()) {
            int end = start + 1;
            while (end < votes.size()
                    && votes.get(end).timestamp() == votes.get(start).timestamp()) {
                end++;
            }
            if (end - start > 1) {
                Map<Voter, VoteRow> seen = new HashMap<>();
                for (VoteRow vote : votes.subList(start, end)) {
                    VoteRow earlier = seen.putIfAbsent(new Voter(vote.voter(), vote.statement()), vote);
                    if (earlier != null && earlier.vote() != vote.vote()) {
                        throw new PolisCsvException(
                                VOTES,
                                vote.line(),
                                "voter " + vote.voter() + " voted " + vote.vote() + " on comment-id "
                                        + vote.statement() + " at the same time as a different vote on line "
                                        + earlier.line());
                    }
                }
            }
            start = end;
        }
    }

    /** @return whether the file has an xid column */
    private static boolean readParticipantsVotes(
            Path folder,
            Map<Integer, Statement> statements,
            SortedMap<Long, Integer> groups,
            SortedMap<Long, PolisConversation.ListedParticipant> listed)
            throws IOException, PolisCsvException {
        if (!Files.exists(folder.resolve(PARTICIPANTS_VOTES))) {
            return false;
        }
        Map<Long, CsvReader.Row> firstRow = new HashMap<>();
        try (PolisTable table = PolisTable.open(folder, PARTICIPANTS_VOTES)) {
            int participant = table.column("participant");
            int group = table.column("group-id");
            int xid = table.optionalColumn("xid");
            int comments = table.optionalColumn("n-comments");
            List<Integer> voteColumns = statementColumns(table, statements);
            for (CsvReader.Row row = table.next(); row != null; row = table.next()) {
                long id = participantId(table, row, participant);
                CsvReader.Row earlier = firstRow.putIfAbsent(id, row);
                if (earlier != null) {
                    if (earlier.fields().equals(row.fields())) {
                        continue;
                    }
                    throw table.error(row, "participant " + id + " again, differing from line " + earlier.line());
                }
                if (!row.fields().get(group).isBlank()) {
                    long recorded = table.wholeNumber(row, group);
                    if (recorded < 0 || recorded > Integer.MAX_VALUE) {
                        throw table.error(row, "group-id must be 0 or more, found " + recorded);
                    }
                    groups.put(id, (int) recorded);
                }
                for (int column : voteColumns) {
                    if (!row.fields().get(column).isBlank()) {
                        table.vote(row, column);
                    }
                }
                listed.put(
                        id,
                        new PolisConversation.ListedParticipant(
                                xid < 0 ? "" : row.fields().get(xid),
                                comments < 0 ? null : row.fields().get(comments)));
            }
            return xid >= 0;
        }
    }

    /** Columns named by a number are statements, and must be statements of comments.csv. */
    private static List<Integer> statementColumns(PolisTable table, Map<Integer, Statement> statements)
            throws PolisCsvException {
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < table.header().size(); i++) {
            String name = table.header().get(i).trim();
            if (PARTICIPANT_COLUMNS.contains(name)) {
                continue;
            }
            int id;
            try {
                id = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                throw new PolisCsvException(table.file(), 1, "unknown column '" + name + "'");
            }
            if (!statements.containsKey(id)) {
                throw new PolisCsvException(table.file(), 1, "column '" + name + "' names no statement of " + COMMENTS);
            }
            columns.add(i);
        }
        return columns;
    }

    /** summary.csv has no header: every row is a key and its value. */
    private static Map<String, String> readSummary(Path folder) throws IOException, PolisCsvException {
        Map<String, String> summary = new LinkedHashMap<>();
        Path path = folder.resolve(SUMMARY);
        if (!Files.exists(path)) {
            return summary;
        }
        try (CsvReader reader = new CsvReader(CsvReader.utf8(path), SUMMARY)) {
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                if (row.fields().size() != 2) {
                    throw new PolisCsvException(
                            SUMMARY,
                            row.line(),
                            "expected a key and a value, found " + row.fields().size() + " fields");
                }
                String earlier =
                        summary.putIfAbsent(row.fields().get(0), row.fields().get(1));
                if (earlier != null && !Objects.equals(earlier, row.fields().get(1))) {
                    throw new PolisCsvException(
                            SUMMARY, row.line(), "key '" + row.fields().get(0) + "' again with another value");
                }
            }
        }
        return summary;
    }

    /** bg2050's layout writes {@code true} or {@code false}; older exports have no such column. */
    private static boolean isMeta(PolisTable table, CsvReader.Row row, int column) throws PolisCsvException {
        String value = row.fields().get(column).trim();
        return switch (value) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw table.error(row, "is-meta must be true or false, found '" + value + "'");
        };
    }

    /** Pol.is numbers participants from 0; a negative number is not one of its participants. */
    private static long participantId(PolisTable table, CsvReader.Row row, int column) throws PolisCsvException {
        long id = table.wholeNumber(row, column);
        if (id < 0) {
            throw table.error(row, table.header().get(column) + " must be 0 or more, found " + id);
        }
        return id;
    }

    private static int statementId(PolisTable table, CsvReader.Row row, int column) throws PolisCsvException {
        long id = table.wholeNumber(row, column);
        if (id < Integer.MIN_VALUE || id > Integer.MAX_VALUE) {
            throw table.error(row, "comment-id out of range: " + id);
        }
        return (int) id;
    }
}
