package org.polyphony.forums;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.polyphony.languages.LocalizedText;

/**
 * A forum edition with its agenda, as pages and the API show it. {@code flagThreshold}: how many different people
 * must flag a post before it is hidden until a moderator reviews it.
 */
public record Edition(
        EditionId id,
        String slug,
        LocalizedText name,
        LocalizedText place,
        LocalizedText summary,
        LocalDate startsOn,
        LocalDate endsOn,
        EditionStatus status,
        List<Roundtable> roundtables,
        int flagThreshold,
        LocalizedText codeOfConduct) {

    public Optional<Roundtable> roundtable(int number) {
        return roundtables.stream().filter(r -> r.number() == number).findFirst();
    }

    public Optional<ForumSession> session(String code) {
        return roundtables.stream()
                .flatMap(r -> r.sessions().stream())
                .filter(s -> s.code().equals(code))
                .findFirst();
    }

    public Optional<ForumSession> sessionById(ForumSessionId id) {
        return roundtables.stream()
                .flatMap(r -> r.sessions().stream())
                .filter(s -> s.id().equals(id))
                .findFirst();
    }

    public boolean archived() {
        return status == EditionStatus.ARCHIVED;
    }

    /** A roundtable: a theme of the edition, discussed in its sessions. */
    public record Roundtable(
            long id, int number, LocalizedText title, LocalizedText background, List<ForumSession> sessions) {}

    /**
     * A session of a roundtable, with the background text and main issues that frame its discussion. In a
     * pre-moderated session, new posts wait for a moderator's approval.
     */
    public record ForumSession(
            ForumSessionId id,
            int roundtableNumber,
            String code,
            int position,
            LocalizedText title,
            LocalizedText background,
            List<Prompt> prompts,
            boolean premoderated) {}

    /** A main issue: a question to discuss and the points that come with it. */
    public record Prompt(LocalizedText question, List<LocalizedText> points) {}
}
