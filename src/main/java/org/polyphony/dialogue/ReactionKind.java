package org.polyphony.dialogue;

/** The reactions a reader can give a post, at most one of each per person. */
public enum ReactionKind {
    AGREE,
    USEFUL,
    QUESTION
}
