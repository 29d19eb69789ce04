package org.polyphony.dialogue;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polyphony.translation.TranslatableTexts;
import org.springframework.stereotype.Component;

/** Posts and thread titles volunteers may translate: those anyone reads, in editions open to changes. */
@Component
class DialogueTranslatableTexts implements TranslatableTexts {

    private final DialogueManagement dialogue;

    DialogueTranslatableTexts(DialogueManagement dialogue) {
        this.dialogue = dialogue;
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
                        .ifPresent(post -> found.put(id, DialogueManagement.PostRef.of(post).url()));
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
