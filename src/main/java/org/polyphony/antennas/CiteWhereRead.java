package org.polyphony.antennas;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.dialogue.PostActions;
import org.polyphony.dialogue.ThreadId;
import org.polyphony.experiences.StoryActions;
import org.polyphony.experiences.StoryId;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * "Cite in my report" where the material is: on the posts of a hub's thread for that hub's rapporteurs, and on a
 * published story for the rapporteurs of a hub of the story's edition. Each leads, as a plain GET form, to the page
 * where the rapporteur chooses the report and key point ({@link CiteController}); nobody else sees the action.
 */
@Component
class CiteWhereRead implements PostActions, StoryActions {

    static final String PATH = "/antennas/cite";

    private static final int THREADS_REMEMBERED = 200_000;

    private final HubStore hubs;
    private final AccountDirectory accounts;
    private final MessageSource messages;

    /**
     * The hub of each thread read on this node, or none. A thread is linked to its hub in the transaction that starts
     * it and never unlinked, and this is asked only once the thread's page was found, so the answer never changes:
     * keeping it spares every signed-in page view a query.
     */
    private final Map<Long, Optional<Long>> hubOfThread = new ConcurrentHashMap<>();

    CiteWhereRead(HubStore hubs, AccountDirectory accounts, MessageSource messages) {
        this.hubs = hubs;
        this.accounts = accounts;
        this.messages = messages;
    }

    @Override
    public List<PostActions.Action> forThread(ThreadId thread, AccountId reader, Locale locale) {
        if (hubOfThread.size() > THREADS_REMEMBERED) {
            hubOfThread.clear();
        }
        boolean rapporteur = hubOfThread
                .computeIfAbsent(thread.value(), hubs::hubOfThread)
                .filter(hub -> hubs.rolesOf(hub, reader.value()).contains(HubRole.RAPPORTEUR))
                .isPresent();
        return rapporteur ? List.of(new PostActions.Action(label(locale), PATH, Map.of())) : List.of();
    }

    @Override
    public List<StoryActions.Action> forStory(StoryId story, long editionId, Locale locale) {
        boolean rapporteur = accounts.signedIn()
                .map(me -> hubs.all(hubs.hubsWhere(me.value(), HubRole.RAPPORTEUR)).stream()
                        .anyMatch(hub -> hub.editionId() == editionId))
                .orElse(false);
        return rapporteur
                ? List.of(new StoryActions.Action(label(locale), PATH, Map.of("story", String.valueOf(story.value()))))
                : List.of();
    }

    private String label(Locale locale) {
        return messages.getMessage("antennas.cite.action", null, locale);
    }
}
