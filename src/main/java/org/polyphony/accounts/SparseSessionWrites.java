package org.polyphony.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
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
 */
@Component
@Primary
class SparseSessionWrites implements FindByIndexNameSessionRepository<SparseSessionWrites.TrackedSession> {

    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    private final FindByIndexNameSessionRepository<Session> store;

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
        if (session.mustBeWritten()) {
            store.save(session.stored);
            session.written();
        }
    }

    @Override
    public TrackedSession findById(String id) {
        var found = store.findById(id);
        return found == null ? null : new TrackedSession(found, false);
    }

    @Override
    public void deleteById(String id) {
        store.deleteById(id);
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
}
