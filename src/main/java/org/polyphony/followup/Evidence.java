package org.polyphony.followup;

/** A link or an uploaded document backing an update or a reaction. */
public record Evidence(
        long id,
        Long updateId,
        Long reactionId,
        String link,
        String fileKey,
        String fileName,
        String mediaType,
        Integer size) {

    public boolean file() {
        return fileKey != null;
    }
}
