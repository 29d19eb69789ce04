package org.polyphony.skills;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.languages.Countries;
import org.polyphony.people.OrganisationId;
import org.polyphony.people.OrganisationRoles;
import org.polyphony.people.OrganisationType;
import org.polyphony.translation.LanguageDetection;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Opportunities: publishing one after every check (an admin of an organisation of a type that places people, not
 * suspended, the fair-recruitment statements made, no fee charged to the worker, known codes, a coherent pay
 * range and period), reading them, closing them. Titles and descriptions are translated like posts.
 */
@Repository
class Opportunities {

    static final String TITLE = "skills-opportunity-title";
    static final String DESCRIPTION = "skills-opportunity";

    /** The directory's types that may offer work or place people. */
    static final Set<OrganisationType> PUBLISHERS = Set.of(
            OrganisationType.EMPLOYER,
            OrganisationType.RECRUITMENT_AGENCY,
            OrganisationType.GOVERNMENT,
            OrganisationType.INTERNATIONAL,
            OrganisationType.TRADE_UNION,
            OrganisationType.NGO);

    static final int MAX_SKILLS = 8;

    static final String COLUMNS =
            """
            id, edition_id, organisation_id, title, description, occupation, skills, languages, country, place,
            starts_on, ends_on, pay_min, pay_max, currency, pay_period, status""";

    private final JdbcClient jdbc;
    private final OrganisationRoles organisations;
    private final AccountDirectory accounts;
    private final LanguageDetection detection;
    private final Translations translations;
    private final MatchIndex matches;

    Opportunities(
            JdbcClient jdbc,
            OrganisationRoles organisations,
            AccountDirectory accounts,
            LanguageDetection detection,
            Translations translations,
            MatchIndex matches) {
        this.matches = matches;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.accounts = accounts;
        this.detection = detection;
        this.translations = translations;
    }

    /** Publishes an opportunity in the edition's pilot; empty, with field errors, when refused. */
    @Transactional
    Optional<Long> publish(long edition, AccountId admin, OpportunityForm form, Errors errors) {
        Optional<OrganisationId> organisation = organisation(form.organisation(), admin, errors);
        Checked checked = check(form, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        long id = jdbc.sql(
                        """
                        INSERT INTO skills_opportunity (edition_id, organisation_id, created_by, title, description,
                            occupation, skills, languages, country, place, starts_on, ends_on, pay_min, pay_max,
                            currency, pay_period, no_worker_fees, contract_in_language, worker_keeps_documents)
                        VALUES (:edition, :organisation, :admin, :title, :description, :occupation, :skills,
                            :languages, :country, :place, :starts, :ends, :min, :max, :currency, :period,
                            true, true, true)
                        RETURNING id
                        """)
                .param("edition", edition)
                .param("organisation", organisation.orElseThrow().value())
                .param("admin", admin.value())
                .param("title", form.title())
                .param("description", form.description())
                .param("occupation", form.occupation())
                .param("skills", form.skills().toArray(String[]::new))
                .param(
                        "languages",
                        checked.languages().stream().map(LanguageLevel::code).toArray(String[]::new))
                .param("country", checked.country())
                .param("place", form.place())
                .param("starts", checked.startsOn())
                .param("ends", checked.endsOn())
                .param("min", checked.payMin())
                .param("max", checked.payMax())
                .param("currency", form.currency())
                .param("period", form.payPeriod())
                .query(Long.class)
                .single();
        readable(id, edition, form, admin);
        find(id).ifPresent(matches::opportunityPublished);
        return Optional.of(id);
    }

    Optional<Opportunity> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM skills_opportunity WHERE id = :id")
                .param("id", id)
                .query(Opportunities::row)
                .optional();
    }

    /** The open opportunities of an edition's pilot, newest first, with the reader's filters. */
    List<Opportunity> open(long edition, String majorGroup, String country, String language) {
        return jdbc.sql(
                        "SELECT " + COLUMNS
                                + """
                         FROM skills_opportunity o
                        WHERE edition_id = :edition AND status = 'OPEN'
                          AND NOT EXISTS (SELECT 1 FROM skills_suspension s WHERE s.organisation_id = o.organisation_id)
                          AND (:major = '' OR occupation LIKE :major || '%')
                          AND (:country = '' OR country = :country)
                          AND (:language = '' OR EXISTS (SELECT 1 FROM unnest(languages) l WHERE l LIKE :language || ':%'))
                        ORDER BY created_at DESC, id DESC
                        LIMIT 200
                        """)
                .param("edition", edition)
                .param("major", majorGroup)
                .param("country", country)
                .param("language", language)
                .query(Opportunities::row)
                .list();
    }

