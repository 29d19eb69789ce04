package org.polyphony.research;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.ActionLimits;
import org.polyphony.accounts.Role;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumManagement;
import org.polyphony.languages.Countries;
import org.polyphony.languages.Regions;
import org.polyphony.translation.Shown;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.polyphony.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** The research library: search and filters, a publication, import, export, and links to forum sessions. */
@Controller
class LibraryController {

    static final int MAX_IMPORT_BYTES = 2 * 1024 * 1024;

    private final Library library;
    private final AccountDirectory accounts;
    private final ForumManagement forums;
    private final ActionLimits limits;
    private final PublicationFiles files;
    private final Translations translations;
    private final PublicationCitations citations;
    private final org.polyphony.antennas.ReportCitations reports;
    private final MessageSource messages;

    LibraryController(
            Library library,
            AccountDirectory accounts,
            ForumManagement forums,
            ActionLimits limits,
            PublicationFiles files,
            Translations translations,
            PublicationCitations citations,
            org.polyphony.antennas.ReportCitations reports,
            MessageSource messages) {
        this.messages = messages;
        this.translations = translations;
        this.citations = citations;
        this.reports = reports;
        this.library = library;
        this.accounts = accounts;
        this.forums = forums;
        this.limits = limits;
        this.files = files;
    }

    @GetMapping("/research/library")
    String list(
            @RequestParam(name = "q", defaultValue = "") String words,
            @RequestParam(name = "from", defaultValue = "") String from,
            @RequestParam(name = "to", defaultValue = "") String to,
            @RequestParam(name = "theme", defaultValue = "") String theme,
            @RequestParam(name = "region", defaultValue = "") String region,
            @RequestParam(name = "country", defaultValue = "") String country,
            java.util.Locale locale,
            Model model) {
        Library.About about = about(theme, region, country);
        model.addAttribute("q", clip(words));
        model.addAttribute("from", year(from).map(String::valueOf).orElse(""));
        model.addAttribute("to", year(to).map(String::valueOf).orElse(""));
        model.addAttribute("theme", about.theme());
        model.addAttribute("region", about.region());
        model.addAttribute("country", about.country());
        model.addAttribute("themesInUse", library.themesInUse());
        model.addAttribute(
                "publications",
                library.search(
                        clip(words),
                        locale.getLanguage(),
                        year(from).orElse(null),
                        year(to).orElse(null),
                        null,
                        about,
                        Library.PAGE_SIZE));
        model.addAttribute("query", exportQuery(clip(words), from, to, about));
        return "research/library";
    }

    @GetMapping(value = "/research/library.bib", produces = "application/x-bibtex;charset=UTF-8")
    ResponseEntity<String> bibtex(
            @RequestParam(name = "q", defaultValue = "") String words,
            @RequestParam(name = "from", defaultValue = "") String from,
            @RequestParam(name = "to", defaultValue = "") String to,
            @RequestParam(name = "theme", defaultValue = "") String theme,
            @RequestParam(name = "region", defaultValue = "") String region,
            @RequestParam(name = "country", defaultValue = "") String country) {
        return download(
                BibliographyFormats.writeBibTeX(exported(words, from, to, about(theme, region, country))),
                "library.bib",
                "application/x-bibtex");
    }

    @GetMapping(value = "/research/library.json", produces = "application/vnd.citationstyles.csl+json")
    ResponseEntity<String> cslJson(
            @RequestParam(name = "q", defaultValue = "") String words,
            @RequestParam(name = "from", defaultValue = "") String from,
            @RequestParam(name = "to", defaultValue = "") String to,
            @RequestParam(name = "theme", defaultValue = "") String theme,
            @RequestParam(name = "region", defaultValue = "") String region,
            @RequestParam(name = "country", defaultValue = "") String country) {
        return download(
                BibliographyFormats.writeCslJson(exported(words, from, to, about(theme, region, country))),
                "library.json",
                "application/vnd.citationstyles.csl+json");
    }

    /** A publication; {@code translationFlagged} after a reader flagged the abstract's machine translation. */
    @GetMapping("/research/library/{id}")
    String publication(
            @PathVariable long id,
            @RequestParam(name = "translationFlagged", required = false) String flagged,
            @RequestParam(name = "subjectsSaved", required = false) String subjectsSaved,
            Model model) {
        Publication publication = library.find(id).orElseThrow(ResearchController::notFound);
        String view = page(
                publication,
                model,
                null,
                null,
                SubjectsForm.of(publication),
                FormErrors.none(),
                subjectsSaved != null && mayChange(id));
        model.addAttribute("flagged", flagged != null);
        return view;
    }

