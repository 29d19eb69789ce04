package org.polyphony.experiences;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.PersonalDataSource;
import org.springframework.stereotype.Component;

/**
 * The stories a person published with their name, for their data download. Anonymous stories cannot be listed:
 * nothing links them to the account.
 */
@Component
class ExperiencesPersonalData implements PersonalDataSource {

    private final StoryStore stories;

    ExperiencesPersonalData(StoryStore stories) {
        this.stories = stories;
    }

    @Override
    public String section() {
        return "stories";
    }

    @Override
    public Object dataOf(AccountId account) {
        List<Map<String, Object>> named = stories.ofAuthor(account.value()).stream()
                .map(story -> {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("id", story.id().value());
                    one.put("title", story.title());
                    one.put("text", story.body());
                    one.put("status", story.status().name().toLowerCase(java.util.Locale.ROOT));
                    one.put("facts", story.facts());
                    one.put("writtenOn", story.writtenOn().toString());
                    return one;
                })
                .toList();
        return named.isEmpty() ? null : named;
    }
}
