package org.polyphony.dialogue;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record FlagForm(
        @NotNull(message = "{flag.reason.required}") FlagReason reason,
        @Size(max = 500, message = "{flag.note.length}") String note) {}
