package org.polyphony.antennas;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.Role;
import org.polyphony.antennas.HubViews.*;
import org.polyphony.dialogue.ThreadForm;
import org.polyphony.dialogue.ThreadReferences;
import org.polyphony.dialogue.ThreadReferences.ReferencedThread;
import org.polyphony.forums.Edition;
import org.polyphony.opinions.ConversationForm;
import org.polyphony.opinions.ConversationId;
import org.polyphony.opinions.ConversationListings;
import org.polyphony.opinions.ConversationViews;
import org.polyphony.people.OrganisationRoles;
import org.polyphony.translation.Shown;
import org.polyphony.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The hubs of an edition, a hub's page, its management, membership and the threads of its regional tracks. */
@Controller
class HubController {

    private final AntennaPlaces places;
    private final HubManagement hubs;
    private final Meetings meetings;
    private final Reports reports;
    private final ThreadReferences threads;
    private final AccountDirectory accounts;
    private final MessageSource messages;
    private final HubOrganisations organisations;
    private final OrganisationRoles directory;
    private final ConversationListings listings;

    HubController(
            AntennaPlaces places,
            HubManagement hubs,
            HubOrganisations organisations,
            OrganisationRoles directory,
            ConversationListings listings,
            Meetings meetings,
            Reports reports,
            ThreadReferences threads,
            AccountDirectory accounts,
            MessageSource messages) {
        this.places = places;
        this.hubs = hubs;
        this.organisations = organisations;
        this.directory = directory;
        this.listings = listings;
        this.meetings = meetings;
        this.reports = reports;
        this.threads = threads;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/editions/{slug}/antennas")
    String list(@PathVariable String slug, Model model, Locale locale) {
        return listPage(model, places.edition(slug), HubForm.blank(locale.getLanguage()), FormErrors.none());
    }

    @PostMapping("/editions/{slug}/antennas")
    String create(
            @PathVariable String slug,
            @Valid @ModelAttribute("form") HubForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Edition edition = places.edition(slug);
        Optional<Long> created = hubs.create(edition, form, result);
        if (created.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return listPage(model, edition, form, FormErrors.of(result, messages, locale));
        }
        return "redirect:/antennas/" + created.get() + "/manage";
    }

    private String listPage(Model model, Edition edition, HubForm form, FormErrors errors) {
        model.addAttribute("edition", edition);
        model.addAttribute("hubs", hubs.ofEdition(edition));
        model.addAttribute("organiser", places.organiser());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "languages",
                org.polyphony.languages.ReadingLanguages.named(
                        org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        return "antennas/hubs";
    }

    @GetMapping("/antennas/{id}")
    String hub(@PathVariable long id, Model model, Locale locale) {
        return hubPage(model, places.hub(id), locale, ThreadForm.blank(), "", FormErrors.none());
    }

    /** Starts a thread of the hub's regional track of a session; it is a thread of that session's dialogue. */
    @PostMapping("/antennas/{id}/threads")
    String startThread(
            @PathVariable long id,
            @RequestParam(name = "session", required = false) String sessionCode,
            @Valid @ModelAttribute("form") ThreadForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AntennaPlaces.HubPlace place = places.hub(id);
        if (!place.access().signedIn()) {
            throw new org.springframework.security.access.AccessDeniedException("sign in");
        }
        if (place.edition().archived()) {
            result.reject("antennas.edition.archived");
        }
        Optional<Edition.ForumSession> session =
                sessionCode == null ? Optional.empty() : place.edition().session(sessionCode);
        if (session.isEmpty()) {
            result.reject("antennas.thread.session.required");
        }
        Optional<ReferencedThread> started = result.hasErrors()
                ? Optional.empty()
                : hubs.startThread(
                        place.hub(),
                        session.get(),
                        form,
                        result,
                        session.get().premoderated() && !accounts.signedInAs(Role.MODERATOR));
        if (started.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return hubPage(
                    model,
                    place,
                    locale,
                    form,
                    sessionCode == null ? "" : sessionCode,
                    FormErrors.of(result, messages, locale));
        }
        return "redirect:/threads/" + started.get().id()
                + (started.get().visibility() == ThreadReferences.Visibility.AWAITING ? "?awaiting" : "");
    }

    /** A coordinator opens an opinion conversation of the hub's regional track of a session. */
    @PostMapping("/antennas/{id}/conversations")
    String openConversation(
            @PathVariable long id,
            @RequestParam(name = "session", required = false) String sessionCode,
            @Valid @ModelAttribute("conversation") ConversationForm conversation,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AntennaPlaces.HubPlace place = places.hub(id);
        hubs.requireManager(place.hub());
        if (place.edition().archived()) {
            result.reject("antennas.edition.archived");
        }
        Optional<Edition.ForumSession> session =
                sessionCode == null ? Optional.empty() : place.edition().session(sessionCode);
        if (session.isEmpty()) {
            result.reject("antennas.thread.session.required");
        }
        Optional<ConversationId> opened = session.isEmpty()
                ? Optional.empty()
                : hubs.openConversation(place.hub(), session.get(), conversation, result);
        if (opened.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("conversation", conversation);
            model.addAttribute("conversationSession", sessionCode == null ? "" : sessionCode);
            model.addAttribute("conversationErrors", FormErrors.of(result, messages, locale));
            return hubPage(model, place, locale, ThreadForm.blank(), "", FormErrors.none());
        }
        return "redirect:/conversations/" + opened.get().value();
    }

    private String hubPage(
            Model model,
            AntennaPlaces.HubPlace place,
            Locale locale,
            ThreadForm form,
            String chosenSession,
            FormErrors errors) {
        Hub hub = place.hub();
        List<String> languages = accounts.readerLanguages(locale);
        List<ReferencedThread> all = threads.threads(hubs.threadIds(hub)).stream()
                .filter(t -> t.visibility() == ThreadReferences.Visibility.VISIBLE)
                .toList();
        Map<Long, Shown> titles =
                threads.titles(all.stream().map(ReferencedThread::id).toList(), languages);
        List<HubStore.HubConversation> opened = hubs.conversations(hub);
        Map<Long, ConversationViews.Listed> conversations = new java.util.HashMap<>();
        for (ConversationViews.Listed listed : listings.listed(
                opened.stream().map(c -> new ConversationId(c.conversationId())).toList(), languages)) {
            conversations.put(listed.conversation().id().value(), listed);
        }
        List<Track> tracks = new ArrayList<>();
        for (Edition.Roundtable roundtable : place.edition().roundtables()) {
            for (Edition.ForumSession session : roundtable.sessions()) {
                List<ConversationViews.Listed> ofSession = opened.stream()
                        .filter(c -> c.sessionId() == session.id().value())
                        .map(c -> conversations.get(c.conversationId()))
                        .filter(java.util.Objects::nonNull)
                        .toList();
                List<TrackThread> of = all.stream()
                        .filter(t -> t.sessionId() == session.id().value())
                        .map(t -> {
                            Shown title = titles.get(t.id());
                            boolean translated = title != null && title.translated();
                            return new TrackThread(
                                    t,
                                    translated ? title.text() : t.title(),
                                    translated ? title.language() : t.language());
                        })
                        .toList();
                if (!of.isEmpty() || !ofSession.isEmpty()) {
                    tracks.add(new Track(session, of, ofSession));
                }
            }
        }
        model.addAttribute("edition", place.edition());
        model.addAttribute("hub", hub);
        model.addAttribute("access", place.access());
        model.addAttribute("people", people(hub));
        model.addAttribute(
                "memberCount",
                hubs.members(hub).stream().filter(HubStore.Member::accepted).count());
        model.addAttribute("organisations", organisations.members(hub));
        model.addAttribute("administered", organisations.administered(hub));
        model.addAttribute("meetings", meetings.ofHub(hub.id()));
        model.addAttribute("tracks", tracks);
        model.addAttribute(
                "reports",
                reports.ofHub(hub).stream()
                        .filter(r -> Reports.readable(r, place.access()))
                        .toList());
        if (!model.containsAttribute("conversationErrors")) {
            model.addAttribute("conversation", ConversationForm.blank());
            model.addAttribute("conversationSession", "");
            model.addAttribute("conversationErrors", FormErrors.none());
        }
        model.addAttribute("readerZone", ReaderTimeZones.current().orElse(null));
        model.addAttribute("description", hubs.description(hub, languages).orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("chosenSession", chosenSession);
        model.addAttribute("errors", errors);
        return "antennas/hub";
    }

    private List<Person> people(Hub hub) {
        List<HubStore.Holder> holders = hubs.holders(hub);
        Map<AccountId, String> names = accounts.displayNames(
                holders.stream().map(h -> new AccountId(h.accountId())).toList());
        return holders.stream()
                .filter(h -> names.containsKey(new AccountId(h.accountId())))
                .map(h -> new Person(h.accountId(), names.get(new AccountId(h.accountId())), h.role()))
                .toList();
    }

    @PostMapping("/antennas/{id}/join")
    String join(@PathVariable long id) {
        hubs.requestMembership(places.hub(id).hub());
        return "redirect:/antennas/" + id + "?requested";
    }

    @PostMapping("/antennas/{id}/leave")
    String leave(@PathVariable long id) {
        hubs.leave(places.hub(id).hub());
        return "redirect:/antennas/" + id;
    }

    @GetMapping("/antennas/{id}/manage")
    String manage(@PathVariable long id, Model model) {
        AntennaPlaces.HubPlace place = places.hub(id);
        hubs.requireManager(place.hub());
        return managePage(
                model, place, HubForm.of(place.hub()), AppointForm.blank(), FormErrors.none(), FormErrors.none());
    }

    /** A coordinator invites an organisation of the directory to be a member of the hub. */
    @PostMapping("/antennas/{id}/organisations/invite")
    String invite(
            @PathVariable long id,
            @RequestParam(name = "organisation", defaultValue = "") String organisation,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AntennaPlaces.HubPlace place = places.hub(id);
        MapBindingResult result = errors("invite");
        organisations.invite(place.hub(), number(organisation), result);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("organisationErrors", FormErrors.of(result, messages, locale));
            model.addAttribute("chosenOrganisation", organisation);
            return managePage(
                    model, place, HubForm.of(place.hub()), AppointForm.blank(), FormErrors.none(), FormErrors.none());
        }
        return "redirect:/antennas/" + id + "/manage?invited#organisations-title";
    }

    @PostMapping("/antennas/{id}/organisations/accept")
    String acceptOrganisation(
            @PathVariable long id, @RequestParam(name = "organisation", defaultValue = "0") String organisation) {
        organisations.accept(places.hub(id).hub(), number(organisation));
        return "redirect:/antennas/" + id + "/manage#organisations-title";
    }

    /** An admin of an organisation asks to join for it, or accepts the hub's invitation. */
    @PostMapping("/antennas/{id}/organisations/join")
    String joinAsOrganisation(
            @PathVariable long id, @RequestParam(name = "organisation", defaultValue = "0") String organisation) {
        organisations.join(places.hub(id).hub(), number(organisation));
        return "redirect:/antennas/" + id + "#organisations-title";
    }

    /** The hub's managers remove an organisation; its admins withdraw it, decline or cancel their request. */
    @PostMapping("/antennas/{id}/organisations/remove")
    String removeOrganisation(
            @PathVariable long id,
            @RequestParam(name = "organisation", defaultValue = "0") String organisation,
            @RequestParam(name = "back", defaultValue = "") String back) {
        organisations.remove(places.hub(id).hub(), number(organisation));
        return "redirect:/antennas/" + id + ("manage".equals(back) ? "/manage" : "") + "#organisations-title";
    }

    @PostMapping("/antennas/{id}/manage")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") HubForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AntennaPlaces.HubPlace place = places.hub(id);
        hubs.update(place.hub(), form, result);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return managePage(
                    model,
                    place,
                    form,
                    AppointForm.blank(),
                    FormErrors.of(result, messages, locale),
                    FormErrors.none());
        }
        return "redirect:/antennas/" + id + "/manage?saved";
    }

