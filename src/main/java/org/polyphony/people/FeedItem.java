package org.polyphony.people;

import java.time.Instant;
import org.polyphony.accounts.AccountId;

/**
 * One entry of a personal feed.
 *
 * @param kind what it is, as a message key ({@code people.feed.kind.post})
 * @param title the title of the thread, story or conversation it belongs to
 * @param excerpt a short plain-text excerpt
 * @param url where to read it
 * @param translatedFrom the language the excerpt was translated from, or null when shown as written
 */
public record FeedItem(
        String kind, AccountId author, String title, String excerpt, String url, Instant at, String translatedFrom) {}
