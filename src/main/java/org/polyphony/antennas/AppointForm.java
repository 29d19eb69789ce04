package org.polyphony.antennas;

/** Appoints a person of the directory, by their display name, as coordinator or rapporteur of a hub. */
public record AppointForm(String person, String role) {

    static AppointForm blank() {
        return new AppointForm("", "RAPPORTEUR");
    }
}