    @PostMapping("/antennas/{id}/roles")
    String appoint(
            @PathVariable long id,
            @ModelAttribute("appoint") AppointForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AntennaPlaces.HubPlace place = places.hub(id);
        hubs.appoint(place.hub(), form.person(), form.role(), result);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return managePage(
                    model,
                    place,
                    HubForm.of(place.hub()),
                    form,
                    FormErrors.none(),
                    FormErrors.of(result, messages, locale));
        }
        return "redirect:/antennas/" + id + "/manage?appointed";
    }

    @PostMapping("/antennas/{id}/roles/remove")
    String dismiss(
            @PathVariable long id,
            @RequestParam(name = "account", defaultValue = "0") String account,
            @RequestParam(name = "role", defaultValue = "") String role) {
        hubs.dismiss(places.hub(id).hub(), number(account), role);
        return "redirect:/antennas/" + id + "/manage";
    }

    @PostMapping("/antennas/{id}/members/accept")
    String accept(@PathVariable long id, @RequestParam(name = "account", defaultValue = "0") String account) {
        hubs.accept(places.hub(id).hub(), number(account));
        return "redirect:/antennas/" + id + "/manage";
    }

    @PostMapping("/antennas/{id}/members/remove")
    String removeMember(@PathVariable long id, @RequestParam(name = "account", defaultValue = "0") String account) {
        hubs.removeMember(places.hub(id).hub(), number(account));
        return "redirect:/antennas/" + id + "/manage";
    }

    private String managePage(
            Model model,
            AntennaPlaces.HubPlace place,
            HubForm form,
            AppointForm appoint,
            FormErrors errors,
            FormErrors appointErrors) {
        List<HubStore.Member> members = hubs.members(place.hub());
        Map<AccountId, String> names = accounts.displayNames(
                members.stream().map(m -> new AccountId(m.accountId())).toList());
        model.addAttribute("edition", place.edition());
        model.addAttribute("hub", place.hub());
        model.addAttribute("people", people(place.hub()));
        model.addAttribute(
                "members",
                members.stream()
                        .filter(m -> names.containsKey(new AccountId(m.accountId())))
                        .map(m -> new MemberRow(m.accountId(), names.get(new AccountId(m.accountId())), m.accepted()))
                        .toList());
        model.addAttribute("hubOrganisations", organisations.all(place.hub()));
        model.addAttribute("organisationChoices", directory.choices());
        if (!model.containsAttribute("organisationErrors")) {
            model.addAttribute("organisationErrors", FormErrors.none());
            model.addAttribute("chosenOrganisation", "");
        }
        model.addAttribute("form", form);
        model.addAttribute("appoint", appoint);
        model.addAttribute("errors", errors);
        model.addAttribute("appointErrors", appointErrors);
        model.addAttribute(
                "languages",
                org.polyphony.languages.ReadingLanguages.named(
                        org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        return "antennas/manage";
    }

    static long number(String text) {
        return text != null && text.matches("\\d{1,18}") ? Long.parseLong(text) : 0;
    }

    static MapBindingResult errors(String name) {
        return new MapBindingResult(new java.util.HashMap<>(), name);
    }
}
