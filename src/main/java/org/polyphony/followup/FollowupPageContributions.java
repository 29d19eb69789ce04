package org.polyphony.followup;

import java.util.List;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumPageContributions;
import org.polyphony.web.Page;
import org.springframework.stereotype.Component;

/** Links an edition's page to its follow-up: recommendations, commitments and the report card. */
@Component
class FollowupPageContributions implements ForumPageContributions {

    @Override
    public List<Link> editionLinks(Edition edition, Page page) {
        return List.of(
                new Link(page.t("followup.link"), "/editions/" + edition.slug() + "/followup"),
                new Link(page.t("followup.reportCard"), "/editions/" + edition.slug() + "/followup/report-card"));
    }

    @Override
    public int order() {
        return 60;
    }
}
