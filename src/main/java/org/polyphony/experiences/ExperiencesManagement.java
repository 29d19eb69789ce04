package org.polyphony.experiences;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.polyphony.accounts.AccountDeleted;
import org.polyphony.accounts.AccountId;
import org.polyphony.experiences.StoryStore.StoredStory;
import org.polyphony.languages.Countries;
import org.polyphony.translation.DetectedLanguage;
import org.polyphony.translation.LanguageDetection;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The experiences module's entry point: stories written, edited, withdrawn and moderated. A story is pre-moderated
 * unless {@code polyphony.experiences.premoderated} is false or its author moderates; its title and text are detected
 * and translated like posts once readable.
 */
@Service
public class ExperiencesManagement {

    static final String TITLE = "story-title";
    static final String BODY = "story";

    private final StoryStore stories;
    private final StoryThemes themes;
    private final LanguageDetection detection;
    private final Translations translations;
    private final boolean premoderated;

    ExperiencesManagement(
            StoryStore stories,
            StoryThemes themes,
            LanguageDetection detection,
            Translations translations,
            @Value("${polyphony.experiences.premoderated:true}") boolean premoderated) {
        this.stories = stories;
        this.themes = themes;
        this.detection = detection;
        this.translations = translations;
        this.premoderated = premoderated;
    }

    /** A story just written: its id, its status, and for an anonymous story the key its author must keep. */
    record Written(StoryId id, StoryStatus status, String key) {}

