package org.polyphony.antennas;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A report's title, introduction, language and the codes of the sessions it addresses ("3.2"); once published,
 * a change is a correction and says what it corrects ({@code note}).
 */
public record ReportForm(
        @NotBlank(message = "{antennas.report.title.required}")
                @Size(max = 200, message = "{antennas.report.title.length}")
                String title,
        @Size(max = 20000, message = "{antennas.report.introduction.length}") String introduction,
        String language,
        List<String> sessions,
        String note) {

    static ReportForm blank(String language) {
        return new ReportForm("", "", language, List.of(), "");
    }

    public List<String> sessionCodes() {
        return sessions == null
                ? List.of()
                : sessions.stream()
                        .filter(s -> s != null && !s.isBlank())
                        .distinct()
                        .toList();
    }
}
