package org.polyphony.dialogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record EditForm(
        @NotBlank(message = "{post.body.required}") @Size(max = 20000, message = "{post.body.length}") String body) {}
