package org.polyphony.followup;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.polyphony.people.UploadStore;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence as uploaded: PDF, PNG, JPEG, GIF or WebP only, recognised by their first bytes (never by name or
 * declared type, so an executable called report.pdf or an SVG with a script is refused), at most {@link #MAX_SIZE}
 * each. Kept in the shared upload store and later served only as a download.
 */
@Component
class EvidenceFiles {

    static final int MAX_SIZE = 5 * 1024 * 1024;
    static final int MAX_FILES = 3;
    static final int MAX_LINKS = 5;

    /** A document kept in the store. */
    record Kept(String key, String name, String mediaType, int size) {}

    /** A file ready to keep, or the message key that refuses it. */
    record Checked(byte[] content, String name, String mediaType, String suffix, String problem) {}

    private final UploadStore uploads;

    EvidenceFiles(UploadStore uploads) {
        this.uploads = uploads;
    }

    /** The uploaded files that carry content, each checked; an empty file field is no file. */
    List<Checked> check(List<MultipartFile> files) {
        List<Checked> checked = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file == null || file.isEmpty()) {
                continue;
            }
            String name = safeName(file.getOriginalFilename());
            if (file.getSize() > MAX_SIZE) {
                checked.add(new Checked(null, name, null, null, "followup.evidence.tooLarge"));
                continue;
            }
            byte[] content;
            try {
                content = file.getBytes();
            } catch (IOException unreadable) {
                checked.add(new Checked(null, name, null, null, "followup.evidence.unreadable"));
                continue;
            }
            Optional<String[]> type = typeOf(content);
            checked.add(
                    type.isEmpty()
                            ? new Checked(null, name, null, null, "followup.evidence.type")
                            : new Checked(content, name, type.get()[0], type.get()[1], null));
        }
        return checked;
    }

    Kept keep(Checked file) {
        return new Kept(
                uploads.put(file.content(), file.suffix()), file.name(), file.mediaType(), file.content().length);
    }

    Optional<byte[]> read(String key) {
        return uploads.get(key);
    }

    void forget(String key) {
        uploads.delete(key);
    }

    /** The media type and key suffix of a PDF or an image, from its first bytes; empty for anything else. */
    static Optional<String[]> typeOf(byte[] content) {
        if (starts(content, "%PDF-".getBytes())) {
            return Optional.of(new String[] {"application/pdf", ".pdf"});
        }
        if (starts(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of(new String[] {"image/png", ".png"});
        }
        if (starts(content, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return Optional.of(new String[] {"image/jpeg", ".jpg"});
        }
        if (starts(content, "GIF87a".getBytes()) || starts(content, "GIF89a".getBytes())) {
            return Optional.of(new String[] {"image/gif", ".gif"});
        }
        if (content.length >= 12
                && starts(content, "RIFF".getBytes())
                && Arrays.equals(Arrays.copyOfRange(content, 8, 12), "WEBP".getBytes())) {
            return Optional.of(new String[] {"image/webp", ".webp"});
        }
        return Optional.empty();
    }

    /** Web links only (http and https), with a host; empty for anything else. */
    static Optional<String> link(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.length() > 2000) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null
                    ? Optional.of(uri.toString())
                    : Optional.empty();
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
    }

    /** A file name fit for a download header and a page: letters, digits and a few marks, at most 100. */
    static String safeName(String original) {
        String base = original == null ? "" : original.replaceAll(".*[/\\\\]", "");
        String safe = base.replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
        if (safe.isEmpty() || safe.startsWith(".")) {
            safe = "evidence" + safe;
        }
        return safe.length() > 100 ? safe.substring(safe.length() - 100) : safe;
    }

    private static boolean starts(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(Arrays.copyOf(content, prefix.length), prefix);
    }
}
