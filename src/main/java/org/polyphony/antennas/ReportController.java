package org.polyphony.antennas;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.antennas.ReportViews.Candidate;
import org.polyphony.antennas.ReportViews.Point;
import org.polyphony.antennas.ReportViews.SessionRef;
import org.polyphony.dialogue.ThreadReferences;
import org.polyphony.experiences.StoryCitations;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumSessionId;
import org.polyphony.languages.ReadingLanguages;
import org.polyphony.opinions.OpinionCitations;
import org.polyphony.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

/** Reports: reading, the rapporteurs' editor with its search and assistant, review comments, versions, print. */
@Controller
class ReportController {

    private final AntennaPlaces places;
    private final Reports reports;
    private final HubManagement hubs;
    private final Meetings meetings;
    private final ThreadReferences threads;
    private final StoryCitations stories;
    private final OpinionCitations opinions;
    private final AccountDirectory accounts;
    private final MessageSource messages;

    ReportController(
            AntennaPlaces places,
            Reports reports,
            HubManagement hubs,
            Meetings meetings,
            ThreadReferences threads,
            StoryCitations stories,
            OpinionCitations opinions,
            AccountDirectory accounts,
            MessageSource messages) {
        this.places = places;
        this.reports = reports;
        this.hubs = hubs;
        this.meetings = meetings;
        this.threads = threads;
        this.stories = stories;
        this.opinions = opinions;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/antennas/{id}/reports/new")
    String newReport(@PathVariable long id, Model model, Locale locale) {
        AntennaPlaces.HubPlace place = places.hub(id);
        requireRapporteur(place.access());
        return newPage(model, place, ReportForm.blank(locale.getLanguage()), FormErrors.none());
    }

    @PostMapping("/antennas/{id}/reports")
    String create(
            @PathVariable long id,
            @Valid @ModelAttribute("form") ReportForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AntennaPlaces.HubPlace place = places.hub(id);
        Optional<Long> created = reports.create(place.hub(), place.edition(), form, result);
        if (created.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return newPage(model, place, form, FormErrors.of(result, messages, locale));
        }
        return "redirect:/reports/" + created.get() + "/edit";
    }

    private String newPage(Model model, AntennaPlaces.HubPlace place, ReportForm form, FormErrors errors) {
        model.addAttribute("edition", place.edition());
        model.addAttribute("hub", place.hub());
        model.addAttribute("report", null);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("languages", ReadingLanguages.named(LocaleContextHolder.getLocale()));
        return "antennas/report-new";
    }

    @GetMapping("/reports/{id}")
    String report(@PathVariable long id, Model model, Locale locale) {
        return reportPage(model, places.report(id), locale, FormErrors.none(), "", "antennas/report");
    }

    @GetMapping("/reports/{id}/print")
    String print(@PathVariable long id, Model model, Locale locale) {
        return reportPage(model, places.report(id), locale, FormErrors.none(), "", "antennas/report-print");
    }

    @PostMapping("/reports/{id}/comments")
    String comment(
            @PathVariable long id,
            @RequestParam(name = "keyPoint", required = false) String keyPoint,
            @RequestParam(name = "body", required = false) String body,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AntennaPlaces.ReportPlace place = places.report(id);
        MapBindingResult errors = typed("comment", Map.of("body", body == null ? "" : body));
        Long point = keyPoint == null || keyPoint.isBlank() ? null : HubController.number(keyPoint);
        reports.comment(place.hub(), place.report(), point, body, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return reportPage(model, place, locale, FormErrors.of(errors, messages, locale), body, "antennas/report");
        }
        return "redirect:/reports/" + id + "#comments";
    }

    @GetMapping("/reports/{id}/versions")
    String versions(@PathVariable long id, Model model) {
        AntennaPlaces.ReportPlace place = places.report(id);
        List<ReportStore.Version> versions = reports.versions(place.report());
        List<ReportViews.VersionView> views = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            ReportStore.Version v = versions.get(i);
            ReportStore.Version before = i + 1 < versions.size() ? versions.get(i + 1) : null;
            views.add(new ReportViews.VersionView(v.version(), v.title(), v.note(), v.at(), changes(before, v)));
        }
        model.addAttribute("edition", place.edition());
        model.addAttribute("hub", place.hub());
        model.addAttribute("report", place.report());
        model.addAttribute("versions", views);
        return "antennas/versions";
    }

