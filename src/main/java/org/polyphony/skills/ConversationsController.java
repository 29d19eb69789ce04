package org.polyphony.skills;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.ActionLimits;
import org.polyphony.accounts.PostingAllowance;
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
import org.springframework.web.server.ResponseStatusException;

/**
 * The contact channel under a candidate number. The organisation's admins write to a number of their candidate
 * list; the worker reads and answers on their own pages, and the organisation sees the answer under the number
 * only: a worker tells who they are by expressing interest and sharing their name, never by answering.
 */
@Controller
class ConversationsController {

    private final SkillsPlaces places;
    private final Opportunities opportunities;
    private final OpportunityViews views;
    private final SkillsProfiles profiles;
    private final Candidates candidates;
    private final Conversations conversations;
    private final OrganisationRoles organisations;
    private final ActionLimits limits;
    private final MessageSource messages;
    private final Interests interests;
    private final CandidateNumbers numbers;
    private final ConversationReports reports;
    private final PostingAllowance allowance;

    ConversationsController(
            SkillsPlaces places,
            Opportunities opportunities,
            OpportunityViews views,
            SkillsProfiles profiles,
            Candidates candidates,
            Conversations conversations,
            OrganisationRoles organisations,
            ActionLimits limits,
            MessageSource messages,
            Interests interests,
            CandidateNumbers numbers,
            ConversationReports reports,
            PostingAllowance allowance) {
        this.places = places;
        this.opportunities = opportunities;
        this.views = views;
        this.profiles = profiles;
        this.candidates = candidates;
        this.conversations = conversations;
        this.organisations = organisations;
        this.limits = limits;
        this.messages = messages;
        this.interests = interests;
        this.numbers = numbers;
        this.reports = reports;
        this.allowance = allowance;
    }

    // the organisation's side: reached through the number of its own candidate list only

    @GetMapping("/skills/opportunities/{id}/candidates/{number}/messages")
    String organisationSide(
            @PathVariable long id,
            @PathVariable String number,
            @RequestParam(name = "notice", required = false) String notice,
            Model model,
            Locale locale) {
        Opportunity opportunity = places.administered(id);
        var conversation = conversations.under(id, number);
        if (conversation.isEmpty()) {
            candidates.profileBehind(opportunity, number).orElseThrow(SkillsPlaces::notFound);
        }
        conversation.ifPresent(c -> conversations.readByOrganisation(c.id()));
        model.addAttribute(
                "notice",
                "sent".equals(notice)
                        ? "skills.conversation.sent"
                        : "reported".equals(notice) ? "skills.conversationReport.saved" : null);
        return page(
                model,
                opportunity,
                conversation.orElse(null),
                number,
                false,
                new Conversations.Form(""),
                FormErrors.none(),
                locale);
    }

    @PostMapping("/skills/opportunities/{id}/candidates/{number}/messages")
    String writeToCandidate(
            @PathVariable long id,
            @PathVariable String number,
            @ModelAttribute("form") Conversations.Form form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AccountId me = places.signedIn();
        Opportunity opportunity = places.administered(id);
        var existing = conversations.under(id, number);
        // a new conversation only with a candidate of the list as it is now; an old one until the worker ends it
        Long profile = existing.map(Conversations.Conversation::profile)
                .orElseGet(() -> candidates.profileBehind(opportunity, number).orElseThrow(SkillsPlaces::notFound));
        if (existing.map(Conversations.Conversation::closed).orElse(false)) {
            result.reject("skills.conversation.closedByWorker");
        }
        suspended(me, result);
        if (result.hasErrors() || !Conversations.acceptable(form.body(), result)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("notice", null);
            return page(
                    model,
                    opportunity,
                    existing.orElse(null),
                    number,
                    false,
                    form,
                    FormErrors.of(result, messages, locale),
                    locale);
        }
        limit(me);
        var conversation = existing.orElseGet(() -> conversations.open(id, profile, number));
        conversations.fromOrganisation(conversation, me, form.body());
        return "redirect:/skills/opportunities/" + id + "/candidates/" + number + "/messages?notice=sent";
    }

    // the worker's side

    @GetMapping("/skills/conversations")
    String mine(Model model, Locale locale) {
        var profile = profiles.of(places.signedIn());
        List<Conversations.Summary> mine =
                profile.map(p -> conversations.ofProfile(p.id())).orElse(List.of());
        List<Opportunity> about = mine.stream()
                .flatMap(s -> opportunities.find(s.conversation().opportunity()).stream())
                .toList();
        Map<Long, OpportunityView> byId = views.of(about, locale).stream()
                .collect(Collectors.toMap(v -> v.opportunity().id(), Function.identity(), (a, b) -> a));
        model.addAttribute("conversations", mine);
        model.addAttribute("opportunities", byId);
        return "skills/conversations";
    }

