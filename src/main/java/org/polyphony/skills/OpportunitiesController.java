package org.polyphony.skills;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.polyphony.accounts.AccountId;
import org.polyphony.forums.Edition;
import org.polyphony.languages.Countries;
import org.polyphony.people.OrganisationRoles;
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
 * The pilot's public pages (its opportunities, with filters, and each opportunity) and the organisations' side:
 * publishing an opportunity, its anonymous candidates, marking a placement, closing it.
 */
@Controller
class OpportunitiesController {

    private final SkillsPlaces places;
    private final Opportunities opportunities;
    private final OpportunityViews views;
    private final SkillsProfiles profiles;
    private final Candidates candidates;
    private final Interests interests;
    private final OrganisationRoles organisations;
    private final MessageSource messages;
    private final Conversations conversations;
    private final PilotNames pilotNames;

    OpportunitiesController(
            PilotNames pilotNames,
            Conversations conversations,
            SkillsPlaces places,
            Opportunities opportunities,
            OpportunityViews views,
            SkillsProfiles profiles,
            Candidates candidates,
            Interests interests,
            OrganisationRoles organisations,
            MessageSource messages) {
        this.pilotNames = pilotNames;
        this.conversations = conversations;
        this.places = places;
        this.opportunities = opportunities;
        this.views = views;
        this.profiles = profiles;
        this.candidates = candidates;
        this.interests = interests;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping("/editions/{slug}/skills")
    String pilot(
            @PathVariable String slug,
            @RequestParam(name = "group", defaultValue = "") String group,
            @RequestParam(name = "country", defaultValue = "") String country,
            @RequestParam(name = "language", defaultValue = "") String language,
            Model model,
            Locale locale) {
        Edition edition = places.edition(slug);
        String majorGroup = group.matches("[0-9]") ? group : "";
        String countryCode = Countries.normalise(country).orElse("");
        String languageTag = language.matches("[a-z]{2,3}") ? language : "";
        model.addAttribute("edition", edition);
        model.addAttribute(
                "pilotName", pilotNames.shown(edition.id().value(), locale).orElse(null));
        model.addAttribute("group", majorGroup);
        model.addAttribute("country", countryCode);
        model.addAttribute("language", languageTag);
        model.addAttribute(
                "opportunities",
                views.of(opportunities.open(edition.id().value(), majorGroup, countryCode, languageTag), locale));
        model.addAttribute(
                "publisher",
                places.reader()
                        .map(this::publishingOrganisations)
                        .map(l -> !l.isEmpty())
                        .orElse(false));
        return "skills/pilot";
    }

    @GetMapping("/skills/opportunities/{id}")
    String opportunity(
            @PathVariable long id,
            @RequestParam(name = "notice", required = false) String notice,
            Model model,
            Locale locale) {
        Opportunity opportunity = places.readable(id);
        Optional<SkillsProfile> profile = places.reader().flatMap(profiles::of);
        model.addAttribute("opportunity", views.of(opportunity, locale));
        model.addAttribute("edition", places.editionOf(opportunity).orElseThrow(SkillsPlaces::notFound));
        model.addAttribute("profile", profile.orElse(null));
        model.addAttribute(
                "match",
                profile.flatMap(p -> Matching.match(p.worker(), opportunity.offer()))
                        .orElse(null));
        model.addAttribute(
                "interest", profile.flatMap(p -> interests.of(id, p.id())).orElse(null));
        model.addAttribute("admin", places.admin(opportunity));
        model.addAttribute("adminNames", organisations.adminNames(opportunity.organisation()));
        model.addAttribute(
                "notice",
                notice == null
                        ? null
                        : switch (notice) {
                            case "published" -> "skills.opportunity.published";
                            case "interest" -> "skills.interest.saved";
                            case "interestRefused" -> "skills.interest.refused";
                            case "withdrawn" -> "skills.interest.withdrawn";
                            case "reported" -> "skills.report.saved";
                            case "closed" -> "skills.opportunity.closedNotice";
                            default -> null;
                        });
        return "skills/opportunity";
    }

    @GetMapping("/editions/{slug}/skills/opportunities/new")
    String newForm(@PathVariable String slug, Model model) {
        Edition edition = places.edition(slug);
        return formPage(model, edition, OpportunityForm.blank(), FormErrors.none());
    }

    @PostMapping("/editions/{slug}/skills/opportunities")
    String publish(
            @PathVariable String slug,
            @ModelAttribute("form") OpportunityForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Edition edition = places.edition(slug);
        AccountId me = places.signedIn();
        Optional<Long> id = edition.archived()
                ? Optional.empty()
                : opportunities.publish(edition.id().value(), me, form, result);
        if (id.isEmpty()) {
            if (edition.archived()) {
                result.reject("skills.opportunity.archived");
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return formPage(model, edition, form, FormErrors.of(result, messages, locale));
        }
        return "redirect:/skills/opportunities/" + id.get() + "?notice=published";
    }

    @GetMapping("/skills/opportunities/{id}/candidates")
    String candidates(
            @PathVariable long id,
            @RequestParam(name = "page", defaultValue = "1") String page,
            Model model,
            Locale locale) {
        Opportunity opportunity = places.administered(id);
        model.addAttribute("opportunity", views.of(opportunity, locale));
        model.addAttribute("candidates", candidates.page(opportunity, Candidates.pageNumber(page)));
        model.addAttribute("unread", conversations.unreadByOrganisation(id));
        return "skills/candidates";
    }

    @PostMapping("/skills/opportunities/{id}/candidates/{number}/placed")
    String placed(
            @PathVariable long id,
            @PathVariable String number,
            @RequestParam(name = "placed", defaultValue = "true") String placed) {
        Opportunity opportunity = places.administered(id);
        long profile = candidates.interestedProfile(opportunity, number).orElseThrow(SkillsPlaces::notFound);
        interests.placed(id, profile, !"false".equals(placed));
        return "redirect:/skills/opportunities/" + id + "/candidates";
    }

    @PostMapping("/skills/opportunities/{id}/close")
    String close(@PathVariable long id) {
        places.administered(id);
        opportunities.close(id);
        return "redirect:/skills/opportunities/" + id + "?notice=closed";
    }

    private List<OrganisationRoles.Organisation> publishingOrganisations(AccountId me) {
        return organisations.administeredBy(me).stream()
                .filter(o -> Opportunities.PUBLISHERS.contains(o.type()))
                .toList();
    }

    private String formPage(Model model, Edition edition, OpportunityForm form, FormErrors errors) {
        AccountId me = places.signedIn();
        model.addAttribute("edition", edition);
        model.addAttribute("organisations", publishingOrganisations(me));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "skills/opportunity-form";
    }
}
