package org.polyphony.translation;

import java.util.List;
import org.polyphony.accounts.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Readers say a machine translation is poor. A flag names the provider and the pair of the translation shown, so a
 * bad route is visible to administrators; it sends the text to the volunteers of the pair.
 */
@Service
public class TranslationFlags {

    /** Flags of one provider (or route, "apertium+apertium") and pair, for administrators. */
    public record FlagCount(String provider, String source, String target, long flags, long texts) {}

    private final JdbcClient jdbc;

    TranslationFlags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Flags the machine translation of the current version of a text into a language; false when there is none to
     * flag (no machine translation, or a person's current translation is shown instead).
     */
    boolean flag(TextRef ref, String target, AccountId reader) {
        return jdbc.sql(
                                """
                        INSERT INTO translation_flag (kind, content_id, target, account_id, source, provider, content_hash)
                        SELECT s.kind, s.content_id, :t, :a, s.language, t.provider, s.content_hash
                        FROM translation_source s
                        JOIN LATERAL (SELECT provider FROM translation_text t
                                      WHERE t.content_hash = s.content_hash AND t.source = s.language
                                        AND t.target = :t ORDER BY created_at DESC LIMIT 1) t ON true
                        WHERE s.kind = :k AND s.content_id = :id
                          AND NOT EXISTS (SELECT 1 FROM translation_review r
                                          WHERE r.kind = s.kind AND r.content_id = s.content_id AND r.target = :t
                                            AND r.content_hash = s.content_hash)
                        ON CONFLICT (kind, content_id, target, account_id) DO UPDATE
                        SET content_hash = EXCLUDED.content_hash, provider = EXCLUDED.provider, created_at = now()
                        """)
                        .param("t", target)
                        .param("a", reader.value())
                        .param("k", ref.kind())
                        .param("id", ref.id())
                        .update()
                > 0;
    }

    List<FlagCount> byProviderAndPair() {
        return jdbc.sql(
                        """
                        SELECT provider, source, target, count(*), count(DISTINCT (kind, content_id))
                        FROM translation_flag GROUP BY provider, source, target ORDER BY count(*) DESC LIMIT 100
                        """)
                .query((rs, n) ->
                        new FlagCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }
}