    @GetMapping("/skills/conversations/{conversation}")
    String workerSide(
            @PathVariable long conversation,
            @RequestParam(name = "notice", required = false) String notice,
            Model model,
            Locale locale) {
        Conversations.Conversation found = own(conversation);
        conversations.readByWorker(found.id());
        model.addAttribute(
                "notice",
                notice == null
                        ? null
                        : switch (notice) {
                            case "sent" -> "skills.conversation.sent";
                            case "closed" -> "skills.conversation.closedNotice";
                            case "reopened" -> "skills.conversation.reopenedNotice";
                            case "reported" -> "skills.conversationReport.saved";
                            default -> null;
                        });
        Opportunity opportunity = opportunities.find(found.opportunity()).orElseThrow(SkillsPlaces::notFound);
        return page(
                model, opportunity, found, found.number(), true, new Conversations.Form(""), FormErrors.none(), locale);
    }

    @PostMapping("/skills/conversations/{conversation}")
    String answer(
            @PathVariable long conversation,
            @ModelAttribute("form") Conversations.Form form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Conversations.Conversation found = own(conversation);
        Opportunity opportunity = opportunities.find(found.opportunity()).orElseThrow(SkillsPlaces::notFound);
        suspended(places.signedIn(), result);
        if (result.hasErrors() || !Conversations.acceptable(form.body(), result)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("notice", null);
            return page(
                    model,
                    opportunity,
                    found,
                    found.number(),
                    true,
                    form,
                    FormErrors.of(result, messages, locale),
                    locale);
        }
        limit(places.signedIn());
        conversations.fromWorker(found, form.body());
        return "redirect:/skills/conversations/" + found.id() + "?notice=sent";
    }

    @PostMapping("/skills/conversations/{conversation}/close")
    String close(@PathVariable long conversation, @RequestParam(name = "closed", defaultValue = "true") String closed) {
        Conversations.Conversation found = own(conversation);
        boolean close = !"false".equals(closed);
        conversations.close(found.id(), close);
        return "redirect:/skills/conversations/" + found.id() + "?notice=" + (close ? "closed" : "reopened");
    }

    // the worker writes first, under their number, about an opportunity they expressed interest in

    @GetMapping("/skills/opportunities/{id}/conversation")
    String startForm(@PathVariable long id, Model model, Locale locale) {
        InterestedWorker worker = interestedWorker(id);
        var existing = conversations.under(id, worker.number());
        if (existing.isPresent()) {
            return "redirect:/skills/conversations/" + existing.get().id();
        }
        model.addAttribute("notice", null);
        return page(
                model,
                worker.opportunity(),
                null,
                worker.number(),
                true,
                new Conversations.Form(""),
                FormErrors.none(),
                locale);
    }

    @PostMapping("/skills/opportunities/{id}/conversation")
    String start(
            @PathVariable long id,
            @ModelAttribute("form") Conversations.Form form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        InterestedWorker worker = interestedWorker(id);
        var existing = conversations.under(id, worker.number());
        suspended(places.signedIn(), result);
        if (result.hasErrors() || !Conversations.acceptable(form.body(), result)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("notice", null);
            return page(
                    model,
                    worker.opportunity(),
                    existing.orElse(null),
                    worker.number(),
                    true,
                    form,
                    FormErrors.of(result, messages, locale),
                    locale);
        }
        limit(places.signedIn());
        var conversation = existing.orElseGet(() -> conversations.open(id, worker.profile(), worker.number()));
        conversations.fromWorker(conversation, form.body());
        return "redirect:/skills/conversations/" + conversation.id() + "?notice=sent";
    }

    /** The signed-in worker, with their number, where they expressed interest in this open opportunity; else 404. */
    private InterestedWorker interestedWorker(long id) {
        AccountId me = places.signedIn();
        Opportunity opportunity = places.readable(id);
        SkillsProfile profile = profiles.of(me).orElseThrow(SkillsPlaces::notFound);
        if (!opportunity.open() || !interests.ofProfile(profile.id()).containsKey(id)) {
            throw SkillsPlaces.notFound();
        }
        return new InterestedWorker(opportunity, profile.id(), numbers.of(id, profile));
    }

    private record InterestedWorker(Opportunity opportunity, long profile, String number) {}

    // reports to the moderators, by either side

    @GetMapping("/skills/conversations/{conversation}/report")
    String workerReportForm(@PathVariable long conversation, Model model, Locale locale) {
        Conversations.Conversation found = own(conversation);
        return reportPage(model, found, true, new ReportFields("", ""), FormErrors.none(), locale);
    }

