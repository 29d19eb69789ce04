package org.polyphony.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.polyphony.accounts.AccountId;

/**
 * Notifications that another module keeps itself (the follow-up of recommendations, say): shown on the
 * notifications page after those about posts, counted in the navigation, marked read with them and listed in the
 * e-mail digest. Each module registers a bean of this type; notifications knows none of their tables.
 */
public interface NotificationSource {

    /** One notification, its text already in the reader's language; {@code href} is a local path. */
    record Item(String text, String href, Instant at, boolean unread) {}

    int unread(AccountId account);

    /** The latest notifications, newest first. */
    List<Item> latest(AccountId account, Locale locale, int limit);

    void markAllRead(AccountId account);

    /** What a digest lists: the notifications made after {@code since}, oldest first. */
    List<Item> since(AccountId account, Instant since, Locale locale);
}
