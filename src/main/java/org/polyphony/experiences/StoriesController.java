package org.polyphony.experiences;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.PostingAllowance;
import org.polyphony.experiences.StoryStore.Filter;
import org.polyphony.experiences.StoryStore.StoredStory;
import org.polyphony.forums.Edition;
import org.polyphony.languages.Countries;
import org.polyphony.languages.ReadingLanguages;
import org.polyphony.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Sharing experiences": an edition's stories with filters, one story, and the forms to write, edit and withdraw
 * one, with or without one's name. Plain forms and redirects, no JavaScript needed.
 */
@Controller
class StoriesController {

    private final ExperiencesManagement experiences;
    private final StoryStore stories;
    private final StoryPlaces places;
    private final StoryReading reading;
    private final StoryThemes themes;
    private final PostingAllowance allowance;
    private final MessageSource messages;
    private final org.springframework.beans.factory.ObjectProvider<StoryActions> storyActions;

    StoriesController(
            ExperiencesManagement experiences,
            StoryStore stories,
            StoryPlaces places,
            StoryReading reading,
            StoryThemes themes,
            PostingAllowance allowance,
            MessageSource messages,
            org.springframework.beans.factory.ObjectProvider<StoryActions> storyActions) {
        this.storyActions = storyActions;
        this.experiences = experiences;
        this.stories = stories;
        this.places = places;
        this.reading = reading;
        this.themes = themes;
        this.allowance = allowance;
        this.messages = messages;
    }

