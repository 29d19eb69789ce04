package org.polyphony.antennas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polyphony.accounts.AccountDeleted;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.forums.Edition;
import org.polyphony.languages.ReadingLanguages;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Rapporteur reports: only the hub's rapporteurs write them; a draft is read by the hub's coordinators and
 * rapporteurs, a draft under review by its members too (who comment on it and on each key point); a published report
 * is public, is "submitted to" its sessions, and each correction of it is a new version.
 */
@Service
class Reports {

    private final ReportStore store;
    private final HubManagement hubs;
    private final CitationSources sources;
    private final AccountDirectory accounts;

    Reports(ReportStore store, HubManagement hubs, CitationSources sources, AccountDirectory accounts) {
        this.store = store;
        this.hubs = hubs;
        this.sources = sources;
        this.accounts = accounts;
    }

    Optional<Report> find(long id) {
        return store.find(id);
    }

    List<Report> ofHub(Hub hub) {
        return store.ofHub(hub.id());
    }

    List<Report> publishedFor(long sessionId) {
        return store.publishedFor(sessionId);
    }

    List<Report> publishedOf(List<Long> hubIds) {
        return store.publishedOf(hubIds);
    }

    static boolean readable(Report report, HubAccess access) {
        return switch (report.status()) {
            case PUBLISHED -> true;
            case REVIEW -> access.seesDrafts() || access.belongs();
            case DRAFT -> access.seesDrafts();
        };
    }

