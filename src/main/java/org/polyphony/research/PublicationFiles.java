package org.polyphony.research;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The PDF a publication may carry: checked (a PDF header at the start, an end-of-file marker at the end, at most
 * {@link #MAX_BYTES}), stored in the database with the publication, served only as a download (see the controller).
 */
@Service
class PublicationFiles {

    static final int MAX_BYTES = 10 * 1024 * 1024;

    private final JdbcClient jdbc;

    PublicationFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Null when the bytes are an acceptable PDF, else the message key saying why not. */
    static String problem(byte[] content) {
        if (content.length == 0) return "research.file.none";
        if (content.length > MAX_BYTES) return "research.file.tooLarge";
        String head = new String(content, 0, Math.min(8, content.length), StandardCharsets.ISO_8859_1);
        if (!head.matches("%PDF-[12]\\.\\d.*")) return "research.file.notPdf";
        int tail = Math.max(0, content.length - 1024);
        String end = new String(content, tail, content.length - tail, StandardCharsets.ISO_8859_1);
        if (!end.contains("%%EOF")) return "research.file.notPdf";
        return null;
    }

    void store(long publicationId, byte[] content, long by) {
        jdbc.sql(
                        """
                        INSERT INTO research_publication_file (publication_id, content, size_bytes, uploaded_by)
                        VALUES (:p, :c, :s, :by)
                        ON CONFLICT (publication_id) DO UPDATE
                           SET content = :c, size_bytes = :s, uploaded_by = :by, uploaded_at = now()
                        """)
                .param("p", publicationId)
                .param("c", content)
                .param("s", content.length)
                .param("by", by)
                .update();
    }

    Optional<Integer> size(long publicationId) {
        return jdbc.sql("SELECT size_bytes FROM research_publication_file WHERE publication_id = :p")
                .param("p", publicationId)
                .query(Integer.class)
                .optional();
    }

    Optional<byte[]> content(long publicationId) {
        return jdbc.sql("SELECT content FROM research_publication_file WHERE publication_id = :p")
                .param("p", publicationId)
                .query((rs, n) -> rs.getBytes("content"))
                .optional();
    }
}
