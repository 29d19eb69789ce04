package org.polyphony.people;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.polyphony.accounts.AccountId;
import org.polyphony.dialogue.DialogueManagement;
import org.springframework.stereotype.Component;

/** Posts of the Online Dialogue in the feed. */
@Component
class DialogueFeed implements FeedSource {

    private final DialogueManagement dialogue;

    DialogueFeed(DialogueManagement dialogue) {
        this.dialogue = dialogue;
    }

    @Override
    public List<FeedItem> recentBy(
            Collection<AccountId> authors, Instant before, int limit, List<String> readerLanguages) {
        return dialogue.recentBy(authors, before, limit, readerLanguages).stream()
                .map(p -> new FeedItem(
                        "people.feed.kind.post",
                        p.author(),
                        p.threadTitle(),
                        p.excerpt(),
                        p.url(),
                        p.publishedAt(),
                        p.translatedFrom()))
                .toList();
    }
}
