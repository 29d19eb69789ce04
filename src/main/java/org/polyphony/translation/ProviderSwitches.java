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

    // read for every text written (which languages can it go to?): kept a few seconds, as other nodes may switch
    private static final long KEPT_NANOS = 5_000_000_000L;

    private final JdbcClient jdbc;
    private volatile Map<String, Boolean> choices;
    private volatile long readAt;

    ProviderSwitches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean enabled(TranslationProvider provider) {
        return choices().getOrDefault(provider.name(), provider.enabledByDefault());
    }

    Map<String, Boolean> choices() {
        Map<String, Boolean> kept = choices;
        if (kept == null || System.nanoTime() - readAt > KEPT_NANOS) {
            kept = read();
            choices = kept;
            readAt = System.nanoTime();
        }
        return kept;
    }

    private Map<String, Boolean> read() {
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
        choices = null;
    }
}
