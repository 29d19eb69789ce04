package org.polyphony.antennas;

import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.Role;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumManagement;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Finds hubs, meetings and reports with their edition, as visible to the person asking (404 otherwise). */
@Component
class AntennaPlaces {

    private final ForumManagement forums;
    private final HubManagement hubs;
    private final Meetings meetings;
    private final Reports reports;
    private final AccountDirectory accounts;

    AntennaPlaces(
            ForumManagement forums, HubManagement hubs, Meetings meetings, Reports reports, AccountDirectory accounts) {
        this.forums = forums;
        this.hubs = hubs;
        this.meetings = meetings;
        this.reports = reports;
        this.accounts = accounts;
    }

    record HubPlace(Edition edition, Hub hub, HubAccess access) {}

    record MeetingPlace(Edition edition, Hub hub, Meeting meeting, HubAccess access) {

        /** Who manages the meeting: the hub's managers, or organisers for an edition's own meeting. */
        boolean manages(boolean organiser) {
            return hub == null ? organiser : access.manages();
        }
    }

    record ReportPlace(Edition edition, Hub hub, Report report, HubAccess access) {}

    Edition edition(String slug) {
        return forums.edition(slug, organiser()).orElseThrow(AntennaPlaces::notFound);
    }

    Edition editionById(long id) {
        return forums.editions(organiser()).stream()
                .filter(e -> e.id().value() == id)
                .findFirst()
                .orElseThrow(AntennaPlaces::notFound);
    }

    HubPlace hub(long id) {
        Hub hub = hubs.find(id).orElseThrow(AntennaPlaces::notFound);
        return new HubPlace(editionById(hub.editionId()), hub, hubs.access(hub));
    }

    MeetingPlace meeting(long id) {
        Meeting meeting = meetings.find(id).orElseThrow(AntennaPlaces::notFound);
        Edition edition = editionById(meeting.editionId());
        if (meeting.hubId() == null) {
            return new MeetingPlace(edition, null, meeting, HubAccess.nobody());
        }
        Hub hub = hubs.find(meeting.hubId()).orElseThrow(AntennaPlaces::notFound);
        return new MeetingPlace(edition, hub, meeting, hubs.access(hub));
    }

    /** A report, if this person may read it: drafts are not found by those who may not see them. */
    ReportPlace report(long id) {
        Report report = reports.find(id).orElseThrow(AntennaPlaces::notFound);
        HubPlace place = hub(report.hubId());
        if (!Reports.readable(report, place.access())) {
            throw notFound();
        }
        return new ReportPlace(place.edition(), place.hub(), report, place.access());
    }

    boolean organiser() {
        return accounts.signedInAs(Role.ORGANISER);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
