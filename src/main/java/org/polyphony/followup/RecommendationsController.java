package org.polyphony.followup;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.polyphony.accounts.AccountId;
import org.polyphony.forums.Edition;
import org.polyphony.languages.Countries;
import org.polyphony.people.PeopleManagement;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * Recommendations: an edition's follow-up page and the one across editions (dashboard and list with filters), the
 * organiser's form and CSV import, one recommendation with its line of work across editions, carrying it over,
 * its status, and following it.
 */
@Controller
class RecommendationsController {

    private final FollowupManagement followup;
    private final FollowupPlaces places;
    private final RecommendationStore store;
    private final Dashboard dashboard;
    private final FollowupReading reading;
    private final Frameworks frameworks;
    private final FollowupNotices notices;
    private final PeopleManagement people;
    private final MessageSource messages;

    RecommendationsController(
            FollowupManagement followup,
            FollowupPlaces places,
            RecommendationStore store,
            Dashboard dashboard,
            FollowupReading reading,
            Frameworks frameworks,
            FollowupNotices notices,
            PeopleManagement people,
            MessageSource messages) {
        this.followup = followup;
        this.places = places;
        this.store = store;
        this.dashboard = dashboard;
        this.reading = reading;
        this.frameworks = frameworks;
        this.notices = notices;
        this.people = people;
        this.messages = messages;
    }

