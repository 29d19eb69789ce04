package org.polyphony.antennas;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page behind "cite in my report": the source's quote as the report will show it, and the rapporteur's reports
 * where it may be cited, each key point to choose or a new key point to write. Only rapporteurs; the source is
 * checked for each of their hubs as in the report editor (visible, the hub's own thread, the same edition).
 */
@Controller
class CiteController {

    private final HubStore hubStore;
    private final AntennaPlaces places;
    private final Reports reports;
    private final CitationSources sources;
    private final AccountDirectory accounts;
    private final MessageSource messages;

    CiteController(
            HubStore hubStore,
            AntennaPlaces places,
            Reports reports,
            CitationSources sources,
            AccountDirectory accounts,
            MessageSource messages) {
        this.hubStore = hubStore;
        this.places = places;
        this.reports = reports;
        this.sources = sources;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping(CiteWhereRead.PATH)
    String choose(
            @RequestParam(name = "post", required = false) String post,
            @RequestParam(name = "story", required = false) String story,
            @RequestParam(name = "publication", required = false) String publication,
            Model model,
            Locale locale) {
        Source source = source(post, story, publication);
        return page(model, locale, source, "", "", FormErrors.none());
    }

    @PostMapping(CiteWhereRead.PATH)
    String cite(
            @RequestParam(name = "post", required = false) String post,
            @RequestParam(name = "story", required = false) String story,
            @RequestParam(name = "publication", required = false) String publication,
            @RequestParam(name = "target", defaultValue = "") String target,
            @RequestParam(name = "text", defaultValue = "") String text,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Source source = source(post, story, publication);
        MapBindingResult errors = HubController.errors("cite");
        // "point:<report>:<key point>" or "new:<report>"
        String[] parts = target.split(":");
        long reportId = parts.length >= 2 ? HubController.number(parts[1]) : 0;
        Long keyPoint = parts.length == 3 && parts[0].equals("point") ? HubController.number(parts[2]) : null;
        boolean valid = reportId > 0 && (parts[0].equals("new") && parts.length == 2 || keyPoint != null);
        Optional<Long> cited = Optional.empty();
        if (!valid) {
            errors.rejectValue("target", "antennas.cite.target.required");
        } else {
            AntennaPlaces.ReportPlace place = places.report(reportId);
            cited = reports.citeWhereRead(
                    place.hub(), place.report(), keyPoint, text, source.kind(), source.id(), errors);
        }
        if (cited.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, locale, source, target, text, FormErrors.of(errors, messages, locale));
        }
        return "redirect:/reports/" + reportId + "/edit#point-" + cited.get();
    }

    private String page(Model model, Locale locale, Source source, String target, String text, FormErrors errors) {
        AccountId me = accounts.signedIn().orElseThrow(() -> new AccessDeniedException("sign in"));
        List<Hub> mine = hubStore.all(hubStore.hubsWhere(me.value(), HubRole.RAPPORTEUR));
        if (mine.isEmpty()) {
            throw new AccessDeniedException("only rapporteurs cite in reports");
        }
        List<HubViews.CiteTarget> targets = new ArrayList<>();
        String refusal = "antennas.cite.notHub";
        for (Hub hub : mine) {
            Optional<String> refused = sources.refusal(hub, source.kind(), source.id(), "");
            if (refused.isEmpty()) {
                targets.add(new HubViews.CiteTarget(hub, reports.ofHub(hub)));
            } else {
                refusal = refused.get();
            }
        }
        Report.Citation citation = new Report.Citation(0, 0, source.kind(), source.id(), "");
        model.addAttribute(
                "quote",
                targets.isEmpty()
                        ? null
                        : sources.resolve(List.of(citation), accounts.readerLanguages(locale))
                                .getFirst());
        model.addAttribute("targets", targets);
        model.addAttribute("refusal", targets.isEmpty() ? refusal : null);
        model.addAttribute(
                "sourceField",
                switch (source.kind()) {
                    case POST -> "post";
                    case PUBLICATION -> "publication";
                    default -> "story";
                });
        model.addAttribute("sourceId", source.id());
        model.addAttribute("target", target);
        model.addAttribute("text", text);
        model.addAttribute("errors", errors);
        return "antennas/cite";
    }

    private record Source(CitationKind kind, long id) {}

    private static Source source(String post, String story, String publication) {
        CitationKind kind = post != null
                ? CitationKind.POST
                : story != null ? CitationKind.STORY : publication != null ? CitationKind.PUBLICATION : null;
        long id = kind == null
                ? 0
                : HubController.number(
                        switch (kind) {
                            case POST -> post;
                            case STORY -> story;
                            default -> publication;
                        });
        if (id == 0) {
            throw AntennaPlaces.notFound();
        }
        return new Source(kind, id);
    }
}
