package org.polyphony.dialogue;

import java.time.Instant;
import java.util.List;

/** What moderators and organisers see. Flaggers stay anonymous even to moderators: only counts and reasons. */
public final class ModerationViews {

    private ModerationViews() {}

    /** A post waiting for a moderator: flagged, or hidden by flags. */
    public record QueueItem(
            long postId,
            long threadId,
            int position,
            String threadTitle,
            String author,
            String html,
            boolean hidden,
            int flags,
            List<FlagReason> reasons,
            List<String> notes,
            boolean awaiting) {}

    /** One line of the audit log. */
    /** @param hiddenNow whether the post is hidden now, so that the log can offer to restore it */
    public record LogEntry(
            long postId,
            String moderator,
            boolean automatic,
            String action,
            String reason,
            Instant at,
            boolean hiddenNow) {}
}
