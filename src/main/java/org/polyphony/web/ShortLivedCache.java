package org.polyphony.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps values that many pages read and that may be a few seconds old (an edition's agenda, a session's figures)
 * for a short time in this node's memory. Nothing in it must be shared between nodes: each node reloads after the
 * time to live, and a node that changes a value clears it at once.
 */
public final class ShortLivedCache {

    private static final int MAX_ENTRIES = 10_000;

    private final Duration timeToLive;
    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();

    public ShortLivedCache(Duration timeToLive) {
        this.timeToLive = timeToLive;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> load) {
        Instant now = Instant.now();
        Entry entry = entries.get(key);
        if (entry == null || entry.loaded().plus(timeToLive).isBefore(now)) {
            entry = new Entry(load.get(), now);
            if (entries.size() >= MAX_ENTRIES) {
                // bounded memory: starting afresh costs one reload per key, and keeps no stale entries around
                entries.clear();
            }
            entries.put(key, entry);
        }
        return (T) entry.value();
    }

    /** Drops the value kept under {@code key}, so that the next read loads it afresh. */
    public void forget(Object key) {
        entries.remove(key);
    }

    public void clear() {
        entries.clear();
    }

    private record Entry(Object value, Instant loaded) {}
}
