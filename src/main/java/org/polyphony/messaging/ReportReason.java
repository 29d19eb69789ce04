package org.polyphony.messaging;

/** Why a participant reports a conversation. PRIVACY: the other person exposes them or someone else. */
public enum ReportReason {
    SPAM,
    HARASSMENT,
    THREAT,
    PRIVACY,
    OTHER
}
