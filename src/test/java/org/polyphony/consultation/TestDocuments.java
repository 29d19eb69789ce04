package org.polyphony.consultation;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/** Real .docx files built with POI for the tests, and broken ones: encrypted, a zip bomb, a renamed text file. */
public final class TestDocuments {

    private TestDocuments() {}

    /** A concept paper: a title, headings, bold and italic words, a bullet list, a footnote and an image. */
    public static byte[] conceptPaper(String title, String... paragraphs) throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            XWPFParagraph heading = document.createParagraph();
            heading.setStyle("Title");
            heading.createRun().setText(title);
            XWPFParagraph section = document.createParagraph();
            section.setStyle("Heading1");
            section.createRun().setText("Labour mobility");
            XWPFParagraph first = document.createParagraph();
            first.createRun().setText("Recruitment fees should be paid by ");
            XWPFRun bold = first.createRun();
            bold.setBold(true);
            bold.setText("employers");
            first.createRun().setText(", never by ");
            XWPFRun italic = first.createRun();
            italic.setItalic(true);
            italic.setText("workers");
            first.createRun().setText(".");
            XWPFFootnote note = document.createFootnote();
            note.createParagraph().createRun().setText("ILO Private Employment Agencies Convention, 1997.");
            first.addFootnoteReference(note);
            for (String text : paragraphs) {
                document.createParagraph().createRun().setText(text);
            }
            BigInteger bullets = bullets(document);
            for (String item : new String[] {"Free choice of employer", "Recognition of skills"}) {
                XWPFParagraph listItem = document.createParagraph();
                listItem.setNumID(bullets);
                listItem.createRun().setText(item);
            }
            XWPFParagraph withImage = document.createParagraph();
            withImage.createRun().setText("A map of the corridors follows.");
            try {
                withImage
                        .createRun()
                        .addPicture(
                                new ByteArrayInputStream(png()),
                                Document.PICTURE_TYPE_PNG,
                                "map.png",
                                Units.toEMU(20),
                                Units.toEMU(20));
            } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
                throw new IOException(e);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        }
    }

    /** A long document: {@code paragraphs} paragraphs under a heading every ten. */
    public static byte[] longDocument(int paragraphs) throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            for (int i = 0; i < paragraphs; i++) {
                if (i % 10 == 0) {
                    XWPFParagraph heading = document.createParagraph();
                    heading.setStyle("Heading1");
                    heading.createRun().setText("Section " + (i / 10 + 1));
                }
                XWPFParagraph p = document.createParagraph();
                p.createRun()
                        .setText("Paragraph " + i + " on the rights of migrant workers, decent work, fair"
                                + " recruitment and the recognition of skills across borders, so that migration is a choice"
                                + " and not a necessity for the families who depend on it.");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        }
    }

    private static BigInteger bullets(XWPFDocument document) {
        CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
        abstractNum.setAbstractNumId(BigInteger.ONE);
        CTLvl level = abstractNum.addNewLvl();
        level.setIlvl(BigInteger.ZERO);
        level.addNewNumFmt().setVal(STNumberFormat.BULLET);
        level.addNewLvlText().setVal("•");
        XWPFNumbering numbering = document.createNumbering();
        BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(abstractNum));
        return numbering.addNum(abstractId);
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The same document, encrypted with a password as Word does (agile encryption in an OLE2 container). */
    public static byte[] encrypted(byte[] docx) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(docx);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** A valid .docx whose document part is padded with 40 MB of spaces: it compresses about a thousandfold. */
    public static byte[] zipBomb(byte[] docx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("word/document.xml")) {
                    String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                    int end = xml.lastIndexOf("</w:document>");
                    zip.write(xml.substring(0, end).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1024 * 1024];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 40; i++) {
                        zip.write(spaces);
                    }
                    zip.write(xml.substring(end).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A zip file that is not a Word document at all. */
    public static byte[] plainZip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("notes.txt"));
            zip.write("just notes".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
