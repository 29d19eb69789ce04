package org.polyphony.antennas;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.polyphony.forums.Edition;
import org.polyphony.languages.ReadingLanguages;
import org.polyphony.languages.Regions;
import org.polyphony.statistics.CellSuppression;
import org.polyphony.statistics.SmallCells;
import org.polyphony.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Meetings: set-up, registration and waiting list, iCalendar files and feeds, minutes and attendance. */
@Controller
class MeetingController {

    private final AntennaPlaces places;
    private final Meetings meetings;
    private final HubManagement hubs;
    private final SmallCells smallCells;
    private final MessageSource messages;
    private final org.polyphony.accounts.AccountDirectory accounts;

    MeetingController(
            AntennaPlaces places,
            Meetings meetings,
            HubManagement hubs,
            SmallCells smallCells,
            MessageSource messages,
            org.polyphony.accounts.AccountDirectory accounts) {
        this.places = places;
        this.meetings = meetings;
        this.hubs = hubs;
        this.smallCells = smallCells;
        this.messages = messages;
        this.accounts = accounts;
    }

    @GetMapping("/antennas/{id}/meetings/new")
    String newMeeting(@PathVariable long id, Model model, Locale locale) {
        AntennaPlaces.HubPlace place = places.hub(id);
        hubs.requireManager(place.hub());
        return formPage(
                model, place.edition(), place.hub(), null, MeetingForm.blank(locale.getLanguage()), FormErrors.none());
    }

    @PostMapping("/antennas/{id}/meetings")
    String create(
            @PathVariable long id,
            @Valid @ModelAttribute("form") MeetingForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AntennaPlaces.HubPlace place = places.hub(id);
        hubs.requireManager(place.hub());
        Optional<Long> created = meetings.create(place.edition(), place.hub().id(), form, result);
        if (created.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return formPage(model, place.edition(), place.hub(), null, form, FormErrors.of(result, messages, locale));
        }
        return "redirect:/meetings/" + created.get();
    }

    /** The edition's own meetings (the Civil Society Days), set up by organisers. */
    @GetMapping("/editions/{slug}/meetings/new")
    String newEditionMeeting(@PathVariable String slug, Model model, Locale locale) {
        requireOrganiser();
        MeetingForm blank = MeetingForm.blank(locale.getLanguage());
        return formPage(
                model,
                places.edition(slug),
                null,
                null,
                new MeetingForm(
                        "",
                        "CIVIL_SOCIETY_DAYS",
                        "",
                        "09:00",
                        "17:00",
                        "UTC",
                        "IN_PERSON",
                        "",
                        "",
                        "",
                        "",
                        "",
                        blank.language()),
                FormErrors.none());
    }

    @PostMapping("/editions/{slug}/meetings")
    String createEditionMeeting(
            @PathVariable String slug,
            @Valid @ModelAttribute("form") MeetingForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        requireOrganiser();
        Edition edition = places.edition(slug);
        Optional<Long> created = meetings.create(edition, null, form, result);
        if (created.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return formPage(model, edition, null, null, form, FormErrors.of(result, messages, locale));
        }
        return "redirect:/meetings/" + created.get();
    }

    @GetMapping("/meetings/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        AntennaPlaces.MeetingPlace place = managed(id);
        Meeting m = place.meeting();
        MeetingForm form = new MeetingForm(
                m.title(),
                m.kind().name(),
                MeetingTimes.date(m.startsAt(), m.zone()),
                MeetingTimes.time(m.startsAt(), m.zone()),
                MeetingTimes.time(m.endsAt(), m.zone()),
                m.zone().getId(),
                m.mode().name(),
                m.place(),
                m.onlineLink(),
                m.capacity() == null ? "" : String.valueOf(m.capacity()),
                m.question() == null ? "" : m.question(),
                programmeText(place.edition(), m),
                m.language());
        return formPage(model, place.edition(), place.hub(), m, form, FormErrors.none());
    }

