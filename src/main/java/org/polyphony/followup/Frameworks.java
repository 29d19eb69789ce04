package org.polyphony.followup;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reference frameworks recommendations are tagged with: SDG targets, ILO conventions and the Migrant Workers
 * Convention (shared, named by message keys {@code followup.framework.<code>}) and the organiser's own (named by
 * their label).
 */
@Component
public class Frameworks {

    public record Framework(String code, String family, String label) {
        public boolean own() {
            return "OWN".equals(family);
        }
    }

    private final JdbcClient jdbc;

    Frameworks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Framework> all() {
        return jdbc.sql("SELECT code, family, label FROM followup_framework ORDER BY family = 'OWN', family, code")
                .query(Framework.class)
                .list();
    }

    Set<String> codes() {
        return all().stream().map(Framework::code).collect(Collectors.toSet());
    }

    /** Adds an organiser's own framework; false when the code is taken or malformed. */
    boolean addOwn(String code, String label) {
        if (code == null || !code.matches("[A-Za-z0-9.-]{1,40}") || label == null || label.isBlank()) {
            return false;
        }
        return jdbc.sql(
                                "INSERT INTO followup_framework (code, family, label) VALUES (:c, 'OWN', :l) ON CONFLICT DO NOTHING")
                        .param("c", code)
                        .param("l", label.strip())
                        .update()
                > 0;
    }
}
