package org.polyphony.dialogue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What anonymous readers of a thread page see, kept in this node's memory: they all see the same page for the same
 * languages, and the thread page is the busiest there is. A copy lives until the thread changes — every change is
 * announced by the database on {@code dialogue_changes} (see V16), and so are renamed authors and agenda changes
 * ({@link SharedCopiesOutdated}); every node drops its copies — and at most ten minutes, a bound for what no
 * announcement covers (the thread's figures, computed every half minute).
 */
@Component
class AnonymousThreadPages {

    // gzipped thread pages are a few kilobytes: at most some tens of megabytes per node
    private static final int MAX_ENTRIES = 10_000;

    private final Duration timeToLive;
    private final Map<Long, Map<Object, Entry>> byThread = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    // how often each thread changed: a copy loaded while its thread changed is not kept
    private final Map<Long, Long> generations = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong clearings = new java.util.concurrent.atomic.AtomicLong();

    AnonymousThreadPages(@Value("${polyphony.anonymous-page-cache:PT10M}") Duration timeToLive) {
        this.timeToLive = timeToLive;
    }

    private record Entry(Object value, long loadedAt) {}

    @SuppressWarnings("unchecked")
    <T> T get(long threadId, Object key, Supplier<T> load) {
        if (timeToLive.isZero()) {
            return load.get();
        }
        long now = System.nanoTime();
        Map<Object, Entry> pages = byThread.computeIfAbsent(threadId, id -> new ConcurrentHashMap<>());
        Entry entry = pages.get(key);
        if (entry == null || now - entry.loadedAt() > timeToLive.toNanos()) {
            long generation = generations.getOrDefault(threadId, 0L);
            long cleared = clearings.get();
            entry = new Entry(load.get(), now);
            if (generation != generations.getOrDefault(threadId, 0L) || cleared != clearings.get()) {
                return (T) entry.value();
            }
            if (size.incrementAndGet() > MAX_ENTRIES) {
                clear();
            }
            byThread.computeIfAbsent(threadId, id -> new ConcurrentHashMap<>()).put(key, entry);
        }
        return (T) entry.value();
    }

    void threadChanged(long threadId) {
        generations.merge(threadId, 1L, Long::sum);
        Map<Object, Entry> dropped = byThread.remove(threadId);
        if (dropped != null) {
            size.addAndGet(-dropped.size());
        }
    }

    void clear() {
        clearings.incrementAndGet();
        byThread.clear();
        size.set(0);
    }
}
