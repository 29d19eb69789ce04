package org.polyphony.notifications;

import java.time.Instant;

/** A notification as its reader sees it. */
public record NotificationView(
        long id, String kind, long postId, String threadTitle, String actor, Instant createdAt, boolean unread) {}
