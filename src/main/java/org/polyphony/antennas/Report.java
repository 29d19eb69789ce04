package org.polyphony.antennas;

import java.time.Instant;
import java.util.List;

/** A rapporteur's report of a hub, with its key points and their citations. */
public record Report(
        long id,
        long hubId,
        String title,
        String introduction,
        String language,
        ReportStatus status,
        int version,
        Instant submittedAt,
        Instant publishedAt,
        List<Long> sessionIds,
        List<KeyPoint> keyPoints) {

    public record KeyPoint(long id, int position, String text, List<Citation> citations) {}

    public record Citation(long id, long keyPointId, CitationKind kind, long sourceId, String detail) {

        /** The same source, whatever key point cites it. */
        public String source() {
            return kind + ":" + sourceId + ":" + detail;
        }
    }

    public boolean published() {
        return status == ReportStatus.PUBLISHED;
    }

    public boolean submitted() {
        return submittedAt != null;
    }

    /** Distinct sources behind the key points. */
    public long sources() {
        return keyPoints.stream()
                .flatMap(k -> k.citations().stream())
                .map(Citation::source)
                .distinct()
                .count();
    }
}
