package org.polyphony.forums;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.polyphony.forums.Edition.ForumSession;
import org.polyphony.forums.Edition.Prompt;
import org.polyphony.forums.Edition.Roundtable;
import org.polyphony.forums.EditionRepository.EditionDetails;
import org.polyphony.forums.PromptText.ParsedPrompt;
import org.polyphony.languages.LocalizedText;
import org.polyphony.languages.ReadingLanguages;
import org.polyphony.web.ShortLivedCache;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The forums module's entry point: reading editions and their agenda, and the organisers' changes to them.
 * Editions in preparation are visible to organisers only.
 */
@Service
public class ForumManagement {

    private static final Set<EditionStatus> PUBLIC = EnumSet.of(EditionStatus.OPEN, EditionStatus.ARCHIVED);

    private final EditionRepository editions;
    private final ShortLivedCache cache;
    private final org.springframework.context.ApplicationEventPublisher events;

    ForumManagement(
            EditionRepository editions,
            org.springframework.context.ApplicationEventPublisher events,
            @org.springframework.beans.factory.annotation.Value("${polyphony.agenda-cache:PT10S}")
                    java.time.Duration agendaCacheTime) {
        this.events = events;
        this.editions = editions;
        this.cache = new ShortLivedCache(agendaCacheTime);
    }

    public List<Edition> editions(boolean organiser) {
        return cache.get(
                List.of("all", organiser),
                () -> editions.findAll(organiser ? EnumSet.allOf(EditionStatus.class) : PUBLIC));
    }

    /** The edition a session belongs to, with its whole agenda, if the session exists and is visible. */
    public Optional<Edition> editionOfSession(ForumSessionId session, boolean organiser) {
        return editions.slugOfSession(session).flatMap(slug -> edition(slug, organiser));
    }

    public Optional<Edition> edition(String slug, boolean organiser) {
        Optional<Edition> edition = cache.get(List.of("slug", slug), () -> editions.findBySlug(slug));
        return edition.filter(e -> organiser || PUBLIC.contains(e.status()));
    }

    /**
     * Imports the given editions if, and only if, there are none yet. Nodes starting together on an empty
     * database queue on a lock, so the agenda is imported once.
     */
    @Transactional
    boolean importIfEmpty(List<ImportedEdition> imports) {
        invalidateAgenda();
        editions.lockForStartupTasks();
        if (editions.count() > 0) {
            return false;
        }
        imports.forEach(i -> importEdition(i.slug(), i.details(), i.roundtables()));
        return true;
    }

    record ImportedEdition(String slug, EditionDetails details, List<ImportedRoundtable> roundtables) {}

    @Transactional
    Optional<String> createEdition(EditionForm form, Errors errors) {
        invalidateAgenda();
        checkLanguage(form.language(), errors);
        checkDates(form, errors);
        if (!errors.hasFieldErrors("slug") && editions.slugTaken(form.slug())) {
            errors.rejectValue("slug", "edition.slug.taken");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        String language = form.language();
        try {
            EditionId created = editions.insertEdition(
                    form.slug(),
                    new EditionDetails(
                            LocalizedText.of(language, form.name()),
                            LocalizedText.of(language, form.place()),
                            LocalizedText.of(language, form.summary()),
                            form.startsOn(),
                            form.endsOn(),
                            form.status()));
            if (form.flagThreshold() != null) {
                editions.updateFlagThreshold(created, form.flagThreshold());
            }
            editions.updateCodeOfConduct(created, LocalizedText.of(language, form.codeOfConduct()));
        } catch (DuplicateKeyException createdMeanwhile) {
            errors.rejectValue("slug", "edition.slug.taken");
            return Optional.empty();
        }
        return Optional.of(form.slug());
    }

    @Transactional
    void updateEdition(Edition edition, EditionForm form, Errors errors) {
        invalidateAgenda();
        checkLanguage(form.language(), errors);
        checkDates(form, errors);
        if (errors.hasErrors()) {
            return;
        }
        String language = form.language();
        editions.updateEdition(
                edition.id(),
                new EditionDetails(
                        edition.name().with(language, form.name()),
                        edition.place().with(language, form.place()),
                        edition.summary().with(language, form.summary()),
                        form.startsOn(),
                        form.endsOn(),
                        form.status()));
        if (form.flagThreshold() != null) {
            editions.updateFlagThreshold(edition.id(), form.flagThreshold());
        }
        editions.updateCodeOfConduct(edition.id(), edition.codeOfConduct().with(language, form.codeOfConduct()));
    }

    @Transactional
    void addRoundtable(Edition edition, RoundtableForm form, Errors errors) {
        invalidateAgenda();
        checkLanguage(form.language(), errors);
        if (!errors.hasFieldErrors("number")
                && edition.roundtable(form.number()).isPresent()) {
            errors.rejectValue("number", "roundtable.number.taken");
        }
        if (errors.hasErrors()) {
            return;
        }
        try {
            editions.insertRoundtable(
                    edition.id(),
                    form.number(),
                    LocalizedText.of(form.language(), form.title()),
                    LocalizedText.of(form.language(), form.background()));
        } catch (DuplicateKeyException addedMeanwhile) {
            errors.rejectValue("number", "roundtable.number.taken");
        }
    }

    @Transactional
    void updateRoundtable(Roundtable roundtable, RoundtableForm form, Errors errors) {
        invalidateAgenda();
        checkLanguage(form.language(), errors);
        if (errors.hasErrors()) {
            return;
        }
        editions.updateRoundtable(
                roundtable.id(),
                roundtable.title().with(form.language(), form.title()),
                roundtable.background().with(form.language(), form.background()));
    }

    @Transactional
    Optional<String> addSession(Edition edition, Roundtable roundtable, SessionForm form, Errors errors) {
        invalidateAgenda();
        checkLanguage(form.language(), errors);
        if (!errors.hasFieldErrors("position")
                && roundtable.sessions().stream().anyMatch(s -> s.position() == form.position())) {
            errors.rejectValue("position", "session.position.taken");
        }
        List<ParsedPrompt> parsed = PromptText.parse(form.prompts());
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        String language = form.language();
        ForumSessionId id;
        try {
            id = editions.insertSession(
                    edition.id(),
                    roundtable,
                    form.position(),
                    LocalizedText.of(language, form.title()),
                    LocalizedText.of(language, form.background()));
        } catch (DuplicateKeyException addedMeanwhile) {
            errors.rejectValue("position", "session.position.taken");
            return Optional.empty();
        }
        editions.replacePrompts(
                id, parsed.stream().map(p -> prompt(language, p)).toList());
        editions.updatePremoderation(id, form.isPremoderated());
        return Optional.of(roundtable.number() + "." + form.position());
    }

    @Transactional
    void updateSession(ForumSession session, SessionForm form, Errors errors) {
        invalidateAgenda();
        checkLanguage(form.language(), errors);
        List<ParsedPrompt> parsed = PromptText.parse(form.prompts());
        String language = form.language();
        boolean original = session.title().originalLanguage().equals(language);
        boolean untouched = !original && parsed.isEmpty();
        if (!errors.hasErrors()
                && !original
                && !untouched
                && parsed.size() != session.prompts().size()) {
            // a translation must keep the original's issues, one for one
            errors.rejectValue(
                    "prompts",
                    "session.prompts.shape",
                    new Object[] {session.prompts().size()},
                    null);
        }
        if (errors.hasErrors()) {
            return;
        }
        editions.updateSession(
                session.id(),
                session.title().with(language, form.title()),
                session.background().with(language, form.background()));
        editions.updatePremoderation(session.id(), form.isPremoderated());
        if (untouched) {
            return;
        }
        // issues keep their translations by position; issues the original adds start in the original only
        List<Prompt> prompts = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            prompts.add(
                    i < session.prompts().size()
                            ? merge(session.prompts().get(i), language, parsed.get(i))
                            : prompt(language, parsed.get(i)));
        }
        editions.replacePrompts(session.id(), prompts);
    }