    @Transactional
    Optional<Long> create(Hub hub, Edition edition, ReportForm form, Errors errors) {
        requireRapporteur(hub);
        List<Long> sessions = check(edition, form, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        long id = store.insert(hub.id(), form.title().strip(), intro(form), form.language());
        store.replaceSessions(id, sessions);
        return Optional.of(id);
    }

    @Transactional
    void update(Hub hub, Edition edition, Report report, ReportForm form, String note, Errors errors) {
        requireRapporteur(hub);
        List<Long> sessions = check(edition, form, errors);
        if (report.published() && (note == null || note.isBlank())) {
            errors.rejectValue("note", "antennas.report.note.required");
        }
        if (note != null && note.length() > 1000) {
            errors.rejectValue("note", "antennas.report.note.length");
        }
        if (errors.hasErrors()) {
            return;
        }
        store.update(report.id(), form.title().strip(), intro(form), form.language());
        store.replaceSessions(report.id(), sessions);
        if (report.published()) {
            correction(report.id(), note);
        }
    }

    @Transactional
    void addKeyPoint(Hub hub, Report report, String text, String note, Errors errors) {
        requireRapporteur(hub);
        checkText(text, errors);
        requireNoteOnCorrection(report, note, errors);
        if (!errors.hasErrors()) {
            store.insertKeyPoint(report.id(), text.strip());
            if (report.published()) {
                correction(report.id(), note);
            }
        }
    }

    @Transactional
    void editKeyPoint(Hub hub, Report report, long keyPointId, String text, String note, Errors errors) {
        requireRapporteur(hub);
        point(report, keyPointId);
        checkText(text, errors);
        requireNoteOnCorrection(report, note, errors);
        if (!errors.hasErrors()) {
            store.updateKeyPoint(keyPointId, text.strip());
            if (report.published()) {
                correction(report.id(), note);
            }
        }
    }

    @Transactional
    void deleteKeyPoint(Hub hub, Report report, long keyPointId) {
        requireRapporteur(hub);
        if (report.published()) {
            throw new AccessDeniedException("a published key point is corrected, not deleted");
        }
        point(report, keyPointId);
        store.deleteKeyPoint(keyPointId);
    }

    /** Cites a source for a key point, or says in {@code errors} why it may not be cited. */
    @Transactional
    void cite(Hub hub, Report report, long keyPointId, String kind, String source, String detail, Errors errors) {
        requireRapporteur(hub);
        point(report, keyPointId);
        CitationKind chosen = kind(kind);
        Long sourceId = source != null && source.strip().matches("\\d{1,18}") ? Long.valueOf(source.strip()) : null;
        String cleanDetail = detail == null ? "" : detail.strip();
        if (chosen == null || sourceId == null || cleanDetail.length() > 40) {
            errors.reject("antennas.cite.notFound");
            return;
        }
        sources.refusal(hub, chosen, sourceId, cleanDetail).ifPresent(errors::reject);
        if (!errors.hasErrors()) {
            store.insertCitation(keyPointId, chosen, sourceId, cleanDetail);
        }
    }

    /**
     * Cites a source from the page where it is read ("cite in my report"): in a key point of the report, or in a new
     * key point written with it (not in a published report: its new key points are corrections, with a note). The
     * source is checked before anything is saved, so a refused citation leaves no empty key point behind.
     */
    @Transactional
    Optional<Long> citeWhereRead(
            Hub hub,
            Report report,
            Long keyPointId,
            String newPointText,
            CitationKind kind,
            long sourceId,
            Errors errors) {
        requireRapporteur(hub);
        sources.refusal(hub, kind, sourceId, "").ifPresent(errors::reject);
        if (keyPointId == null && report.published()) {
            errors.reject("antennas.cite.newPointPublished");
        }
        if (keyPointId == null) {
            checkText(newPointText, errors);
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        long point = keyPointId == null
                ? store.insertKeyPoint(report.id(), newPointText.strip())
                : point(report, keyPointId).id();
        store.insertCitation(point, kind, sourceId, "");
        return Optional.of(point);
    }

    @Transactional
    void uncite(Hub hub, Report report, long citationId) {
        requireRapporteur(hub);
        store.deleteCitation(citationId, report.id());
    }

    /** Moves the report along: to review, back to draft, published (a new version), submitted to its sessions. */
    @Transactional
    void move(Hub hub, Report report, String step, Errors errors) {
        requireRapporteur(hub);
        switch (step == null ? "" : step) {
            case "review" -> {
                if (report.status() == ReportStatus.DRAFT) {
                    store.setStatus(report.id(), ReportStatus.REVIEW);
                }
            }
            case "draft" -> {
                if (report.status() == ReportStatus.REVIEW) {
                    store.setStatus(report.id(), ReportStatus.DRAFT);
                }
            }
            case "publish" -> {
                if (report.keyPoints().isEmpty()) {
                    errors.reject("antennas.report.publish.noKeyPoints");
                } else if (report.sessionIds().isEmpty()) {
                    errors.reject("antennas.report.publish.noSessions");
                } else if (!report.published()) {
                    correction(report.id(), "");
                }
            }
            case "submit" -> {
                if (!report.published()) {
                    errors.reject("antennas.report.submit.unpublished");
                } else {
                    store.submit(report.id());
                }
            }
            default -> errors.reject("antennas.report.step.unknown");
        }
    }

    /** A member's comment on a draft under review, on the whole or one key point. */
    @Transactional
    void comment(Hub hub, Report report, Long keyPointId, String body, Errors errors) {
        HubAccess access = hubs.access(hub);
        if (!(access.belongs() || access.seesDrafts()) || report.status() != ReportStatus.REVIEW) {
            throw new AccessDeniedException("members comment on drafts under review");
        }
        if (keyPointId != null) {
            point(report, keyPointId);
        }
        if (body == null || body.isBlank()) {
            errors.rejectValue("body", "antennas.comment.required");
        } else if (body.length() > 5000) {
            errors.rejectValue("body", "antennas.comment.length");
        }
        if (!errors.hasErrors()) {
            AccountId me = accounts.signedIn().orElseThrow();
            store.insertComment(report.id(), keyPointId, me.value(), body.strip());
        }
    }

    List<ReportStore.Comment> comments(Report report) {
        return store.comments(report.id());
    }

    List<ReportStore.Version> versions(Report report) {
        return store.versions(report.id());
    }

    List<ResolvedCitation> citations(Report report, List<String> readerLanguages) {
        return sources.resolve(
                report.keyPoints().stream().flatMap(k -> k.citations().stream()).toList(), readerLanguages);
    }

    @EventListener
    void forget(AccountDeleted deleted) {
        store.forgetCommentAuthor(deleted.account().value());
    }

    /** Publishes the report as it now reads: a new version, kept as it reads, with what the correction says. */
    private void correction(long reportId, String note) {
        int version = store.publish(reportId);
        Report now = store.find(reportId).orElseThrow();
        store.insertVersion(
                reportId,
                version,
                now.title(),
                now.introduction(),
                now.keyPoints().stream().map(Report.KeyPoint::text).toList(),
                note == null ? "" : note.strip());
    }

    private void requireNoteOnCorrection(Report report, String note, Errors errors) {
        if (report.published() && (note == null || note.isBlank())) {
            errors.rejectValue("note", "antennas.report.note.required");
        } else if (note != null && note.length() > 1000) {
            errors.rejectValue("note", "antennas.report.note.length");
        }
    }

    private void requireRapporteur(Hub hub) {
        if (!hubs.access(hub).reports()) {
            throw new AccessDeniedException("only the hub's rapporteurs edit its reports");
        }
    }

    private static Report.KeyPoint point(Report report, long keyPointId) {
        return report.keyPoints().stream()
                .filter(k -> k.id() == keyPointId)
                .findFirst()
                .orElseThrow(() -> new AccessDeniedException("not a key point of this report"));
    }

    private static void checkText(String text, Errors errors) {
        if (text == null || text.isBlank()) {
            errors.rejectValue("text", "antennas.keyPoint.required");
        } else if (text.strip().length() > 2000) {
            errors.rejectValue("text", "antennas.keyPoint.length");
        }
    }

    private static List<Long> check(Edition edition, ReportForm form, Errors errors) {
        if (form.language() == null || !ReadingLanguages.isKnown(form.language())) {
            errors.rejectValue("language", "antennas.language.unknown");
        }
        List<Long> sessions = new ArrayList<>();
        for (String code : form.sessionCodes()) {
            edition.session(code)
                    .ifPresentOrElse(
                            s -> sessions.add(s.id().value()),
                            () -> errors.rejectValue("sessions", "antennas.report.session.unknown"));
        }
        if (sessions.isEmpty() && !errors.hasFieldErrors("sessions")) {
            errors.rejectValue("sessions", "antennas.report.session.required");
        }
        return sessions;
    }

    private static String intro(ReportForm form) {
        return form.introduction() == null ? "" : form.introduction().strip();
    }

    private static CitationKind kind(String kind) {
        try {
            return kind == null ? null : CitationKind.valueOf(kind);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
