package org.polyphony.followup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumManagement;
import org.polyphony.people.OrganisationChoice;
import org.polyphony.people.PeopleManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 2011 recommendations as the 2012 coordination statement reports them, as demo content of the GFMD 2012
 * edition, each under its theme; commitments of demo organisations with updates at different levels, one
 * contested, one verified; indicators for ratifications of ILO C189 and of the Migrant Workers Convention with
 * only figures we are sure of (cited), the others marked illustrative. Loaded once.
 */
@Component
@Order(50)
@ConditionalOnBooleanProperty(name = "polyphony.demo-content.enabled", matchIfMissing = true)
class DemoFollowup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFollowup.class);
    private static final long LOCK = 0x706f6c79_666f6c6cL;
    static final String EDITION = "gfmd-2012";
    static final Provenance STATEMENT = new Provenance(
            Provenance.Kind.FORM,
            null,
            "Civil society outcomes and recommendations from 2011, as reported to the Tenth Coordination Meeting on"
                    + " International Migration (UN DESA Population Division, February 2012)",
            null);

    private record Demo(String theme, String title, List<String> addressees, List<String> frameworks) {}

    static final List<Demo> RECOMMENDATIONS = List.of(
            new Demo(
                    "rights-based-policy",
                    "Protect the rights of migrants and their families, including the fundamental rights essential to"
                            + " positive diaspora engagement",
                    List.of("states", "civil-society"),
                    List.of("SDG-10.7", "SDG-8.8")),
            new Demo(
                    "rights-based-policy",
                    "Universal ratification of the Migrant Workers Convention",
                    List.of("states"),
                    List.of("ICRMW")),
            new Demo(
                    "irregular-protection",
                    "Improve the protection of migrants moving or working in irregular circumstances",
                    List.of("states", "international-organisations"),
                    List.of("SDG-10.7", "SDG-8.7")),
            new Demo(
                    "labour-mobility",
                    "Improve recruitment and placement processes",
                    List.of("states", "civil-society"),
                    List.of("ILO-C181", "SDG-8.8")),
            new Demo(
                    "labour-mobility",
                    "Cooperate on piloting mechanisms for labour and skills matching",
                    List.of("states", "civil-society", "international-organisations"),
                    List.of("ILO-C97", "ILO-C143")),
            new Demo(
                    "labour-mobility",
                    "Secure ratifications of the new ILO Convention on Domestic Workers",
                    List.of("states"),
                    List.of("ILO-C189", "SDG-8.8", "SDG-5.2")),
            new Demo(
                    "development-alternatives",
                    "Treat human and economic development as going together: the D in GFMD is for human development",
                    List.of("states", "civil-society"),
                    List.of()),
            new Demo(
                    "governance",
                    "In considering the future of the Forum, affirm that the primary concern is the future of migrants",
                    List.of("states", "civil-society", "international-organisations"),
                    List.of()),
            new Demo(
                    "governance",
                    "Reflect on integrating the GFMD within a rights-based, accountable and transparent framework with"
                            + " binding engagements",
                    List.of("states", "international-organisations"),
                    List.of("ICRMW")));

    private final ForumManagement forums;
    private final PeopleManagement people;
    private final RecommendationStore recommendations;
    private final CommitmentStore commitments;
    private final IndicatorStore indicators;
    private final JdbcClient jdbc;

    DemoFollowup(
            ForumManagement forums,
            PeopleManagement people,
            RecommendationStore recommendations,
            CommitmentStore commitments,
            IndicatorStore indicators,
            JdbcClient jdbc) {
        this.forums = forums;
        this.people = people;
        this.recommendations = recommendations;
        this.commitments = commitments;
        this.indicators = indicators;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query()
                .listOfRows();
        Optional<Edition> edition = forums.edition(EDITION, true);
        if (edition.isEmpty()
                || recommendations.titleTaken(
                        edition.get().id().value(), RECOMMENDATIONS.getFirst().title())) {
            return;
        }
        long editionId = edition.get().id().value();
        long[] ids = new long[RECOMMENDATIONS.size()];
        for (int i = 0; i < ids.length; i++) {
            Demo demo = RECOMMENDATIONS.get(i);
            ids[i] = recommendations.insert(
                    editionId,
                    new RecommendationRules.Resolved(
                            demo.theme(),
                            demo.title(),
                            "",
                            demo.addressees(),
                            List.of(),
                            List.of(),
                            demo.frameworks(),
                            null),
                    "en",
                    STATEMENT,
                    null);
        }
        long c189 = c189Indicator();
        long icrmw = icrmwIndicator();
        commitmentsOfDemoOrganisations(ids, c189, icrmw);
        log.info("Loaded the demo follow-up of the 2011 recommendations");
    }

    /** ILO C189 was adopted on 16 June 2011; Uruguay ratified first (14 June 2012), the Philippines second (5 September 2012). */
    private long c189Indicator() {
        long id = insertIndicator(
                "Ratifications of the ILO Domestic Workers Convention, 2011 (No. 189)",
                "Number of member States that have ratified C189.",
                "states",
                "0",
                LocalDate.of(2011, 6, 16),
                "50",
                LocalDate.of(2020, 12, 31),
                "ILO NORMLEX, ratifications of C189; the target is the organiser’s own (demo).");
        indicators.insertValue(
                id, LocalDate.of(2012, 6, 14), BigDecimal.ONE, "ILO NORMLEX: Uruguay, 14 June 2012", null, null, false);
        indicators.insertValue(
                id,
                LocalDate.of(2012, 9, 5),
                BigDecimal.valueOf(2),
                "ILO NORMLEX: Philippines, 5 September 2012",
                null,
                null,
                false);
        return id;
    }

    /**
     * The Convention was adopted on 18 December 1990 and entered into force on 1 July 2003, once 20 States had
     * ratified it (its article 87). The 2012 value is not a figure we are sure of: it is marked illustrative.
     */
    private long icrmwIndicator() {
        long id = insertIndicator(
                "States parties to the Migrant Workers Convention",
                "Number of States parties to the International Convention on the Protection of the Rights of All"
                        + " Migrant Workers and Members of Their Families.",
                "states",
                "0",
                LocalDate.of(1990, 12, 18),
                "193",
                LocalDate.of(2030, 12, 31),
                "UN Treaty Collection, chapter IV.13; the target (universal ratification) is civil society’s call.");
        indicators.insertValue(
                id,
                LocalDate.of(2003, 7, 1),
                BigDecimal.valueOf(20),
                "UN Treaty Collection: entry into force on the 20th ratification",
                null,
                null,
                false);
        indicators.insertValue(
                id,
                LocalDate.of(2012, 1, 31),
                BigDecimal.valueOf(45),
                "Illustrative value (demo), not a checked figure",
                null,
                null,
                true);
        return id;
    }

    private long insertIndicator(
            String name,
            String definition,
            String unit,
            String baseline,
            LocalDate baselineOn,
            String target,
            LocalDate targetOn,
            String source) {
        return jdbc.sql(
                        """
                        INSERT INTO followup_indicator (name, definition, unit, baseline_value, baseline_on,
                               target_value, target_on, source)
                        VALUES (:n, :d, :u, :bv, :bo, :tv, :to, :s) RETURNING id
                        """)
                .param("n", name)
                .param("d", definition)
                .param("u", unit)
                .param("bv", new BigDecimal(baseline))
                .param("bo", baselineOn)
                .param("tv", new BigDecimal(target))
                .param("to", targetOn)
                .param("s", source)
                .query(Long.class)
                .single();
    }

    private void commitmentsOfDemoOrganisations(long[] recommendation, long c189, long icrmw) {
        Optional<Long> domestic = organisation("Filipino Domestic Workers Association Hong Kong (demo)");
        Optional<Long> watch = organisation("Fair Recruitment Watch Nepal (demo)");
        Optional<Long> employers = organisation("Employers for Fair Migration Forum (demo)");
        Optional<Long> union = organisation("Sindicato del Campo, oficina de personas migrantes (demo)");
        domestic.ifPresent(org -> {
            long c = commitments.insertCommitment(
                    recommendation[5],
                    org,
                    null,
                    "Campaign with domestic workers’ unions for the ratification of C189 by the Philippines (demo).",
                    LocalDate.of(2013, 6, 16),
                    "Campaign coordinator (demo)",
                    c189,
                    null);
            commitments.insertUpdate(
                    c,
                    CompletionLevel.SUBSTANTIAL,
                    "The Philippines ratified C189 on 5 September 2012; our members joined the hearings (demo text).",
                    "en",
                    null);
        });
        employers.ifPresent(org -> {
            long c = commitments.insertCommitment(
                    recommendation[3],
                    org,
                    null,
                    "Members adopt the employer-pays principle: no recruitment fees charged to workers (demo).",
                    LocalDate.of(2013, 12, 31),
                    "Secretariat (demo)",
                    null,
                    null);
            long u = commitments.insertUpdate(
                    c,
                    CompletionLevel.SUBSTANTIAL,
                    "Most member companies have signed the employer-pays pledge (demo text).",
                    "en",
                    null);
            watch.ifPresent(w -> commitments.insertReaction(
                    u,
                    Reaction.Stance.CONTEST,
                    w,
                    "Workers we interviewed in Kathmandu in 2012 still paid fees to agencies recruiting for member companies (demo text).",
                    null));
        });
        watch.ifPresent(org -> commitments.insertCommitment(
                recommendation[1],
                org,
                null,
                "Publish a yearly briefing on the Migrant Workers Convention for Nepali and Gulf parliamentarians (demo).",
                LocalDate.of(2012, 12, 31),
                "Policy officer (demo)",
                icrmw,
                null));
        union.ifPresent(org -> {
            long c = commitments.insertCommitment(
                    recommendation[4],
                    org,
                    null,
                    "Run a pilot matching farm workers’ skills with seasonal vacancies, with a fair-recruitment charter (demo).",
                    LocalDate.of(2013, 3, 31),
                    "Migrant workers’ office (demo)",
                    null,
                    null);
            commitments.insertUpdate(
                    c, CompletionLevel.LIMITED, "The pilot started with two cooperatives (demo text).", "en", null);
            long done = commitments.insertUpdate(
                    c, CompletionLevel.COMPLETE, "The pilot ended; the evaluation is public (demo text).", "en", null);
            jdbc.sql("UPDATE followup_update SET verified_at = now() WHERE id = :id")
                    .param("id", done)
                    .update();
        });
    }

    private Optional<Long> organisation(String name) {
        return people.organisationNamed(name).map(OrganisationChoice::id);
    }
}
