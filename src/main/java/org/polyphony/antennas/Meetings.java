package org.polyphony.antennas;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polyphony.accounts.AccountDeleted;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.forums.Edition;
import org.polyphony.languages.ReadingLanguages;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.polyphony.web.MarkdownRenderer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Meetings of hubs and editions: set up by those who manage the hub (organisers for the edition's own), with
 * registration by account only (plus the organiser's one question, if any), a waiting list once full, and after the
 * meeting its minutes (translated like posts), outcomes and attendance counts.
 */
@Service
class Meetings {

    static final String MINUTES = "antennas-minutes";

    private final MeetingStore store;
    private final AccountDirectory accounts;
    private final Translations translations;
    private final MarkdownRenderer markdown;
    private final Clock clock;

    Meetings(MeetingStore store, AccountDirectory accounts, Translations translations, MarkdownRenderer markdown) {
        this.store = store;
        this.accounts = accounts;
        this.translations = translations;
        this.markdown = markdown;
        this.clock = Clock.systemUTC();
    }

    Optional<Meeting> find(long id) {
        return store.find(id);
    }

    List<Meeting> ofHub(long hubId) {
        return store.ofHub(hubId);
    }

    List<Meeting> ofEdition(long editionId) {
        return store.ofEdition(editionId);
    }

    Instant now() {
        return clock.instant();
    }

    @Transactional
    Optional<Long> create(Edition edition, Long hubId, MeetingForm form, Errors errors) {
        Optional<MeetingStore.Details> details = check(edition, form, errors, 0);
        List<Meeting.AgendaItem> programme = programme(edition, form.programme(), errors);
        if (details.isEmpty() || errors.hasErrors()) {
            return Optional.empty();
        }
        long id = store.insert(edition.id().value(), hubId, details.get());
        store.replaceProgramme(id, programme);
        return Optional.of(id);
    }

    @Transactional
    void update(Edition edition, Meeting meeting, MeetingForm form, Errors errors) {
        store.lock(meeting.id());
        Optional<MeetingStore.Details> details = check(edition, form, errors, store.registeredCount(meeting.id()));
        List<Meeting.AgendaItem> programme = programme(edition, form.programme(), errors);
        if (details.isEmpty() || errors.hasErrors()) {
            return;
        }
        store.update(meeting.id(), details.get());
        store.replaceProgramme(meeting.id(), programme);
    }

    /** The outcome of a registration: registered, or on the waiting list because the meeting is full. */
    enum Registered {
        REGISTERED,
        WAITING
    }

    @Transactional
    Optional<Registered> register(Meeting meeting, String answer, Errors errors) {
        AccountId me = accounts.signedIn().orElseThrow();
        store.lock(meeting.id());
        if (meeting.cancelled()) {
            errors.reject("antennas.register.cancelled");
        } else if (meeting.over(now()) || !meeting.startsAt().isAfter(now())) {
            errors.reject("antennas.register.past");
        } else if (!meeting.registrationOpen()) {
            errors.reject("antennas.register.closed");
        }
        if (answer != null && answer.length() > 1000) {
            errors.rejectValue("answer", "antennas.register.answer.length");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        Optional<MeetingStore.Registration> already = store.registration(meeting.id(), me.value());
        if (already.isPresent()) {
            return Optional.of(already.get().waiting() ? Registered.WAITING : Registered.REGISTERED);
        }
        boolean full = meeting.capacity() != null && store.registeredCount(meeting.id()) >= meeting.capacity();
        store.register(
                meeting.id(),
                me.value(),
                full,
                meeting.question() == null || answer == null || answer.isBlank() ? null : answer.strip());
        return Optional.of(full ? Registered.WAITING : Registered.REGISTERED);
    }

    @Transactional
    void unregister(Meeting meeting) {
        AccountId me = accounts.signedIn().orElseThrow();
        store.lock(meeting.id());
        if (store.unregister(meeting.id(), me.value()) && meeting.capacity() != null && !meeting.cancelled()) {
            store.promoteWaiting(meeting.id(), meeting.capacity() - store.registeredCount(meeting.id()));
        }
    }

    Optional<MeetingStore.Registration> myRegistration(Meeting meeting) {
        return accounts.signedIn().flatMap(me -> store.registration(meeting.id(), me.value()));
    }

    int registeredCount(Meeting meeting) {
        return store.registeredCount(meeting.id());
    }

    /** Organisers' list: display names and answers, never shown anywhere public. */
    List<MeetingViews.Registrant> registrants(Meeting meeting) {
        List<MeetingStore.Registration> rows = store.registrations(meeting.id());
        Map<AccountId, String> names = accounts.displayNames(
                rows.stream().map(r -> new AccountId(r.accountId())).toList());
        return rows.stream()
                .map(r -> new MeetingViews.Registrant(
                        names.getOrDefault(new AccountId(r.accountId()), ""), r.waiting(), r.answer()))
                .toList();
    }

    @Transactional
    void cancel(Meeting meeting) {
        store.cancel(meeting.id());
    }

    @Transactional
    void setRegistrationOpen(Meeting meeting, boolean open) {
        store.setRegistrationOpen(meeting.id(), open);
    }

    @Transactional
    void saveMinutes(Meeting meeting, MinutesForm form, Errors errors) {
        String language = form.language();
        if (language == null || !ReadingLanguages.isKnown(language)) {
            errors.rejectValue("language", "antennas.language.unknown");
        }
        Map<String, Integer> byRegion = counts(form.byRegion(), "byRegion", errors);
        Map<String, Integer> byGender = counts(form.byGender(), "byGender", errors);
        if (errors.hasErrors()) {
            return;
        }
        String minutes = form.minutes() == null ? "" : form.minutes().strip();
        store.saveMinutes(
                meeting.id(),
                minutes.isEmpty() ? null : minutes,
                minutes.isEmpty() ? null : markdown.render(minutes),
                language,
                form.outcomes() == null ? "" : form.outcomes().strip());
        store.replaceAttendance(meeting.id(), "REGION", byRegion);
        store.replaceAttendance(meeting.id(), "GENDER", byGender);
        if (minutes.isEmpty()) {
            translations.forget(new TextRef(MINUTES, meeting.id()));
        } else {
            translations.register(new TextRef(MINUTES, meeting.id()), minutes, language, meeting.editionId());
        }
    }

    Map<String, Integer> attendance(Meeting meeting, String dimension) {
        return store.attendance(meeting.id(), dimension);
    }

    /** The minutes in the reader's languages: a translation where one is ready. */
    Optional<org.polyphony.translation.Shown> minutesShown(Meeting meeting, List<String> readerLanguages) {
        if (meeting.minutes() == null || readerLanguages.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(translations
                .shown(MINUTES, List.of(meeting.id()), readerLanguages)
                .get(new TextRef(MINUTES, meeting.id())));
    }

    String render(String markdownText) {
        return markdown.render(markdownText);
    }

    @EventListener
    void forget(AccountDeleted deleted) {
        store.forget(deleted.account().value());
    }

    /** The form's values, checked: a known time zone, a date and times in the future, a capacity not below those registered. */
    private Optional<MeetingStore.Details> check(Edition edition, MeetingForm form, Errors errors, int registered) {
        MeetingKind kind = parse(MeetingKind.class, form.kind());
        if (kind == null) {
            errors.rejectValue("kind", "antennas.meeting.kind.unknown");
        }
        MeetingMode mode = parse(MeetingMode.class, form.mode());
        if (mode == null) {
            errors.rejectValue("mode", "antennas.meeting.mode.unknown");
        }
        ZoneId zone = null;
        try {
            zone = form.timeZone() == null || form.timeZone().isBlank()
                    ? null
                    : ZoneId.of(form.timeZone().strip());
        } catch (DateTimeException unknown) {
            zone = null;
        }
        if (zone == null) {
            errors.rejectValue("timeZone", "antennas.meeting.zone.unknown");
        }
        LocalDate date = null;
        try {
            date = LocalDate.parse(form.date() == null ? "" : form.date().strip());
        } catch (DateTimeException malformed) {
            errors.rejectValue("date", "antennas.meeting.date.invalid");
        }
        LocalTime start = time(form.startTime(), "startTime", errors);
        LocalTime end = time(form.endTime(), "endTime", errors);
        Integer capacity = null;
        if (form.capacity() != null && !form.capacity().isBlank()) {
            try {
                capacity = Integer.valueOf(form.capacity().strip());
                if (capacity < 1 || capacity > 100000) {
                    errors.rejectValue("capacity", "antennas.meeting.capacity.range");
                } else if (capacity < registered) {
                    errors.rejectValue(
                            "capacity", "antennas.meeting.capacity.belowRegistered", new Object[] {registered}, null);
                }
            } catch (NumberFormatException notANumber) {
                errors.rejectValue("capacity", "antennas.meeting.capacity.range");
            }
        }
        if (form.language() == null || !ReadingLanguages.isKnown(form.language())) {
            errors.rejectValue("language", "antennas.language.unknown");
        }
        String link = form.onlineLink() == null ? "" : form.onlineLink().strip();
        if (!link.isEmpty() && !link.matches("https?://[^\\s<>\"]+")) {
            errors.rejectValue("onlineLink", "antennas.meeting.link.invalid");
        }
        if (zone == null || date == null || start == null || end == null) {
            return Optional.empty();
        }
        Instant startsAt = ZonedDateTime.of(date, start, zone).toInstant();
        Instant endsAt = ZonedDateTime.of(date, end, zone).toInstant();
        if (!endsAt.isAfter(startsAt)) {
            errors.rejectValue("endTime", "antennas.meeting.end.beforeStart");
        }
        if (!startsAt.isAfter(now())) {
            errors.rejectValue("date", "antennas.meeting.date.past");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new MeetingStore.Details(
                kind,
                form.title().strip(),
                form.language(),
                startsAt,
                endsAt,
                zone,
                mode,
                form.place() == null ? "" : form.place().strip(),
                link,
                capacity,
                form.question() == null || form.question().isBlank()
                        ? null
                        : form.question().strip()));
    }

    /** One agenda item a line; a line starting with a session's code ("3.2: …") links that session. */
    private static List<Meeting.AgendaItem> programme(Edition edition, String text, Errors errors) {
        List<Meeting.AgendaItem> items = new ArrayList<>();
        if (text == null) {
            return items;
        }
        for (String line :
                text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            var matcher = java.util.regex.Pattern.compile("^(\\d{1,2}\\.\\d{1,2})\\s*[:–-]\\s*(.+)$")
                    .matcher(line);
            Long session = null;
            String title = line;
            if (matcher.matches()) {
                var found = edition.session(matcher.group(1));
                if (found.isEmpty()) {
                    errors.rejectValue(
                            "programme", "antennas.meeting.programme.session", new Object[] {matcher.group(1)}, null);
                    continue;
                }
                session = found.get().id().value();
                title = matcher.group(2);
            }
            if (title.length() > 300) {
                errors.rejectValue("programme", "antennas.meeting.programme.length");
                continue;
            }
            items.add(new Meeting.AgendaItem(items.size() + 1, title, session));
        }
        return items;
    }

    private static LocalTime time(String text, String field, Errors errors) {
        try {
            return LocalTime.parse(text == null ? "" : text.strip());
        } catch (DateTimeException malformed) {
            errors.rejectValue(field, "antennas.meeting.time.invalid");
            return null;
        }
    }

    /** "category: number" lines; categories are region codes or what people said of their gender. */
    static Map<String, Integer> counts(String text, String field, Errors errors) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (text == null) {
            return counts;
        }
        for (String line :
                text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            int colon = line.lastIndexOf(':');
            String category = colon < 0 ? "" : line.substring(0, colon).strip();
            String number = colon < 0 ? "" : line.substring(colon + 1).strip();
            if (category.isEmpty() || category.length() > 60 || !number.matches("\\d{1,6}")) {
                errors.rejectValue(field, "antennas.attendance.line", new Object[] {line}, null);
                return counts;
            }
            counts.merge(category, Integer.parseInt(number), Integer::sum);
        }
        return counts;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
