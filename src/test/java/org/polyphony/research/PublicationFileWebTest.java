package org.polyphony.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A publication's PDF: uploaded by the person who added it, checked, and served only as a download. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicationFileWebTest {

    static final String PASSWORD = "a file worth reading";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** A one-page PDF with a correct cross-reference table, as a PDF writer would make it. */
    static byte[] onePagePdf() {
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) pdf.append(String.format("%010d 00000 n \n", offset));
        pdf.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void theAdderUploadsACheckedPdfThatIsServedAsADownloadOnly() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        HttpVisitor researcher = HttpVisitor.signedUp(port, "PDF researcher " + suffix, PASSWORD);
        researcher.get("/research/library/import");
        researcher.postMultipart(
                "/research/library/import",
                "text",
                "@report{pdf" + suffix + ", title = {Recruitment costs " + suffix + "}, year = {2016}}",
                "file",
                new byte[0]);
        long id = jdbc.sql("SELECT id FROM research_publication WHERE cite_key = :k")
                .param("k", "pdf" + suffix)
                .query(Long.class)
                .single();
        String page = "/research/library/" + id;
        researcher.get(page);
        HttpVisitor.Page notPdf = researcher.postMultipart(
                page + "/file",
                List.of(),
                List.of(new HttpVisitor.FilePart(
                        "file", "paper.pdf", "application/pdf", "<html><script>alert(1)</script>".getBytes())));
        assertThat(notPdf.status()).isEqualTo(422);
        assertThat(notPdf.document().select("#pdf-error").text()).contains("not a PDF");
        assertThat(jdbc.sql("SELECT count(*) FROM research_publication_file WHERE publication_id = :p")
                        .param("p", id)
                        .query(Long.class)
                        .single())
                .isZero();

        byte[] pdf = onePagePdf();
        researcher.get(page);
        assertThat(researcher
                        .postMultipart(
                                page + "/file",
                                List.of(),
                                List.of(new HttpVisitor.FilePart("file", "paper.pdf", "application/pdf", pdf)))
                        .redirect())
                .endsWith(page);
        HttpVisitor reader = new HttpVisitor(port);
        assertThat(reader.get(page).document().select("a[href=" + page + "/file.pdf]"))
                .isNotEmpty();
        HttpVisitor.Page download = reader.get(page + "/file.pdf");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(download.header("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(download.header("X-Content-Type-Options").orElse("")).isEqualTo("nosniff");
        assertThat(reader.getBytes(page + "/file.pdf")).isEqualTo(pdf);

        // someone else may not replace it
        HttpVisitor other = HttpVisitor.signedUp(port, "Other " + suffix, PASSWORD);
        other.get(page);
        assertThat(other.postMultipart(
                                page + "/file",
                                List.of(),
                                List.of(new HttpVisitor.FilePart("file", "x.pdf", "application/pdf", pdf)))
                        .status())
                .isEqualTo(403);
        assertThat(reader.get("/research/library/999999999/file.pdf").status()).isEqualTo(404);
    }
}
