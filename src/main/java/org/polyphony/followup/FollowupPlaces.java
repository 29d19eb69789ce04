package org.polyphony.followup;

import java.util.List;
import java.util.Optional;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.Role;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumManagement;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Finds editions, recommendations and commitments as the reader may see them, and who the reader is. */
@Component
class FollowupPlaces {

    private final ForumManagement forums;
    private final AccountDirectory accounts;
    private final RecommendationStore recommendations;
    private final CommitmentStore commitments;

    FollowupPlaces(
            ForumManagement forums,
            AccountDirectory accounts,
            RecommendationStore recommendations,
            CommitmentStore commitments) {
        this.forums = forums;
        this.accounts = accounts;
        this.recommendations = recommendations;
        this.commitments = commitments;
    }

    Edition edition(String slug) {
        return forums.edition(slug, organiser()).orElseThrow(FollowupPlaces::notFound);
    }

    List<Edition> editions() {
        return forums.editions(organiser());
    }

    Optional<Edition> editionById(long id) {
        return editions().stream().filter(e -> e.id().value() == id).findFirst();
    }

    /** A recommendation whose edition the reader may see. */
    Recommendation recommendation(long id) {
        Recommendation found = recommendations.find(id).orElseThrow(FollowupPlaces::notFound);
        editionById(found.editionId()).orElseThrow(FollowupPlaces::notFound);
        return found;
    }

    Commitment commitment(long id) {
        Commitment found = commitments.commitment(id).orElseThrow(FollowupPlaces::notFound);
        recommendation(found.recommendationId());
        return found;
    }

    ProgressUpdate update(long id) {
        ProgressUpdate found = commitments.update(id).orElseThrow(FollowupPlaces::notFound);
        commitment(found.commitmentId());
        return found;
    }

    boolean organiser() {
        return accounts.signedInAs(Role.ORGANISER);
    }

    Optional<AccountId> signedIn() {
        return accounts.signedIn();
    }

    AccountId requireSignedIn() {
        return signedIn().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    void requireOrganiser() {
        if (!organiser()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