    /** Forgets cached agendas now and again after the change commits, so no reader keeps a stale copy here. */
    private void invalidateAgenda() {
        cache.clear();
        events.publishEvent(new AgendaChanged());
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            cache.clear();
                            events.publishEvent(new AgendaSaved());
                        }
                    });
        }
    }

    /** Adds a whole edition at once (used to load the demo agenda). */
    @Transactional
    EditionId importEdition(String slug, EditionDetails details, List<ImportedRoundtable> roundtables) {
        invalidateAgenda();
        EditionId id = editions.insertEdition(slug, details);
        for (ImportedRoundtable imported : roundtables) {
            long roundtableId =
                    editions.insertRoundtable(id, imported.number(), imported.title(), imported.background());
            Roundtable roundtable =
                    new Roundtable(roundtableId, imported.number(), imported.title(), imported.background(), List.of());
            for (ImportedSession session : imported.sessions()) {
                ForumSessionId sessionId = editions.insertSession(
                        id, roundtable, session.position(), session.title(), session.background());
                editions.replacePrompts(sessionId, session.prompts());
            }
        }
        return id;
    }

    record ImportedRoundtable(
            int number, LocalizedText title, LocalizedText background, List<ImportedSession> sessions) {}

    record ImportedSession(int position, LocalizedText title, LocalizedText background, List<Prompt> prompts) {}

    private static Prompt prompt(String language, ParsedPrompt parsed) {
        return new Prompt(
                LocalizedText.of(language, parsed.question()),
                parsed.points().stream().map(p -> LocalizedText.of(language, p)).toList());
    }

    private static Prompt merge(Prompt existing, String language, ParsedPrompt parsed) {
        List<LocalizedText> points = new ArrayList<>();
        int count = Math.max(existing.points().size(), parsed.points().size());
        for (int i = 0; i < count; i++) {
            LocalizedText point =
                    i < existing.points().size() ? existing.points().get(i) : LocalizedText.empty();
            String text = i < parsed.points().size() ? parsed.points().get(i) : null;
            LocalizedText merged = withVersion(point, language, text);
            if (!merged.isEmpty()) {
                points.add(merged);
            }
        }
        return new Prompt(withVersion(existing.question(), language, parsed.question()), points);
    }

    /** Sets one language's version, unless it is only the original's text left standing in, untranslated. */
    private static LocalizedText withVersion(LocalizedText text, String language, String version) {
        String original = text.originalLanguage();
        boolean placeholder = !original.equals(language)
                && version != null
                && version.strip().equals(text.exactly(original).orElse(null));
        return placeholder ? text : text.with(language, version);
    }

    private static void checkLanguage(String language, Errors errors) {
        if (language == null || !ReadingLanguages.isKnown(language)) {
            errors.rejectValue("language", "agenda.language.unknown");
        }
    }

    private static void checkDates(EditionForm form, Errors errors) {
        if (form.startsOn() != null && form.endsOn() != null && form.endsOn().isBefore(form.startsOn())) {
            errors.rejectValue("endsOn", "edition.date.order");
        }
    }
}
