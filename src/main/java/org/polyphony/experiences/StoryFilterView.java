package org.polyphony.experiences;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The filters a reader chose, for the filter form and the links to other pages of results. */
public record StoryFilterView(
        String origin, String residence, String kind, String sector, String theme, String language, String year) {

    static StoryFilterView of(StoryStore.Filter filter) {
        return new StoryFilterView(
                filter.origin(),
                filter.residence(),
                filter.kind(),
                filter.sector(),
                filter.theme(),
                filter.language(),
                filter.year() == null ? "" : filter.year().toString());
    }

    public boolean any() {
        return origin != null
                || residence != null
                || kind != null
                || sector != null
                || theme != null
                || language != null
                || !year.isEmpty();
    }

    /** The address of another page of the same results. */
    public String query(String base, String session, int page) {
        List<String> parts = new ArrayList<>();
        add(parts, "origin", origin);
        add(parts, "residence", residence);
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
