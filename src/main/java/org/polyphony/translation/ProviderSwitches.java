package org.polyphony.translation;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which providers may be called. A provider that keeps text on this machine is on unless an administrator switched
 * it off; one that sends text elsewhere is off until an administrator switches it on.
 */
@Component
class ProviderSwitches {

    private final JdbcClient jdbc;

    ProviderSwitches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean enabled(TranslationProvider provider) {
        return choices().getOrDefault(provider.name(), provider.keepsTextOnServer());
    }

    Map<String, Boolean> choices() {
        return jdbc
                .sql("SELECT provider, enabled FROM translation_provider_switch")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void set(String provider, boolean enabled, long administrator) {
        jdbc.sql(
                        """
                        INSERT INTO translation_provider_switch (provider, enabled, changed_by) VALUES (:p, :e, :a)
                        ON CONFLICT (provider) DO UPDATE SET enabled = :e, changed_by = :a, changed_at = now()
                        """)
                .param("p", provider)
                .param("e", enabled)
                .param("a", administrator)
                .update();
    }
}
