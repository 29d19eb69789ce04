package org.polyphony.opinions.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A conversation read from a Pol.is open-data folder, with what Pol.is itself recorded about it: the groups it
 * assigned and its summary. Also keeps what is needed to write the folder back in the same layout.
 */
public final class PolisConversation {

    private final Conversation conversation;
    private final SortedMap<Long, Integer> recordedGroups;
    private final Map<String, String> summary;
    private final History history;
    final boolean hasXid;
    final SortedMap<Long, ListedParticipant> listed;
    final Map<Long, Integer> authored;

    /** A row of participants-votes.csv as read: its xid and comment count are written back as they were. */
    record ListedParticipant(String xid, String comments) {}

    /**
     * The conversation as it unfolded, for replaying it ({@link OpinionReplay}).
     *
     * @param votes every vote event in the order cast (by timestamp, ties in file order), repeats included
     * @param created when each statement was submitted (comments.csv {@code timestamp}), for those that say
     */
    public record History(List<TimedVote> votes, Map<Integer, Long> created) {

        public History {
            votes = List.copyOf(votes);
            created = Map.copyOf(created);
        }
    }

    PolisConversation(
            Conversation conversation,
            SortedMap<Long, Integer> recordedGroups,
            Map<String, String> summary,
            History history,
            boolean hasXid,
            SortedMap<Long, ListedParticipant> listed,
            Map<Long, Integer> authored) {
        this.conversation = conversation;
        this.recordedGroups = Collections.unmodifiableSortedMap(new TreeMap<>(recordedGroups));
        this.summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
        this.history = history;
        this.hasXid = hasXid;
        this.listed = listed;
        this.authored = authored;
    }

    public Conversation conversation() {
        return conversation;
    }

    /** The group Pol.is assigned to each participant it clustered ({@code group-id} of participants-votes.csv). */
    public SortedMap<Long, Integer> recordedGroups() {
        return recordedGroups;
    }

    public History history() {
        return history;
    }

    /** The key–value pairs of summary.csv, in file order; empty without one. */
    public Map<String, String> summary() {
        return summary;
    }
}
