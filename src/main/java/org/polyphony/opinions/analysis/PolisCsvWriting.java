package org.polyphony.opinions.analysis;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes an analysis in the Pol.is layout: participants-votes.csv and summary.csv as Pol.is writes them but with
 * our groups, and consensus.csv, our own file (layout in docs/opinions.md).
 */
final class PolisCsvWriting {

    static final String CONSENSUS = "consensus.csv";

    private PolisCsvWriting() {}

    static void write(PolisConversation polis, OpinionMap map, Path out) throws IOException {
        Files.createDirectories(out);
        writeParticipantsVotes(polis, map, out.resolve(PolisCsvReading.PARTICIPANTS_VOTES));
        writeSummary(polis, map, out.resolve(PolisCsvReading.SUMMARY));
        writeConsensus(polis.conversation(), map, out.resolve(CONSENSUS));
    }

    private static void writeParticipantsVotes(PolisConversation polis, OpinionMap map, Path path) throws IOException {
        Conversation conversation = polis.conversation();
        Map<Long, OptionalInt> groupOf = new HashMap<>();
        map.placements().forEach(p -> groupOf.put(p.participantId(), p.group()));
        TreeSet<Long> participants = new TreeSet<>(polis.listed.keySet());
        for (int p = 0; p < conversation.participantCount(); p++) {
            participants.add(conversation.participantId(p));
        }
        try (Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(writer);
            List<String> header = new ArrayList<>(List.of("participant"));
            if (polis.hasXid) {
                header.add("xid");
            }
            header.addAll(List.of("group-id", "n-comments", "n-votes", "n-agree", "n-disagree"));
            conversation.statements().forEach(s -> header.add(Integer.toString(s.id())));
            csv.row(header);
            for (long id : participants) {
                csv.row(participantRow(polis, id, groupOf.getOrDefault(id, OptionalInt.empty())));
            }
        }
    }

    private static List<String> participantRow(PolisConversation polis, long id, OptionalInt group) {
        Conversation conversation = polis.conversation();
        PolisConversation.ListedParticipant listed = polis.listed.get(id);
        String[] cells = new String[conversation.statementCount()];
        Arrays.fill(cells, "");
        int votes = 0;
        int agrees = 0;
        int disagrees = 0;
        int p = conversation.participantIndex(id);
        if (p >= 0) {
            for (int e = conversation.rowStart(p); e < conversation.rowEnd(p); e++) {
                int vote = conversation.vote(e);
                cells[conversation.column(e)] = Integer.toString(vote);
                votes++;
                agrees += vote > 0 ? 1 : 0;
                disagrees += vote < 0 ? 1 : 0;
            }
        }
        List<String> row = new ArrayList<>();
        row.add(Long.toString(id));
        if (polis.hasXid) {
            row.add(listed == null ? "" : listed.xid());
        }
        row.add(group.isPresent() ? Integer.toString(group.getAsInt()) : "");
        // a comment count Pol.is recorded is kept: comments.csv may not list every statement a participant wrote
        row.add(
                listed != null && listed.comments() != null
                        ? listed.comments()
                        : Integer.toString(polis.authored.getOrDefault(id, 0)));
        row.add(Integer.toString(votes));
        row.add(Integer.toString(agrees));
        row.add(Integer.toString(disagrees));
        row.addAll(List.of(cells));
        return row;
    }

    /** The summary as read, with {@code groups} now ours; a folder without a summary gets the basic counts. */
    private static void writeSummary(PolisConversation polis, OpinionMap map, Path path) throws IOException {
        Map<String, String> summary = new LinkedHashMap<>(polis.summary());
        if (summary.isEmpty()) {
            summary.put("voters", Integer.toString(polis.conversation().participantCount()));
            summary.put("comments", Integer.toString(polis.conversation().statementCount()));
        }
        summary.put("groups", Integer.toString(map.k()));
        try (Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(writer);
            for (Map.Entry<String, String> entry : summary.entrySet()) {
                csv.row(List.of(entry.getKey(), entry.getValue()));
            }
        }
    }

    private static void writeConsensus(Conversation conversation, OpinionMap map, Path path) throws IOException {
        int[] everyone = new int[conversation.participantCount()];
        VoteTally tally = VoteTally.of(conversation, everyone, 1);
        Map<Integer, ConsensusStatement> majority = map.majorityConsensus().stream()
                .collect(Collectors.toMap(ConsensusStatement::statementId, c -> c, (a, b) -> a));
        Map<Integer, List<String>> representativeOf = new HashMap<>();
        for (OpinionGroup group : map.groups()) {
            for (RepresentativeStatement r : group.representatives()) {
                representativeOf
                        .computeIfAbsent(r.statementId(), id -> new ArrayList<>())
                        .add(group.id() + ":" + stance(r.stance()));
            }
        }
        try (Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(writer);
            csv.row(List.of(
                    "comment-id",
                    "moderated",
                    "is-meta",
                    "n-votes",
                    "n-agree",
                    "n-disagree",
                    "n-pass",
                    "majority",
                    "majority-probability",
                    "majority-z",
                    "group-informed-consensus",
                    "representative-of",
                    "comment-body"));
            for (int j = 0; j < conversation.statementCount(); j++) {
                Statement statement = conversation.statement(j);
                ConsensusStatement consensus = majority.get(statement.id());
                Double informed = map.groupInformedConsensus().get(statement.id());
                int votes = tally.votes[0][j];
                csv.row(List.of(
                        Integer.toString(statement.id()),
                        Integer.toString(statement.moderation().toPolis()),
                        Boolean.toString(statement.meta()),
                        Integer.toString(votes),
                        Integer.toString(tally.agrees[0][j]),
                        Integer.toString(tally.disagrees[0][j]),
                        Integer.toString(votes - tally.agrees[0][j] - tally.disagrees[0][j]),
                        consensus == null ? "" : stance(consensus.stance()),
                        consensus == null ? "" : Double.toString(consensus.probability()),
                        consensus == null ? "" : Double.toString(consensus.z()),
                        informed == null ? "" : Double.toString(informed),
                        String.join(" ", representativeOf.getOrDefault(statement.id(), List.of())),
                        spreadsheetSafe(statement.text())));
            }
        }
    }

    /**
     * As in the dialogue's open-data export: a text that a spreadsheet would run as a formula gets a leading
     * apostrophe. Only in consensus.csv, our own file; the Pol.is files keep texts exactly.
     */
    static String spreadsheetSafe(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String stance(Stance stance) {
        return stance == Stance.AGREE ? "agree" : "disagree";
    }
}
