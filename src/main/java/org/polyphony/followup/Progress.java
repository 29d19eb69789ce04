package org.polyphony.followup;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.Role;
import org.polyphony.languages.Countries;
import org.polyphony.people.OrganisationId;
import org.polyphony.people.PeopleManagement;
import org.polyphony.translation.LanguageDetection;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * Commitments and their progress, each action checked here: only an organisation's active admins commit, update
 * or react for it, only organisers speak for a state or verify, and an organisation does not confirm or contest
 * its own update. Nothing is half-kept: files go to the store only once every field is right, and are removed again
 * if the transaction fails.
 */
@Service
class Progress {

    static final String UPDATE_TEXT = "followup-update";

    private final CommitmentStore store;
    private final IndicatorStore indicators;
    private final EvidenceFiles files;
    private final PeopleManagement people;
    private final AccountDirectory accounts;
    private final FollowupNotices notices;
    private final LanguageDetection detection;
    private final Translations translations;

    Progress(
            CommitmentStore store,
            IndicatorStore indicators,
            EvidenceFiles files,
            PeopleManagement people,
            AccountDirectory accounts,
            FollowupNotices notices,
            LanguageDetection detection,
            Translations translations) {
        this.store = store;
        this.indicators = indicators;
        this.files = files;
        this.people = people;
        this.accounts = accounts;
        this.notices = notices;
        this.detection = detection;
        this.translations = translations;
    }

    boolean organiser() {
        return accounts.signedInAs(Role.ORGANISER);
    }

    /** Whether this person may post updates of the commitment: its organisation's admin, or an organiser for a state. */
    boolean maySpeakFor(Commitment commitment, AccountId person) {
        return commitment.organisationId() == null
                ? organiser()
                : people.isAdmin(new OrganisationId(commitment.organisationId()), person);
    }

