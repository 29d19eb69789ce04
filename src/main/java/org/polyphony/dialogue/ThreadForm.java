package org.polyphony.dialogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A new thread: its title and opening post. The key makes a repeated submission harmless. */
public record ThreadForm(
        @NotBlank(message = "{thread.title.required}") @Size(max = 200, message = "{thread.title.length}") String title,
        @NotBlank(message = "{post.body.required}") @Size(max = 20000, message = "{post.body.length}") String body,
        UUID idempotencyKey) {

    public static ThreadForm blank() {
        return new ThreadForm("", "", UUID.randomUUID());
    }
}