    @PostMapping("/skills/conversations/{conversation}/report")
    String workerReport(
            @PathVariable long conversation,
            @ModelAttribute("form") ReportFields form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Conversations.Conversation found = own(conversation);
        if (!reports.report(found, true, places.signedIn(), form.reason(), form.note(), result)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return reportPage(model, found, true, form, FormErrors.of(result, messages, locale), locale);
        }
        return "redirect:/skills/conversations/" + found.id() + "?notice=reported";
    }

    @GetMapping("/skills/opportunities/{id}/candidates/{number}/messages/report")
    String organisationReportForm(@PathVariable long id, @PathVariable String number, Model model, Locale locale) {
        Conversations.Conversation found = administeredConversation(id, number);
        return reportPage(model, found, false, new ReportFields("", ""), FormErrors.none(), locale);
    }

    @PostMapping("/skills/opportunities/{id}/candidates/{number}/messages/report")
    String organisationReport(
            @PathVariable long id,
            @PathVariable String number,
            @ModelAttribute("form") ReportFields form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Conversations.Conversation found = administeredConversation(id, number);
        if (!reports.report(found, false, places.signedIn(), form.reason(), form.note(), result)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return reportPage(model, found, false, form, FormErrors.of(result, messages, locale), locale);
        }
        return "redirect:/skills/opportunities/" + id + "/candidates/" + found.number() + "/messages?notice=reported";
    }

    /** The report form: why, and what happened in the reporter's words. */
    record ReportFields(String reason, String note) {
        ReportFields {
            reason = reason == null ? "" : reason.strip();
            note = note == null ? "" : note.strip();
        }
    }

    /** A conversation that exists under a number of an opportunity the signed-in person administers; else 404. */
    private Conversations.Conversation administeredConversation(long id, String number) {
        places.administered(id);
        return conversations.under(id, number).orElseThrow(SkillsPlaces::notFound);
    }

    private String reportPage(
            Model model,
            Conversations.Conversation conversation,
            boolean worker,
            ReportFields form,
            FormErrors errors,
            Locale locale) {
        Opportunity opportunity = opportunities.find(conversation.opportunity()).orElseThrow(SkillsPlaces::notFound);
        String back = worker
                ? "/skills/conversations/" + conversation.id()
                : "/skills/opportunities/" + opportunity.id() + "/candidates/" + conversation.number() + "/messages";
        model.addAttribute("opportunity", views.of(opportunity, locale));
        model.addAttribute("number", conversation.number());
        model.addAttribute("back", back);
        model.addAttribute("worker", worker);
        model.addAttribute("reason", form.reason());
        model.addAttribute("note", form.note());
        model.addAttribute("errors", errors);
        return "skills/conversation-report";
    }

    /** A suspended account writes nowhere, here neither (counted nowhere else: this channel has its own limit). */
    private void suspended(AccountId me, org.springframework.validation.Errors errors) {
        if (allowance.mayWriteUncounted(me) == PostingAllowance.Verdict.SUSPENDED) {
            errors.reject(PostingAllowance.Verdict.SUSPENDED.messageKey());
        }
    }

    /** A conversation of the signed-in worker's profile; 404 for anyone else, a guessed id included. */
    private Conversations.Conversation own(long id) {
        AccountId me = places.signedIn();
        long profile = profiles.of(me).map(SkillsProfile::id).orElseThrow(SkillsPlaces::notFound);
        return conversations.find(id).filter(c -> c.profile() == profile).orElseThrow(SkillsPlaces::notFound);
    }

    private void limit(AccountId me) {
        if (!limits.by("skills-conversation", String.valueOf(me.value()), 60, Duration.ofHours(1))) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS);
        }
    }

    private String page(
            Model model,
            Opportunity opportunity,
            Conversations.Conversation conversation,
            String number,
            boolean worker,
            Conversations.Form form,
            FormErrors errors,
            Locale locale) {
        String organisation = organisations
                .organisation(opportunity.organisation())
                .map(OrganisationRoles.Organisation::name)
                .orElse("");
        String action = !worker
                ? "/skills/opportunities/" + opportunity.id() + "/candidates/" + number + "/messages"
                : conversation == null
                        ? "/skills/opportunities/" + opportunity.id() + "/conversation"
                        : "/skills/conversations/" + conversation.id();
        model.addAttribute(
                "view",
                new Conversations.View(
                        conversation,
                        views.of(opportunity, locale),
                        organisation,
                        conversation == null ? List.of() : conversations.messages(conversation.id()),
                        worker,
                        action));
        model.addAttribute("number", number);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "skills/conversation";
    }
}
