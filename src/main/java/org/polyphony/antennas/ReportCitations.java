package org.polyphony.antennas;

import java.util.List;
import org.polyphony.accounts.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For the module whose sources reports cite: which published reports cite one of them (drafts and reports in review
 * are the hub's business, never listed), whether someone is a rapporteur at all, and the page where a rapporteur
 * cites a source from where it is read.
 */
@Component
public class ReportCitations {

    /** The "cite in my report" page; send {@code publication=<id>} with GET. */
    public static final String CITE_PATH = CiteWhereRead.PATH;

    private final JdbcClient jdbc;

    ReportCitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A published report citing the source: its title (in {@code language}), its hub's name and address. */
    public record CitingReport(long id, String title, String language, String hubName, String url) {}

    public List<CitingReport> publishedCiting(CitationKind kind, long sourceId) {
        return jdbc.sql(
                        """
                        SELECT DISTINCT r.id, r.title, r.language, h.name FROM antennas_citation c
                          JOIN antennas_key_point k ON k.id = c.key_point_id
                          JOIN antennas_report r ON r.id = k.report_id
                          JOIN antennas_hub h ON h.id = r.hub_id
                         WHERE c.kind = :kind AND c.source_id = :source AND r.status = 'PUBLISHED'
                         ORDER BY r.id
                        """)
                .param("kind", kind.name())
                .param("source", sourceId)
                .query((rs, n) -> new CitingReport(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), "/reports/" + rs.getLong(1)))
                .list();
    }

    /** Whether this account is a rapporteur of any hub (so offering "cite in my report" makes sense). */
    public boolean isRapporteur(AccountId account) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM antennas_hub_role WHERE account_id = :a AND role = 'RAPPORTEUR')")
                .param("a", account.value())
                .query(Boolean.class)
                .single();
    }
}
