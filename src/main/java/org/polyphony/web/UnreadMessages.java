package org.polyphony.web;

/**
 * How many unread direct messages the signed-in person has, for the count in the navigation. Implemented by the
 * messaging module, so that the web layer needs none of its types; without it, the navigation shows no messages.
 */
public interface UnreadMessages {

    int unreadMessages();
}