    @GetMapping("/editions/{slug}/stories")
    String list(
            @PathVariable String slug,
            @RequestParam(name = "origin", required = false) String origin,
            @RequestParam(name = "residence", required = false) String residence,
            @RequestParam(name = "country", required = false) String country,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "sector", required = false) String sector,
            @RequestParam(name = "theme", required = false) String theme,
            @RequestParam(name = "lang", required = false) String language,
            @RequestParam(name = "session", required = false) String session,
            @RequestParam(name = "year", required = false) String year,
            @RequestParam(name = "page", defaultValue = "1") int page,
            Model model,
            Locale locale) {
        Edition edition = places.edition(slug);
        Filter filter = new Filter(
                Countries.normalise(origin).orElse(null),
                Countries.normalise(residence).orElse(null),
                Countries.normalise(country).orElse(null),
                MigrationKind.of(kind).map(MigrationKind::code).orElse(null),
                sector != null && Sectors.CODES.contains(sector) ? sector : null,
                theme != null && themes.isTheme(edition.id().value(), theme) ? theme : null,
                language != null && ReadingLanguages.isKnown(language) ? language : null,
                session == null
                        ? null
                        : edition.session(session).map(s -> s.id().value()).orElse(null),
                year != null && year.matches("\\d{4}") ? Integer.valueOf(year) : null);
        int current = Math.max(1, Math.min(page, 10_000));
        List<StoredStory> found = stories.published(edition.id().value(), filter, current);
        boolean more = found.size() > StoryStore.PAGE;
        List<StoryView> shown = reading.views(
                found.subList(0, Math.min(found.size(), StoryStore.PAGE)),
                edition,
                reading.readerLanguages(locale),
                StoryReading.Use.LIST);
        model.addAttribute("edition", edition);
        model.addAttribute("stories", shown);
        model.addAttribute("filter", StoryFilterView.of(filter, session));
        model.addAttribute("pageNumber", current);
        model.addAttribute("more", more);
        model.addAttribute(
                "choices", StoryChoices.of(edition, themes.of(edition.id().value()), locale));
        model.addAttribute("moderator", places.moderator());
        model.addAttribute("organiser", places.organiser());
        return "experiences/stories";
    }

    /** A session's stories: the edition's list, filtered by the session. */
    @GetMapping("/editions/{slug}/sessions/{code}/stories")
    String ofSession(@PathVariable String slug, @PathVariable String code) {
        Edition edition = places.edition(slug);
        edition.session(code).orElseThrow(StoryPlaces::notFound);
        return "redirect:/editions/" + slug + "/stories?session=" + code;
    }

    @GetMapping("/editions/{slug}/stories/new")
    String newStory(@PathVariable String slug, Model model, Locale locale) {
        if (places.signedIn().isEmpty()) {
            return "redirect:/login";
        }
        return formPage(model, places.edition(slug), null, StoryForm.blank(), FormErrors.none(), locale);
    }

    @PostMapping("/editions/{slug}/stories")
    String write(
            @PathVariable String slug,
            @Valid @ModelAttribute("form") StoryForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        AccountId author = places.signedIn().orElseThrow(StoryPlaces::notFound);
        Edition edition = places.edition(slug);
        if (edition.archived()) {
            result.reject("story.archived");
        }
        experiences.check(edition.id().value(), StoryPlaces.sessionIds(edition), form, result);
        PostingAllowance.Verdict verdict = allowance.mayWrite(author);
        if (!result.hasErrors() && verdict != PostingAllowance.Verdict.ALLOWED) {
            result.reject(verdict.messageKey());
        }
        Optional<ExperiencesManagement.Written> written = result.hasErrors()
                ? Optional.empty()
                : experiences.write(
                        edition.id().value(),
                        StoryPlaces.sessionIds(edition),
                        form,
                        author,
                        places.moderator(),
                        result);
        if (written.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return formPage(model, edition, null, form, FormErrors.of(result, messages, locale), locale);
        }
        StoryId id = written.get().id();
        if (written.get().key() != null) {
            // the key lives in this browser from now on; the story page shows it once, right after this redirect
            StoryKeys.remember(request, response, id, written.get().key());
        }
        return "redirect:/stories/" + id.value() + "?notice="
                + (written.get().status() == StoryStatus.PUBLISHED ? "published" : "awaiting");
    }

    @GetMapping("/stories/{id}")
    String story(
            @PathVariable long id,
            @RequestParam(name = "notice", required = false) String notice,
            Model model,
            Locale locale,
            HttpServletRequest request) {
        StoredStory story = places.readable(id, request);
        Edition edition = places.editionOf(story);
        model.addAttribute("edition", edition);
        model.addAttribute(
                "story",
                reading.views(List.of(story), edition, reading.readerLanguages(locale), StoryReading.Use.PAGE)
                        .getFirst());
        model.addAttribute("mayManage", places.mayManage(story, request, null));
        model.addAttribute(
                "choices", StoryChoices.of(edition, themes.of(edition.id().value()), locale));
        model.addAttribute("anonymous", story.anonymous());
        // other modules' actions on a published story (a rapporteur citing it in a report)
        model.addAttribute(
                "actions",
                story.status() == StoryStatus.PUBLISHED
                        ? storyActions
                                .orderedStream()
                                .flatMap(
                                        a -> a.forStory(story.id(), edition.id().value(), locale).stream())
                                .toList()
                        : List.of());
        model.addAttribute(
                "notice",
                notice == null
                        ? null
                        : switch (notice) {
                            case "published" -> "story.notice.published";
                            case "awaiting" -> "story.notice.awaiting";
                            case "edited" -> "story.notice.edited";
                            default -> null;
                        });
        boolean justWritten = "published".equals(notice) || "awaiting".equals(notice);
        model.addAttribute(
                "key",
                justWritten && story.anonymous()
                        ? StoryKeys.inBrowser(request, story.id())
                                .filter(key -> StoryKeys.opens(key, story.editKeyHash()))
                                .orElse(null)
                        : null);
        return "experiences/story";
    }

    @GetMapping("/stories/{id}/edit")
    String editForm(@PathVariable long id, Model model, Locale locale, HttpServletRequest request) {
        StoredStory story = places.story(id);
        if (!places.mayManage(story, request, null)) {
            return "redirect:/stories/" + id + "/manage";
        }
        StoryFacts f = story.facts();
        StoryForm form = new StoryForm(
                story.title(),
                story.body(),
                f.origin(),
                f.residence(),
                f.previousCountries(),
                f.kind() == null ? "" : f.kind().code(),
                f.sector(),
                f.gender(),
                f.yearFrom() == null ? "" : f.yearFrom().toString(),
                f.yearTo() == null ? "" : f.yearTo().toString(),
                f.themes(),
                story.sessions(),
                story.anonymous());
        return formPage(model, places.editionOf(story), story, form, FormErrors.none(), locale);
    }

    @PostMapping("/stories/{id}/edit")
    String edit(
            @PathVariable long id,
            @Valid @ModelAttribute("form") StoryForm form,
            BindingResult result,
            @RequestParam(name = "key", required = false) String key,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        StoredStory story = places.story(id);
        if (!places.mayManage(story, request, key)) {
            return "redirect:/stories/" + id + "/manage";
        }
        Edition edition = places.editionOf(story);
        if (edition.archived()) {
            result.reject("story.archived");
        }
        // a suspended account may not change its named stories either (an anonymous one is nobody's to suspend)
        if (!story.anonymous()
                && places.signedIn()
                        .map(allowance::mayWrite)
                        .filter(verdict -> verdict == PostingAllowance.Verdict.SUSPENDED)
                        .isPresent()) {
            result.reject(PostingAllowance.Verdict.SUSPENDED.messageKey());
        }
        Optional<StoryStatus> status = result.hasErrors()
                ? Optional.empty()
                : experiences.edit(story, StoryPlaces.sessionIds(edition), form, places.moderator(), result);
        if (status.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return formPage(model, edition, story, form, FormErrors.of(result, messages, locale), locale);
        }
        return "redirect:/stories/" + id + "?notice=" + (status.get() == StoryStatus.PUBLISHED ? "edited" : "awaiting");
    }

    @PostMapping("/stories/{id}/withdraw")
    String withdraw(
            @PathVariable long id,
            @RequestParam(name = "key", required = false) String key,
            HttpServletRequest request,
            HttpServletResponse response) {
        StoredStory story = places.story(id);
        if (!places.mayManage(story, request, key)) {
            return "redirect:/stories/" + id + "/manage";
        }
        Edition edition = places.editionOf(story);
        experiences.withdraw(story);
        StoryKeys.forget(request, response, story.id());
        return "redirect:/editions/" + edition.slug() + "/stories?withdrawn";
    }

    /**
     * Where the author of an anonymous story types its key, on a device that does not hold it. Until the right key
     * is typed, every id answers the same, whether its story exists, awaits moderation, carries a name or not:
     * this page must not let anyone list unpublished stories or learn which are anonymous.
     */
    @GetMapping("/stories/{id}/manage")
    String manage(@PathVariable long id, Model model) {
        model.addAttribute("storyId", id);
        model.addAttribute("errors", FormErrors.none());
        return "experiences/manage";
    }

    @PostMapping("/stories/{id}/manage")
    String unlock(
            @PathVariable long id,
            @RequestParam(name = "key", defaultValue = "") String key,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<StoredStory> story = stories.find(new StoryId(id))
                .filter(StoredStory::anonymous)
                .filter(found -> StoryKeys.opens(key, found.editKeyHash()));
        if (story.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("storyId", id);
            model.addAttribute("errors", FormErrors.field("key", messages.getMessage("story.key.wrong", null, locale)));
            return "experiences/manage";
        }
        StoryKeys.remember(request, response, story.get().id(), key.strip());
        return "redirect:/stories/" + id + "/edit";
    }

    private String formPage(
            Model model, Edition edition, StoredStory story, StoryForm form, FormErrors errors, Locale locale) {
        model.addAttribute("edition", edition);
        model.addAttribute("storyId", story == null ? null : story.id().value());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "choices", StoryChoices.of(edition, themes.of(edition.id().value()), locale));
        return "experiences/story-form";
    }
}
