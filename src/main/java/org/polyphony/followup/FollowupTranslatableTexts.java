package org.polyphony.followup;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.polyphony.forums.ForumManagement;
import org.polyphony.translation.TranslatableTexts;
import org.springframework.stereotype.Component;

/**
 * Progress updates volunteers may translate, as they translate posts: those anyone reads, in editions open to
 * changes (not in preparation, not archived). The update is offered with its place on the commitment's page.
 */
@Component
class FollowupTranslatableTexts implements TranslatableTexts {

    private final ForumManagement forums;
    private final CommitmentStore commitments;
    private final RecommendationStore recommendations;

    FollowupTranslatableTexts(
            ForumManagement forums, CommitmentStore commitments, RecommendationStore recommendations) {
        this.forums = forums;
        this.commitments = commitments;
        this.recommendations = recommendations;
    }

    @Override
    public Collection<String> kinds() {
        return List.of(Progress.UPDATE_TEXT);
    }

    @Override
    public Map<Long, String> translatable(String kind, Collection<Long> ids) {
        Map<Long, String> found = new LinkedHashMap<>();
        if (!Progress.UPDATE_TEXT.equals(kind)) {
            return found;
        }
        Set<Long> open = forums.editions(false).stream()
                .filter(e -> !e.archived())
                .map(e -> e.id().value())
                .collect(Collectors.toSet());
        for (long id : ids) {
            commitments
                    .update(id)
                    .flatMap(u -> commitments.commitment(u.commitmentId()))
                    .filter(c -> recommendations
                            .find(c.recommendationId())
                            .filter(r -> open.contains(r.editionId()))
                            .isPresent())
                    .ifPresent(c -> found.put(id, "/followup/commitments/" + c.id() + "#update-" + id));
        }
        return found;
    }

    @Override
    public String kindLabel(String kind) {
        return "followup.translatable.update";
    }
}
