package org.polyphony.skills;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.polyphony.accounts.AccountId;
import org.polyphony.languages.Countries;
import org.polyphony.languages.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Workers' skills profiles: checking what a worker typed, keeping it, pausing, deleting. One profile per
 * account; it never carries a name, nationality, residence status or contact, so nothing in it says who the
 * worker is until they choose to tell an organisation.
 */
@Repository
class SkillsProfiles {

    static final String COLUMNS =
            """
            id, paused, occupations, skills, languages, years, work_countries, work_regions, available_from,
            looking_for, number_salt""";

    private final JdbcClient jdbc;
    private final MatchIndex matches;

    SkillsProfiles(JdbcClient jdbc, MatchIndex matches) {
        this.jdbc = jdbc;
        this.matches = matches;
    }

    Optional<SkillsProfile> of(AccountId account) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM skills_profile WHERE account_id = :a")
                .param("a", account.value())
                .query(SkillsProfiles::row)
                .optional()
                .map(this::withQualifications);
    }

    /** The profile with this id, qualifications included: only for its worker, or for what they chose to share. */
    Optional<SkillsProfile> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM skills_profile WHERE id = :id")
                .param("id", id)
                .query(SkillsProfiles::row)
                .optional()
                .map(this::withQualifications);
    }

    /** The profiles with these ids that are not paused, without their qualifications: a candidate list's rows. */
    List<SkillsProfile> active(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM skills_profile WHERE id = ANY (:ids) AND NOT paused")
                .param("ids", ids.toArray(Long[]::new))
                .query(SkillsProfiles::row)
                .list();
    }

    /** Saves the worker's profile (creating it the first time); false, with field errors, when refused. */
    @Transactional
    boolean save(AccountId account, SkillsProfileForm form, Errors errors) {
        Checked checked = check(form, errors);
        if (errors.hasErrors()) {
            return false;
        }
        long id = jdbc.sql(
                        """
                        INSERT INTO skills_profile (account_id, occupations, minor_groups, skills, languages, years,
                            work_countries, work_regions, available_from, looking_for)
                        VALUES (:a, :occupations, :minor, :skills, :languages, :years, :countries, :regions,
                            :from, :looking)
                        ON CONFLICT (account_id) DO UPDATE SET occupations = EXCLUDED.occupations,
                            minor_groups = EXCLUDED.minor_groups, skills = EXCLUDED.skills,
                            languages = EXCLUDED.languages, years = EXCLUDED.years,
                            work_countries = EXCLUDED.work_countries, work_regions = EXCLUDED.work_regions,
                            available_from = EXCLUDED.available_from, looking_for = EXCLUDED.looking_for,
                            updated_at = now()
                        RETURNING id
                        """)
                .param("a", account.value())
                .param("occupations", form.occupations().toArray(String[]::new))
                .param(
                        "minor",
                        form.occupations().stream()
                                .map(Isco::minorGroup)
                                .distinct()
                                .toArray(String[]::new))
                .param("skills", form.skills().toArray(String[]::new))
                .param(
                        "languages",
                        checked.languages().stream().map(LanguageLevel::code).toArray(String[]::new))
                .param("years", checked.years())
                .param("countries", checked.countries().toArray(String[]::new))
                .param("regions", form.workRegions().toArray(String[]::new))
                .param("from", checked.availableFrom())
                .param("looking", form.lookingFor())
                .query(Long.class)
                .single();
        jdbc.sql("DELETE FROM skills_qualification WHERE profile_id = :p")
                .param("p", id)
                .update();
        int position = 0;
        for (SkillsProfile.Qualification qualification : checked.qualifications()) {
            jdbc.sql(
                            """
                            INSERT INTO skills_qualification (profile_id, position, title, country, recognised)
                            VALUES (:p, :position, :title, :country, :recognised)
                            """)
                    .param("p", id)
                    .param("position", position++)
                    .param("title", qualification.title())
                    .param("country", qualification.country())
                    .param("recognised", qualification.recognised())
                    .update();
        }
        matches.profileChanged(id);
        return true;
    }

    /** Draws the profile's candidate numbers anew: after a withdrawn interest it is a stranger again. */
    @Transactional
    void renumber(long profile) {
        jdbc.sql("UPDATE skills_profile SET number_salt = floor(random() * 9.0e18)::bigint WHERE id = :p")
                .param("p", profile)
                .update();
        matches.profileChanged(profile);
    }

    @Transactional
    void pause(AccountId account, boolean paused) {
        jdbc.sql("UPDATE skills_profile SET paused = :p, updated_at = now() WHERE account_id = :a RETURNING id")
                .param("p", paused)
                .param("a", account.value())
                .query(Long.class)
                .optional()
                .ifPresent(matches::profileChanged);
    }

    /** Deletes the profile, its qualifications, its candidacies and every interest it expressed. */
    @Transactional
    void delete(AccountId account) {
        jdbc.sql("DELETE FROM skills_profile WHERE account_id = :a RETURNING id")
                .param("a", account.value())
                .query(Long.class)
                .optional()
                .ifPresent(matches::forgetProfile);
    }

    private record Checked(
            List<LanguageLevel> languages,
            List<SkillsProfile.Qualification> qualifications,
            int years,
            List<String> countries,
            LocalDate availableFrom) {}

    private Checked check(SkillsProfileForm form, Errors errors) {
        Isco isco = Isco.classification();
        if (form.occupations().isEmpty()) {
            errors.rejectValue("occupations", "skills.profile.occupations.required");
        } else if (form.occupations().size() > 5) {
            errors.rejectValue("occupations", "skills.profile.occupations.tooMany");
        } else if (!form.occupations().stream().allMatch(isco::isUnitGroup)) {
            errors.rejectValue("occupations", "skills.error.unknownOccupation");
        }
        if (!form.skills().stream().allMatch(SkillCodes::known)) {
            errors.rejectValue("skills", "skills.error.unknownSkill");
        }
        List<LanguageLevel> languages = languages(form, errors);
        List<SkillsProfile.Qualification> qualifications = qualifications(form, errors);
        int years = years(form.years(), errors);
        List<String> countries = new ArrayList<>();
        for (String code : form.workCountries()) {
            Countries.normalise(code)
                    .ifPresentOrElse(
                            countries::add, () -> errors.rejectValue("workCountries", "skills.error.unknownCountry"));
        }
        if (!form.workRegions().stream().allMatch(Regions::isKnown)) {
            errors.rejectValue("workRegions", "skills.error.unknownRegion");
        }
        LocalDate from = null;
        if (!form.availableFrom().isEmpty()) {
            from = TypedDate.parse(form.availableFrom()).orElse(null);
            if (from == null) {
                errors.rejectValue("availableFrom", "skills.error.date");
            }
        }
        if (form.lookingFor().length() > SkillsProfileForm.LOOKING_FOR_LENGTH) {
            errors.rejectValue("lookingFor", "skills.profile.lookingFor.length");
        }
        return new Checked(
                languages, qualifications, years, countries.stream().distinct().toList(), from);
    }

    private static List<LanguageLevel> languages(SkillsProfileForm form, Errors errors) {
        List<LanguageLevel> languages = new ArrayList<>();
        for (String code : form.languageCodes()) {
            Optional<LanguageLevel> level = LanguageLevel.parse(code);
            if (level.isEmpty()) {
                errors.rejectValue("languageTag", "skills.error.language");
            } else if (languages.stream()
                    .noneMatch(l -> l.language().equals(level.get().language()))) {
                languages.add(level.get());
            }
        }
        return languages;
    }

    private static List<SkillsProfile.Qualification> qualifications(SkillsProfileForm form, Errors errors) {
        List<SkillsProfile.Qualification> qualifications = new ArrayList<>();
        for (int i = 0; i < SkillsProfileForm.QUALIFICATION_ROWS; i++) {
            String title = form.qualificationTitle().get(i);
            String country = form.qualificationCountry().get(i);
            if (title.isEmpty() && country.isEmpty()) {
                continue;
            }
            Optional<String> known = Countries.normalise(country);
            if (title.isEmpty() || title.length() > 200) {
                errors.rejectValue("qualificationTitle", "skills.error.qualificationTitle");
            } else if (known.isEmpty()) {
                errors.rejectValue("qualificationCountry", "skills.error.unknownCountry");
            } else {
                qualifications.add(new SkillsProfile.Qualification(
                        title,
                        known.get(),
                        "yes".equals(form.qualificationRecognised().get(i))));
            }
        }
        return qualifications;
    }

    private static int years(String typed, Errors errors) {
        if (typed.isEmpty()) {
            return 0;
        }
        try {
            int years = Integer.parseInt(typed);
            if (years >= 0 && years <= 60) {
                return years;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        errors.rejectValue("years", "skills.error.years");
        return 0;
    }

    static SkillsProfile row(ResultSet rs, int n) throws SQLException {
        return new SkillsProfile(
                rs.getLong("id"),
                rs.getBoolean("paused"),
                strings(rs.getArray("occupations")),
                strings(rs.getArray("skills")),
                strings(rs.getArray("languages")).stream()
                        .flatMap(code -> LanguageLevel.parse(code).stream())
                        .toList(),
                List.of(),
                rs.getInt("years"),
                strings(rs.getArray("work_countries")),
                strings(rs.getArray("work_regions")),
                rs.getObject("available_from", LocalDate.class),
                rs.getString("looking_for"),
                rs.getLong("number_salt"));
    }

    private SkillsProfile withQualifications(SkillsProfile profile) {
        List<SkillsProfile.Qualification> qualifications = jdbc.sql(
                        """
                        SELECT title, country, recognised FROM skills_qualification
                         WHERE profile_id = :p ORDER BY position
                        """)
                .param("p", profile.id())
                .query((rs, n) -> new SkillsProfile.Qualification(
                        rs.getString("title"), rs.getString("country"), rs.getBoolean("recognised")))
                .list();
        return new SkillsProfile(
                profile.id(),
                profile.paused(),
                profile.occupations(),
                profile.skills(),
                profile.languages(),
                qualifications,
                profile.years(),
                profile.workCountries(),
                profile.workRegions(),
                profile.availableFrom(),
                profile.lookingFor(),
                profile.numberSalt());
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
