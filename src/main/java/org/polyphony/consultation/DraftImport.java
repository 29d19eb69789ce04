package org.polyphony.consultation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.EmptyFileException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractFootnoteEndnote;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFtnEdnRef;

/**
 * Turns an uploaded draft (.docx or .md) into Markdown. Word headings become {@code #} headings, bullet and
 * numbered lists become Markdown lists, bold and italic become {@code **} and {@code *}, footnotes become
 * {@code [^n]} references with their texts at the end, tables become one paragraph per row; images are dropped and
 * counted, so the organiser is told. Refused: files over {@link #MAX_BYTES}, anything that is not a .docx (an old
 * .doc, a renamed file), encrypted documents, and zip bombs (POI's inflation ratio and entry size limits).
 */
final class DraftImport {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    static {
        // a .docx part that inflates more than 100 times, or beyond 64 MB, is refused before it fills the memory
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(64L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(10L * 1024 * 1024);
        // POI's own temporary folder, /tmp/poifiles, is shared by every account on the machine and owned by whoever
        // made it first: an installation running as a normal user could then not read an encrypted upload at all.
        try {
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(
                    Files.createTempDirectory("polyphony-poi").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary folder for reading uploaded documents", e);
        }
    }

    /** Why an upload was refused: each is a message key. */
    enum Refusal {
        EMPTY("consultation.import.empty"),
        TOO_LARGE("consultation.import.tooLarge"),
        NOT_DOCX("consultation.import.notDocx"),
        ENCRYPTED("consultation.import.encrypted"),
        BOMB("consultation.import.bomb"),
        NOT_TEXT("consultation.import.notText");

        final String messageKey;

        Refusal(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    static final class Refused extends Exception {
        final Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }
    }

    record Imported(String markdown, int imagesDropped) {}

    private DraftImport() {}

    static Imported read(String fileName, byte[] bytes) throws Refused {
        if (bytes.length == 0) {
            throw new Refused(Refusal.EMPTY);
        }
        if (bytes.length > MAX_BYTES) {
            throw new Refused(Refusal.TOO_LARGE);
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".txt")) {
            return new Imported(markdown(bytes), 0);
        }
        return docx(bytes);
    }

    private static String markdown(byte[] bytes) throws Refused {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
            if (text.indexOf('\0') >= 0) {
                throw new Refused(Refusal.NOT_TEXT);
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new Refused(Refusal.NOT_TEXT);
        }
    }

    static Imported docx(byte[] bytes) throws Refused {
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(bytes))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException e) {
            throw new Refused(Refusal.NOT_DOCX);
        }
        if (magic == FileMagic.OLE2) {
            throw new Refused(encryptedOrOld(bytes));
        }
        if (magic != FileMagic.OOXML) {
            throw new Refused(Refusal.NOT_DOCX);
        }
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            return new Converter(document).convert();
        } catch (IOException | RuntimeException e) {
            throw new Refused(isBomb(e) ? Refusal.BOMB : Refusal.NOT_DOCX);
        }
    }

    /** An encrypted .docx is an OLE2 container holding the encrypted package; any other OLE2 file is an old .doc. */
    private static Refusal encryptedOrOld(byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            return fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo") ? Refusal.ENCRYPTED : Refusal.NOT_DOCX;
        } catch (IOException | RuntimeException e) {
            return Refusal.NOT_DOCX;
        }
    }

    private static boolean isBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("Zip bomb") || message.contains("exceeded the max"))) {
                return true;
            }
            if (t instanceof EmptyFileException) {
                return false;
            }
        }
        return false;
    }

    /** One document's conversion; keeps the footnotes met and the images dropped. */
    private static final class Converter {
        private final XWPFDocument document;
        private final List<String> blocks = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final StringBuilder list = new StringBuilder();
        private int images;
        private int listNumber;

        Converter(XWPFDocument document) {
            this.document = document;
        }

        Imported convert() {
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    paragraph(paragraph);
                } else if (element instanceof XWPFTable table) {
                    endList();
                    table(table);
                }
            }
            endList();
            blocks.addAll(notes);
            return new Imported(String.join("\n\n", blocks) + "\n", images);
        }

        private void paragraph(XWPFParagraph paragraph) {
            String text = inline(paragraph).strip();
            int level = headingLevel(paragraph);
            boolean listItem = paragraph.getNumID() != null
                    || (paragraph.getStyleID() != null && paragraph.getStyleID().startsWith("List"));
            if (!listItem || level > 0) {
                endList();
            }
            if (text.isEmpty()) {
                return;
            }
            if (level > 0) {
                blocks.add("#".repeat(level) + " " + text.replaceAll("^\\*+|\\*+$", ""));
            } else if (listItem) {
                boolean numbered = !"bullet".equals(paragraph.getNumFmt()) && paragraph.getNumFmt() != null;
                if (!list.isEmpty()) {
                    list.append('\n');
                }
                list.append(numbered ? (++listNumber) + ". " : "- ").append(text);
            } else {
                blocks.add(text);
            }
        }

        private void endList() {
            if (!list.isEmpty()) {
                blocks.add(list.toString());
                list.setLength(0);
            }
            listNumber = 0;
        }

        private void table(XWPFTable table) {
            for (XWPFTableRow row : table.getRows()) {
                List<String> cells = new ArrayList<>();
                for (XWPFTableCell cell : row.getTableCells()) {
                    List<String> texts = new ArrayList<>();
                    cell.getParagraphs().forEach(p -> texts.add(inline(p).strip()));
                    cells.add(String.join(" ", texts).strip());
                }
                String line = String.join(" | ", cells).strip();
                if (!line.replace("|", "").isBlank()) {
                    blocks.add(line);
                }
            }
        }

        private String inline(XWPFParagraph paragraph) {
            StringBuilder out = new StringBuilder();
            for (XWPFRun run : paragraph.getRuns()) {
                images += run.getEmbeddedPictures().size();
                String text = run.text();
                if (text != null) {
                    // POI writes a footnote reference as this placeholder; the reference itself follows below
                    text = text.replaceAll("\\[footnoteRef:\\d+\\]", "");
                }
                if (text != null && !text.isBlank()) {
                    String escaped = escape(text);
                    String lead = escaped.substring(
                            0, escaped.length() - escaped.stripLeading().length());
                    String trail = escaped.substring(escaped.stripTrailing().length());
                    String core = escaped.strip();
                    String mark =
                            run.isBold() && run.isItalic() ? "***" : run.isBold() ? "**" : run.isItalic() ? "*" : "";
                    out.append(lead).append(mark).append(core).append(mark).append(trail);
                } else if (text != null) {
                    out.append(text);
                }
                for (CTFtnEdnRef reference : run.getCTR().getFootnoteReferenceList()) {
                    footnote(out, reference.getId());
                }
            }
            return out.toString().replaceAll("\\s+", " ");
        }

        private void footnote(StringBuilder out, java.math.BigInteger id) {
            XWPFAbstractFootnoteEndnote note = document.getFootnoteByID(id.intValue());
            int number = notes.size() + 1;
            out.append("[^").append(number).append(']');
            StringBuilder text = new StringBuilder();
            if (note != null) {
                note.getParagraphs().forEach(p -> text.append(' ').append(p.getText()));
            }
            notes.add("[^" + number + "]: " + escape(text.toString().strip()));
        }

        private static int headingLevel(XWPFParagraph paragraph) {
            String style = paragraph.getStyleID();
            if (style == null) {
                return 0;
            }
            String normal = style.toLowerCase(Locale.ROOT).replace(" ", "");
            if (normal.equals("title")) {
                return 1;
            }
            if (normal.matches("heading[1-6]")) {
                return Math.min(6, Integer.parseInt(normal.substring(7)) + 1);
            }
            return 0;
        }

        /** Characters Markdown would read as marks are kept as the author typed them. */
        private static String escape(String text) {
            return text.replaceAll("([\\\\*_`#\\[\\]<>])", "\\\\$1");
        }
    }
}
