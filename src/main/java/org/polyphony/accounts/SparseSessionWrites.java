package org.polyphony.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Primary;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * The session store as every request meets it, writing a session only when something in it changed. Spring
 * Session marks a session changed on every request, because the time of its last use moved, and so each page a
 * participant opened cost a committed UPDATE (a disk flush) before it was sent: the busiest write of the whole
 * platform, for a figure that matters only to the fortnight after which an unused session ends. Here that time
 * is written when it is a minute old or more; attributes, a new session id and a new session are written at once,
 * as before. A session thus ends at most a minute earlier than its fourteen days say.
 *
 * <p>Two more costs are saved. A page written straight to the response (the shared copies) commits it before the
 * session filter ends, and the filter then commits the session twice, looking the session up again by id after the
 * first: that second look is answered from what this request already holds ({@link RequestSessions}). And when
 * several requests of one session run at once on this node, only one of them writes the time of last use, rather
 * than all of them queueing on the same row at the same minute.
 */
@Component
@Primary
class SparseSessionWrites implements FindByIndexNameSessionRepository<SparseSessionWrites.TrackedSession> {

    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    private static final int LAST_USE_WRITES_KEPT = 10_000;

    private final FindByIndexNameSessionRepository<Session> store;

    /** When this node last wrote each session's time of last use (only the last minute's matter). */
    private final Map<String, Instant> lastUseWrites = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked") // the JDBC store's session type is not public; it takes back what it gave
    SparseSessionWrites(JdbcIndexedSessionRepository store) {
        this.store = (FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) store;
    }

    @Override
    public TrackedSession createSession() {
        return new TrackedSession(store.createSession(), true);
    }

    @Override
    public void save(TrackedSession session) {
        if (session.mustBeWritten() && (session.hasNewContent() || claimLastUseWrite(session))) {
            store.save(session.stored);
            session.written();
        }
        RequestSessions.remember(session);
    }

    @Override
    public TrackedSession findById(String id) {
        TrackedSession held = RequestSessions.held(id);
        if (held != null) {
            return held;
        }
        var found = store.findById(id);
        if (found == null) {
            return null;
        }
        TrackedSession tracked = new TrackedSession(found, false);
        RequestSessions.remember(tracked);
        return tracked;
    }

    @Override
    public void deleteById(String id) {
        RequestSessions.forget(id);
        lastUseWrites.remove(id);
        store.deleteById(id);
    }

    /**
     * Whether this request is the one to write its session's time of last use: true unless another request of the
     * same session wrote it on this node less than a minute ago.
     */
    private boolean claimLastUseWrite(TrackedSession session) {
        Instant now = session.getLastAccessedTime();
        if (lastUseWrites.size() > LAST_USE_WRITES_KEPT) {
            Instant minuteAgo = now.minus(LAST_USE_PRECISION);
            lastUseWrites.values().removeIf(written -> written.isBefore(minuteAgo));
        }
        Instant claimed = lastUseWrites.compute(
                session.getId(),
                (id, written) ->
                        written == null || Duration.between(written, now).compareTo(LAST_USE_PRECISION) >= 0
                                ? now
                                : written);
        return claimed == now;
    }

    @Override
    public Map<String, TrackedSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        return store.findByIndexNameAndIndexValue(indexName, indexValue).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new TrackedSession(e.getValue(), false)));
    }

    /** A stored session that remembers whether anything but the time of its last use changed. */
    static final class TrackedSession implements Session {

        private final Session stored;
        private boolean unsaved;
        private boolean changed;
        private Instant lastUseWritten;

        TrackedSession(Session stored, boolean unsaved) {
            this.stored = stored;
            this.unsaved = unsaved;
            this.lastUseWritten = stored.getLastAccessedTime();
        }

        boolean mustBeWritten() {
            return unsaved
                    || changed
                    || Duration.between(lastUseWritten, stored.getLastAccessedTime())
                                    .compareTo(LAST_USE_PRECISION)
                            >= 0;
        }

        /** Whether something besides the time of last use is to be written (a new session, attributes, id). */
        boolean hasNewContent() {
            return unsaved || changed;
        }

        void written() {
            unsaved = false;
            changed = false;
            lastUseWritten = stored.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            changed = true;
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            changed = true;
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            stored.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed = true;
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }

    /**
     * The sessions the current request loaded or saved, held from the first filter of the chain to its end and
     * nowhere else, so a later look-up of the same id in the same request needs no query and no request ever sees
     * another's.
     */
    static final class RequestSessions {

        private static final ThreadLocal<Map<String, TrackedSession>> HELD = new ThreadLocal<>();

        private RequestSessions() {}

        static void open() {
            HELD.set(new HashMap<>());
        }

        static void close() {
            HELD.remove();
        }

        static TrackedSession held(String id) {
            Map<String, TrackedSession> held = HELD.get();
            TrackedSession session = held == null ? null : held.get(id);
            // a session whose id changed in this request is no longer found by its old one
            return session != null && session.getId().equals(id) ? session : null;
        }

        static void remember(TrackedSession session) {
            Map<String, TrackedSession> held = HELD.get();
            if (held != null) {
                held.put(session.getId(), session);
            }
        }

        static void forget(String id) {
            Map<String, TrackedSession> held = HELD.get();
            if (held != null) {
                held.remove(id);
            }
        }
    }
}
