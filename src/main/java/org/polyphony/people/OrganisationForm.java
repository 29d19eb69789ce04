package org.polyphony.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** An organisation as its admins describe it. */
public record OrganisationForm(
        @NotBlank(message = "{organisation.name.required}")
                @Size(max = OrganisationForm.NAME_LENGTH, message = "{organisation.name.length}")
                String name,
        String type,
        List<String> countries,
        List<String> regions,
        List<String> themes,
        List<String> languages,
        String website,
        @Size(max = OrganisationForm.DESCRIPTION_LENGTH, message = "{organisation.description.length}")
                String description) {

    public static final int NAME_LENGTH = 120;
    public static final int DESCRIPTION_LENGTH = 5000;

    public OrganisationForm {
        name = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        website = website == null ? "" : website.strip();
        description = description == null ? "" : description.strip();
        countries = clean(countries);
        regions = clean(regions);
        themes = clean(themes);
        languages = clean(languages);
    }

    public static OrganisationForm blank() {
        return new OrganisationForm("", "", null, null, null, null, "", "");
    }

    private static List<String> clean(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
    }
}
