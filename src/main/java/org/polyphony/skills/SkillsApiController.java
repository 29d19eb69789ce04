package org.polyphony.skills;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polyphony.forums.Edition;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pilot in JSON: an edition's open opportunities for everyone, and an opportunity's candidates for its
 * organisation's admins, exactly as the candidates page shows them (anonymous until a candidate consents).
 */
@RestController
class SkillsApiController {

    private final SkillsPlaces places;
    private final Opportunities opportunities;
    private final OpportunityViews views;
    private final Candidates candidates;

    SkillsApiController(
            SkillsPlaces places, Opportunities opportunities, OpportunityViews views, Candidates candidates) {
        this.places = places;
        this.opportunities = opportunities;
        this.views = views;
        this.candidates = candidates;
    }

    @GetMapping("/api/editions/{slug}/skills/opportunities")
    List<Map<String, Object>> opportunities(@PathVariable String slug, Locale locale) {
        Edition edition = places.edition(slug);
        return views.of(opportunities.open(edition.id().value(), "", "", ""), locale).stream()
                .map(SkillsApiController::json)
                .toList();
    }

    @GetMapping("/api/skills/opportunities/{id}/candidates")
    List<Map<String, Object>> candidates(
            @PathVariable long id, @RequestParam(name = "page", defaultValue = "1") String page) {
        return candidates.page(places.administered(id), Candidates.pageNumber(page)).candidates().stream()
                .map(c -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("candidate", c.number());
                    json.put("score", c.match().score());
                    json.put("explanation", c.match().parts());
                    json.put("interested", c.interested());
                    json.put("placed", c.placed());
                    if (c.shared() != null) {
                        json.put("shared", c.shared());
                    }
                    return json;
                })
                .toList();
    }

    private static Map<String, Object> json(OpportunityView view) {
        Opportunity o = view.opportunity();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", o.id());
        json.put("title", view.title().text());
        json.put("titleLanguage", view.title().language());
        json.put("organisation", Map.of("id", o.organisation().value(), "name", view.organisationName()));
        json.put("occupation", o.occupation());
        json.put("skills", o.skills());
        json.put("languages", o.languages().stream().map(LanguageLevel::code).toList());
        json.put("country", o.country());
        json.put("place", o.place());
        json.put("startsOn", o.startsOn().toString());
        json.put("endsOn", o.endsOn() == null ? null : o.endsOn().toString());
        json.put("pay", Map.of("min", o.payMin(), "max", o.payMax(), "currency", o.currency(), "per", o.payPeriod()));
        json.put(
                "fairRecruitment",
                Map.of("noWorkerFees", true, "contractInLanguage", true, "workerKeepsDocuments", true));
        return json;
    }
}
