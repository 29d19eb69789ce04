package org.polyphony.dialogue;

/** Published when a post (an opening post or a reply) has been saved. */
public record PostPublished(PostId post, ThreadId thread, long sessionId) {}