    /** Every open opportunity not suspended, for matching a worker across pilots. */
    List<Opportunity> allOpen() {
        return jdbc.sql(
                        "SELECT " + COLUMNS
                                + """
                         FROM skills_opportunity o
                        WHERE status = 'OPEN'
                          AND NOT EXISTS (SELECT 1 FROM skills_suspension s WHERE s.organisation_id = o.organisation_id)
                        ORDER BY created_at DESC, id DESC
                        """)
                .query(Opportunities::row)
                .list();
    }

    /** The open opportunities, not suspended, among these ids (a worker's candidacies and interests). */
    List<Opportunity> openAmong(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "SELECT " + COLUMNS
                                + """
                         FROM skills_opportunity o
                        WHERE id = ANY (:ids) AND status = 'OPEN'
                          AND NOT EXISTS (SELECT 1 FROM skills_suspension s WHERE s.organisation_id = o.organisation_id)
                        """)
                .param("ids", ids.toArray(Long[]::new))
                .query(Opportunities::row)
                .list();
    }

    boolean suspended(OrganisationId organisation) {
        return jdbc.sql("SELECT count(*) FROM skills_suspension WHERE organisation_id = :o")
                        .param("o", organisation.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Transactional
    void close(long id) {
        jdbc.sql("UPDATE skills_opportunity SET status = 'CLOSED' WHERE id = :id")
                .param("id", id)
                .update();
        matches.forgetOpportunity(id);
    }

    private record Checked(
            List<LanguageLevel> languages,
            String country,
            LocalDate startsOn,
            LocalDate endsOn,
            BigDecimal payMin,
            BigDecimal payMax) {}

    private Optional<OrganisationId> organisation(String typed, AccountId admin, Errors errors) {
        Optional<OrganisationRoles.Organisation> organisation = parseId(typed)
                .flatMap(id -> organisations.organisation(new OrganisationId(id)))
                .filter(o -> organisations.isAdmin(o.id(), admin));
        if (organisation.isEmpty()) {
            errors.rejectValue("organisation", "skills.opportunity.organisation.notAdmin");
        } else if (!PUBLISHERS.contains(organisation.get().type())) {
            errors.rejectValue("organisation", "skills.opportunity.organisation.wrongType");
        } else if (suspended(organisation.get().id())) {
            errors.rejectValue("organisation", "skills.opportunity.organisation.suspended");
        }
        return organisation.map(OrganisationRoles.Organisation::id);
    }

    private static Checked check(OpportunityForm form, Errors errors) {
        if (form.title().isEmpty() || form.title().length() > OpportunityForm.TITLE_LENGTH) {
            errors.rejectValue("title", "skills.opportunity.title.required");
        }
        if (form.description().length() > OpportunityForm.DESCRIPTION_LENGTH) {
            errors.rejectValue("description", "skills.opportunity.description.length");
        }
        if (!Isco.classification().isUnitGroup(form.occupation())) {
            errors.rejectValue("occupation", "skills.error.unknownOccupation");
        }
        if (!form.skills().stream().allMatch(SkillCodes::known)) {
            errors.rejectValue("skills", "skills.error.unknownSkill");
        } else if (form.skills().size() > MAX_SKILLS) {
            // an opportunity asking every skill would list every worker of the occupation as a candidate
            errors.rejectValue("skills", "skills.opportunity.skills.tooMany");
        }
        List<LanguageLevel> languages = new ArrayList<>();
        for (String code : form.languageCodes()) {
            LanguageLevel.parse(code)
                    .ifPresentOrElse(
                            level -> {
                                if (languages.stream()
                                        .noneMatch(l -> l.language().equals(level.language()))) {
                                    languages.add(level);
                                }
                            },
                            () -> errors.rejectValue("languageTag", "skills.error.language"));
        }
        Optional<String> country = Countries.normalise(form.country());
        if (country.isEmpty()) {
            errors.rejectValue("country", "skills.error.unknownCountry");
        }
        if (form.place().length() > 200) {
            errors.rejectValue("place", "skills.opportunity.place.length");
        }
        LocalDate starts = date(form.startsOn(), "startsOn", true, errors);
        LocalDate ends = date(form.endsOn(), "endsOn", false, errors);
        if (starts != null && ends != null && ends.isBefore(starts)) {
            errors.rejectValue("endsOn", "skills.opportunity.endsBeforeStart");
        }
        BigDecimal min = amount(form.payMin(), "payMin", errors);
        BigDecimal max = amount(form.payMax(), "payMax", errors);
        if (min != null && max != null && min.compareTo(max) > 0) {
            errors.rejectValue("payMax", "skills.opportunity.payRange");
        }
        if (!validCurrency(form.currency())) {
            errors.rejectValue("currency", "skills.opportunity.currency");
        }
        if (!Set.of("HOUR", "MONTH", "YEAR").contains(form.payPeriod())) {
            errors.rejectValue("payPeriod", "skills.opportunity.payPeriod");
        }
        fairRecruitment(form, errors);
        return new Checked(languages, country.orElse(null), starts, ends, min, max);
    }

    /** The employer-pays principle and the two other statements; a fee charged to the worker refuses it all. */
    private static void fairRecruitment(OpportunityForm form, Errors errors) {
        if (!form.workerFee().isEmpty()) {
            BigDecimal fee = amount(form.workerFee(), "workerFee", errors);
            if (fee != null && fee.signum() > 0) {
                errors.rejectValue("workerFee", "skills.opportunity.fee.refused");
            }
        }
        if (!form.ticked(form.noWorkerFees())) {
            errors.rejectValue("noWorkerFees", "skills.opportunity.statement.required");
        }
        if (!form.ticked(form.contractInLanguage())) {
            errors.rejectValue("contractInLanguage", "skills.opportunity.statement.required");
        }
        if (!form.ticked(form.workerKeepsDocuments())) {
            errors.rejectValue("workerKeepsDocuments", "skills.opportunity.statement.required");
        }
    }

    private static LocalDate date(String typed, String field, boolean required, Errors errors) {
        if (typed.isEmpty()) {
            if (required) {
                errors.rejectValue(field, "skills.error.dateRequired");
            }
            return null;
        }
        Optional<LocalDate> date = TypedDate.parse(typed);
        if (date.isEmpty()) {
            errors.rejectValue(field, "skills.error.date");
        }
        return date.orElse(null);
    }

    private static BigDecimal amount(String typed, String field, Errors errors) {
        try {
            BigDecimal amount = new BigDecimal(typed.replace(',', '.'));
            if (amount.signum() >= 0 && amount.precision() - amount.scale() <= 10 && amount.scale() <= 2) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // answered below with the same words as a negative amount
        }
        errors.rejectValue(field, "skills.error.amount");
        return null;
    }

    private static boolean validCurrency(String code) {
        try {
            // X… codes are not money (gold, test codes, "no currency")
            return code.length() == 3 && !code.startsWith("X") && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static Optional<Long> parseId(String typed) {
        try {
            return Optional.of(Long.parseLong(typed));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void readable(long id, long edition, OpportunityForm form, AccountId author) {
        String text = form.description().isEmpty() ? form.title() : form.title() + "\n\n" + form.description();
        String language =
                detection.detect(text, accounts.readingLanguages(author)).tag();
        jdbc.sql("UPDATE skills_opportunity SET description_language = :l WHERE id = :id")
                .param("l", language)
                .param("id", id)
                .update();
        translations.register(new TextRef(TITLE, id), form.title(), language, edition);
        if (!form.description().isEmpty()) {
            translations.register(new TextRef(DESCRIPTION, id), form.description(), language, edition);
        }
    }

    static Opportunity row(ResultSet rs, int n) throws SQLException {
        return new Opportunity(
                rs.getLong("id"),
                rs.getLong("edition_id"),
                new OrganisationId(rs.getLong("organisation_id")),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("occupation"),
                SkillsProfiles.strings(rs.getArray("skills")),
                SkillsProfiles.strings(rs.getArray("languages")).stream()
                        .flatMap(code -> LanguageLevel.parse(code).stream())
                        .toList(),
                rs.getString("country"),
                rs.getString("place"),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                rs.getBigDecimal("pay_min"),
                rs.getBigDecimal("pay_max"),
                rs.getString("currency"),
                rs.getString("pay_period"),
                "OPEN".equals(rs.getString("status")));
    }
}
