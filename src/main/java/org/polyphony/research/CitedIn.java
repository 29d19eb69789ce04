package org.polyphony.research;

import java.util.List;
import org.polyphony.antennas.ReportCitations;

/** Where a publication is cited, as anyone may see it: visible posts and published reports. */
public record CitedIn(List<CitingPost> posts, List<ReportCitations.CitingReport> reports) {

    /** A visible post citing the publication: its thread's title, its number there and a link to it. */
    public record CitingPost(String threadTitle, int position, String url) {}

    public boolean isEmpty() {
        return posts.isEmpty() && reports.isEmpty();
    }
}