    /**
     * @param sessions the ids of the edition's sessions, which the story may name
     * @param trusted the author moderates: their story needs no approval, unless it is anonymous (published at once,
     *     it would stand out as a moderator's, the only stories with no moderator's decision logged)
     */
    @Transactional
    Optional<Written> write(
            long edition, Set<Long> sessions, StoryForm form, AccountId author, boolean trusted, Errors errors) {
        StoryFacts facts = checked(edition, sessions, form, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        String title = StoryForm.text(form.title());
        String body = StoryForm.text(form.body());
        DetectedLanguage language = detection.detect(title + "\n" + body, List.of());
        StoryStatus status =
                premoderated && (!trusted || form.isAnonymous()) ? StoryStatus.PENDING : StoryStatus.PUBLISHED;
        String key = form.isAnonymous() ? StoryKeys.newKey() : null;
        long id = stories.insert(
                edition,
                title,
                body,
                language.tag(),
                language.confidence(),
                form.isAnonymous() ? null : author.value(),
                key == null ? null : StoryKeys.hash(key),
                facts,
                status,
                false);
        StoryId story = new StoryId(id);
        stories.setSessions(story, form.sessionsOrNone());
        if (status == StoryStatus.PUBLISHED) {
            readable(story, title, body, language.tag(), edition);
        }
        return Optional.of(new Written(story, status, key));
    }

    /** Checks a form's facts without saving anything, so that a page can list every error at once. */
    void check(long edition, Set<Long> sessions, StoryForm form, Errors errors) {
        checked(edition, sessions, form, errors);
    }

    /** Changes a story; in a pre-moderated forum it waits for a moderator again, unless its author moderates. */
    @Transactional
    Optional<StoryStatus> edit(StoredStory story, Set<Long> sessions, StoryForm form, boolean trusted, Errors errors) {
        StoryFacts facts = checked(story.editionId(), sessions, form, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        String title = StoryForm.text(form.title());
        String body = StoryForm.text(form.body());
        DetectedLanguage language = detection.detect(title + "\n" + body, List.of());
        StoryStatus status =
                premoderated && (!trusted || story.anonymous()) ? StoryStatus.PENDING : StoryStatus.PUBLISHED;
        stories.update(story.id(), title, body, language.tag(), language.confidence(), facts, status);
        stories.setSessions(story.id(), form.sessionsOrNone());
        if (status == StoryStatus.PUBLISHED) {
            readable(story.id(), title, body, language.tag(), story.editionId());
        } else {
            unreadable(story.id());
        }
        return Optional.of(status);
    }

    /** Withdrawn by its author: the story, its translations and its links go; nothing of it is kept. */
    @Transactional
    void withdraw(StoredStory story) {
        unreadable(story.id());
        stories.delete(story.id());
    }

    @Transactional
    void moderate(StoredStory story, StoryStatus decision, AccountId moderator) {
        stories.setStatus(story.id(), decision, moderator.value());
        if (decision == StoryStatus.PUBLISHED) {
            readable(story.id(), story.title(), story.body(), story.language(), story.editionId());
        } else {
            unreadable(story.id());
        }
    }

    /** Named stories stay, without a name, like posts; anonymous ones were never linked. */
    @EventListener
    void on(AccountDeleted deleted) {
        stories.forgetAuthor(deleted.account().value());
    }

    /** For demo content: a published story written by nobody. */
    @Transactional
    StoryId demo(long edition, String title, String body, StoryFacts facts, List<Long> sessions) {
        DetectedLanguage language = detection.detect(title + "\n" + body, List.of());
        StoryId id = new StoryId(stories.insert(
                edition,
                title,
                body,
                language.tag(),
                language.confidence(),
                null,
                null,
                facts,
                StoryStatus.PUBLISHED,
                true));
        stories.setSessions(id, sessions);
        readable(id, title, body, language.tag(), edition);
        return id;
    }

    private void readable(StoryId id, String title, String body, String language, long edition) {
        translations.register(new TextRef(TITLE, id.value()), title, language, edition);
        translations.register(new TextRef(BODY, id.value()), body, language, edition);
    }

    private void unreadable(StoryId id) {
        translations.forget(new TextRef(TITLE, id.value()));
        translations.forget(new TextRef(BODY, id.value()));
    }

    /** The form's facts, checked: known countries, kinds, sectors, themes and sessions, sensible years. */
    private StoryFacts checked(long edition, Set<Long> sessions, StoryForm form, Errors errors) {
        String origin = country(form.origin(), "origin", errors);
        String residence = country(form.residence(), "residence", errors);
        List<String> previous = new ArrayList<>();
        for (String code : form.previousCountriesOrNone()) {
            String known = country(code, "previousCountries", errors);
            if (known != null && !previous.contains(known)) {
                previous.add(known);
            }
        }
        MigrationKind kind = null;
        if (!StoryForm.text(form.kind()).isEmpty()) {
            kind = MigrationKind.of(form.kind().strip()).orElse(null);
            if (kind == null) {
                errors.rejectValue("kind", "story.kind.unknown");
            }
        }
        String sector = StoryForm.text(form.sector());
        if (!sector.isEmpty() && !Sectors.CODES.contains(sector)) {
            errors.rejectValue("sector", "story.sector.unknown");
        }
        Integer from = year(form.yearFrom(), "yearFrom", errors);
        Integer to = year(form.yearTo(), "yearTo", errors);
        if (from != null && to != null && to < from) {
            errors.rejectValue("yearTo", "story.years.order");
        }
        Set<String> offered = new java.util.HashSet<>();
        themes.of(edition).forEach(theme -> offered.add(theme.code()));
        if (!offered.containsAll(form.themesOrNone())) {
            errors.rejectValue("themes", "story.theme.unknown");
        }
        if (!sessions.containsAll(form.sessionsOrNone())) {
            errors.rejectValue("sessions", "story.session.unknown");
        }
        String gender = StoryForm.text(form.gender());
        return new StoryFacts(
                origin,
                residence,
                previous,
                kind,
                sector.isEmpty() ? null : sector,
                gender.isEmpty() ? null : gender,
                from,
                to,
                form.themesOrNone().stream().distinct().toList());
    }

    private static String country(String code, String field, Errors errors) {
        if (StoryForm.text(code).isEmpty()) {
            return null;
        }
        Optional<String> known = Countries.normalise(code);
        if (known.isEmpty()) {
            errors.rejectValue(field, "story.country.unknown");
            return null;
        }
        return known.get();
    }

    private static Integer year(String text, String field, Errors errors) {
        String value = StoryForm.text(text);
        if (value.isEmpty()) {
            return null;
        }
        if (!value.matches("\\d{4}")
                || Integer.parseInt(value) < 1900
                || Integer.parseInt(value) > Year.now().getValue()) {
            errors.rejectValue(
                    field, "story.year.invalid", new Object[] {Year.now().getValue()}, null);
            return null;
        }
        return Integer.parseInt(value);
    }
}
