package org.polyphony.forums;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** An edition as an organiser types it. Texts are the version in {@code language}. */
public record EditionForm(
        @NotBlank(message = "{edition.slug.required}")
                @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "{edition.slug.invalid}")
                @Size(max = 60, message = "{edition.slug.invalid}")
                String slug,
        String language,
        @NotBlank(message = "{edition.name.required}") @Size(max = 200, message = "{field.tooLong}") String name,
        @Size(max = 200, message = "{field.tooLong}") String place,
        @Size(max = 2000, message = "{field.tooLong}") String summary,
        @NotNull(message = "{edition.date.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
        @NotNull(message = "{edition.date.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
        @NotNull(message = "{edition.status.required}") EditionStatus status,
        @Min(value = 1, message = "{edition.flagThreshold.range}")
                @Max(value = 100, message = "{edition.flagThreshold.range}")
                Integer flagThreshold,
        @Size(max = 20000, message = "{field.tooLong}") String codeOfConduct) {

    static EditionForm blank(String language) {
        return new EditionForm("", language, "", "", "", null, null, EditionStatus.PREPARATION, 3, "");
    }

    static EditionForm of(Edition edition, String language) {
        return new EditionForm(
                edition.slug(),
                language,
                edition.name().exactly(language).orElse(""),
                edition.place().exactly(language).orElse(""),
                edition.summary().exactly(language).orElse(""),
                edition.startsOn(),
                edition.endsOn(),
                edition.status(),
                edition.flagThreshold(),
                edition.codeOfConduct().exactly(language).orElse(""));
    }
}
