package org.polyphony.followup;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the organiser chose and typed on a source's page: the items to keep, each one's title and theme, and the
 * addressees and frameworks shared by all of them. Kept as typed, so a refused form shows it again.
 */
public record SourcePick(
        Set<String> chosen,
        Map<String, String> titles,
        Map<String, String> themes,
        List<String> addressees,
        List<String> frameworks) {

    public String title(RecommendationSources.Item item) {
        return titles.getOrDefault(item.key(), item.suggestedTitle());
    }

    public String theme(RecommendationSources.Item item) {
        return themes.getOrDefault(item.key(), "");
    }

    static SourcePick none() {
        return new SourcePick(Set.of(), Map.of(), Map.of(), List.of(), List.of());
    }
}
