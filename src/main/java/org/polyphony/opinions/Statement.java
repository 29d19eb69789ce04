package org.polyphony.opinions;

import java.util.Objects;

/**
 * A statement participants vote on.
 *
 * @param id the conversation's id of it (Pol.is {@code comment-id})
 * @param text what it says, as written
 */
public record Statement(int id, String text, Moderation moderation) {

    public Statement {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(moderation, "moderation");
    }
}
