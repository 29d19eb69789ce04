package org.polyphony.consultation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.polyphony.accounts.AccountDeleted;
import org.polyphony.accounts.AccountId;
import org.polyphony.consultation.ConsultationStore.Audience;
import org.polyphony.consultation.ConsultationStore.Comment;
import org.polyphony.consultation.ConsultationStore.Consultation;
import org.polyphony.consultation.ConsultationStore.Paragraph;
import org.polyphony.consultation.ConsultationStore.Round;
import org.polyphony.consultation.ConsultationStore.Version;
import org.polyphony.translation.LanguageDetection;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Runs consultations: opens one with its rounds and first version, takes comments while a round is open, records
 * the drafting team's decisions (and tells each commenter), makes new versions that keep paragraph identities, and
 * publishes the outcome. Every check that refuses input adds a message key to the form's errors and saves nothing.
 */
@Service
public class ConsultationManagement {

    static final String PARAGRAPH = "consultation-paragraph";
    static final String COMMENT = "consultation-comment";
    static final int MAX_TITLE = 200;
    static final int MAX_PURPOSE = 4_000;
    static final int MAX_DRAFT = 400_000;
    static final int MAX_COMMENT = 5_000;
    static final int MAX_REASON = 2_000;

    private final ConsultationStore store;
    private final Translations translations;
    private final LanguageDetection detection;

