package org.polyphony.experiences;

import java.util.Locale;
import org.polyphony.forums.Edition;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The map of journeys: where the authors of an edition's published stories came from and where they live, drawn
 * on the server, with the same figures as a table. Routes fewer than five stories share are only counted together.
 */
@Controller
class JourneysController {

    // read once: the world's shapes do not change while the application runs
    private static final JourneysMap MAP = new JourneysMap(WorldMap.fromResource());

    private final StoryStore stories;
    private final StoryPlaces places;
    private final MessageSource messages;

    JourneysController(StoryStore stories, StoryPlaces places, MessageSource messages) {
        this.stories = stories;
        this.places = places;
        this.messages = messages;
    }

    @GetMapping("/editions/{slug}/stories/journeys")
    String journeys(@PathVariable String slug, Model model, Locale locale) {
        Edition edition = places.edition(slug);
        JourneyFlows flows =
                JourneyFlows.aggregate(stories.journeys(edition.id().value()));
        JourneysMapText text = new JourneysMapText(
                messages.getMessage("journeys.map.title", null, locale),
                messages.getMessage(
                        "journeys.map.description",
                        new Object[] {flows.routes().size(), flows.storiesOnOtherRoutes()},
                        locale),
                (origin, residence, count) ->
                        messages.getMessage("journeys.route", new Object[] {origin, residence, count}, locale));
        model.addAttribute("edition", edition);
        model.addAttribute("map", MAP.render(flows, locale, text));
        model.addAttribute("table", JourneyTable.of(flows, locale));
        model.addAttribute("minimum", JourneyFlows.MINIMUM_STORIES_PER_ROUTE);
        return "experiences/journeys";
    }
}
