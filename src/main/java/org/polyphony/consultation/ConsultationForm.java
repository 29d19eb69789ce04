package org.polyphony.consultation;

import java.util.List;

/**
 * A new consultation as typed: title, purpose, who may comment (everyone signed in, or the members of the chosen
 * organisations and the people of the chosen hubs), up to three rounds (dates as typed, ISO
 * yyyy-mm-dd; a round left empty is no round), the draft in Markdown (or a file uploaded with the form) and an
 * optional session it belongs to.
 */
public record ConsultationForm(
        String title,
        String purpose,
        String audience,
        List<Long> organisations,
        String opens1,
        String closes1,
        String opens2,
        String closes2,
        String opens3,
        String closes3,
        String draft,
        String session,
        List<Long> hubs) {

    static ConsultationForm blank(java.time.LocalDate today) {
        return new ConsultationForm(
                "",
                "",
                "SIGNED_IN",
                List.of(),
                today.toString(),
                today.plusWeeks(4).toString(),
                today.plusWeeks(8).toString(),
                today.plusWeeks(12).toString(),
                "",
                "",
                "",
                "",
                List.of());
    }

    public List<Long> chosenOrganisations() {
        return organisations == null ? List.of() : organisations;
    }

    public List<Long> chosenHubs() {
        return hubs == null ? List.of() : hubs;
    }

    List<String[]> roundDates() {
        return List.of(new String[] {opens1, closes1}, new String[] {opens2, closes2}, new String[] {opens3, closes3});
    }
}
