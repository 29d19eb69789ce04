package org.polyphony.forums;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.stream.Collectors;

/**
 * A session as an organiser types it. The main issues come as plain text: one block per issue, separated by a
 * blank line; the block's first line is the question, and lines starting with "-" are its points.
 */
public record SessionForm(
        String language,
        @NotNull(message = "{session.position.required}")
                @Min(value = 1, message = "{session.position.range}")
                @Max(value = 99, message = "{session.position.range}")
                Integer position,
        @NotBlank(message = "{agenda.title.required}") @Size(max = 300, message = "{field.tooLong}") String title,
        @Size(max = 20000, message = "{field.tooLong}") String background,
        @Size(max = 20000, message = "{field.tooLong}") String prompts,
        Boolean premoderated) {

    public boolean isPremoderated() {
        return Boolean.TRUE.equals(premoderated);
    }

    static SessionForm of(Edition.ForumSession session, String language) {
        String prompts = session.prompts().stream()
                .map(p -> PromptText.format(p, language))
                .collect(Collectors.joining("\n\n"));
        return new SessionForm(
                language,
                session.position(),
                session.title().exactly(language).orElse(""),
                session.background().exactly(language).orElse(""),
                prompts,
                session.premoderated());
    }
}
