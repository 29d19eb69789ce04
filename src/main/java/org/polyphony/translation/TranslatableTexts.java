package org.polyphony.translation;

import java.util.Collection;
import java.util.Map;

/**
 * Implemented by a module whose texts volunteers may translate: it alone knows which of its texts anyone may read
 * now (published, not hidden, not deleted, in an edition open to changes) and where readers see them. The
 * translation module offers a text to volunteers only when its owner says so; a kind nobody implements is never
 * offered. Owners answer with what any reader sees, never who wrote it (an anonymous story stays anonymous).
 */
public interface TranslatableTexts {

    /** The kinds of {@link TextRef} this module owns ("post", "title"). */
    Collection<String> kinds();

    /**
     * Of these ids of a kind, those anyone may read and a volunteer may translate now, each with the address of the
     * page that shows it to readers.
     */
    Map<Long, String> translatable(String kind, Collection<Long> ids);

    /**
     * Whether readers of {@code target} still need a translation of this text: false when its owner already has a
     * version in that language (organisers who wrote a session's background in Arabic themselves).
     */
    default boolean wanted(String kind, long id, String target) {
        return true;
    }

    /** The message key naming a kind for volunteers ("a post", "a thread title"). */
    String kindLabel(String kind);
}
