package org.polyphony.skills;

import java.util.List;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumPageContributions;
import org.polyphony.web.Page;
import org.springframework.stereotype.Component;

/** Links an edition's page to its skills matching pilot. */
@Component
class SkillsPageContributions implements ForumPageContributions {

    @Override
    public List<Link> editionLinks(Edition edition, Page page) {
        return List.of(new Link(page.t("skills.pilot.title"), "/editions/" + edition.slug() + "/skills"));
    }

    @Override
    public int order() {
        return 90;
    }
}
