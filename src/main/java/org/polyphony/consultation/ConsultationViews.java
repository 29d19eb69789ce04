package org.polyphony.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the consultation pages show, built by {@link ConsultationReading}. */
public final class ConsultationViews {

    private ConsultationViews() {}

    /**
     * A text as a reader sees it: {@code html} in {@code language}; when it is a translation, the original's language
     * and who translated it (null for a person's review).
     */
    public record ShownText(
            String html, String language, boolean translated, String originalLanguage, String translatedBy) {}

    public record RoundView(int number, LocalDate opensOn, LocalDate closesOn, boolean open, boolean closed) {}

    public record Summary(
            long id,
            String title,
            String purpose,
            String language,
            List<RoundView> rounds,
            int versions,
            Integer outcomeVersion,
            boolean organisationsOnly,
            /* the names of the chosen organisations, then of the chosen hubs */
            List<String> organisations) {

        RoundView openRound() {
            return rounds.stream().filter(RoundView::open).findFirst().orElse(null);
        }
    }

    /** A paragraph as shown; {@code id} is this version's row, {@code key} its identity across versions. */
    public record ParagraphView(long id, String key, Integer number, boolean heading, ShownText text, int comments) {}

    public record VersionView(int number, int words, Instant createdAt) {}

    public record CommentView(
            long id,
            String author,
            ShownText body,
            String passage,
            String proposal,
            int supports,
            String decision,
            String reason,
            boolean hidden,
            int flags,
            Instant createdAt,
            List<CommentView> replies,
            /* null when never edited */
            Instant editedAt,
            boolean withdrawn,
            /* the reader wrote it, its round is open and it is not handled: they may edit or withdraw it */
            boolean changeable,
            /* earlier wordings, oldest first */
            List<ConsultationStore.Revision> earlier) {}

    /** One row of a comparison: how a paragraph changed from one version to the next. */
    public record ComparedParagraph(
            Change change, Integer fromNumber, Integer toNumber, boolean heading, List<WordDiff.Segment> segments) {}

    public enum Change {
        SAME,
        CHANGED,
        MOVED,
        NEW,
        REMOVED
    }

    /** A comment of mine, with what became of it and the paragraph as the next version has it. */
    public record MyComment(
            long id,
            long consultationId,
            String consultationTitle,
            int round,
            Integer paragraphNumber,
            String passage,
            String body,
            String decision,
            String reason,
            boolean newlyHandled,
            boolean withdrawn,
            Integer nextVersion,
            String nextText,
            boolean paragraphRemoved) {}

    /** A row of a round's public response table. */
    public record Response(
            long comment,
            String commenter,
            Integer paragraph,
            String passage,
            String body,
            String proposal,
            int supports,
            String decision,
            String reason) {}
}