    @GetMapping("/followup")
    String across(
            @RequestParam(name = "edition", required = false) String edition,
            @RequestParam(name = "theme", required = false) String theme,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "addressee", required = false) String addressee,
            Model model,
            Locale locale) {
        Optional<Edition> chosen = edition == null
                ? Optional.empty()
                : places.editions().stream()
                        .filter(e -> e.slug().equals(edition))
                        .findFirst();
        return dashboardPage(null, chosen.orElse(null), theme, status, addressee, model, locale);
    }

    @GetMapping("/editions/{slug}/followup")
    String ofEdition(
            @PathVariable String slug,
            @RequestParam(name = "theme", required = false) String theme,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "addressee", required = false) String addressee,
            @RequestParam(name = "notice", required = false) String notice,
            Model model,
            Locale locale) {
        Edition edition = places.edition(slug);
        model.addAttribute(
                "notice",
                switch (notice == null ? "" : notice) {
                    case "imported" -> "followup.import.done";
                    case "fromSource" -> "followup.sources.done";
                    default -> null;
                });
        return dashboardPage(edition, edition, theme, status, addressee, model, locale);
    }

    private String dashboardPage(
            Edition page,
            Edition filterEdition,
            String theme,
            String status,
            String addressee,
            Model model,
            Locale locale) {
        FollowupViews.Filter filter = new FollowupViews.Filter(
                filterEdition == null ? "" : filterEdition.slug(),
                FollowupThemes.isKnown(theme) ? theme : "",
                RecommendationStatus.of(status).map(Enum::name).orElse(""),
                Addressees.isKnown(addressee) ? addressee : "");
        Dashboard.Shown shown = dashboard.of(
                new RecommendationStore.Filter(
                        filterEdition == null ? null : filterEdition.id().value(),
                        filter.theme().isEmpty() ? null : filter.theme(),
                        RecommendationStatus.of(status).orElse(null),
                        filter.addressee().isEmpty() ? null : filter.addressee()),
                locale);
        model.addAttribute("edition", page);
        model.addAttribute("editions", places.editions());
        model.addAttribute("filter", filter);
        model.addAttribute("shown", shown);
        model.addAttribute("editionNames", editionNames());
        model.addAttribute("organiser", places.organiser());
        if (!model.containsAttribute("notice")) {
            model.addAttribute("notice", null);
        }
        return "followup/dashboard";
    }

    @GetMapping("/editions/{slug}/followup/new")
    String newRecommendation(@PathVariable String slug, Model model) {
        places.requireOrganiser();
        return formPage(places.edition(slug), RecommendationForm.blank(), FormErrors.none(), model);
    }

    @PostMapping("/editions/{slug}/followup")
    String create(
            @PathVariable String slug,
            @ModelAttribute("form") RecommendationForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        places.requireOrganiser();
        Edition edition = places.edition(slug);
        if (edition.archived()) {
            result.reject("followup.edition.archived");
        }
        Optional<Long> id = result.hasErrors()
                ? Optional.empty()
                : followup.recommend(edition.id(), form, Provenance.form(), result);
        if (id.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return formPage(edition, form, FormErrors.of(result, messages, locale), model);
        }
        return "redirect:/followup/recommendations/" + id.get();
    }

    private String formPage(Edition edition, RecommendationForm form, FormErrors errors, Model model) {
        model.addAttribute("edition", edition);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("frameworks", frameworks.all());
        model.addAttribute("countries", Countries.sortedByName(Locale.ENGLISH));
        return "followup/recommendation-form";
    }

    @GetMapping("/editions/{slug}/followup/import")
    String importPage(@PathVariable String slug, Model model) {
        places.requireOrganiser();
        model.addAttribute("edition", places.edition(slug));
        model.addAttribute("problems", List.of());
        model.addAttribute("fileName", null);
        return "followup/import";
    }

    @PostMapping("/editions/{slug}/followup/import")
    String importCsv(
            @PathVariable String slug,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        places.requireOrganiser();
        Edition edition = places.edition(slug);
        List<FollowupViews.Problem> problems;
        String fileName = file == null ? null : EvidenceFiles.safeName(file.getOriginalFilename());
        if (file == null || file.isEmpty()) {
            problems = List.of(
                    new FollowupViews.Problem(0, null, messages.getMessage("followup.import.noFile", null, locale)));
        } else if (file.getSize() > 2 * 1024 * 1024) {
            problems = List.of(
                    new FollowupViews.Problem(0, null, messages.getMessage("followup.import.tooLarge", null, locale)));
        } else if (edition.archived()) {
            problems = List.of(
                    new FollowupViews.Problem(0, null, messages.getMessage("followup.edition.archived", null, locale)));
        } else {
            RecommendationImport.Checked checked = followup.importCsv(edition.id(), file.getBytes(), fileName);
            if (checked.problems().isEmpty()) {
                return "redirect:/editions/" + slug + "/followup?notice=imported";
            }
            problems = checked.problems().stream()
                    .map(p -> new FollowupViews.Problem(
                            p.line(), p.column(), messages.getMessage(p.key(), p.args(), locale)))
                    .toList();
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("edition", edition);
        model.addAttribute("problems", problems);
        model.addAttribute("fileName", fileName);
        return "followup/import";
    }

    @GetMapping("/followup/recommendations/{id}")
    String recommendation(
            @PathVariable long id,
            @RequestParam(name = "notice", required = false) String notice,
            Model model,
            Locale locale) {
        Recommendation recommendation = places.recommendation(id);
        List<Recommendation> line = store.line(recommendation.lineId()).stream()
                .filter(r -> places.editionById(r.editionId()).isPresent())
                .toList();
        model.addAttribute("recommendation", recommendation);
        model.addAttribute(
                "edition", places.editionById(recommendation.editionId()).orElseThrow());
        model.addAttribute("editionNames", editionNames());
        model.addAttribute("line", line);
        model.addAttribute(
                "lineCommitments",
                reading.summaries(line.stream().map(Recommendation::id).toList(), locale));
        model.addAttribute("organisations", people.organisationNames(recommendation.addresseeOrganisations()));
        model.addAttribute("frameworkLabels", frameworkLabels());
        model.addAttribute("organiser", places.organiser());
        model.addAttribute(
                "laterEditions",
                store.carriedOverBy(id).isPresent()
                        ? List.of()
                        : places.editions().stream()
                                .filter(e -> e.id().value() != recommendation.editionId() && !e.archived())
                                .toList());
        model.addAttribute(
                "following",
                places.signedIn()
                        .map(a -> notices.follows(a, FollowupNotices.Target.RECOMMENDATION, id))
                        .orElse(false));
        model.addAttribute("notice", "carried".equals(notice) ? "followup.carried" : null);
        return "followup/recommendation";
    }

    @PostMapping("/followup/recommendations/{id}/carry-over")
    String carryOver(@PathVariable long id, @RequestParam(name = "edition", defaultValue = "") String slug) {
        places.requireOrganiser();
        Recommendation recommendation = places.recommendation(id);
        Edition to = places.editions().stream()
                .filter(e -> e.slug().equals(slug) && !e.archived())
                .findFirst()
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(HttpStatus.BAD_REQUEST));
        Optional<Long> carried = followup.carryOver(recommendation, to.id());
        if (carried.isEmpty()) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.CONFLICT);
        }
        return "redirect:/followup/recommendations/" + carried.get() + "?notice=carried";
    }

    @PostMapping("/followup/recommendations/{id}/status")
    String status(@PathVariable long id, @RequestParam(name = "status", defaultValue = "") String status) {
        places.requireOrganiser();
        places.recommendation(id);
        RecommendationStatus chosen = RecommendationStatus.of(status)
                .filter(s -> s != RecommendationStatus.CARRIED_OVER)
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(HttpStatus.BAD_REQUEST));
        store.setStatus(id, chosen);
        return "redirect:/followup/recommendations/" + id;
    }

    @PostMapping("/followup/follow")
    String follow(
            @RequestParam(name = "kind", defaultValue = "") String kind,
            @RequestParam(name = "id", defaultValue = "") String id) {
        AccountId me = places.requireSignedIn();
        Long target = Progress.parseId(id);
        if (target == null) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        if (kind.equals("RECOMMENDATION")) {
            places.recommendation(target);
            notices.toggle(me, FollowupNotices.Target.RECOMMENDATION, target);
            return "redirect:/followup/recommendations/" + target;
        }
        if (kind.equals("COMMITMENT")) {
            places.commitment(target);
            notices.toggle(me, FollowupNotices.Target.COMMITMENT, target);
            return "redirect:/followup/commitments/" + target;
        }
        throw new org.springframework.web.server.ResponseStatusException(HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/followup/frameworks")
    String frameworksPage(Model model) {
        model.addAttribute("frameworks", frameworks.all());
        model.addAttribute("organiser", places.organiser());
        model.addAttribute("error", null);
        return "followup/frameworks";
    }

    @PostMapping("/followup/frameworks")
    String addFramework(
            @RequestParam(name = "code", defaultValue = "") String code,
            @RequestParam(name = "label", defaultValue = "") String label,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        places.requireOrganiser();
        if (frameworks.addOwn(code.strip(), label)) {
            return "redirect:/followup/frameworks";
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("frameworks", frameworks.all());
        model.addAttribute("organiser", true);
        model.addAttribute("error", messages.getMessage("followup.framework.refused", null, locale));
        model.addAttribute("code", code);
        model.addAttribute("label", label);
        return "followup/frameworks";
    }

    Map<Long, org.polyphony.languages.LocalizedText> editionNames() {
        return places.editions().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.id().value(), Edition::name));
    }

    Map<String, String> frameworkLabels() {
        Map<String, String> labels = new java.util.HashMap<>();
        frameworks.all().forEach(f -> labels.put(f.code(), f.label()));
        return labels;
    }
}
