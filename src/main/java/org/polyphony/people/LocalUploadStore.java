package org.polyphony.people;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Uploads as files under {@code <data-dir>/uploads}, in sub-folders named by the key's first two characters so no
 * folder grows huge. A file is written beside its place and moved in, so a reader never sees half of it.
 */
@Component
class LocalUploadStore implements UploadStore {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}(\\.[a-z]{1,5})?");

    private final Path root;

    LocalUploadStore(@Value("${polyphony.data-dir:data}") Path dataDir) {
        this.root = dataDir.resolve("uploads").toAbsolutePath();
    }

    @Override
    public String put(byte[] content, String suffix) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String key = HexFormat.of().formatHex(random) + (suffix == null ? "" : suffix);
        Path target = pathOf(key);
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(key + ".part");
            Files.write(partial, content);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep an upload", e);
        }
        return key;
    }

    @Override
    public Optional<byte[]> get(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(pathOf(key)));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read an upload", e);
        }
    }

    @Override
    public void delete(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return;
        }
        try {
            Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete an upload", e);
        }
    }

    private Path pathOf(String key) {
        return root.resolve(key.substring(0, 2)).resolve(key);
    }
}
