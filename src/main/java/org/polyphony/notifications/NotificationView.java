package org.polyphony.notifications;

import java.time.Instant;

/**
 * A notification as its reader sees it.
 *
 * @param link where it leads: the post, or the page of what it is about (an organisation's partnerships)
 */
public record NotificationView(
        long id,
        String kind,
        long postId,
        String threadTitle,
        String actor,
        Instant createdAt,
        boolean unread,
        String link) {}
