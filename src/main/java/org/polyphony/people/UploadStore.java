package org.polyphony.people;

import java.util.Optional;

/**
 * Where uploaded files are kept, by key. The local filesystem by default ({@link LocalUploadStore}); an
 * S3-compatible store can implement the same three operations. Keys are random: they say nothing of whose file it
 * is, and callers decide who may read it.
 */
public interface UploadStore {

    /** Keeps {@code content} and returns its new key; {@code suffix} (e.g. ".jpg") ends the key. */
    String put(byte[] content, String suffix);

    Optional<byte[]> get(String key);

    /** Removes the file; nothing happens when there is none. */
    void delete(String key);
}
