package org.polyphony.people;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.springframework.stereotype.Service;

/**
 * A person's feed: the newest of what the people they follow, and the members of the organisations they follow,
 * wrote, from every {@link FeedSource}, newest first, a page at a time.
 */
@Service
class Feed {

    static final int PAGE = 30;

    private final List<FeedSource> sources;
    private final Follows follows;
    private final AccountDirectory accounts;

    Feed(List<FeedSource> sources, Follows follows, AccountDirectory accounts) {
        this.sources = sources;
        this.follows = follows;
        this.accounts = accounts;
    }

    /**
     * Whether the person has published anything that anyone may read, in any source: only such authors have a
     * profile page (with their name only) before they save one, so that the names of everyone else stay private.
     */
    boolean hasPublished(AccountId author) {
        Instant now = Instant.now();
        return sources.stream().anyMatch(source -> !source.recentBy(Set.of(author), now, 1, List.of())
                .isEmpty());
    }

    FeedPage of(AccountId reader, Instant before, List<String> readerLanguages) {
        Set<AccountId> authors = follows.authorsFor(reader);
        List<FeedItem> items = new ArrayList<>();
        for (FeedSource source : sources) {
            if (!authors.isEmpty()) {
                items.addAll(source.recentBy(authors, before, PAGE + 1, readerLanguages));
            }
            items.addAll(source.recentFor(reader, before, PAGE + 1, readerLanguages));
        }
        if (items.isEmpty()) {
            return new FeedPage(List.of(), null);
        }
        items.sort(Comparator.comparing(FeedItem::at).reversed());
        boolean more = items.size() > PAGE;
        List<FeedItem> shown = more ? items.subList(0, PAGE) : items;
        Map<AccountId, String> names =
                accounts.displayNames(shown.stream().map(FeedItem::author).toList());
        return new FeedPage(
                shown.stream()
                        .filter(i -> names.containsKey(i.author()))
                        .map(i -> new FeedPage.Entry(i, names.get(i.author())))
                        .toList(),
                more ? shown.getLast().at() : null);
    }
}
