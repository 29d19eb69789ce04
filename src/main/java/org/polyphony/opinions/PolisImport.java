package org.polyphony.opinions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.polyphony.opinions.analysis.Conversation;
import org.polyphony.opinions.analysis.Moderation;
import org.polyphony.opinions.analysis.PolisConversation;
import org.polyphony.opinions.analysis.PolisCsv;
import org.polyphony.opinions.analysis.PolisCsvException;
import org.polyphony.opinions.analysis.PolisCsvReading;
import org.polyphony.opinions.analysis.Statement;
import org.polyphony.opinions.analysis.TimedVote;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A conversation brought in from the Pol.is open-data layout (a zip of its CSV files, as {@link PolisExport} writes
 * and as Pol.is publishes them): its statements keep their numbers and moderation, each participant becomes a voter
 * known to nobody, their latest votes are kept. The zip is unpacked with limits, so a crafted archive cannot fill
 * the disk.
 */
@Component
class PolisImport {

    static final long MAX_UNPACKED_BYTES = 200L * 1024 * 1024;
    private static final Set<String> FILES = Set.of(
            PolisCsvReading.COMMENTS,
            PolisCsvReading.VOTES,
            PolisCsvReading.PARTICIPANTS_VOTES,
            PolisCsvReading.SUMMARY);
    /** Stands in for the words of a rejected statement, which exports leave out (numbered: texts are unique). */
    static final String WITHHELD = "—";

    static final int MAX_TEXT = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ConversationStore store;

    PolisImport(JdbcClient jdbc, JdbcTemplate batch, ConversationStore store) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.store = store;
    }

    /** Reads the zip into a Pol.is conversation; errors name the file and line. */
    static PolisConversation read(InputStream zip) throws IOException, PolisCsvException {
        Path folder = Files.createTempDirectory("polis-import");
        try {
            unpack(zip, folder);
            PolisConversation polis = PolisCsv.read(folder);
            storable(polis.conversation());
            return polis;
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * Files at the top of the archive or in one folder; anything else in it is ignored. Unpacking stops as soon as
     * an entry says, or turns out, to be larger than the archive can honestly hold: more than
     * {@link #MAX_UNPACKED_BYTES} in all, or (past the first {@link #RATIO_FREE_BYTES}) more than
     * {@link #MAX_RATIO} times the compressed bytes read so far, so that a zip bomb costs a few megabytes of disk,
     * not 200. A damaged or truncated archive is refused like any other invalid file.
     */
    private static void unpack(InputStream in, Path folder) throws IOException, PolisCsvException {
        long total = 0;
        CountingInput counted = new CountingInput(in);
        try (ZipInputStream zip = new ZipInputStream(counted)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (entry.isDirectory() || !FILES.contains(name) || Files.exists(folder.resolve(name))) {
                    continue;
                }
                if (entry.getSize() > MAX_UNPACKED_BYTES - total) {
                    throw tooLarge(name);
                }
                try (OutputStream out = Files.newOutputStream(folder.resolve(name))) {
                    byte[] buffer = new byte[65_536];
                    for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                        total += n;
                        if (total > MAX_UNPACKED_BYTES
                                || (total > RATIO_FREE_BYTES && total > MAX_RATIO * counted.count())) {
                            throw tooLarge(name);
                        }
                        out.write(buffer, 0, n);
                    }
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException damaged) {
            throw new PolisCsvException("zip", 0, "not a zip archive, or a damaged or incomplete one");
        }
    }

    static final long RATIO_FREE_BYTES = 8L * 1024 * 1024;
    static final long MAX_RATIO = 60;

    private static PolisCsvException tooLarge(String name) {
        return new PolisCsvException(name, 0, "the archive unpacks to more than it can hold (200 MB at most)");
    }

    /** Counts the compressed bytes read, for the ratio check. */
    private static final class CountingInput extends java.io.FilterInputStream {
        private long count;

        CountingInput(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** What the statements table holds: texts of at most 1,000 characters, each once in a conversation. */
    private static void storable(Conversation conversation) throws PolisCsvException {
        java.util.Map<String, Integer> seen = new HashMap<>();
        for (Statement statement : conversation.statements()) {
            String text = statement.text().strip();
            if (text.length() > MAX_TEXT) {
                throw new PolisCsvException(
                        PolisCsvReading.COMMENTS,
                        0,
                        "comment-id " + statement.id() + " is longer than 1,000 characters");
            }
            Integer earlier =
                    text.isEmpty() ? null : seen.putIfAbsent(text.toLowerCase(java.util.Locale.ROOT), statement.id());
            if (earlier != null) {
                throw new PolisCsvException(
                        PolisCsvReading.COMMENTS,
                        0,
                        "comment-id " + statement.id() + " says the same as comment-id " + earlier);
            }
        }
    }

    /** Fills a new conversation with the statements and votes read; call it in the transaction that made it. */
    void fill(ConversationId conversation, PolisConversation polis, StatementLanguages languages, long sessionId) {
        Conversation votes = polis.conversation();
        Map<Integer, Long> statementIds = new HashMap<>();
        for (Statement statement : votes.statements()) {
            String text = statement.text().isBlank()
                    ? WITHHELD + " " + statement.id()
                    : statement.text().strip();
            var language = languages.detect(text);
            long id = jdbc.sql(
                            """
                            INSERT INTO opinions_statement (conversation_id, number, body, language, language_confidence,
                                seed, moderation, meta)
                            VALUES (:c, :n, :body, :language, :confidence, FALSE, :moderation, :meta)
                            RETURNING id
                            """)
                    .param("c", conversation.value())
                    .param("n", statement.id())
                    .param("body", text)
                    .param("language", language.tag())
                    .param("confidence", (float) language.confidence())
                    .param("moderation", statement.moderation().toPolis())
                    .param("meta", statement.meta())
                    .query(Long.class)
                    .single();
            statementIds.put(statement.id(), id);
            if (statement.moderation() == Moderation.ACCEPTED) {
                languages.readable(StatementLanguages.STATEMENT, id, text, language.tag(), sessionId);
            }
        }
        List<Object[]> rows = new ArrayList<>(votes.voteCount());
        Map<Long, Long> voterOf = new HashMap<>();
        for (int p = 0; p < votes.participantCount(); p++) {
            long voter = jdbc.sql("INSERT INTO opinions_voter (conversation_id) VALUES (:c) RETURNING id")
                    .param("c", conversation.value())
                    .query(Long.class)
                    .single();
            voterOf.put(votes.participantId(p), voter);
            for (int e = votes.rowStart(p); e < votes.rowEnd(p); e++) {
                rows.add(new Object[] {
                    voter, statementIds.get(votes.statement(votes.column(e)).id()), votes.vote(e)
                });
            }
        }
        batch.batchUpdate("INSERT INTO opinions_vote (voter_id, statement_id, vote) VALUES (?, ?, ?)", rows);
        // the history as the export recorded it, every vote with its time
        List<Object[]> events = new ArrayList<>(polis.history().votes().size());
        for (TimedVote v : polis.history().votes()) {
            Long voter = voterOf.get(v.participantId());
            if (voter != null) {
                events.add(new Object[] {
                    conversation.value(), voter, statementIds.get(v.statementId()), v.vote(), v.timestamp() / 1000.0
                });
            }
        }
        batch.batchUpdate(
                """
                INSERT INTO opinions_vote_event (conversation_id, voter_id, statement_id, vote, voted_at)
                VALUES (?, ?, ?, ?, to_timestamp(?))
                """,
                events);
        store.recountVoters(conversation);
        store.changed(conversation);
    }
}