    ConsultationManagement(ConsultationStore store, Translations translations, LanguageDetection detection) {
        this.store = store;
        this.translations = translations;
        this.detection = detection;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    record Dates(LocalDate opens, LocalDate closes) {}

    /** Checks a new consultation; returns its rounds' dates when all is well. */
    List<Dates> check(
            ConsultationForm form, String draft, Set<Long> knownOrganisations, Set<Long> knownHubs, Errors errors) {
        if (form.title() == null || form.title().isBlank()) {
            errors.rejectValue("title", "consultation.title.required");
        } else if (form.title().length() > MAX_TITLE) {
            errors.rejectValue("title", "consultation.title.tooLong");
        }
        if (form.purpose() == null || form.purpose().isBlank()) {
            errors.rejectValue("purpose", "consultation.purpose.required");
        } else if (form.purpose().length() > MAX_PURPOSE) {
            errors.rejectValue("purpose", "consultation.purpose.tooLong");
        }
        Audience audience = audience(form.audience());
        if (audience == null) {
            errors.rejectValue("audience", "consultation.audience.invalid");
        } else if (audience == Audience.ORGANISATIONS
                && (form.chosenOrganisations().isEmpty() && form.chosenHubs().isEmpty()
                        || !knownOrganisations.containsAll(form.chosenOrganisations())
                        || !knownHubs.containsAll(form.chosenHubs()))) {
            errors.rejectValue("organisations", "consultation.organisations.required");
        }
        List<Dates> rounds = rounds(form, errors);
        checkDraft(draft, "draft", errors);
        return rounds;
    }

    void checkDraft(String draft, String field, Errors errors) {
        if (draft == null || draft.isBlank()) {
            errors.rejectValue(field, "consultation.draft.required");
        } else if (draft.length() > MAX_DRAFT) {
            errors.rejectValue(field, "consultation.draft.tooLong");
        } else if (DraftText.split(draft).size() > DraftText.MAX_BLOCKS) {
            errors.rejectValue(field, "consultation.draft.tooManyParagraphs");
        }
    }

    static Audience audience(String code) {
        try {
            return code == null ? null : Audience.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The rounds typed: each complete, closing after opening, each after the one before; at least one. */
    private List<Dates> rounds(ConsultationForm form, Errors errors) {
        List<Dates> rounds = new ArrayList<>();
        List<String[]> typed = form.roundDates();
        for (int i = 0; i < typed.size(); i++) {
            String opensText = typed.get(i)[0] == null ? "" : typed.get(i)[0].strip();
            String closesText = typed.get(i)[1] == null ? "" : typed.get(i)[1].strip();
            String field = "opens" + (i + 1);
            String closesField = "closes" + (i + 1);
            if (opensText.isEmpty() && closesText.isEmpty()) {
                continue;
            }
            Optional<LocalDate> opens = date(opensText);
            Optional<LocalDate> closes = date(closesText);
            if (opens.isEmpty() || closes.isEmpty()) {
                errors.rejectValue(opens.isEmpty() ? field : closesField, "consultation.round.date");
                return List.of();
            }
            if (closes.get().isBefore(opens.get())) {
                errors.rejectValue(closesField, "consultation.round.closesBeforeOpening");
                return List.of();
            }
            if (!rounds.isEmpty() && !opens.get().isAfter(rounds.getLast().closes())) {
                errors.rejectValue(field, "consultation.round.overlap");
                return List.of();
            }
            rounds.add(new Dates(opens.get(), closes.get()));
        }
        if (rounds.isEmpty()) {
            String firstRound = "opens1";
            errors.rejectValue(firstRound, "consultation.round.required");
        }
        return rounds;
    }

    static Optional<LocalDate> date(String text) {
        try {
            LocalDate date = LocalDate.parse(text);
            return date.getYear() < 2000 || date.getYear() > 2200 ? Optional.empty() : Optional.of(date);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Transactional
    long create(
            long edition, Long session, ConsultationForm form, String draft, List<Dates> rounds, AccountId organiser) {
        String language = detection.detect(draft, List.of()).tag();
        Audience audience = audience(form.audience());
        long id = store.insertConsultation(
                edition, session, form.title().strip(), form.purpose().strip(), language, audience, organiser.value());
        if (audience == Audience.ORGANISATIONS) {
            store.setOrganisations(id, new HashSet<>(form.chosenOrganisations()));
            store.setHubs(id, new HashSet<>(form.chosenHubs()));
        }
        for (int i = 0; i < rounds.size(); i++) {
            store.insertRound(id, i + 1, rounds.get(i).opens(), rounds.get(i).closes());
        }
        saveVersion(store.consultation(id).orElseThrow(), draft, organiser);
        return id;
    }

    /** A new version from Markdown: paragraphs matched to the latest version's by key, then by similarity. */
    @Transactional
    int saveVersion(Consultation consultation, String markdown, AccountId by) {
        List<DraftText.Block> blocks = DraftText.split(markdown);
        List<Version> versions = store.versions(consultation.id());
        List<ParagraphMatching.Previous> previous = versions.isEmpty()
                ? List.of()
                : store.paragraphs(versions.getLast().id()).stream()
                        .map(p -> new ParagraphMatching.Previous(p.key(), p.text()))
                        .toList();
        List<String> keys = ParagraphMatching.keys(previous, blocks);
        int fresh = (int) keys.stream().filter(k -> k == null).count();
        int nextKey = store.takeKeys(consultation.id(), fresh);
        int number = versions.isEmpty() ? 1 : versions.getLast().number() + 1;
        int words = blocks.stream().mapToInt(b -> DraftText.words(b.text())).sum();
        long version = store.insertVersion(consultation.id(), number, words, by.value());
        int paragraphNumber = 0;
        for (int i = 0; i < blocks.size(); i++) {
            DraftText.Block block = blocks.get(i);
            String key = keys.get(i) == null ? "p" + nextKey++ : keys.get(i);
            Integer shownNumber = block.heading() ? null : ++paragraphNumber;
            long paragraph = store.insertParagraph(version, key, i, block.heading(), shownNumber, block.text());
            translations.register(
                    new TextRef(PARAGRAPH, paragraph), block.text(), consultation.language(), consultation.editionId());
        }
        return number;
    }

    /** Whether a person is on the drafting team: an organiser, or named by one. */
    boolean drafts(Consultation consultation, Optional<AccountId> account, boolean organiser) {
        return organiser
                || account.map(a -> store.drafters(consultation.id()).contains(a.value()))
                        .orElse(false);
    }

    Optional<Round> openRound(long consultation) {
        LocalDate today = today();
        return store.rounds(consultation).stream().filter(r -> r.openOn(today)).findFirst();
    }

    /**
     * Checks and saves a comment (or a reply). The paragraph must be of the latest version, a round open, the
     * passage part of the paragraph, the text not empty or too long.
     */
    @Transactional
    Optional<Long> comment(Consultation consultation, CommentForm form, AccountId author, Errors errors) {
        Optional<Round> round = openRound(consultation.id());
        if (round.isEmpty()) {
            errors.reject("consultation.comment.closed");
            return Optional.empty();
        }
        Version latest = store.versions(consultation.id()).getLast();
        if (form.version() == null || form.version() != latest.number()) {
            errors.reject("consultation.comment.otherVersion");
            return Optional.empty();
        }
        Comment parent = null;
        if (form.parent() != null) {
            parent = store.comment(form.parent())
                    .filter(c -> c.versionId() == latest.id() && !c.hidden() && !c.withdrawn())
                    .orElse(null);
            if (parent == null) {
                errors.reject("consultation.comment.noParent");
                return Optional.empty();
            }
        }
        Paragraph paragraph = null;
        String key = form.paragraph() == null ? "" : form.paragraph().strip();
        if (parent != null) {
            paragraph = parent.paragraphId() == null
                    ? null
                    : store.paragraphsById(List.of(parent.paragraphId())).get(parent.paragraphId());
        } else if (!key.isEmpty() && !key.equals("draft")) {
            paragraph = store.paragraphs(latest.id()).stream()
                    .filter(p -> p.key().equals(key))
                    .findFirst()
                    .orElse(null);
            if (paragraph == null) {
                errors.reject("consultation.comment.otherVersion");
                return Optional.empty();
            }
        }
        String body = form.bodyText();
        if (body.isEmpty()) {
            errors.rejectValue("body", "consultation.comment.required");
        } else if (body.length() > MAX_COMMENT) {
            errors.rejectValue("body", "consultation.comment.tooLong");
        }
        String passage = parent == null ? form.passageText() : "";
        String proposal = parent == null ? form.proposalText() : "";
        if (!passage.isEmpty() && (paragraph == null || !Passages.contains(paragraph.text(), passage))) {
            errors.rejectValue("passage", "consultation.comment.passageNotFound");
        }
        if (!proposal.isEmpty() && paragraph == null) {
            errors.rejectValue("proposal", "consultation.comment.proposalNeedsParagraph");
        } else if (proposal.length() > MAX_COMMENT || passage.length() > MAX_COMMENT) {
            errors.rejectValue("proposal", "consultation.comment.tooLong");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        String language = detection.detect(body, List.of()).tag();
        long id = store.insertComment(
                round.get().id(),
                latest.id(),
                paragraph == null ? null : paragraph.id(),
                parent == null ? null : parent.id(),
                passage.isEmpty() ? null : passage,
                proposal.isEmpty() ? null : proposal,
                body,
                language,
                author.value());
        translations.register(new TextRef(COMMENT, id), body, language, consultation.editionId());
        return Optional.of(id);
    }

    /**
     * Records a decision on comments of a round. All comments must be the round's; a reason is needed for every
     * decision but acceptance. Each commenter is told, in the same transaction.
     */
    @Transactional
    boolean handle(Round round, HandlingForm form, AccountId by, Errors errors) {
        Optional<Decision> decision = Decision.of(form.decision());
        if (decision.isEmpty()) {
            errors.rejectValue("decision", "consultation.handling.decisionRequired");
        }
        String reason = form.reasonText();
        if (decision.isPresent() && decision.get().needsReason && reason.isEmpty()) {
            errors.rejectValue("reason", "consultation.handling.reasonRequired");
        } else if (reason.length() > MAX_REASON) {
            errors.rejectValue("reason", "consultation.handling.reasonTooLong");
        }
        List<Comment> comments = new ArrayList<>();
        if (!form.chosen().isEmpty()) {
            // an author's edit waits for the decision (and is then refused), or the decision for the edit
            store.lockComments(form.chosen());
        }
        for (long id : form.chosen()) {
            store.comment(id)
                    .filter(c -> c.roundId() == round.id() && !c.withdrawn())
                    .ifPresent(comments::add);
        }
        if (comments.isEmpty() || comments.size() != new HashSet<>(form.chosen()).size()) {
            errors.rejectValue("comments", "consultation.handling.commentsRequired");
        }
        if (errors.hasErrors()) {
            return false;
        }
        for (Comment comment : comments) {
            store.handle(comment.id(), decision.get().name(), reason, by.value());
            if (comment.authorId() != null) {
                store.notice(comment.id(), comment.authorId());
            }
        }
        return true;
    }

    /**
     * Why the author may not change this comment now, or empty: only while its round is open and before the
     * drafting team has handled it (a decision is about the words it was given). Call in a transaction that has
     * locked the comment.
     */
    Optional<String> unchangeable(Consultation consultation, Comment comment) {
        if (openRound(consultation.id())
                .filter(r -> r.id() == comment.roundId())
                .isEmpty()) {
            return Optional.of("consultation.comment.edit.closed");
        }
        if (store.handled(comment.id())) {
            return Optional.of("consultation.comment.edit.handled");
        }
        return Optional.empty();
    }

    /**
     * Puts the author's new wording in place of the comment's, keeping the earlier one. Checked like a new comment
     * (a passage must be in the paragraph, proposed wording needs a paragraph; a reply has neither).
     */
    @Transactional
    boolean reword(Consultation consultation, Comment comment, CommentForm form, Errors errors) {
        store.lockComments(List.of(comment.id()));
        unchangeable(consultation, comment).ifPresent(errors::reject);
        if (errors.hasErrors()) {
            return false;
        }
        Paragraph paragraph = comment.paragraphId() == null
                ? null
                : store.paragraphsById(List.of(comment.paragraphId())).get(comment.paragraphId());
        boolean reply = comment.parentId() != null;
        String body = form.bodyText();
        if (body.isEmpty()) {
            errors.rejectValue("body", "consultation.comment.required");
        } else if (body.length() > MAX_COMMENT) {
            errors.rejectValue("body", "consultation.comment.tooLong");
        }
        String passage = reply ? "" : form.passageText();
        String proposal = reply ? "" : form.proposalText();
        if (!passage.isEmpty() && (paragraph == null || !Passages.contains(paragraph.text(), passage))) {
            errors.rejectValue("passage", "consultation.comment.passageNotFound");
        }
        if (!proposal.isEmpty() && paragraph == null) {
            errors.rejectValue("proposal", "consultation.comment.proposalNeedsParagraph");
        } else if (proposal.length() > MAX_COMMENT || passage.length() > MAX_COMMENT) {
            errors.rejectValue("proposal", "consultation.comment.tooLong");
        }
        if (errors.hasErrors()) {
            return false;
        }
        String language = detection.detect(body, List.of()).tag();
        store.reword(
                comment.id(), body, passage.isEmpty() ? null : passage, proposal.isEmpty() ? null : proposal, language);
        translations.register(new TextRef(COMMENT, comment.id()), body, language, consultation.editionId());
        return true;
    }

    /** The author takes a comment back: no longer shown, counted or handled; its replies stay. */
    @Transactional
    boolean withdraw(Consultation consultation, Comment comment, Errors errors) {
        store.lockComments(List.of(comment.id()));
        unchangeable(consultation, comment).ifPresent(errors::reject);
        if (errors.hasErrors()) {
            return false;
        }
        store.withdraw(comment.id());
        translations.forget(new TextRef(COMMENT, comment.id()));
        return true;
    }

    @Transactional
    boolean support(long comment, AccountId account) {
        return store.support(comment, account.value());
    }

    /** A flag; from the edition's threshold of flags on, the comment is hidden until a moderator looks. */
    @Transactional
    void flag(Comment comment, AccountId account, int threshold) {
        int flags = store.flag(comment.id(), account.value());
        if (flags >= threshold && !comment.hidden()) {
            store.setHidden(comment.id(), true);
            translations.forget(new TextRef(COMMENT, comment.id()));
        }
    }

    @Transactional
    void moderate(Comment comment, boolean hide, String reason, AccountId moderator, long edition) {
        store.setHidden(comment.id(), hide);
        store.logModeration(comment.id(), moderator.value(), hide ? "HIDE" : "RESTORE", reason);
        if (hide) {
            translations.forget(new TextRef(COMMENT, comment.id()));
        } else {
            store.clearFlags(comment.id());
            translations.register(new TextRef(COMMENT, comment.id()), comment.body(), comment.language(), edition);
        }
    }

    @Transactional
    void openNow(Round round) {
        LocalDate today = today();
        store.setRoundDates(round.id(), today, round.closesOn().isBefore(today) ? today : round.closesOn());
    }

    /**
     * Closes an open round now: it closed yesterday, by the dates (which have a day's grain), so that today's
     * comments are refused. A round opened today then reads as having opened yesterday too. A round that is not open
     * is left as it is.
     */
    @Transactional
    boolean closeNow(Round round) {
        LocalDate today = today();
        if (!round.openOn(today)) {
            return false;
        }
        LocalDate yesterday = today.minusDays(1);
        store.setRoundDates(round.id(), round.opensOn().isAfter(yesterday) ? yesterday : round.opensOn(), yesterday);
        return true;
    }

    @Transactional
    void publishOutcome(Consultation consultation, int version) {
        store.setOutcome(consultation.id(), version);
    }

    /** For demo content: a comment in a round whatever its dates (the demo's first round is closed). */
    @Transactional
    long demoComment(
            Consultation consultation,
            Round round,
            Version version,
            String key,
            String passage,
            String body,
            String proposal,
            String language,
            AccountId author) {
        Long paragraph = key == null
                ? null
                : store.paragraphs(version.id()).stream()
                        .filter(p -> p.key().equals(key))
                        .findFirst()
                        .orElseThrow()
                        .id();
        long id = store.insertComment(
                round.id(), version.id(), paragraph, null, passage, proposal, body, language, author.value());
        translations.register(new TextRef(COMMENT, id), body, language, consultation.editionId());
        return id;
    }

    @EventListener
    void on(AccountDeleted deleted) {
        store.forgetAccount(deleted.account().value());
    }
}
