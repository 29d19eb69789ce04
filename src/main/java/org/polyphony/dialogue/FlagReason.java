package org.polyphony.dialogue;

/** Why a participant flags a post. PRIVACY: it exposes someone, e.g. names a person in an irregular situation. */
public enum FlagReason {
    SPAM,
    ABUSE,
    PRIVACY,
    OFF_TOPIC,
    OTHER
}
