package org.polyphony.experiences;

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
 * Stories volunteers may translate, like posts: published ones, in published editions that are not archived. A
 * volunteer gets the story's page, which shows nothing of an anonymous author that any reader does not see.
 */
@Component
class StoryTranslatableTexts implements TranslatableTexts {

    private final StoryStore stories;
    private final ForumManagement forums;

    StoryTranslatableTexts(StoryStore stories, ForumManagement forums) {
        this.stories = stories;
        this.forums = forums;
    }

    @Override
    public Collection<String> kinds() {
        return List.of(ExperiencesManagement.TITLE, ExperiencesManagement.BODY);
    }

    @Override
    public Map<Long, String> translatable(String kind, Collection<Long> ids) {
        Set<Long> openEditions = forums.editions(false).stream()
                .filter(edition -> !edition.archived())
                .map(edition -> edition.id().value())
                .collect(Collectors.toSet());
        Map<Long, String> found = new LinkedHashMap<>();
        for (long id : ids) {
            stories.find(new StoryId(id))
                    .filter(story -> story.status() == StoryStatus.PUBLISHED)
                    .filter(story -> openEditions.contains(story.editionId()))
                    .ifPresent(story -> found.put(id, "/stories/" + id));
        }
        return found;
    }

    @Override
    public String kindLabel(String kind) {
        return ExperiencesManagement.TITLE.equals(kind) ? "volunteers.kind.storyTitle" : "volunteers.kind.story";
    }
}
