package org.polyphony.consultation;

import java.util.List;
import java.util.Optional;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumPageContributions;
import org.polyphony.languages.LocalizedText;
import org.polyphony.web.Page;
import org.springframework.stereotype.Component;

/** The edition page links to its consultations; a session's page lists the consultations linked to it. */
@Component
class ConsultationLinks implements ForumPageContributions {

    private final ConsultationStore store;

    ConsultationLinks(ConsultationStore store) {
        this.store = store;
    }

    @Override
    public List<Link> editionLinks(Edition edition, Page page) {
        return List.of(new Link(page.t("consultation.list.title"), "/editions/" + edition.slug() + "/consultations"));
    }

    @Override
    public Optional<Section> sessionSection(Edition edition, Edition.ForumSession session, Page page) {
        var linked = store.ofSession(session.id().value());
        if (linked.isEmpty()) {
            return Optional.empty();
        }
        List<Item> items = linked.stream()
                .map(c -> new Item(
                        new LocalizedText.Shown(c.title(), c.language()),
                        "/consultations/" + c.id(),
                        c.outcomeVersion() == null
                                ? page.t("consultation.link.inProgress")
                                : page.t("consultation.link.outcome", c.outcomeVersion()),
                        List.of()))
                .toList();
        return Optional.of(new Section(page.t("consultation.link.heading"), items, Optional.empty()));
    }

    @Override
    public int order() {
        return 30;
    }
}
