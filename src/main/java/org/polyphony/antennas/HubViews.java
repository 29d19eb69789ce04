package org.polyphony.antennas;

import java.util.List;
import org.polyphony.dialogue.ThreadReferences.ReferencedThread;
import org.polyphony.forums.Edition;
import org.polyphony.people.OrganisationRoles;

/** What the hub pages show. */
public final class HubViews {

    private HubViews() {}

    /** A regional track: the hub's threads on one session, titles in the reader's language. */
    public record Track(
            Edition.ForumSession session,
            List<TrackThread> threads,
            List<org.polyphony.opinions.ConversationViews.Listed> conversations) {}

    public record TrackThread(ReferencedThread thread, String title, String language) {}

    /** Coordinators and rapporteurs by name: their role in the hub is public. */
    public record Person(long accountId, String name, HubRole role) {}

    /** A member or someone who asked to join, for the hub's managers only. */
    public record MemberRow(long accountId, String name, boolean accepted) {}

    /** An organisation and where it stands in a hub: INVITED, REQUESTED, MEMBER, or "" when not at all. */
    public record Standing(OrganisationRoles.Organisation organisation, String status) {

        public boolean member() {
            return "MEMBER".equals(status);
        }

        public boolean invited() {
            return "INVITED".equals(status);
        }

        public boolean requested() {
            return "REQUESTED".equals(status);
        }

        public boolean outside() {
            return status.isEmpty();
        }
    }

    /** One of a rapporteur's hubs where a source may be cited, with its reports. */
    public record CiteTarget(Hub hub, List<Report> reports) {}
}
