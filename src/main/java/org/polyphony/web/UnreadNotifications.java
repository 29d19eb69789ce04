package org.polyphony.web;

/**
 * How many unread notifications the signed-in person has, for the count in the navigation, and what they follow,
 * for the follow buttons. Implemented by the
 * notifications module, so that the web layer needs none of its types.
 */
public interface UnreadNotifications {

    int unread();

    /** Whether the signed-in person follows a thread or session ({@code type} "THREAD" or "SESSION"). */
    boolean follows(String type, long id);
}
