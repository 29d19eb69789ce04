package org.polyphony.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Real .docx files written by POI, read back as Markdown; broken ones refused with the right reason. */
class DraftImportTest {

    @Test
    void headingsListsEmphasisAndFootnotesSurviveAndImagesAreCounted() throws Exception {
        byte[] docx = TestDocuments.conceptPaper("Concept paper", "Migrants in irregular situations need justice.");
        DraftImport.Imported imported = DraftImport.read("paper.docx", docx);
        String markdown = imported.markdown();
        assertThat(markdown).startsWith("# Concept paper\n\n## Labour mobility\n\n");
        assertThat(markdown).contains("Recruitment fees should be paid by **employers**, never by *workers*.[^1]");
        assertThat(markdown).contains("- Free choice of employer\n- Recognition of skills");
        assertThat(markdown).contains("[^1]: ILO Private Employment Agencies Convention, 1997.");
        assertThat(markdown).contains("A map of the corridors follows.");
        assertThat(imported.imagesDropped()).isEqualTo(1);
        var blocks = DraftText.split(markdown);
        assertThat(blocks.stream().filter(DraftText.Block::heading)).hasSize(2);
    }

    @Test
    void refusesWhatIsNotADocx() throws Exception {
        assertRefused("paper.docx", "plain words".getBytes(StandardCharsets.UTF_8), DraftImport.Refusal.NOT_DOCX);
        assertRefused("paper.docx", TestDocuments.plainZip(), DraftImport.Refusal.NOT_DOCX);
        assertRefused("paper.docx", new byte[0], DraftImport.Refusal.EMPTY);
        byte[] truncated = java.util.Arrays.copyOf(TestDocuments.conceptPaper("Cut"), 600);
        assertRefused("paper.docx", truncated, DraftImport.Refusal.NOT_DOCX);
    }

    @Test
    void refusesEncryptedDocuments() throws Exception {
        byte[] encrypted = TestDocuments.encrypted(TestDocuments.conceptPaper("Secret paper"));
        assertRefused("secret.docx", encrypted, DraftImport.Refusal.ENCRYPTED);
    }

    @Test
    void refusesZipBombs() throws Exception {
        byte[] bomb = TestDocuments.zipBomb(TestDocuments.conceptPaper("Bomb"));
        assertThat(bomb.length).isLessThan(DraftImport.MAX_BYTES);
        assertRefused("bomb.docx", bomb, DraftImport.Refusal.BOMB);
    }

    @Test
    void refusesFilesOverTheLimit() {
        assertRefused("big.md", new byte[DraftImport.MAX_BYTES + 1], DraftImport.Refusal.TOO_LARGE);
    }

    @Test
    void readsMarkdownFilesAsUtf8Only() throws Exception {
        assertThat(DraftImport.read("draft.md", "# Titre\n\nÉté".getBytes(StandardCharsets.UTF_8))
                        .markdown())
                .isEqualTo("# Titre\n\nÉté");
        assertRefused("draft.md", new byte[] {(byte) 0xff, (byte) 0xfe, 0x41}, DraftImport.Refusal.NOT_TEXT);
    }

    private static void assertRefused(String name, byte[] bytes, DraftImport.Refusal refusal) {
        assertThatThrownBy(() -> DraftImport.read(name, bytes))
                .isInstanceOfSatisfying(
                        DraftImport.Refused.class, e -> assertThat(e.refusal).isEqualTo(refusal));
    }
}
