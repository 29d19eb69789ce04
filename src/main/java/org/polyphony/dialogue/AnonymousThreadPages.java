package org.polyphony.dialogue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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

    private final Duration timeToLive;
    private final long budgetBytes;
    private final Map<Long, Map<Object, Entry>> byThread = new ConcurrentHashMap<>();
    private final AtomicLong bytesKept = new AtomicLong();
    // how often each thread changed: a copy loaded while its thread changed is not kept
    private final Map<Long, Long> generations = new ConcurrentHashMap<>();
    private final AtomicLong clearings = new AtomicLong();
    // a session's list of threads is kept under the session's id negated; any thread's change outdates every list
    private final AtomicLong listChanges = new AtomicLong();
    private final java.util.Set<Long> listsKept = ConcurrentHashMap.newKeySet();

    AnonymousThreadPages(
            @Value("${polyphony.anonymous-page-cache:PT10M}") Duration timeToLive,
            @Value("${polyphony.anonymous-page-cache-megabytes:100}") long budgetMegabytes) {
        this.timeToLive = timeToLive;
        this.budgetBytes = budgetMegabytes * 1024 * 1024;
    }

    private record Entry(Object page, int size, long loadedAt) {}

    /** The copy of a page of the thread kept under {@code key}, loaded and kept if there is none. */
    byte[] get(long threadId, Object key, Supplier<byte[]> load) {
        return get(threadId, key, load, page -> page.length);
    }

    /** The copy of a page of a session's list of threads kept under {@code key}, loaded and kept if there is none. */
    <T> T list(long sessionId, Object key, Supplier<T> load, java.util.function.ToIntFunction<T> size) {
        listsKept.add(-sessionId);
        return get(-sessionId, key, load, size);
    }

    /** The same for any form of copy, whose size in bytes {@code size} tells. */
    @SuppressWarnings("unchecked") // a key is always used with the same form of copy
    <T> T get(long threadId, Object key, Supplier<T> load, java.util.function.ToIntFunction<T> size) {
        if (timeToLive.isZero()) {
            return load.get();
        }
        long now = System.nanoTime();
        Entry entry = byThread.getOrDefault(threadId, Map.of()).get(key);
        if (entry == null || now - entry.loadedAt() > timeToLive.toNanos()) {
            long generation = generationOf(threadId);
            long cleared = clearings.get();
            T loaded = load.get();
            entry = new Entry(loaded, size.applyAsInt(loaded), now);
            if (generation != generationOf(threadId) || cleared != clearings.get()) {
                return loaded;
            }
            Map<Object, Entry> pages = byThread.computeIfAbsent(threadId, id -> new ConcurrentHashMap<>());
            Entry replaced = pages.put(key, entry);
            long kept = bytesKept.addAndGet(entry.size() - (replaced == null ? 0 : replaced.size()));
            if (generation != generationOf(threadId) || cleared != clearings.get()) {
                // the thread changed between the check above and the put: the copy may predate the change
                pages.remove(key, entry);
                return loaded;
            }
            if (kept > budgetBytes) {
                // over budget: start afresh; each page then costs one rendering, and nothing stale stays around
                clear();
            }
        }
        return (T) entry.page();
    }

    void threadChanged(long threadId) {
        generations.merge(threadId, 1L, Long::sum);
        listChanges.incrementAndGet();
        drop(threadId);
        listsKept.forEach(this::drop);
    }

    private long generationOf(long id) {
        return id < 0 ? listChanges.get() : generations.getOrDefault(id, 0L);
    }

    private void drop(long id) {
        Map<Object, Entry> dropped = byThread.remove(id);
        if (dropped != null) {
            dropped.values().forEach(entry -> bytesKept.addAndGet(-entry.size()));
        }
    }

    void clear() {
        clearings.incrementAndGet();
        byThread.clear();
        bytesKept.set(0);
    }
}
