package org.polyphony.people;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.polyphony.languages.Countries;
import org.polyphony.languages.ReadingLanguages;
import org.polyphony.languages.Regions;
import org.polyphony.languages.Themes;

/**
 * A directory search as typed in the address: what to list and the filters. Unknown filter values are dropped, not
 * refused: a filter link that no longer fits still lists something sensible.
 */
public record DirectoryQuery(
        boolean people, String type, String region, String country, String theme, String language, String q, int page) {

    public static DirectoryQuery of(
            String kind,
            String type,
            String region,
            String country,
            String theme,
            String language,
            String q,
            Integer page) {
        return new DirectoryQuery(
                "people".equals(kind),
                OrganisationType.parse(type).map(Enum::name).orElse(""),
                Regions.isKnown(region) ? region : "",
                Countries.normalise(country).orElse(""),
                Themes.isKnown(theme) ? theme : "",
                language != null && ReadingLanguages.isKnown(language) ? language : "",
                q == null ? "" : q.strip().substring(0, Math.min(q.strip().length(), 200)),
                page == null || page < 1 ? 1 : Math.min(page, 1000));
    }

    /** The address of this search on another page. */
    public String pageLink(int other) {
        StringBuilder link = new StringBuilder("/people/directory?kind=" + (people ? "people" : "organisations"));
        append(link, "type", type);
        append(link, "region", region);
        append(link, "country", country);
        append(link, "theme", theme);
        append(link, "language", language);
        append(link, "q", q);
        if (other > 1) {
            link.append("&page=").append(other);
        }
        return link.toString();
    }

    public boolean filtered() {
        return !(type.isEmpty()
                && region.isEmpty()
                && country.isEmpty()
                && theme.isEmpty()
                && language.isEmpty()
                && q.isEmpty());
    }

    private static void append(StringBuilder link, String name, String value) {
        if (!value.isEmpty()) {
            link.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    String likePattern() {
        return "%"
                + q.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
    }
}