    @PostMapping("/meetings/{id}/edit")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") MeetingForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AntennaPlaces.MeetingPlace place = managed(id);
        meetings.update(place.edition(), place.meeting(), form, result);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return formPage(
                    model,
                    place.edition(),
                    place.hub(),
                    place.meeting(),
                    form,
                    FormErrors.of(result, messages, locale));
        }
        return "redirect:/meetings/" + id;
    }

    @GetMapping("/meetings/{id}")
    String meeting(
            @PathVariable long id,
            @RequestParam(name = "registered", required = false) String registered,
            @RequestParam(name = "waiting", required = false) String waiting,
            @RequestParam(name = "timeZone", required = false) String timeZone,
            Model model,
            Locale locale) {
        return meetingPage(
                model,
                places.meeting(id),
                locale,
                "",
                FormErrors.none(),
                registered != null
                        ? "antennas.register.done"
                        : waiting != null
                                ? "antennas.register.waiting"
                                : timeZone != null ? "antennas.time.unknown" : null);
    }

    @PostMapping("/meetings/{id}/register")
    String register(
            @PathVariable long id,
            @RequestParam(name = "answer", required = false) String answer,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AntennaPlaces.MeetingPlace place = places.meeting(id);
        if (!place.access().signedIn() && accounts.signedIn().isEmpty()) {
            throw new AccessDeniedException("sign in to register");
        }
        Map<String, Object> typed = new java.util.HashMap<>();
        typed.put("answer", answer);
        MapBindingResult errors = new MapBindingResult(typed, "registration");
        Optional<Meetings.Registered> outcome = meetings.register(place.meeting(), answer, errors);
        if (outcome.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return meetingPage(
                    model, place, locale, answer == null ? "" : answer, FormErrors.of(errors, messages, locale), null);
        }
        return "redirect:/meetings/" + id + (outcome.get() == Meetings.Registered.WAITING ? "?waiting" : "?registered");
    }

    @PostMapping("/meetings/{id}/unregister")
    String unregister(@PathVariable long id) {
        AntennaPlaces.MeetingPlace place = places.meeting(id);
        if (accounts.signedIn().isEmpty()) {
            throw new AccessDeniedException("sign in");
        }
        meetings.unregister(place.meeting());
        return "redirect:/meetings/" + id;
    }

    @PostMapping("/meetings/{id}/cancel")
    String cancel(@PathVariable long id) {
        meetings.cancel(managed(id).meeting());
        return "redirect:/meetings/" + id;
    }

    @PostMapping("/meetings/{id}/registration")
    String openOrClose(@PathVariable long id, @RequestParam(name = "open", defaultValue = "false") String open) {
        meetings.setRegistrationOpen(managed(id).meeting(), "true".equals(open));
        return "redirect:/meetings/" + id;
    }

    @GetMapping("/meetings/{id}/registrations")
    String registrations(@PathVariable long id, Model model) {
        AntennaPlaces.MeetingPlace place = managed(id);
        model.addAttribute("edition", place.edition());
        model.addAttribute("meeting", place.meeting());
        model.addAttribute("registrants", meetings.registrants(place.meeting()));
        return "antennas/registrations";
    }

    @GetMapping("/meetings/{id}/minutes")
    String minutesForm(@PathVariable long id, Model model) {
        AntennaPlaces.MeetingPlace place = managed(id);
        Meeting m = place.meeting();
        MinutesForm form = new MinutesForm(
                m.minutes() == null ? "" : m.minutes(),
                m.minutesLanguage() == null ? m.language() : m.minutesLanguage(),
                m.outcomes(),
                lines(meetings.attendance(m, "REGION")),
                lines(meetings.attendance(m, "GENDER")));
        return minutesPage(model, place, form, FormErrors.none());
    }

    @PostMapping("/meetings/{id}/minutes")
    String saveMinutes(
            @PathVariable long id,
            @Valid @ModelAttribute("form") MinutesForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AntennaPlaces.MeetingPlace place = managed(id);
        if (!result.hasErrors()) {
            meetings.saveMinutes(place.meeting(), form, result);
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return minutesPage(model, place, form, FormErrors.of(result, messages, locale));
        }
        return "redirect:/meetings/" + id + "#minutes";
    }

    @GetMapping(value = "/meetings/{id}/meeting.ics")
    ResponseEntity<String> ics(@PathVariable long id, HttpServletRequest request) {
        AntennaPlaces.MeetingPlace place = places.meeting(id);
        return calendar(List.of(place.meeting()), place.meeting().title(), "meeting-" + id + ".ics", request);
    }

    @GetMapping(value = "/antennas/{id}/calendar.ics")
    ResponseEntity<String> hubCalendar(@PathVariable long id, HttpServletRequest request) {
        AntennaPlaces.HubPlace place = places.hub(id);
        return calendar(meetings.ofHub(id), place.hub().name(), "hub-" + id + ".ics", request);
    }

    @GetMapping(value = "/editions/{slug}/antennas/calendar.ics")
    ResponseEntity<String> editionCalendar(@PathVariable String slug, HttpServletRequest request) {
        Edition edition = places.edition(slug);
        return calendar(
                meetings.ofEdition(edition.id().value()),
                edition.name().in(Locale.ENGLISH).text(),
                slug + "-meetings.ics",
                request);
    }

    private ResponseEntity<String> calendar(
            List<Meeting> list, String name, String filename, HttpServletRequest request) {
        String base = request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443
                        ? ""
                        : ":" + request.getServerPort());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .body(ICalendar.of(list, base, name, meetings.now()));
    }

    private String meetingPage(
            Model model,
            AntennaPlaces.MeetingPlace place,
            Locale locale,
            String answer,
            FormErrors errors,
            String notice) {
        Meeting m = place.meeting();
        var mine = meetings.myRegistration(m);
        List<String> languages = accounts.readerLanguages(locale);
        var minutes = meetings.minutesShown(m, languages);
        boolean translated = minutes.isPresent() && minutes.get().translated();
        model.addAttribute("edition", place.edition());
        model.addAttribute("hub", place.hub());
        model.addAttribute("meeting", m);
        model.addAttribute("manages", place.manages(places.organiser()));
        model.addAttribute("signedIn", accounts.signedIn().isPresent());
        model.addAttribute(
                "standing",
                mine.isEmpty()
                        ? MeetingViews.Standing.NONE
                        : mine.get().waiting() ? MeetingViews.Standing.WAITING : MeetingViews.Standing.REGISTERED);
        model.addAttribute("registered", meetings.registeredCount(m));
        model.addAttribute("over", m.over(meetings.now()));
        model.addAttribute(
                "programme",
                m.programme().stream()
                        .map(i -> new MeetingViews.Item(
                                i.position(),
                                i.title(),
                                i.sessionId() == null
                                        ? null
                                        : place.edition()
                                                .sessionById(new org.polyphony.forums.ForumSessionId(i.sessionId()))
                                                .map(Edition.ForumSession::code)
                                                .orElse(null)))
                        .toList());
        model.addAttribute(
                "minutesHtml", translated ? meetings.render(minutes.get().text()) : m.minutesHtml());
        model.addAttribute("minutesShown", minutes.orElse(null));
        model.addAttribute("minutesLanguage", translated ? minutes.get().language() : m.minutesLanguage());
        model.addAttribute("attendance", attendance(m, locale));
        model.addAttribute("answer", answer);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        model.addAttribute("readerZone", ReaderTimeZones.current().orElse(null));
        model.addAttribute("zones", ReaderTimeZones.ZONES);
        return "antennas/meeting";
    }

    /**
     * Attendance counts by region and by gender (only as people chose to say), each published with its total. A count
     * below the small-cell minimum is hidden, and so many others that it cannot be worked out from the total and the
     * counts shown ({@link CellSuppression}, complementary suppression); zeros are shown, they single nobody out.
     */
    private MeetingViews.Attendance attendance(Meeting m, Locale locale) {
        MeetingViews.Dimension byRegion = protect(
                meetings.attendance(m, "REGION"),
                region -> Regions.isKnown(region)
                        ? messages.getMessage("region." + region, null, region, locale)
                        : region);
        MeetingViews.Dimension byGender = protect(meetings.attendance(m, "GENDER"), gender -> gender);
        return new MeetingViews.Attendance(byRegion, byGender);
    }

    private MeetingViews.Dimension protect(
            java.util.Map<String, Integer> counts, java.util.function.UnaryOperator<String> label) {
        List<String> categories = List.copyOf(counts.keySet());
        long[] values = categories.stream().mapToLong(counts::get).toArray();
        CellSuppression.Protected shown = CellSuppression.protect(values, smallCells);
        List<MeetingViews.Figure> figures = new java.util.ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            figures.add(new MeetingViews.Figure(label.apply(categories.get(i)), shown.cell(0, i)));
        }
        return new MeetingViews.Dimension(
                figures, categories.isEmpty() ? java.util.OptionalLong.empty() : shown.total());
    }

    private String formPage(
            Model model, Edition edition, Hub hub, Meeting meeting, MeetingForm form, FormErrors errors) {
        model.addAttribute("edition", edition);
        model.addAttribute("hub", hub);
        model.addAttribute("meeting", meeting);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("languages", ReadingLanguages.named(LocaleContextHolder.getLocale()));
        model.addAttribute(
                "action",
                meeting != null
                        ? "/meetings/" + meeting.id() + "/edit"
                        : hub != null
                                ? "/antennas/" + hub.id() + "/meetings"
                                : "/editions/" + edition.slug() + "/meetings");
        return "antennas/meeting-form";
    }

    private String minutesPage(Model model, AntennaPlaces.MeetingPlace place, MinutesForm form, FormErrors errors) {
        model.addAttribute("edition", place.edition());
        model.addAttribute("meeting", place.meeting());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("languages", ReadingLanguages.named(LocaleContextHolder.getLocale()));
        return "antennas/minutes";
    }

    private AntennaPlaces.MeetingPlace managed(long id) {
        AntennaPlaces.MeetingPlace place = places.meeting(id);
        if (!place.manages(places.organiser())) {
            throw new AccessDeniedException("only the hub's coordinators manage its meetings");
        }
        return place;
    }

    private void requireOrganiser() {
        if (!places.organiser()) {
            throw new AccessDeniedException("organisers only");
        }
    }

    private static String programmeText(Edition edition, Meeting m) {
        StringBuilder text = new StringBuilder();
        for (Meeting.AgendaItem item : m.programme()) {
            String code = item.sessionId() == null
                    ? null
                    : edition.sessionById(new org.polyphony.forums.ForumSessionId(item.sessionId()))
                            .map(Edition.ForumSession::code)
                            .orElse(null);
            text.append(code == null ? "" : code + ": ").append(item.title()).append('\n');
        }
        return text.toString();
    }

    private static String lines(Map<String, Integer> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
        return text.toString();
    }
}
