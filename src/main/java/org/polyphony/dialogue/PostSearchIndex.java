package org.polyphony.dialogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The dialogue's search index, in this node's process (Lucene), kept current from the database: a common phrase
 * found in one post in eight is answered from the best-scoring posts without reading the thousands that contain
 * it, which PostgreSQL's text search must do (see docs/dialogue.md). The database stays the truth: the index
 * takes in every post written or changed since it last looked, by transaction id (V35.1), so it catches up after
 * a restart, a lost connection or a change made on another node; a search first takes in what committed before it
 * began, so a reader always finds what was acknowledged. Until the first catch-up is done, searches go to the
 * database.
 */
@Component
class PostSearchIndex implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostSearchIndex.class);
    private static final int BATCH = 5_000;
    private static final String WATERMARK = "watermark";
    private static final String DATABASE = "database";

    private final JdbcClient jdbc;
    private final Path directory;
    private final java.util.concurrent.locks.ReentrantLock catchingUp = new java.util.concurrent.locks.ReentrantLock();
    private volatile boolean running;
    private volatile boolean ready;
    private IndexWriter writer;
    private SearcherManager searchers;
    // transactions with an id at or above this one may not have committed when the index last looked
    private long watermark;
    private long lastLookStartedAt;
    private long changesSinceCommit;

    PostSearchIndex(JdbcClient jdbc, @Value("${polyphony.data-dir:data}") String dataDirectory) {
        this.jdbc = jdbc;
        this.directory = Path.of(dataDirectory, "search", "posts");
    }

    /** A search's filters; null ones do not filter. */
    record Filters(Collection<Long> sessionIds, Long authorId, Long fromMillis, Long toMillis) {}

    /**
     * The ids of the best-matching posts, best first; empty while the index is not ready (the caller asks the
     * database instead).
     */
    Optional<List<Long>> search(Query words, Filters filters, int howMany) {
        if (!ready) {
            return Optional.empty();
        }
        catchUp(System.nanoTime());
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(words, Occur.MUST);
        if (filters.sessionIds() != null) {
            query.add(
                    LongField.newSetQuery(
                            "session",
                            filters.sessionIds().stream()
                                    .mapToLong(Long::longValue)
                                    .toArray()),
                    Occur.FILTER);
        }
        if (filters.authorId() != null) {
            query.add(LongField.newExactQuery("author", filters.authorId()), Occur.FILTER);
        }
        if (filters.fromMillis() != null || filters.toMillis() != null) {
            query.add(
                    LongField.newRangeQuery(
                            "created",
                            filters.fromMillis() == null ? Long.MIN_VALUE : filters.fromMillis(),
                            filters.toMillis() == null ? Long.MAX_VALUE : filters.toMillis() - 1),
                    Occur.FILTER);
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<Long> ids = new ArrayList<>();
                var stored = searcher.storedFields();
                for (ScoreDoc hit : searcher.search(query.build(), howMany).scoreDocs) {
                    ids.add(Long.parseLong(stored.document(hit.doc).get("id")));
                }
                return Optional.of(ids);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Takes in every change committed before {@code since} (a {@link System#nanoTime()}), unless done already. */
    void catchUp(long since) {
        catchingUp.lock();
        try {
            catchUpLocked(since);
        } finally {
            catchingUp.unlock();
        }
    }

    private void catchUpLocked(long since) {
        if (!running || lastLookStartedAt > since) {
            return;
        }
        lastLookStartedAt = System.nanoTime();
        try {
            if (look()) {
                searchers.maybeRefreshBlocking();
            }
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    /** Changes made on other nodes, or while nobody searched, are taken in within a second. */
    @Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
    void keepCurrent() {
        // never waits: while the first catch-up (or a search's) runs, there is nothing to do here
        if (running && catchingUp.tryLock()) {
            try {
                catchUpLocked(System.nanoTime());
                ready = true;
                commitLocked();
            } finally {
                catchingUp.unlock();
            }
        }
    }

    private record Change(
            long id,
            long xid,
            long threadId,
            long sessionId,
            Long authorId,
            long createdMillis,
            String body,
            String language,
            String title,
            boolean searchable) {}

    /**
     * Takes in every row written by a transaction not known finished at the last look, in batches. Transactions
     * older than the oldest unfinished one when this look began are then known finished: the next look starts
     * there.
     */
    private boolean look() throws IOException {
        long unfinished = -1;
        long afterXid = watermark;
        long afterId = 0;
        boolean changed = false;
        while (true) {
            Batch batch = changesAfter(afterXid, afterId);
            if (unfinished < 0) {
                // the snapshot of the look's first statement: older transactions had all finished by then
                unfinished = batch.unfinished();
            }
            List<Change> changes = batch.changes();
            for (Change change : changes) {
                Term id = new Term("id", Long.toString(change.id()));
                if (change.searchable()) {
                    writer.updateDocument(id, document(change));
                } else {
                    writer.deleteDocuments(id);
                }
            }
            changed |= !changes.isEmpty();
            changesSinceCommit += changes.size();
            if (changes.size() < BATCH) {
                break;
            }
            afterXid = changes.getLast().xid();
            afterId = changes.getLast().id();
        }
        watermark = Math.max(watermark, unfinished);
        return changed;
    }

    /** One batch of changes, and the oldest transaction unfinished when it was read. */
    private record Batch(long unfinished, List<Change> changes) {}

    private Batch changesAfter(long afterXid, long afterId) {
        long[] unfinished = {0};
        // one round trip, even when nothing changed: a search asks this before every answer
        List<Change> changes = jdbc
                .sql(
                        """
                        SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS unfinished, c.*
                          FROM (SELECT 1) AS one
                          LEFT JOIN LATERAL (
                              SELECT p.id, p.search_xid::text::bigint AS xid, p.thread_id, t.session_id,
                                     p.author_id, p.created_at, p.body, p.language,
                                     CASE WHEN p.position = 1 THEN t.title END AS title,
                                     p.deleted_at IS NULL AND p.hidden_at IS NULL AND NOT p.awaiting_approval
                                         AS searchable
                                FROM dialogue_post p JOIN dialogue_thread t ON t.id = p.thread_id
                               WHERE p.search_xid >= CAST(CAST(:watermark AS text) AS xid8)
                                 AND (p.search_xid, p.id) > (CAST(CAST(:afterXid AS text) AS xid8), :afterId)
                               ORDER BY p.search_xid, p.id
                               LIMIT :batch) AS c ON true
                        """)
                .param("watermark", watermark)
                .param("afterXid", afterXid)
                .param("afterId", afterId)
                .param("batch", BATCH)
                .query((rs, n) -> {
                    unfinished[0] = rs.getLong("unfinished");
                    return rs.getObject("id") == null ? null : change(rs);
                })
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
        return new Batch(unfinished[0], changes);
    }

    private static Change change(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Change(
                rs.getLong("id"),
                rs.getLong("xid"),
                rs.getLong("thread_id"),
                rs.getLong("session_id"),
                (Long) rs.getObject("author_id"),
                rs.getTimestamp("created_at").getTime(),
                rs.getString("body"),
                rs.getString("language"),
                rs.getString("title"),
                rs.getBoolean("searchable"));
    }

    private static Document document(Change change) {
        Document doc = new Document();
        doc.add(new StringField("id", Long.toString(change.id()), Field.Store.YES));
        doc.add(new LongField("session", change.sessionId(), Field.Store.NO));
        if (change.authorId() != null) {
            doc.add(new LongField("author", change.authorId(), Field.Store.NO));
        }
        doc.add(new LongField("created", change.createdMillis(), Field.Store.NO));
        doc.add(new TextField(PostSearchQueries.WORDS, change.body(), Field.Store.NO));
        PostSearchQueries.stemField(change.language())
                .ifPresent(field -> doc.add(new TextField(field, change.body(), Field.Store.NO)));
        if (change.title() != null) {
            doc.add(new TextField(PostSearchQueries.TITLE, change.title(), Field.Store.NO));
            PostSearchQueries.stemField(change.language())
                    .ifPresent(field -> doc.add(new TextField(field, change.title(), Field.Store.NO)));
        }
        return doc;
    }

    private void commitNowAndThen() {
        catchingUp.lock();
        try {
            commitLocked();
        } finally {
            catchingUp.unlock();
        }
    }

    private void commitLocked() {
        if (changesSinceCommit == 0 || !running) {
            return;
        }
        try {
            writer.setLiveCommitData(Map.of(WATERMARK, Long.toString(watermark), DATABASE, databaseIdentity())
                    .entrySet());
            writer.commit();
            changesSinceCommit = 0;
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    /** Which database the index was made from: another one (a new embedded cluster, a restore) means rebuilding. */
    private String databaseIdentity() {
        if (database == null) {
            database = jdbc.sql("SELECT system_identifier::text FROM pg_control_system()")
                    .query(String.class)
                    .single();
        }
        return database;
    }

    private String database;

    @Override
    public void start() {
        try {
            Files.createDirectories(directory);
            IndexWriterConfig config = new IndexWriterConfig(PostSearchQueries.analyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(32);
            writer = new IndexWriter(FSDirectory.open(directory), config);
            Map<String, String> committed = new java.util.HashMap<>();
            writer.getLiveCommitData().forEach(entry -> committed.put(entry.getKey(), entry.getValue()));
            if (committed.containsKey(WATERMARK) && databaseIdentity().equals(committed.get(DATABASE))) {
                watermark = Long.parseLong(committed.get(WATERMARK));
            } else {
                writer.deleteAll();
                watermark = 0;
            }
            searchers = new SearcherManager(writer, null);
            running = true;
        } catch (IOException | RuntimeException unavailable) {
            // search still works, from the database
            log.warn(
                    "The search index could not be opened in {}; searching the database instead: {}",
                    directory,
                    unavailable.toString());
            return;
        }
        Thread.ofVirtual().name("search-index-catch-up").start(() -> {
            try {
                catchUp(System.nanoTime());
                ready = true;
                commitNowAndThen();
            } catch (RuntimeException notNow) {
                log.warn(
                        "The search index could not catch up yet; searching the database meanwhile: {}",
                        notNow.toString());
            }
        });
    }

    @Override
    public void stop() {
        catchingUp.lock();
        try {
            commitLocked();
            running = false;
            ready = false;
            try {
                if (searchers != null) {
                    searchers.close();
                }
                if (writer != null) {
                    writer.close();
                }
            } catch (IOException unwritable) {
                log.warn(
                        "The search index was not closed cleanly; it is rebuilt where needed: {}",
                        unwritable.toString());
            }
        } finally {
            catchingUp.unlock();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    boolean ready() {
        return ready;
    }

    /** Catches up now, waiting for a catch-up under way: the index is ready afterwards (for tests and tools). */
    void catchUpNow() {
        catchUp(System.nanoTime());
        ready = running;
    }
}
