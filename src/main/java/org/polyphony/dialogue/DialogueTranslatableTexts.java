package org.polyphony.dialogue;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polyphony.translation.TranslatableTexts;
import org.springframework.stereotype.Component;

/**
 * Posts and thread titles volunteers may translate: those anyone reads, in editions open to changes, and posts
 * waiting for approval that a moderator asked people to translate.
 */
@Component
class DialogueTranslatableTexts implements TranslatableTexts {

    private final DialogueManagement dialogue;
    private final DialogueRepository posts;
    private final ModerationTranslations moderation;

    DialogueTranslatableTexts(
            DialogueManagement dialogue, DialogueRepository posts, ModerationTranslations moderation) {
        this.dialogue = dialogue;
        this.posts = posts;
        this.moderation = moderation;
    }

    @Override
    public Collection<String> kinds() {
        return List.of(ContributionLanguages.POST, ContributionLanguages.TITLE);
    }

    @Override
    public Map<Long, String> translatable(String kind, Collection<Long> ids) {
        Map<Long, String> found = new LinkedHashMap<>();
        for (long id : ids) {
            if (ContributionLanguages.POST.equals(kind)) {
                dialogue.readable(new PostId(id))
                        .ifPresentOrElse(
                                post -> found.put(
                                        id, DialogueManagement.PostRef.of(post).url()),
                                // waiting for approval, and a moderator asked people for it: back to the queue
                                () -> posts.post(new PostId(id))
                                        .filter(moderation::askedWhileAwaiting)
                                        .ifPresent(post -> found.put(id, "/moderation#post-" + id)));
            } else if (ContributionLanguages.TITLE.equals(kind)) {
                dialogue.readableThread(new ThreadId(id)).ifPresent(thread -> found.put(id, "/threads/" + id));
            }
        }
        return found;
    }

    @Override
    public String kindLabel(String kind) {
        return ContributionLanguages.POST.equals(kind) ? "volunteers.kind.post" : "volunteers.kind.title";
    }
}
