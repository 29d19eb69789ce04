package org.polyphony.skills;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A worker's skills profile as stored: what matching reads, and what only its worker sees. */
public record SkillsProfile(
        long id,
        boolean paused,
        List<String> occupations,
        List<String> skills,
        List<LanguageLevel> languages,
        List<Qualification> qualifications,
        int years,
        List<String> workCountries,
        List<String> workRegions,
        LocalDate availableFrom,
        String lookingFor,
        long numberSalt) {

    public record Qualification(String title, String country, boolean recognised) {}

    Matching.Worker worker() {
        return new Matching.Worker(
                occupations,
                Set.copyOf(skills),
                languages,
                Set.copyOf(workCountries),
                Set.copyOf(workRegions),
                availableFrom);
    }

    SkillsProfileForm form() {
        List<String> tags = languages.stream().map(LanguageLevel::language).toList();
        List<String> levels = languages.stream().map(l -> l.level().name()).toList();
        return new SkillsProfileForm(
                occupations,
                skills,
                tags,
                levels,
                qualifications.stream().map(Qualification::title).toList(),
                qualifications.stream().map(Qualification::country).toList(),
                qualifications.stream().map(q -> q.recognised() ? "yes" : "no").toList(),
                Integer.toString(years),
                workCountries,
                workRegions,
                availableFrom == null ? "" : availableFrom.toString(),
                lookingFor);
    }
}
