package org.polyphony.opinions.analysis;

import java.util.Objects;

/**
 * A statement participants vote on.
 *
 * @param id the conversation's id of it (Pol.is {@code comment-id})
 * @param text what it says, as written
 * @param meta a statement about the participant rather than an opinion ("I have lived here all my life", "I am
 *     between 15 and 19 years old"); Pol.is's {@code is-meta}. Votes on it are kept and counted, but, like votes on
 *     rejected statements, they do not place anyone on the map: opinion groups should not form around who people
 *     are.
 */
public record Statement(int id, String text, Moderation moderation, boolean meta) {

    public Statement {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(moderation, "moderation");
    }

    /** A statement of opinion (not meta). */
    public Statement(int id, String text, Moderation moderation) {
        this(id, text, moderation, false);
    }

    /** Whether votes on it place participants on the map: neither rejected nor meta. */
    boolean shapesTheMap() {
        return moderation != Moderation.REJECTED && !meta;
    }
}
