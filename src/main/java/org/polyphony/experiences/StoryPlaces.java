package org.polyphony.experiences;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.Role;
import org.polyphony.experiences.StoryStore.StoredStory;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumManagement;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Finds editions and stories as the reader may see them, and says who may manage a story: its named author signed
 * in, or whoever holds an anonymous story's key (in this browser's cookie, or typed in).
 */
@Component
class StoryPlaces {

    private final ForumManagement forums;
    private final StoryStore stories;
    private final AccountDirectory accounts;

    StoryPlaces(ForumManagement forums, StoryStore stories, AccountDirectory accounts) {
        this.forums = forums;
        this.stories = stories;
        this.accounts = accounts;
    }

    Edition edition(String slug) {
        return forums.edition(slug, organiser()).orElseThrow(StoryPlaces::notFound);
    }

    Edition editionOf(StoredStory story) {
        return forums.editions(organiser()).stream()
                .filter(e -> e.id().value() == story.editionId())
                .findFirst()
                .orElseThrow(StoryPlaces::notFound);
    }

    StoredStory story(long id) {
        return stories.find(new StoryId(id)).orElseThrow(StoryPlaces::notFound);
    }

    /** A story the reader may read: published, or pending and theirs or a moderator's to see. */
    StoredStory readable(long id, HttpServletRequest request) {
        StoredStory story = story(id);
        if (story.status() != StoryStatus.PUBLISHED && !moderator() && !mayManage(story, request, null)) {
            throw notFound();
        }
        return story;
    }

    boolean mayManage(StoredStory story, HttpServletRequest request, String typedKey) {
        if (!story.anonymous()) {
            Optional<AccountId> reader = accounts.signedIn();
            return story.authorAccount() != null
                    && reader.isPresent()
                    && reader.get().value() == story.authorAccount();
        }
        return StoryKeys.opens(typedKey, story.editKeyHash())
                || StoryKeys.inBrowser(request, story.id())
                        .map(key -> StoryKeys.opens(key, story.editKeyHash()))
                        .orElse(false);
    }

    static Set<Long> sessionIds(Edition edition) {
        Set<Long> ids = new HashSet<>();
        edition.roundtables().forEach(r -> r.sessions().forEach(s -> ids.add(s.id().value())));
        return ids;
    }

    boolean moderator() {
        return accounts.signedInAs(Role.MODERATOR);
    }

    boolean organiser() {
        return accounts.signedInAs(Role.ORGANISER);
    }

    Optional<AccountId> signedIn() {
        return accounts.signedIn();
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