    /**
     * What a publication is about: the people who may change it (as for its file) set its themes, regions and
     * countries. Anything refused changes nothing and shows the page again with the form as it was typed.
     */
    @PostMapping("/research/library/{id}/subjects")
    ModelAndView setSubjects(
            @PathVariable long id,
            @RequestParam(name = "themes", defaultValue = "") String themes,
            @RequestParam(name = "regions", required = false) List<String> regions,
            @RequestParam(name = "countries", defaultValue = "") String countries,
            Model model,
            java.util.Locale locale) {
        Publication publication = library.find(id).orElseThrow(ResearchController::notFound);
        AccountId who = accounts.signedIn().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        if (!mayChange(id)) throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        if (!limits.by("research-subjects", String.valueOf(who.value()), 200, java.time.Duration.ofHours(1))) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS);
        }
        SubjectsForm form = new SubjectsForm(themes, regions, countries);
        SubjectsForm.Checked checked = form.check();
        if (checked.errors().hasErrors()) {
            ModelAndView refused = new ModelAndView(page(
                    publication, model, null, null, form, FormErrors.of(checked.errors(), messages, locale), false));
            refused.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            return refused;
        }
        library.place(id, checked.themes(), checked.regions(), checked.countries());
        // 303: the browser follows with a GET, so reloading the page it lands on does not send the form again
        RedirectView back = new RedirectView("/research/library/" + id + "?subjectsSaved");
        back.setStatusCode(HttpStatus.SEE_OTHER);
        back.setExposeModelAttributes(false);
        return new ModelAndView(back);
    }

    /** The PDF of a publication: its adder or an organiser uploads it, checked and size-limited. */
    @PostMapping("/research/library/{id}/file")
    String uploadFile(
            @PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            HttpServletResponse response)
            throws IOException {
        Publication publication = library.find(id).orElseThrow(ResearchController::notFound);
        AccountId who = accounts.signedIn().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        if (!mayChange(id)) throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        String problem;
        if (file == null || file.isEmpty()) problem = "research.file.none";
        else if (file.getSize() > PublicationFiles.MAX_BYTES) problem = "research.file.tooLarge";
        else if (!limits.by("research-file", String.valueOf(who.value()), 30, java.time.Duration.ofHours(1))) {
            problem = "research.file.tooMany";
        } else problem = PublicationFiles.problem(file.getBytes());
        if (problem == null) {
            files.store(id, file.getBytes(), who.value());
            return "redirect:/research/library/" + id;
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(publication, model, null, problem, SubjectsForm.of(publication), FormErrors.none(), false);
    }

    /**
     * Served as a download only, never shown inline in our pages' origin: an attachment, its type fixed, no sniffing,
     * and a sandbox policy in case a browser opens it anyway.
     */
    @GetMapping("/research/library/{id}/file.pdf")
    ResponseEntity<byte[]> file(@PathVariable long id) {
        byte[] content = files.content(id).orElseThrow(ResearchController::notFound);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"publication-" + id + ".pdf\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .contentType(MediaType.APPLICATION_PDF)
                .body(content);
    }

    /** Who may change a publication (its file, what it is about): the person who added it, or an organiser. */
    private boolean mayChange(long id) {
        if (accounts.signedInAs(Role.ORGANISER)) return true;
        Optional<Long> me = accounts.signedIn().map(AccountId::value);
        return me.isPresent() && me.equals(library.addedBy(id));
    }

    /** The publication's page, with the problem of whichever of its forms was sent, if any. */
    private String page(
            Publication publication,
            Model model,
            String linkError,
            String fileProblem,
            SubjectsForm subjects,
            FormErrors subjectErrors,
            boolean subjectsSaved) {
        long id = publication.id();
        model.addAttribute("publication", publication);
        model.addAttribute("sessions", sessions(library.sessionsOf(id)));
        model.addAttribute("canLink", accounts.signedIn().isPresent());
        model.addAttribute("editions", forums.editions(false));
        model.addAttribute("error", linkError);
        Map<TextRef, Shown> shown = translations.shown(
                Library.ABSTRACT,
                List.of(id),
                accounts.readerLanguages(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        model.addAttribute("abstractShown", shown.get(new TextRef(Library.ABSTRACT, id)));
        model.addAttribute("abstractKind", Library.ABSTRACT);
        model.addAttribute("flagged", false);
        model.addAttribute("fileSize", files.size(id).orElse(0));
        boolean mayChange = mayChange(id);
        model.addAttribute("canUpload", mayChange);
        model.addAttribute("fileError", fileProblem);
        model.addAttribute("citedIn", citations.citedIn(id));
        Optional<AccountId> me = accounts.signedIn();
        model.addAttribute("signedIn", me.isPresent());
        model.addAttribute("rapporteur", me.map(reports::isRapporteur).orElse(false));
        model.addAttribute("canDescribe", mayChange);
        model.addAttribute("subjects", subjects);
        model.addAttribute("subjectErrors", subjectErrors);
        model.addAttribute("subjectsSaved", subjectsSaved);
        return "research/publication";
    }

    /** Links a publication to a session it informs: anyone signed in (researchers are participants). */
    @PostMapping("/research/library/{id}/sessions")
    String link(
            @PathVariable long id,
            @RequestParam(name = "session", defaultValue = "") String session,
            @RequestParam(name = "remove", defaultValue = "false") boolean remove,
            Model model,
            HttpServletResponse response) {
        AccountId who = accounts.signedIn().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        Publication publication = library.find(id).orElseThrow(ResearchController::notFound);
        Optional<Edition.ForumSession> target = sessionOf(session);
        if (target.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(
                    publication,
                    model,
                    "research.link.unknownSession",
                    null,
                    SubjectsForm.of(publication),
                    FormErrors.none(),
                    false);
        }
        if (!limits.by("research-link", String.valueOf(who.value()), 200, java.time.Duration.ofHours(1))) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS);
        }
        if (remove) library.unlink(id, target.get().id().value());
        else library.link(id, target.get().id().value());
        return "redirect:/research/library/" + id;
    }

    @GetMapping("/research/library/import")
    String importForm(Model model) {
        requireSignedIn();
        model.addAttribute("format", "bibtex");
        model.addAttribute("text", "");
        model.addAttribute("error", null);
        model.addAttribute("result", null);
        return "research/import";
    }

    @PostMapping("/research/library/import")
    String importEntries(
            @RequestParam(name = "format", defaultValue = "bibtex") String format,
            @RequestParam(name = "text", defaultValue = "") String text,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            HttpServletResponse response)
            throws IOException {
        AccountId who = requireSignedIn();
        model.addAttribute("format", format);
        model.addAttribute("text", text.length() > 20_000 ? "" : text);
        model.addAttribute("result", null);
        String content = text;
        if (file != null && !file.isEmpty()) {
            if (file.getSize() > MAX_IMPORT_BYTES) return refuse(model, response, "research.import.tooLarge");
            content = new String(file.getBytes(), StandardCharsets.UTF_8);
        }
        if (content.length() > MAX_IMPORT_BYTES) return refuse(model, response, "research.import.tooLarge");
        if (content.isBlank()) return refuse(model, response, "research.import.empty");
        if (!limits.by("research-import", String.valueOf(who.value()), 30, java.time.Duration.ofHours(1))) {
            return refuse(model, response, "research.import.tooMany");
        }
        ImportResult read =
                switch (format) {
                    case "ris" -> BibliographyFormats.readRis(content);
                    case "csl" -> BibliographyFormats.readCslJson(content);
                    case "bibtex" -> BibliographyFormats.readBibTeX(content);
                    default -> null;
                };
        if (read == null) return refuse(model, response, "research.import.unknownFormat");
        ImportResult stored = library.store(read, who.value());
        if (stored.accepted().isEmpty()) response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("error", null);
        model.addAttribute("result", stored);
        return "research/import";
    }

    private String refuse(Model model, HttpServletResponse response, String error) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("error", error);
        return "research/import";
    }

    private AccountId requireSignedIn() {
        return accounts.signedIn().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    /** "athens-2009/3.1" → that session, in an edition open to everyone. */
    private Optional<Edition.ForumSession> sessionOf(String value) {
        int slash = value.indexOf('/');
        if (slash < 1) return Optional.empty();
        return forums.edition(value.substring(0, slash), false).flatMap(e -> e.session(value.substring(slash + 1)));
    }

    private List<LinkedSession> sessions(List<Long> ids) {
        return forums.editions(false).stream()
                .flatMap(e -> e.roundtables().stream()
                        .flatMap(r -> r.sessions().stream())
                        .filter(s -> ids.contains(s.id().value()))
                        .map(s -> new LinkedSession(e.slug(), s.code(), s.title())))
                .toList();
    }

    private List<Publication> exported(String words, String from, String to, Library.About about) {
        return library.search(clip(words), null, year(from).orElse(null), year(to).orElse(null), null, about, 5_000);
    }

    /** The library's filters as asked for; a region or country that is not on the shared lists filters nothing. */
    static Library.About about(String theme, String region, String country) {
        String clippedTheme = theme.strip();
        if (clippedTheme.length() > SubjectsForm.MAX_THEME_LENGTH) {
            clippedTheme = clippedTheme.substring(0, SubjectsForm.MAX_THEME_LENGTH);
        }
        return new Library.About(
                clippedTheme,
                Regions.isKnown(region) ? region : "",
                Countries.normalise(country).orElse(""));
    }

    private static ResponseEntity<String> download(String body, String name, String type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(MediaType.parseMediaType(type + ";charset=UTF-8"))
                .body(body);
    }

    static Optional<Integer> year(String value) {
        return value != null && value.matches("\\d{4}") ? Optional.of(Integer.valueOf(value)) : Optional.empty();
    }

    private static String clip(String words) {
        return words.length() > 200 ? words.substring(0, 200) : words;
    }

    private static String exportQuery(String words, String from, String to, Library.About about) {
        return "?q=" + java.net.URLEncoder.encode(words, StandardCharsets.UTF_8)
                + "&from=" + year(from).map(String::valueOf).orElse("")
                + "&to=" + year(to).map(String::valueOf).orElse("")
                + "&theme=" + java.net.URLEncoder.encode(about.theme(), StandardCharsets.UTF_8)
                + "&region=" + about.region()
                + "&country=" + about.country();
    }
}
