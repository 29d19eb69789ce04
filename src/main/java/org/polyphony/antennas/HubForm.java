package org.polyphony.antennas;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new hub, or a change to one. {@code regionCode} empty: a named grouping of its own. */
public record HubForm(
        @NotBlank(message = "{antennas.hub.name.required}") @Size(max = 120, message = "{antennas.hub.name.length}")
                String name,
        String regionCode,
        @Size(max = 5000, message = "{antennas.hub.description.length}") String description,
        String language,
        List<String> workingLanguages,
        Boolean membersOnlyPosting) {

    /** An unticked box sends nothing: that means no. */
    public HubForm {
        membersOnlyPosting = Boolean.TRUE.equals(membersOnlyPosting);
    }

    static HubForm blank(String language) {
        return new HubForm("", "", "", language, List.of(), false);
    }

    static HubForm of(Hub hub) {
        return new HubForm(
                hub.name(),
                hub.regionCode() == null ? "" : hub.regionCode(),
                hub.description(),
                hub.language(),
                hub.workingLanguages(),
                hub.membersOnlyPosting());
    }

    public List<String> languagesChosen() {
        return workingLanguages == null
                ? List.of()
                : workingLanguages.stream()
                        .filter(l -> l != null && !l.isBlank())
                        .distinct()
                        .toList();
    }
}