    @Transactional
    Optional<Long> commit(Recommendation recommendation, CommitmentForm form, AccountId person, Errors errors) {
        Long organisation = null;
        String country = null;
        String chosen = RecommendationForm.text(form.organisation());
        if (chosen.isEmpty() || chosen.equals("state")) {
            if (!organiser()) {
                errors.rejectValue("organisation", "followup.commitment.organisation.required");
            } else {
                country = Countries.normalise(RecommendationForm.text(form.country()))
                        .orElse(null);
                if (country == null) {
                    errors.rejectValue("country", "followup.commitment.country.required");
                }
            }
        } else {
            organisation = parseId(chosen);
            if (organisation == null || !people.isAdmin(new OrganisationId(organisation), person)) {
                errors.rejectValue("organisation", "followup.commitment.organisation.notAdmin");
                organisation = null;
            }
        }
        String action = RecommendationForm.text(form.action());
        if (action.isEmpty() || action.length() > 4000) {
            errors.rejectValue("action", "followup.commitment.action.required");
        }
        LocalDate due = date(form.dueOn());
        if (due == null) {
            errors.rejectValue("dueOn", "followup.date.invalid");
        }
        String responsible = RecommendationForm.text(form.responsible());
        if (responsible.isEmpty() || responsible.length() > 300) {
            errors.rejectValue("responsible", "followup.commitment.responsible.required");
        }
        Long indicator = null;
        String typedIndicator = RecommendationForm.text(form.indicator());
        if (!typedIndicator.isEmpty()) {
            indicator = parseId(typedIndicator);
            if (indicator == null || indicators.find(indicator).isEmpty()) {
                errors.rejectValue("indicator", "followup.indicator.unknown");
            }
        }
        if (recommendation.status() == RecommendationStatus.CLOSED) {
            errors.reject("followup.recommendation.closed");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        long id = store.insertCommitment(
                recommendation.id(), organisation, country, action, due, responsible, indicator, person.value());
        notices.follow(person, FollowupNotices.Target.COMMITMENT, id);
        return Optional.of(id);
    }

    @Transactional
    Optional<Long> update(
            Commitment commitment, UpdateForm form, List<MultipartFile> uploads, AccountId person, Errors errors) {
        if (!maySpeakFor(commitment, person)) {
            errors.reject("followup.update.notAdmin");
            return Optional.empty();
        }
        Optional<CompletionLevel> level = CompletionLevel.of(form.level());
        if (level.isEmpty()) {
            errors.rejectValue("level", "followup.update.level.required");
        }
        String body = RecommendationForm.text(form.body());
        if (body.isEmpty() || body.length() > 8000) {
            errors.rejectValue("body", "followup.update.body.required");
        }
        Evidences evidence = evidence(form.links(), uploads, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        String language =
                detection.detect(body, accounts.readingLanguages(person)).tag();
        long id = store.insertUpdate(commitment.id(), level.get(), body, language, person.value());
        keep(evidence, id, null);
        translations.register(new TextRef(UPDATE_TEXT, id), body, language, null);
        notices.tell(FollowupNotices.Kind.UPDATE, commitment.id(), person);
        return Optional.of(id);
    }

    @Transactional
    Optional<Long> react(
            Commitment commitment,
            ProgressUpdate update,
            ReactionForm form,
            List<MultipartFile> uploads,
            AccountId person,
            Errors errors) {
        Long organisation = parseId(RecommendationForm.text(form.organisation()));
        if (organisation == null || !people.isAdmin(new OrganisationId(organisation), person)) {
            errors.rejectValue("organisation", "followup.commitment.organisation.notAdmin");
        } else if (organisation.equals(commitment.organisationId())) {
            errors.rejectValue("organisation", "followup.reaction.own");
        }
        Reaction.Stance stance = "CONFIRM".equals(form.stance())
                ? Reaction.Stance.CONFIRM
                : "CONTEST".equals(form.stance()) ? Reaction.Stance.CONTEST : null;
        if (stance == null) {
            errors.rejectValue("stance", "followup.reaction.stance.required");
        }
        String body = RecommendationForm.text(form.body());
        if (body.isEmpty() || body.length() > 4000) {
            errors.rejectValue("body", "followup.reaction.body.required");
        }
        Evidences evidence = evidence(form.links(), uploads, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        Optional<Long> id = store.insertReaction(update.id(), stance, organisation, body, person.value());
        if (id.isEmpty()) {
            errors.rejectValue("organisation", "followup.reaction.already");
            return Optional.empty();
        }
        keep(evidence, null, id.get());
        notices.tell(FollowupNotices.Kind.REACTION, commitment.id(), person);
        return id;
    }

    @Transactional
    boolean verify(ProgressUpdate update, AccountId organiser) {
        if (!organiser()) {
            return false;
        }
        boolean verified = store.verify(update.id(), organiser.value());
        if (verified) {
            notices.tell(FollowupNotices.Kind.VERIFIED, update.commitmentId(), organiser);
        }
        return verified;
    }

    private record Evidences(List<String> links, List<EvidenceFiles.Checked> files) {}

    private Evidences evidence(String typedLinks, List<MultipartFile> uploads, Errors errors) {
        List<String> links = new ArrayList<>();
        for (String line : (typedLinks == null ? "" : typedLinks).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Optional<String> link = EvidenceFiles.link(line);
            if (link.isEmpty()) {
                errors.rejectValue("links", "followup.evidence.link", new Object[] {line.strip()}, null);
            } else {
                links.add(link.get());
            }
        }
        if (links.size() > EvidenceFiles.MAX_LINKS) {
            errors.rejectValue("links", "followup.evidence.tooManyLinks", new Object[] {EvidenceFiles.MAX_LINKS}, null);
        }
        List<EvidenceFiles.Checked> checked = files.check(uploads);
        if (checked.size() > EvidenceFiles.MAX_FILES) {
            errors.reject("followup.evidence.tooManyFiles", new Object[] {EvidenceFiles.MAX_FILES}, null);
        }
        for (EvidenceFiles.Checked file : checked) {
            if (file.problem() != null) {
                errors.reject(file.problem(), new Object[] {file.name()}, null);
            }
        }
        return new Evidences(links, checked);
    }

    private void keep(Evidences evidence, Long update, Long reaction) {
        for (String link : evidence.links()) {
            store.insertEvidence(update, reaction, link, null);
        }
        List<String> kept = new ArrayList<>();
        for (EvidenceFiles.Checked file : evidence.files()) {
            EvidenceFiles.Kept stored = files.keep(file);
            kept.add(stored.key());
            store.insertEvidence(update, reaction, null, stored);
        }
        if (!kept.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        kept.forEach(files::forget);
                    }
                }
            });
        }
    }

    static Long parseId(String text) {
        return text != null && text.matches("\\d{1,15}") ? Long.valueOf(text) : null;
    }

    static LocalDate date(String text) {
        try {
            LocalDate date = LocalDate.parse(RecommendationForm.text(text));
            return date.getYear() < 1900 || date.getYear() > 2200 ? null : date;
        } catch (DateTimeParseException malformed) {
            return null;
        }
    }
}
