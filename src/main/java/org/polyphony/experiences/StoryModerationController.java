package org.polyphony.experiences;

import java.util.List;
import java.util.Locale;
import org.polyphony.experiences.StoryStore.StoredStory;
import org.polyphony.forums.Edition;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Moderators' queue of stories waiting for approval, and organisers' list of an edition's themes. A moderator sees
 * the story only: never who wrote it, whether it was written with a name or without.
 */
@Controller
class StoryModerationController {

    private final ExperiencesManagement experiences;
    private final StoryStore stories;
    private final StoryPlaces places;
    private final StoryReading reading;
    private final StoryThemes themes;

    StoryModerationController(
            ExperiencesManagement experiences,
            StoryStore stories,
            StoryPlaces places,
            StoryReading reading,
            StoryThemes themes) {
        this.experiences = experiences;
        this.stories = stories;
        this.places = places;
        this.reading = reading;
        this.themes = themes;
    }

    @GetMapping("/editions/{slug}/stories/moderation")
    @PreAuthorize("hasRole('MODERATOR')")
    String queue(@PathVariable String slug, Model model, Locale locale) {
        Edition edition = places.edition(slug);
        model.addAttribute("edition", edition);
        // the queue shows the story alone: no author is even loaded, named or not
        model.addAttribute(
                "stories",
                reading.views(stories.pending(edition.id().value()), edition, List.of(), StoryReading.Use.MODERATION));
        model.addAttribute(
                "choices", StoryChoices.of(edition, themes.of(edition.id().value()), locale));
        return "experiences/moderation";
    }

    @PostMapping("/stories/{id}/moderation")
    @PreAuthorize("hasRole('MODERATOR')")
    String decide(@PathVariable long id, @RequestParam(name = "decision", defaultValue = "") String decision) {
        StoredStory story = places.story(id);
        Edition edition = places.editionOf(story);
        StoryStatus status =
                switch (decision) {
                    case "publish" -> StoryStatus.PUBLISHED;
                    case "reject" -> StoryStatus.REJECTED;
                    default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
                };
        experiences.moderate(story, status, places.signedIn().orElseThrow());
        return "redirect:/editions/" + edition.slug() + "/stories/moderation";
    }

    @GetMapping("/editions/{slug}/stories/themes")
    @PreAuthorize("hasRole('ORGANISER')")
    String themes(@PathVariable String slug, Model model) {
        Edition edition = places.edition(slug);
        List<StoryThemes.Theme> current = themes.of(edition.id().value());
        model.addAttribute("edition", edition);
        model.addAttribute("defaults", StoryThemes.DEFAULTS);
        model.addAttribute(
                "kept",
                current.stream()
                        .filter(t -> !t.own())
                        .map(StoryThemes.Theme::code)
                        .toList());
        model.addAttribute(
                "own",
                String.join(
                        "\n",
                        current.stream()
                                .filter(StoryThemes.Theme::own)
                                .map(StoryThemes.Theme::label)
                                .toList()));
        model.addAttribute("error", null);
        return "experiences/themes";
    }

    @PostMapping("/editions/{slug}/stories/themes")
    @PreAuthorize("hasRole('ORGANISER')")
    String saveThemes(
            @PathVariable String slug,
            @RequestParam(name = "kept", required = false) List<String> kept,
            @RequestParam(name = "own", defaultValue = "") String own,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        Edition edition = places.edition(slug);
        List<String> names =
                own.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (names.stream().anyMatch(name -> name.length() > 80) || names.size() > 40) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("edition", edition);
            model.addAttribute("defaults", StoryThemes.DEFAULTS);
            model.addAttribute("kept", kept == null ? List.of() : kept);
            model.addAttribute("own", own);
            model.addAttribute("error", "stories.themes.tooLong");
            return "experiences/themes";
        }
        themes.replace(edition.id().value(), kept == null ? List.of() : kept, names);
        return "redirect:/editions/" + slug + "/stories?themesSaved";
    }
}
