package org.polyphony.consultation;

import java.util.List;
import java.util.Optional;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.Role;
import org.polyphony.antennas.HubAudiences;
import org.polyphony.consultation.ConsultationStore.Consultation;
import org.polyphony.consultation.ConsultationStore.Round;
import org.polyphony.consultation.ConsultationStore.Version;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumManagement;
import org.polyphony.people.OrganisationRoles;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Finds editions, consultations, rounds and versions as the reader may see them (a consultation of an edition the
 * reader may not see does not exist for them), and says who may do what.
 */
@Component
class ConsultationPlaces {

    private final ForumManagement forums;
    private final ConsultationStore store;
    private final AccountDirectory accounts;
    private final ConsultationManagement consultations;
    private final OrganisationRoles members;
    private final HubAudiences hubs;

    ConsultationPlaces(
            ForumManagement forums,
            ConsultationStore store,
            AccountDirectory accounts,
            ConsultationManagement consultations,
            OrganisationRoles members,
            HubAudiences hubs) {
        this.hubs = hubs;
        this.forums = forums;
        this.store = store;
        this.accounts = accounts;
        this.consultations = consultations;
        this.members = members;
    }

    Edition edition(String slug) {
        return forums.edition(slug, organiser()).orElseThrow(ConsultationPlaces::notFound);
    }

    Edition editionOf(Consultation consultation) {
        return forums.editions(organiser()).stream()
                .filter(e -> e.id().value() == consultation.editionId())
                .findFirst()
                .orElseThrow(ConsultationPlaces::notFound);
    }

    Consultation consultation(long id) {
        Consultation consultation = store.consultation(id).orElseThrow(ConsultationPlaces::notFound);
        editionOf(consultation);
        return consultation;
    }

    Round round(Consultation consultation, int number) {
        return store.rounds(consultation.id()).stream()
                .filter(r -> r.number() == number)
                .findFirst()
                .orElseThrow(ConsultationPlaces::notFound);
    }

    Version latest(Consultation consultation) {
        return store.versions(consultation.id()).getLast();
    }

    /** The version asked for, or the latest when none (or a malformed one) is asked for. */
    Version version(Consultation consultation, String number) {
        var versions = store.versions(consultation.id());
        if (number == null || !number.matches("\\d{1,4}")) {
            return versions.getLast();
        }
        int wanted = Integer.parseInt(number);
        return versions.stream()
                .filter(v -> v.number() == wanted)
                .findFirst()
                .orElseThrow(ConsultationPlaces::notFound);
    }

    ConsultationStore.Comment comment(long id) {
        ConsultationStore.Comment comment = store.comment(id).orElseThrow(ConsultationPlaces::notFound);
        consultation(store.consultationOfComment(id));
        return comment;
    }

    /** The drafting team: organisers and the people they named; anyone else gets "not found". */
    Consultation drafted(long id) {
        Consultation consultation = consultation(id);
        if (!drafts(consultation)) {
            throw notFound();
        }
        return consultation;
    }

    boolean drafts(Consultation consultation) {
        return consultations.drafts(consultation, signedIn(), organiser());
    }

    /**
     * Everyone signed in, or the active members of the chosen organisations and the people of the chosen hubs (and
     * the drafting team).
     */
    boolean mayComment(Consultation consultation) {
        Optional<AccountId> reader = signedIn();
        if (reader.isEmpty()) {
            return false;
        }
        return consultation.audience() == ConsultationStore.Audience.SIGNED_IN
                || drafts(consultation)
                || members.isActiveMemberOfAny(reader.get(), consultation.organisations())
                || hubs.belongsToAny(reader.get(), consultation.hubs());
    }

    boolean moderator() {
        return accounts.signedInAs(Role.MODERATOR);
    }

    boolean organiser() {
        return accounts.signedInAs(Role.ORGANISER);
    }

    Optional<AccountId> signedIn() {
        return accounts.signedIn();
    }

    java.util.List<String> readerLanguages(java.util.Locale locale) {
        return accounts.readerLanguages(locale);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    /** The address of the page a comment is shown on: its paragraph's (or the whole draft's) discussion. */
    String discussionOf(Consultation consultation, ConsultationStore.Comment comment) {
        String key = comment.paragraphId() == null
                ? "draft"
                : store.paragraphsById(List.of(comment.paragraphId()))
                        .get(comment.paragraphId())
                        .key();
        int version = store.versions(consultation.id()).stream()
                .filter(v -> v.id() == comment.versionId())
                .findFirst()
                .orElseThrow()
                .number();
        return "/consultations/" + consultation.id() + "/paragraphs/" + key + "?version=" + version;
    }
}
