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
import org.polyphony.translation.Shown;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
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

    LibraryController(
            Library library,
            AccountDirectory accounts,
            ForumManagement forums,
            ActionLimits limits,
            PublicationFiles files,
            Translations translations,
            PublicationCitations citations,
            org.polyphony.antennas.ReportCitations reports) {
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
            java.util.Locale locale,
            Model model) {
        model.addAttribute("q", clip(words));
        model.addAttribute("from", year(from).map(String::valueOf).orElse(""));
        model.addAttribute("to", year(to).map(String::valueOf).orElse(""));
        model.addAttribute(
                "publications",
                library.search(
                        clip(words),
                        locale.getLanguage(),
                        year(from).orElse(null),
                        year(to).orElse(null),
                        null,
                        Library.PAGE_SIZE));
        model.addAttribute("query", exportQuery(clip(words), from, to));
        return "research/library";
    }

    @GetMapping(value = "/research/library.bib", produces = "application/x-bibtex;charset=UTF-8")
    ResponseEntity<String> bibtex(
            @RequestParam(name = "q", defaultValue = "") String words,
            @RequestParam(name = "from", defaultValue = "") String from,
            @RequestParam(name = "to", defaultValue = "") String to) {
        return download(
                BibliographyFormats.writeBibTeX(exported(words, from, to)), "library.bib", "application/x-bibtex");
    }

    @GetMapping(value = "/research/library.json", produces = "application/vnd.citationstyles.csl+json")
    ResponseEntity<String> cslJson(
            @RequestParam(name = "q", defaultValue = "") String words,
            @RequestParam(name = "from", defaultValue = "") String from,
            @RequestParam(name = "to", defaultValue = "") String to) {
        return download(
                BibliographyFormats.writeCslJson(exported(words, from, to)),
                "library.json",
                "application/vnd.citationstyles.csl+json");
    }

    /** A publication; {@code translationFlagged} after a reader flagged the abstract's machine translation. */
    @GetMapping("/research/library/{id}")
    String publication(
            @PathVariable long id,
            @RequestParam(name = "translationFlagged", required = false) String flagged,
            Model model) {
        Publication publication = library.find(id).orElseThrow(ResearchController::notFound);
        model.addAttribute("publication", publication);
        model.addAttribute("sessions", sessions(library.sessionsOf(id)));
        model.addAttribute(
                "canLink",
                accounts.signedInAs(Role.ORGANISER) || accounts.signedIn().isPresent());
        model.addAttribute("editions", forums.editions(false));
        model.addAttribute("error", null);
        fileAttributes(id, model, null);
        model.addAttribute("flagged", flagged != null);
        return "research/publication";
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
        if (!mayUpload(id)) throw new ResponseStatusException(HttpStatus.FORBIDDEN);
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
        model.addAttribute("publication", publication);
        model.addAttribute("sessions", sessions(library.sessionsOf(id)));
        model.addAttribute("canLink", true);
        model.addAttribute("editions", forums.editions(false));
        model.addAttribute("error", null);
        fileAttributes(id, model, problem);
        return "research/publication";
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

    private boolean mayUpload(long id) {
        if (accounts.signedInAs(Role.ORGANISER)) return true;
        Optional<Long> me = accounts.signedIn().map(AccountId::value);
        return me.isPresent() && me.equals(library.addedBy(id));
    }

    private void fileAttributes(long id, Model model, String problem) {
        Map<TextRef, Shown> shown = translations.shown(
                Library.ABSTRACT,
                List.of(id),
                accounts.readerLanguages(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        model.addAttribute("abstractShown", shown.get(new TextRef(Library.ABSTRACT, id)));
        model.addAttribute("abstractKind", Library.ABSTRACT);
        model.addAttribute("flagged", false);
        model.addAttribute("fileSize", files.size(id).orElse(0));
        model.addAttribute("canUpload", mayUpload(id));
        model.addAttribute("fileError", problem);
        model.addAttribute("citedIn", citations.citedIn(id));
        Optional<AccountId> me = accounts.signedIn();
        model.addAttribute("signedIn", me.isPresent());
        model.addAttribute("rapporteur", me.map(reports::isRapporteur).orElse(false));
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
            model.addAttribute("publication", publication);
            model.addAttribute("sessions", sessions(library.sessionsOf(id)));
            model.addAttribute("canLink", true);
            model.addAttribute("editions", forums.editions(false));
            model.addAttribute("error", "research.link.unknownSession");
            fileAttributes(id, model, null);
            return "research/publication";
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

    private List<Publication> exported(String words, String from, String to) {
        return library.search(clip(words), year(from).orElse(null), year(to).orElse(null), null, 5_000);
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

    private static String exportQuery(String words, String from, String to) {
        return "?q=" + java.net.URLEncoder.encode(words, StandardCharsets.UTF_8)
                + "&from=" + year(from).map(String::valueOf).orElse("")
                + "&to=" + year(to).map(String::valueOf).orElse("");
    }
}
