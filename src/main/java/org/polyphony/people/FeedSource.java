package org.polyphony.people;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.polyphony.accounts.AccountId;

/**
 * Something that people write and a personal feed can show: posts now; stories and opinion statements when their
 * modules implement this interface (as Spring beans; the people module finds them). A source shows only what
 * anyone may read, never what is hidden, deleted, waiting for a moderator or published without a name.
 */
public interface FeedSource {

    /**
     * What these authors published before {@code before}, newest first, at most {@code limit} items.
     *
     * @param readerLanguages the reader's languages, preferred first, for excerpts in translation
     */
    List<FeedItem> recentBy(Collection<AccountId> authors, Instant before, int limit, List<String> readerLanguages);

    /**
     * What this reader follows other than people and organisations (the sessions they follow, say), before
     * {@code before}, newest first, at most {@code limit} items. None by default.
     */
    default List<FeedItem> recentFor(AccountId reader, Instant before, int limit, List<String> readerLanguages) {
        return List.of();
    }
}
