package org.polyphony.dialogue;

import jakarta.validation.constraints.Size;

/** A moderator's reason for an action, kept in the audit log. */
public record ModerationForm(@Size(max = 500, message = "{moderation.reason.length}") String reason) {}
