package org.polyphony.opinions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A statement a participant adds: short, so that everyone can vote on it at a glance. */
public record StatementForm(
        @NotBlank(message = "{opinions.statement.required}")
                @Size(max = StatementForm.MAX_LENGTH, message = "{opinions.statement.length}")
                String text) {

    public static final int MAX_LENGTH = 280;

    public static StatementForm blank() {
        return new StatementForm("");
    }
}
