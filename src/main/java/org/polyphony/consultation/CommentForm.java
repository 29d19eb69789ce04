package org.polyphony.consultation;

/**
 * A comment as typed: on a paragraph (its key) of a version, or on the whole draft (no paragraph); optionally the
 * passage it is about (selected or pasted) and replacement wording; or a reply to another comment.
 */
public record CommentForm(
        String paragraph, Integer version, Long parent, String passage, String proposal, String body) {

    static CommentForm blank(String paragraph, int version) {
        return new CommentForm(paragraph, version, null, "", "", "");
    }

    String bodyText() {
        return body == null ? "" : body.strip();
    }

    String passageText() {
        return passage == null ? "" : passage.strip();
    }

    String proposalText() {
        return proposal == null ? "" : proposal.strip();
    }
}
