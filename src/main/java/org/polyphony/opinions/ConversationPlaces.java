package org.polyphony.opinions;

import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.Role;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumManagement;
import org.polyphony.forums.ForumSessionId;
import org.polyphony.opinions.ConversationViews.ConversationSummary;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Finds a conversation with the forum session it belongs to, as the reader may see them: a conversation of a draft
 * edition is found only by organisers, like the edition itself.
 */
@Component
class ConversationPlaces {

    private final OpinionsManagement opinions;
    private final ForumManagement forums;
    private final AccountDirectory accounts;

    ConversationPlaces(OpinionsManagement opinions, ForumManagement forums, AccountDirectory accounts) {
        this.opinions = opinions;
        this.forums = forums;
        this.accounts = accounts;
    }

    /** A conversation in its place; {@code open} when votes and statements are taken. */
    record Place(Edition edition, Edition.ForumSession session, ConversationSummary conversation) {

        boolean open() {
            return !conversation.closed() && !edition.archived();
        }

        String path() {
            return "/conversations/" + conversation.id().value();
        }
    }

    record SessionPlace(Edition edition, Edition.ForumSession session) {}

    Place of(long conversationId) {
        ConversationSummary conversation =
                opinions.find(new ConversationId(conversationId)).orElseThrow(ConversationPlaces::notFound);
        Edition edition = forums.editionOfSession(new ForumSessionId(conversation.sessionId()), organiser())
                .orElseThrow(ConversationPlaces::notFound);
        Edition.ForumSession session = edition.sessionById(new ForumSessionId(conversation.sessionId()))
                .orElseThrow(ConversationPlaces::notFound);
        return new Place(edition, session, conversation);
    }

    SessionPlace session(String slug, String code) {
        Edition edition = forums.edition(slug, organiser()).orElseThrow(ConversationPlaces::notFound);
        return new SessionPlace(edition, edition.session(code).orElseThrow(ConversationPlaces::notFound));
    }

    boolean organiser() {
        return accounts.signedInAs(Role.ORGANISER);
    }

    boolean moderator() {
        return accounts.signedInAs(Role.MODERATOR);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
