package org.polyphony.experiences;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The filters a reader chose, for the filter form and the links to other pages of results. */
public record StoryFilterView(
        String origin,
        String residence,
        String country,
        String kind,
        String sector,
        String theme,
        String language,
        String session,
        String year) {

    /** @param session the code of the session filtered by (the filter itself holds its id), or null */
    static StoryFilterView of(StoryStore.Filter filter, String session) {
        return new StoryFilterView(
                filter.origin(),
                filter.residence(),
                filter.country(),
                filter.kind(),
                filter.sector(),
                filter.theme(),
                filter.language(),
                filter.session() == null ? null : session,
                filter.year() == null ? null : filter.year().toString());
    }

    public boolean any() {
        return java.util.stream.Stream.of(origin, residence, country, kind, sector, theme, language, session, year)
                .anyMatch(java.util.Objects::nonNull);
    }

    /** The address of another page of the same results. */
    public String query(String base, int page) {
        List<String> parts = new ArrayList<>();
        add(parts, "origin", origin);
        add(parts, "residence", residence);
        add(parts, "country", country);
        add(parts, "kind", kind);
        add(parts, "sector", sector);
        add(parts, "theme", theme);
        add(parts, "lang", language);
        add(parts, "session", session);
        add(parts, "year", year);
        parts.add("page=" + page);
        return base + "?" + String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null && !value.isEmpty()) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
