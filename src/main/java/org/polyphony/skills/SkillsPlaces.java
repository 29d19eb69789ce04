package org.polyphony.skills;

import java.util.Optional;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.Role;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumManagement;
import org.polyphony.people.OrganisationRoles;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Finds what a request names and checks who may act on it: the edition, an opportunity, the signed-in worker,
 * an admin of the opportunity's organisation. Every skills page goes through here, so no check is forgotten.
 */
@Component
class SkillsPlaces {

    private final ForumManagement forums;
    private final Opportunities opportunities;
    private final AccountDirectory accounts;
    private final OrganisationRoles organisations;

    SkillsPlaces(
            ForumManagement forums,
            Opportunities opportunities,
            AccountDirectory accounts,
            OrganisationRoles organisations) {
        this.forums = forums;
        this.opportunities = opportunities;
        this.accounts = accounts;
        this.organisations = organisations;
    }

    Edition edition(String slug) {
        return forums.edition(slug, organiser()).orElseThrow(SkillsPlaces::notFound);
    }

    /** The ids of the editions the reader may see. */
    java.util.Set<Long> visibleEditions() {
        return forums.editions(organiser()).stream()
                .map(e -> e.id().value())
                .collect(java.util.stream.Collectors.toSet());
    }

    Optional<Edition> editionOf(Opportunity opportunity) {
        return forums.editions(organiser()).stream()
                .filter(e -> e.id().value() == opportunity.edition())
                .findFirst();
    }

    /** An opportunity anyone may read: open or closed, in an edition the reader may see, its organisation not suspended. */
    Opportunity readable(long id) {
        Opportunity opportunity = opportunities.find(id).orElseThrow(SkillsPlaces::notFound);
        if (editionOf(opportunity).isEmpty()
                || (opportunities.suspended(opportunity.organisation()) && !moderator() && !admin(opportunity))) {
            throw notFound();
        }
        return opportunity;
    }

    /**
     * An opportunity the signed-in person administers through its organisation, not suspended; 404 for anyone
     * else, so that a suspended recruiter no longer sees candidates.
     */
    Opportunity administered(long id) {
        Opportunity opportunity = opportunities.find(id).orElseThrow(SkillsPlaces::notFound);
        if (!admin(opportunity) || opportunities.suspended(opportunity.organisation())) {
            signedIn();
            throw notFound();
        }
        return opportunity;
    }

    boolean admin(Opportunity opportunity) {
        return accounts.signedIn()
                .map(me -> organisations.isAdmin(opportunity.organisation(), me))
                .orElse(false);
    }

    AccountId signedIn() {
        return accounts.signedIn().orElseThrow(() -> new AccessDeniedException("sign in first"));
    }

    Optional<AccountId> reader() {
        return accounts.signedIn();
    }

    boolean organiser() {
        return accounts.signedInAs(Role.ORGANISER);
    }

    boolean moderator() {
        return accounts.signedInAs(Role.MODERATOR);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
