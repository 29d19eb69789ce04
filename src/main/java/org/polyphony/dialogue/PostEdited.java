package org.polyphony.dialogue;

/** Published when the author of a post has changed its text (whether or not it waits for approval again). */
public record PostEdited(PostId post, ThreadId thread) {}
