package org.polyphony.experiences;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The themes stories of a forum edition can carry. An edition starts with the concept note's themes (the shared
 * vocabulary {@link org.polyphony.languages.Themes}, named in the message bundles as {@code theme.<code>}); its organisers may drop some and add their own, named as they write them.
 */
@Component
class StoryThemes {

    static final List<String> DEFAULTS = org.polyphony.languages.Themes.codes();

    /** A theme: its code, and the organisers' own name for it (null: the bundles name it). */
    record Theme(String code, String label) {

        boolean own() {
            return label != null;
        }
    }

    private final JdbcClient jdbc;

    StoryThemes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Theme> of(long edition) {
        List<Theme> stored = jdbc.sql(
                        "SELECT code, label FROM experiences_theme WHERE edition_id = :e ORDER BY position, code")
                .param("e", edition)
                .query((rs, n) -> new Theme(rs.getString(1), rs.getString(2)))
                .list();
        return stored.isEmpty()
                ? DEFAULTS.stream().map(code -> new Theme(code, null)).toList()
                : stored;
    }

    boolean isTheme(long edition, String code) {
        return of(edition).stream().anyMatch(theme -> theme.code().equals(code));
    }

    /** Replaces an edition's list: the default themes kept, then the organisers' own, one per line. */
    void replace(long edition, List<String> keptDefaults, List<String> ownNames) {
        List<Theme> themes = new ArrayList<>();
        DEFAULTS.stream().filter(keptDefaults::contains).forEach(code -> themes.add(new Theme(code, null)));
        for (String name : ownNames) {
            Theme own = new Theme(ownCode(name), name);
            if (themes.stream().noneMatch(t -> t.code().equals(own.code()))) {
                themes.add(own);
            }
        }
        jdbc.sql("DELETE FROM experiences_theme WHERE edition_id = :e")
                .param("e", edition)
                .update();
        for (int i = 0; i < themes.size(); i++) {
            jdbc.sql("INSERT INTO experiences_theme (edition_id, code, label, position) VALUES (:e, :c, :l, :p)")
                    .param("e", edition)
                    .param("c", themes.get(i).code())
                    .param("l", themes.get(i).label())
                    .param("p", i)
                    .update();
        }
    }

    /** An own theme's code follows from its name (any script), so stories keep it while the name stays. */
    static String ownCode(String name) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(name.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "own-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