    /** What changed from one version to the next: title, introduction, key points added and taken out. */
    static List<ReportViews.Change> changes(ReportStore.Version before, ReportStore.Version after) {
        List<ReportViews.Change> changes = new ArrayList<>();
        if (before == null) {
            return changes;
        }
        if (!before.title().equals(after.title())) {
            changes.add(new ReportViews.Change("title", after.title()));
        }
        if (!before.introduction().equals(after.introduction())) {
            changes.add(new ReportViews.Change("introduction", ""));
        }
        for (String point : after.keyPoints()) {
            if (!before.keyPoints().contains(point)) {
                changes.add(new ReportViews.Change("added", point));
            }
        }
        for (String point : before.keyPoints()) {
            if (!after.keyPoints().contains(point)) {
                changes.add(new ReportViews.Change("removed", point));
            }
        }
        return changes;
    }

    @GetMapping("/reports/{id}/edit")
    String edit(
            @PathVariable long id,
            @RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "session", required = false) String session,
            Model model,
            Locale locale) {
        AntennaPlaces.ReportPlace place = places.report(id);
        requireRapporteur(place.access());
        Report r = place.report();
        return editPage(model, place, locale, form(place.edition(), r), query, session, FormErrors.none(), "");
    }

    @PostMapping("/reports/{id}/edit")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") ReportForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AntennaPlaces.ReportPlace place = places.report(id);
        reports.update(place.hub(), place.edition(), place.report(), form, form.note(), result);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editPage(model, place, locale, form, null, null, FormErrors.of(result, messages, locale), "");
        }
        return "redirect:/reports/" + id + "/edit?saved";
    }

    @PostMapping("/reports/{id}/points")
    String addPoint(
            @PathVariable long id,
            @RequestParam(name = "text", required = false) String text,
            @RequestParam(name = "note", required = false) String note,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AntennaPlaces.ReportPlace place = places.report(id);
        MapBindingResult errors =
                typed("point", Map.of("text", text == null ? "" : text, "note", note == null ? "" : note));
        reports.addKeyPoint(place.hub(), place.report(), text, note, errors);
        return afterEdit(model, place, locale, errors, text, response, "#key-points");
    }

    @PostMapping("/reports/{id}/points/{point}")
    String editPoint(
            @PathVariable long id,
            @PathVariable long point,
            @RequestParam(name = "text", required = false) String text,
            @RequestParam(name = "note", required = false) String note,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AntennaPlaces.ReportPlace place = places.report(id);
        MapBindingResult errors =
                typed("point", Map.of("text", text == null ? "" : text, "note", note == null ? "" : note));
        reports.editKeyPoint(place.hub(), place.report(), point, text, note, errors);
        return afterEdit(model, place, locale, errors, "", response, "#point-" + point);
    }

    @PostMapping("/reports/{id}/points/{point}/delete")
    String deletePoint(@PathVariable long id, @PathVariable long point) {
        AntennaPlaces.ReportPlace place = places.report(id);
        reports.deleteKeyPoint(place.hub(), place.report(), point);
        return "redirect:/reports/" + id + "/edit#key-points";
    }

    @PostMapping("/reports/{id}/citations")
    String cite(
            @PathVariable long id,
            @RequestParam(name = "keyPoint", defaultValue = "") String keyPoint,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "source", required = false) String source,
            @RequestParam(name = "detail", required = false) String detail,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AntennaPlaces.ReportPlace place = places.report(id);
        MapBindingResult errors = typed("citation", Map.of());
        reports.cite(place.hub(), place.report(), HubController.number(keyPoint), kind, source, detail, errors);
        return afterEdit(model, place, locale, errors, "", response, "#point-" + HubController.number(keyPoint));
    }

    @PostMapping("/reports/{id}/citations/{citation}/delete")
    String uncite(@PathVariable long id, @PathVariable long citation) {
        AntennaPlaces.ReportPlace place = places.report(id);
        reports.uncite(place.hub(), place.report(), citation);
        return "redirect:/reports/" + id + "/edit#key-points";
    }

    @PostMapping("/reports/{id}/step")
    String step(
            @PathVariable long id,
            @RequestParam(name = "step", required = false) String step,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AntennaPlaces.ReportPlace place = places.report(id);
        MapBindingResult errors = typed("step", Map.of());
        reports.move(place.hub(), place.report(), step, errors);
        if (errors.hasErrors()) {
            return afterEdit(model, place, locale, errors, "", response, "");
        }
        return "redirect:/reports/" + id;
    }

    private String afterEdit(
            Model model,
            AntennaPlaces.ReportPlace place,
            Locale locale,
            MapBindingResult errors,
            String typedPoint,
            HttpServletResponse response,
            String anchor) {
        if (!errors.hasErrors()) {
            return "redirect:/reports/" + place.report().id() + "/edit" + anchor;
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        AntennaPlaces.ReportPlace fresh = places.report(place.report().id());
        return editPage(
                model,
                fresh,
                locale,
                form(fresh.edition(), fresh.report()),
                null,
                null,
                FormErrors.of(errors, messages, locale),
                typedPoint == null ? "" : typedPoint);
    }

    private String editPage(
            Model model,
            AntennaPlaces.ReportPlace place,
            Locale locale,
            ReportForm form,
            String query,
            String session,
            FormErrors errors,
            String typedPoint) {
        List<String> languages = accounts.readerLanguages(locale);
        addReport(model, place, languages, locale);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("typedPoint", typedPoint);
        model.addAttribute("languages", ReadingLanguages.named(LocaleContextHolder.getLocale()));
        model.addAttribute("query", query == null ? "" : query);
        model.addAttribute("found", query == null || query.isBlank() ? List.of() : search(place, query, languages));
        Optional<Edition.ForumSession> chosen =
                session == null ? Optional.empty() : place.edition().session(session);
        model.addAttribute(
                "assistantSession", chosen.map(Edition.ForumSession::code).orElse(""));
        model.addAttribute(
                "candidates",
                chosen.map(s -> assistant(place, s, languages, locale)).orElse(List.of()));
        return "antennas/report-edit";
    }

    private String reportPage(
            Model model, AntennaPlaces.ReportPlace place, Locale locale, FormErrors errors, String typed, String view) {
        addReport(model, place, accounts.readerLanguages(locale), locale);
        model.addAttribute("errors", errors);
        model.addAttribute("typedComment", typed == null ? "" : typed);
        return view;
    }

    private void addReport(Model model, AntennaPlaces.ReportPlace place, List<String> languages, Locale locale) {
        Report report = place.report();
        Map<Long, ResolvedCitation> resolved = reports.citations(report, languages).stream()
                .collect(Collectors.toMap(c -> c.citation().id(), c -> c));
        List<ReportStore.Comment> comments = reports.comments(report);
        Map<AccountId, String> names = accounts.displayNames(comments.stream()
                .map(ReportStore.Comment::authorId)
                .filter(a -> a != null)
                .map(AccountId::new)
                .toList());
        Map<Long, List<ReportViews.Comment>> byPoint = new HashMap<>();
        List<ReportViews.Comment> general = new ArrayList<>();
        for (ReportStore.Comment c : comments) {
            ReportViews.Comment view = new ReportViews.Comment(
                    c.authorId() == null ? null : names.get(new AccountId(c.authorId())), c.body(), c.at());
            if (c.keyPointId() == null) {
                general.add(view);
            } else {
                byPoint.computeIfAbsent(c.keyPointId(), k -> new ArrayList<>()).add(view);
            }
        }
        model.addAttribute("edition", place.edition());
        model.addAttribute("hub", place.hub());
        model.addAttribute("report", report);
        model.addAttribute("access", place.access());
        model.addAttribute(
                "points",
                report.keyPoints().stream()
                        .map(k -> new Point(
                                k,
                                k.citations().stream()
                                        .map(c -> resolved.get(c.id()))
                                        .toList(),
                                byPoint.getOrDefault(k.id(), List.of())))
                        .toList());
        model.addAttribute("comments", general);
        model.addAttribute("sessions", sessions(place.edition(), report, locale));
    }

    static List<SessionRef> sessions(Edition edition, Report report, Locale locale) {
        return report.sessionIds().stream()
                .flatMap(id -> edition.sessionById(new ForumSessionId(id)).stream())
                .map(s -> {
                    var title = s.title().in(locale);
                    return new SessionRef(s.code(), title.text(), title.language());
                })
                .toList();
    }

    /** The hub's material matching the words: posts of its threads, the edition's stories, its meetings' minutes. */
    private List<Candidate> search(AntennaPlaces.ReportPlace place, String query, List<String> languages) {
        List<Candidate> found = new ArrayList<>();
        List<Long> hubThreads = hubs.threadIds(place.hub());
        var posts = threads.search(hubThreads, query, 10);
        var texts = threads.postTexts(
                posts.stream().map(ThreadReferences.ReferencedPost::id).toList(), languages);
        for (var post : posts) {
            var shown = texts.get(post.id());
            boolean translated = shown != null && shown.translated();
            found.add(new Candidate(
                    CitationKind.POST,
                    post.id(),
                    "",
                    post.threadTitle() + " #" + post.position(),
                    CitationSources.excerpt(translated ? shown.text() : post.body()),
                    translated ? shown.language() : post.language(),
                    post.url(),
                    ""));
        }
        for (long storyId : stories.search(place.hub().editionId(), query, 5)) {
            stories.story(storyId, languages)
                    .ifPresent(story -> found.add(new Candidate(
                            CitationKind.STORY,
                            storyId,
                            "",
                            story.title().text(),
                            CitationSources.excerpt(story.body().text()),
                            story.body().language(),
                            story.url(),
                            "")));
        }
        String lower = query.strip().toLowerCase(Locale.ROOT);
        for (Meeting m : meetings.ofHub(place.hub().id())) {
            if (m.minutes() != null
                    && (m.minutes().toLowerCase(Locale.ROOT).contains(lower)
                            || m.title().toLowerCase(Locale.ROOT).contains(lower))) {
                found.add(new Candidate(
                        CitationKind.MINUTES,
                        m.id(),
                        "",
                        m.title(),
                        CitationSources.excerpt(m.minutes()),
                        m.minutesLanguage(),
                        "/meetings/" + m.id() + "#minutes",
                        ""));
            }
            List<String> outcomes = m.outcomeLines();
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i).toLowerCase(Locale.ROOT).contains(lower)) {
                    found.add(new Candidate(
                            CitationKind.OUTCOME,
                            m.id(),
                            String.valueOf(i + 1),
                            m.title(),
                            outcomes.get(i),
                            m.minutesLanguage(),
                            "/meetings/" + m.id() + "#outcome-" + (i + 1),
                            ""));
                }
            }
        }
        return found;
    }

    /**
     * Candidates for a session, computed here from what the database holds (no text leaves the server): the
     * hub's most-discussed threads, its posts with most reactions, and the opinion groups' representative
     * statements and consensus statements of the session's conversations.
     */
    private List<Candidate> assistant(
            AntennaPlaces.ReportPlace place, Edition.ForumSession session, List<String> languages, Locale locale) {
        List<Candidate> candidates = new ArrayList<>();
        List<Long> sessionThreads = hubs.threadIds(place.hub(), session.id().value());
        threads.threads(sessionThreads).stream()
                .filter(t -> t.visibility() == ThreadReferences.Visibility.VISIBLE && t.replies() > 0)
                .sorted(java.util.Comparator.comparingInt(ThreadReferences.ReferencedThread::replies)
                        .reversed())
                .limit(5)
                .forEach(t -> candidates.add(new Candidate(
                        CitationKind.THREAD,
                        t.id(),
                        "",
                        t.title(),
                        t.title(),
                        t.language(),
                        t.url(),
                        messages.getMessage("antennas.assistant.replies", new Object[] {t.replies()}, locale))));
        var posts = threads.mostReacted(sessionThreads, 5);
        var texts = threads.postTexts(
                posts.stream().map(ThreadReferences.ReferencedPost::id).toList(), languages);
        for (var post : posts) {
            var shown = texts.get(post.id());
            boolean translated = shown != null && shown.translated();
            candidates.add(new Candidate(
                    CitationKind.POST,
                    post.id(),
                    "",
                    post.threadTitle() + " #" + post.position(),
                    CitationSources.excerpt(translated ? shown.text() : post.body()),
                    translated ? shown.language() : post.language(),
                    post.url(),
                    messages.getMessage("antennas.assistant.reactions", new Object[] {post.reactions()}, locale)));
        }
        for (var conversation : opinions.ofSession(session.id().value())) {
            for (var result : opinions.results(conversation, languages)) {
                String stance = result.stance().name().toLowerCase(Locale.ROOT);
                candidates.add(new Candidate(
                        CitationKind.OPINION,
                        conversation.value(),
                        result.detail(),
                        result.consensus()
                                ? messages.getMessage(
                                        "antennas.citation.opinion.consensus." + stance,
                                        new Object[] {result.percent()},
                                        locale)
                                : messages.getMessage(
                                        "antennas.citation.opinion.group." + stance,
                                        new Object[] {result.groupLetter(), result.percent()},
                                        locale),
                        result.text().text(),
                        result.text().language(),
                        "/conversations/" + conversation.value() + "/results",
                        ""));
            }
        }
        return candidates;
    }

    private static ReportForm form(Edition edition, Report r) {
        return new ReportForm(
                r.title(),
                r.introduction(),
                r.language(),
                r.sessionIds().stream()
                        .flatMap(id -> edition.sessionById(new ForumSessionId(id)).stream())
                        .map(Edition.ForumSession::code)
                        .toList(),
                "");
    }

    private static MapBindingResult typed(String name, Map<String, String> values) {
        return new MapBindingResult(new HashMap<>(values), name);
    }

    private static void requireRapporteur(HubAccess access) {
        if (!access.reports()) {
            throw new org.springframework.security.access.AccessDeniedException("only the hub's rapporteurs");
        }
    }
}
