package org.polyphony.antennas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.antennas.HubOrganisationStore.Status;
import org.polyphony.antennas.HubViews.Standing;
import org.polyphony.people.OrganisationId;
import org.polyphony.people.OrganisationRoles;
import org.polyphony.people.OrganisationRoles.Organisation;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Member organisations of a hub, joining as organisations work: a coordinator invites an organisation of the
 * directory and one of its admins accepts, or one of its admins asks and a coordinator accepts. Who acts for an
 * organisation is the people module's answer ({@link OrganisationRoles}). The people of a member organisation count
 * as the hub's members where it asks for membership to post.
 */
@Service
class HubOrganisations {

    private final HubOrganisationStore store;
    private final HubManagement hubs;
    private final OrganisationRoles organisations;
    private final AccountDirectory accounts;

    HubOrganisations(
            HubOrganisationStore store,
            HubManagement hubs,
            OrganisationRoles organisations,
            AccountDirectory accounts) {
        this.store = store;
        this.hubs = hubs;
        this.organisations = organisations;
        this.accounts = accounts;
    }

    /** Everything the hub's managers see: invitations, requests and members, by the directory's names. */
    List<Standing> all(Hub hub) {
        List<Standing> listed = new ArrayList<>();
        for (HubOrganisationStore.Row row : store.of(hub.id())) {
            organisations
                    .organisation(new OrganisationId(row.organisationId()))
                    .ifPresent(o -> listed.add(new Standing(o, row.status().name())));
        }
        return listed;
    }

    /** The member organisations, public like the directory. */
    List<Organisation> members(Hub hub) {
        return all(hub).stream()
                .filter(Standing::member)
                .map(Standing::organisation)
                .toList();
    }

    /** The organisations the signed-in person administers, each with its standing in the hub. */
    List<Standing> administered(Hub hub) {
        Optional<AccountId> me = accounts.signedIn();
        if (me.isEmpty()) {
            return List.of();
        }
        return organisations.administeredBy(me.get()).stream()
                .map(o -> new Standing(
                        o,
                        store.status(hub.id(), o.id().value()).map(Status::name).orElse("")))
                .toList();
    }

    /** A coordinator invites an organisation of the directory; one that had asked becomes a member at once. */
    @Transactional
    void invite(Hub hub, long organisationId, Errors errors) {
        hubs.requireManager(hub);
        if (organisations.organisation(new OrganisationId(organisationId)).isEmpty()) {
            errors.rejectValue("organisation", "antennas.organisation.unknown");
            return;
        }
        Optional<Status> now = store.status(hub.id(), organisationId);
        if (now.isPresent() && now.get() != Status.REQUESTED) {
            errors.rejectValue(
                    "organisation",
                    now.get() == Status.MEMBER ? "antennas.organisation.already" : "antennas.organisation.invited");
            return;
        }
        store.put(hub.id(), organisationId, now.isPresent() ? Status.MEMBER : Status.INVITED);
    }

    /** A coordinator accepts an organisation's request. */
    @Transactional
    void accept(Hub hub, long organisationId) {
        hubs.requireManager(hub);
        if (store.status(hub.id(), organisationId)
                .filter(s -> s == Status.REQUESTED)
                .isPresent()) {
            store.put(hub.id(), organisationId, Status.MEMBER);
        }
    }

    /** An admin of the organisation asks to join for it, or accepts the hub's invitation. */
    @Transactional
    void join(Hub hub, long organisationId) {
        requireAdmin(organisationId);
        Optional<Status> now = store.status(hub.id(), organisationId);
        if (now.isEmpty()) {
            store.put(hub.id(), organisationId, Status.REQUESTED);
        } else if (now.get() == Status.INVITED) {
            store.put(hub.id(), organisationId, Status.MEMBER);
        }
    }

    /** The hub's managers, or an admin of the organisation (leaving, declining, withdrawing its request). */
    @Transactional
    void remove(Hub hub, long organisationId) {
        if (!hubs.access(hub).manages()) {
            requireAdmin(organisationId);
        }
        store.remove(hub.id(), organisationId);
    }

    private void requireAdmin(long organisationId) {
        AccountId me = accounts.signedIn().orElseThrow(() -> new AccessDeniedException("sign in"));
        if (!organisations.isAdmin(new OrganisationId(organisationId), me)) {
            throw new AccessDeniedException("only the organisation's admins act for it");
        }
    }
}
