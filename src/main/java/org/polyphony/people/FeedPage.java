package org.polyphony.people;

import java.time.Instant;
import java.util.List;

/** A page of a personal feed with the authors' names; {@code older} is where the next page starts, or null. */
public record FeedPage(List<Entry> entries, Instant older) {

    public record Entry(FeedItem item, String authorName) {}
}
