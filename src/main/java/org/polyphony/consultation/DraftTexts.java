package org.polyphony.consultation;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.polyphony.consultation.ConsultationStore.Version;
import org.polyphony.translation.TranslationReady;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A version's paragraphs as the draft page writes them ({@link ReadyDraft}: rendered, in the readers' languages or as
 * written), kept per version, reader languages and originals-or-not: looking up the translations of a long draft's
 * paragraphs and writing them was most of the draft page's time. Counts of comments are not kept here; the page
 * loads them fresh, in one query.
 *
 * <p>A version's paragraphs never change; what a reader sees of them changes when a translation reaches one of them:
 * a machine's, one an organiser reviewed on the paragraph's page, or a volunteer's (in the translation module's
 * queue). The translation module announces each with {@link TranslationReady}; the listener below moves the
 * version's {@code textsChangedAt}, which is part of the key, so every node (each reads the version row for every
 * page) reloads at once. Entries also expire after ten minutes, in case a translation changes some other way.
 * Bounded: the least recently read go first.
 */
@Component
class DraftTexts {

    private static final int MAX_ENTRIES = 100;
    private static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

    private record Key(long version, Instant textsChangedAt, List<String> readerLanguages, boolean originals) {}

    private record Kept(ReadyDraft draft, Instant loaded) {}

    private final ConsultationStore store;

    private final Map<Key, Kept> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    DraftTexts(ConsultationStore store) {
        this.store = store;
    }

    ReadyDraft draft(Version version, List<String> readerLanguages, boolean originals, Supplier<ReadyDraft> load) {
        Key key = new Key(version.id(), version.textsChangedAt(), List.copyOf(readerLanguages), originals);
        Instant now = Instant.now();
        synchronized (entries) {
            Kept entry = entries.get(key);
            if (entry != null && entry.loaded().plus(TIME_TO_LIVE).isAfter(now)) {
                return entry.draft();
            }
        }
        // loaded outside the lock: two readers of a cold version may both load it, which is harmless
        ReadyDraft loaded = load.get();
        synchronized (entries) {
            entries.put(key, new Kept(loaded, now));
        }
        return loaded;
    }

    /**
     * Published on the node that made the translation (the worker's, or the one a person's translation was posted to),
     * in the transaction that keeps a person's; the stamp it moves is seen by all nodes.
     */
    @EventListener
    void translationReady(TranslationReady ready) {
        if (ConsultationManagement.PARAGRAPH.equals(ready.text().kind())) {
            store.paragraphTextsChanged(ready.text().id());
        }
    }
}
