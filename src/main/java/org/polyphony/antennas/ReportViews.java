package org.polyphony.antennas;

import java.time.Instant;
import java.util.List;

/** What the report pages show. */
public final class ReportViews {

    private ReportViews() {}

    /** A session a report addresses, its title in the reader's language. */
    public record SessionRef(String code, String title, String language) {}

    /** A key point with its citations as the reader sees them, and its review comments. */
    public record Point(Report.KeyPoint point, List<ResolvedCitation> citations, List<Comment> comments) {}

    public record Comment(String author, String body, Instant at) {}

    /**
     * Something a rapporteur may cite, found by the search or the assistant.
     *
     * @param reason why the assistant lists it ("12 replies", "8 reactions"), or empty
     */
    public record Candidate(
            CitationKind kind,
            long sourceId,
            String detail,
            String label,
            String quote,
            String language,
            String href,
            String reason) {}

    /** A key point's change between two published versions. */
    public record Change(String kind, String text) {}

    public record VersionView(int version, String title, String note, Instant at, List<Change> changes) {}
}
