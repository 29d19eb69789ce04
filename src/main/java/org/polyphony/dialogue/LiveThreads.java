package org.polyphony.dialogue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates of open threads across application nodes. A new post is announced with PostgreSQL {@code NOTIFY}
 * once its transaction has committed; every node {@code LISTEN}s and passes the news to the readers connected to
 * it by server-sent events. Readers hold no server thread; a node keeps only its own readers' connections.
 */
@Component
class LiveThreads implements SmartLifecycle {

    static final String CHANNEL = "dialogue_posts";
    /** Announced by database triggers (V16) whenever what a thread page shows changes. */
    static final String CHANGES = "dialogue_changes";

    private static final Logger log = LoggerFactory.getLogger(LiveThreads.class);
    private static final long READER_TIMEOUT_MS = 10 * 60 * 1000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Map<Long, Set<SseEmitter>> readers = new ConcurrentHashMap<>();
    // made anew at every start: a context can be stopped and started again (Spring's test contexts pause)
    private volatile java.util.concurrent.ExecutorService senders;
    private volatile boolean running;
    private Thread listener;

    private final AnonymousThreadPages anonymousPages;

    LiveThreads(DataSource dataSource, JdbcClient jdbc, AnonymousThreadPages anonymousPages) {
        this.anonymousPages = anonymousPages;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Announces a post to every node, after the transaction that saved it has committed. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void announce(PostPublished published) {
        jdbc.sql("SELECT 1 FROM pg_notify(:channel, :payload)")
                .param("channel", CHANNEL)
                .param(
                        "payload",
                        published.thread().value() + ":" + published.post().value())
                .query(Integer.class)
                .single();
    }

    /**
     * Announces that a post's translation is ready, so that readers who see "translation in progress" get it. The
     * worker that made it may run on any node; the announcement reaches every node.
     */
    @org.springframework.context.event.EventListener
    void translationReady(org.polyphony.translation.TranslationReady ready) {
        if (!ContributionLanguages.POST.equals(ready.text().kind())) {
            return;
        }
        jdbc.sql("SELECT thread_id FROM dialogue_post WHERE id = :id")
                .param("id", ready.text().id())
                .query(Long.class)
                .optional()
                .ifPresent(thread -> jdbc.sql("SELECT 1 FROM pg_notify(:channel, :payload)")
                        .param("channel", CHANNEL)
                        .param("payload", thread + ":" + ready.text().id() + ":translated")
                        .query(Integer.class)
                        .single());
    }

    /** Connects a reader to a thread's updates. */
    SseEmitter follow(ThreadId thread) {
        SseEmitter emitter = new SseEmitter(READER_TIMEOUT_MS);
        Set<SseEmitter> set = readers.computeIfAbsent(thread.value(), id -> new CopyOnWriteArraySet<>());
        set.add(emitter);
        Runnable remove = () -> set.remove(emitter);
        emitter.onCompletion(remove);
        // ends the stream as the protocol expects (the browser reconnects with Last-Event-ID); left open, the
        // timeout becomes an error whose HTML page would be written into the text/event-stream
        emitter.onTimeout(() -> {
            remove.run();
            emitter.complete();
        });
        emitter.onError(e -> remove.run());
        return emitter;
    }

    int readersOf(ThreadId thread) {
        return readers.getOrDefault(thread.value(), Set.of()).size();
    }

    private void deliver(String payload) {
        String[] parts = payload.split(":");
        if (parts.length < 2) {
            return;
        }
        // "thread:post" announces a new post; "thread:post:translated" a translation that has arrived
        String event = parts.length == 3 ? parts[2] : "post";
        long thread = Long.parseLong(parts[0]);
        for (SseEmitter emitter : readers.getOrDefault(thread, Set.of())) {
            // each reader on its own virtual thread: one stalled connection must not hold up the others
            senders.execute(() -> {
                try {
                    var message = SseEmitter.event().name(event).data(parts[1]);
                    // only new posts carry an id: a reader who reconnects asks for the posts after it
                    emitter.send("post".equals(event) ? message.id(parts[1]) : message);
                } catch (IOException | IllegalStateException gone) {
                    readers.getOrDefault(thread, Set.of()).remove(emitter);
                }
            });
        }
    }

    private void threadChanged(String threadId) {
        if (SharedCopiesOutdated.ALL.equals(threadId)) {
            anonymousPages.clear();
        } else if (threadId.matches("\\d{1,18}")) {
            anonymousPages.threadChanged(Long.parseLong(threadId));
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    statement.execute("LISTEN " + CHANGES);
                }
                // announcements made while this node was not listening are lost: start from fresh copies
                anonymousPages.clear();
                PGConnection pg = connection.unwrap(PGConnection.class);
                long lastCheck = System.nanoTime();
                while (running) {
                    if (System.nanoTime() - lastCheck > 30_000_000_000L) {
                        // a half-open connection (a firewall dropping idle sessions) raises no error by itself
                        try (Statement ping = connection.createStatement()) {
                            ping.execute("SELECT 1");
                        }
                        lastCheck = System.nanoTime();
                    }
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            if (CHANGES.equals(notification.getName())) {
                                threadChanged(notification.getParameter());
                            } else {
                                deliver(notification.getParameter());
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Live updates lost their database connection; reconnecting: {}", e.toString());
                    sleepQuietly();
                }
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        senders = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        running = true;
        listener = Thread.ofPlatform().daemon().name("dialogue-live-updates").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        readers.values().forEach(set -> set.forEach(SseEmitter::complete));
        readers.clear();
        senders.shutdown();
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
