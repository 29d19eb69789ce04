package org.polyphony.followup;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polyphony.forums.Edition;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Recommendations from a consultation's published outcome (each chosen paragraph) or from a published regional
 * report (each chosen key point), for organisers: the edition's sources, one source's items to choose from with a
 * title and a theme each, and keeping them all or none.
 */
@Controller
class RecommendationSourcesController {

    private final FollowupPlaces places;
    private final RecommendationSources sources;
    private final FollowupManagement followup;
    private final Frameworks frameworks;
    private final MessageSource messages;

    RecommendationSourcesController(
            FollowupPlaces places,
            RecommendationSources sources,
            FollowupManagement followup,
            Frameworks frameworks,
            MessageSource messages) {
        this.places = places;
        this.sources = sources;
        this.followup = followup;
        this.frameworks = frameworks;
        this.messages = messages;
    }

    @GetMapping("/editions/{slug}/followup/sources")
    String list(@PathVariable String slug, Model model) {
        places.requireOrganiser();
        Edition edition = places.edition(slug);
        model.addAttribute("edition", edition);
        model.addAttribute("offers", sources.offers(edition));
        return "followup/sources";
    }

    @GetMapping("/editions/{slug}/followup/sources/{kind}/{id}")
    String source(@PathVariable String slug, @PathVariable String kind, @PathVariable long id, Model model) {
        places.requireOrganiser();
        Edition edition = places.edition(slug);
        return page(edition, source(edition, kind, id), SourcePick.none(), Map.of(), List.of(), model);
    }

    @PostMapping("/editions/{slug}/followup/sources/{kind}/{id}")
    String keep(
            @PathVariable String slug,
            @PathVariable String kind,
            @PathVariable long id,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        places.requireOrganiser();
        Edition edition = places.edition(slug);
        RecommendationSources.Source source = source(edition, kind, id);
        SourcePick pick = pick(source, params);
        List<String> general = new ArrayList<>();
        Map<String, String> errors = new HashMap<>();
        if (edition.archived()) {
            general.add(messages.getMessage("followup.edition.archived", null, locale));
        } else if (pick.chosen().isEmpty()) {
            general.add(messages.getMessage("followup.sources.noneChosen", null, locale));
        } else {
            List<FollowupManagement.Chosen> chosen = new ArrayList<>();
            for (String key : pick.chosen()) {
                RecommendationSources.Item item = source.item(key).orElseThrow();
                chosen.add(new FollowupManagement.Chosen(
                        key,
                        new RecommendationForm(
                                pick.themes().getOrDefault(key, ""),
                                pick.titles().getOrDefault(key, ""),
                                item.text(),
                                pick.addressees(),
                                "",
                                List.of(),
                                pick.frameworks()),
                        item.provenance()));
            }
            FollowupManagement.Batch batch;
            try {
                batch = followup.recommendEach(edition.id(), chosen);
            } catch (org.springframework.dao.DuplicateKeyException e) {
                // another organiser kept the same title a moment ago; the unique index refused it, nothing is kept
                batch = new FollowupManagement.Batch(
                        List.of(),
                        chosen.stream()
                                .map(c -> new FollowupManagement.RowProblem(c.key(), "title", "followup.title.taken"))
                                .toList());
            }
            if (batch.problems().isEmpty()) {
                return "redirect:/editions/" + slug + "/followup?notice=fromSource";
            }
            for (FollowupManagement.RowProblem p : batch.problems()) {
                String message = messages.getMessage(p.code(), p.args(), locale);
                if (p.field().equals("addressees") || p.field().equals("frameworks")) {
                    errors.putIfAbsent(p.field(), message);
                } else if (p.field().equals("body")) {
                    errors.putIfAbsent(p.key() + "/chosen", message);
                } else {
                    errors.putIfAbsent(p.key() + "/" + p.field(), message);
                }
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(edition, source, pick, errors, general, model);
    }

    private String page(
            Edition edition,
            RecommendationSources.Source source,
            SourcePick pick,
            Map<String, String> errors,
            List<String> general,
            Model model) {
        model.addAttribute("edition", edition);
        model.addAttribute("source", source);
        model.addAttribute("pick", pick);
        model.addAttribute("errors", errors);
        model.addAttribute("general", general);
        model.addAttribute("frameworks", frameworks.all());
        return "followup/from-source";
    }

    private RecommendationSources.Source source(Edition edition, String kind, long id) {
        Optional<RecommendationSources.Source> found =
                switch (kind) {
                    case "consultation" -> sources.consultation(edition, id);
                    case "report" -> sources.report(edition, id);
                    default -> Optional.empty();
                };
        return found.orElseThrow(FollowupPlaces::notFound);
    }

    /** The form's fields for the source's own items; anything else posted is ignored. */
    private static SourcePick pick(RecommendationSources.Source source, MultiValueMap<String, String> params) {
        Set<String> chosen = new LinkedHashSet<>();
        List<String> posted = params.getOrDefault("chosen", List.of());
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, String> themes = new LinkedHashMap<>();
        for (RecommendationSources.Item item : source.items()) {
            if (posted.contains(item.key()) && item.recommendation() == null) {
                chosen.add(item.key());
            }
            Optional.ofNullable(params.getFirst("title-" + item.key())).ifPresent(t -> titles.put(item.key(), t));
            Optional.ofNullable(params.getFirst("theme-" + item.key())).ifPresent(t -> themes.put(item.key(), t));
        }
        return new SourcePick(
                chosen,
                titles,
                themes,
                List.copyOf(params.getOrDefault("addressees", List.of())),
                List.copyOf(params.getOrDefault("frameworks", List.of())));
    }
}
