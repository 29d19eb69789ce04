package org.polyphony.forums;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record RoundtableForm(
        String language,
        @NotNull(message = "{roundtable.number.required}")
                @Min(value = 1, message = "{roundtable.number.range}")
                @Max(value = 99, message = "{roundtable.number.range}")
                Integer number,
        @NotBlank(message = "{agenda.title.required}") @Size(max = 300, message = "{field.tooLong}") String title,
        @Size(max = 20000, message = "{field.tooLong}") String background) {

    static RoundtableForm of(Edition.Roundtable roundtable, String language) {
        return new RoundtableForm(
                language,
                roundtable.number(),
                roundtable.title().exactly(language).orElse(""),
                roundtable.background().exactly(language).orElse(""));
    }
}
