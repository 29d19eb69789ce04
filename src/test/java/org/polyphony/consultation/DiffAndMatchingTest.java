package org.polyphony.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polyphony.consultation.ConsultationStore.Paragraph;
import org.polyphony.consultation.ConsultationViews.Change;
import org.polyphony.consultation.WordDiff.Kind;
import org.polyphony.consultation.WordDiff.Segment;

/** The word diff, the splitting of drafts, paragraph matching between versions and the comparison rows. */
class DiffAndMatchingTest {

    @Test
    void wordDiffMarksInsertionsAndDeletions() {
        assertThat(WordDiff.between("fees paid by workers", "fees paid by employers, never by workers"))
                .containsExactly(
                        new Segment(Kind.SAME, "fees paid by"),
                        new Segment(Kind.INSERTED, "employers, never by"),
                        new Segment(Kind.SAME, "workers"));
        assertThat(WordDiff.between("a b c", "a c"))
                .containsExactly(
                        new Segment(Kind.SAME, "a"), new Segment(Kind.DELETED, "b"), new Segment(Kind.SAME, "c"));
        assertThat(WordDiff.between("", "")).isEmpty();
        assertThat(WordDiff.changed(WordDiff.between("same  words", "same words")))
                .isFalse();
    }

    @Test
    void draftsSplitIntoHeadingsAndParagraphsAndKeepNamedKeys() {
        var blocks = DraftText.split("# Title\nFirst line\nsame paragraph\n\n<!-- p7 -->\n- a\n- b\n\n\n## Next");
        assertThat(blocks)
                .containsExactly(
                        new DraftText.Block(null, true, "# Title"),
                        new DraftText.Block(null, false, "First line\nsame paragraph"),
                        new DraftText.Block("p7", false, "- a\n- b"),
                        new DraftText.Block(null, true, "## Next"));
        assertThat(DraftText.words("**Less** is more, 2012.")).isEqualTo(4);
    }

    @Test
    void reimportedParagraphsAreMatchedBySimilarity() {
        var previous = List.of(
                new ParagraphMatching.Previous("p1", "Migration must start from human rights."),
                new ParagraphMatching.Previous("p2", "Recruitment fees should be paid by employers, never by workers."),
                new ParagraphMatching.Previous("p3", "Remittances are private money."));
        var blocks = DraftText.split("Recruitment fees should be paid by employers, never by workers, and refunded.\n\n"
                + "A wholly new paragraph about climate.\n\nMigration must start from human rights.\n\n"
                + "<!-- p3 -->\nPrivate money, remittances are.");
        assertThat(ParagraphMatching.keys(previous, blocks)).containsExactly("p2", null, "p1", "p3");
    }

    @Test
    void comparisonFindsChangedMovedNewAndRemovedParagraphs() {
        List<Paragraph> before =
                List.of(p("p1", 1, "alpha beta"), p("p2", 2, "gamma"), p("p3", 3, "delta"), p("p4", 4, "omega"));
        List<Paragraph> after = List.of(
                p("p3", 1, "delta"), p("p1", 2, "alpha beta gamma"), p("p5", 3, "new words"), p("p4", 4, "omega"));
        var rows = ConsultationReading.compare(before, after);
        assertThat(rows)
                .extracting(ConsultationViews.ComparedParagraph::change)
                .containsExactly(Change.SAME, Change.MOVED, Change.REMOVED, Change.NEW, Change.SAME);
        assertThat(rows.get(1).segments()).contains(new Segment(Kind.INSERTED, "gamma"));
    }

    @Test
    void passagesAreFoundAsReadersSeeThem() {
        assertThat(Passages.contains("paid by **employers**, never", "by employers,  never"))
                .isTrue();
        assertThat(Passages.contains("paid by employers", "by workers")).isFalse();
        assertThat(Passages.contains("text", "  ")).isFalse();
    }

    private static Paragraph p(String key, int number, String text) {
        return new Paragraph(number, 1, key, number, false, number, text);
    }
}
