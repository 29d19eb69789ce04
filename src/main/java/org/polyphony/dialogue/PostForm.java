package org.polyphony.dialogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A reply, to the thread or to one of its posts ({@code parentId}). */
public record PostForm(
        @NotBlank(message = "{post.body.required}") @Size(max = 20000, message = "{post.body.length}") String body,
        Long parentId,
        UUID idempotencyKey) {

    public static PostForm blank(Long parentId, String body) {
        return new PostForm(body, parentId, UUID.randomUUID());
    }
}
