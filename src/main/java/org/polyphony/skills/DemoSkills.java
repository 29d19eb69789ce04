package org.polyphony.skills;

import java.util.List;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.AccountManagement;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumManagement;
import org.polyphony.languages.UiLanguage;
import org.polyphony.people.OrganisationRoles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * The GFMD 2012 pilot "Skills matching for domestic and care work": opportunities from three demo organisations
 * of the directory (an employers' forum, a government reintegration office, an NGO) and six demo worker profiles
 * of demo accounts nobody can sign in to, two of them interested. Everything is written for the demo and says so.
 * Loaded once, after the demo organisations, into a pilot without opportunities.
 */
@Component
@Order(60)
@ConditionalOnBooleanProperty(name = "polyphony.demo-content.enabled", matchIfMissing = true)
class DemoSkills implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSkills.class);
    private static final long LOCK = 0x706f6c79_736b696cL;

    private record DemoOpportunity(
            String admin,
            String title,
            String description,
            String occupation,
            List<String> skills,
            List<String> languages,
            String country,
            String place,
            String payMin,
            String payMax,
            String currency) {}

    private record DemoWorker(
            String name,
            UiLanguage language,
            List<String> occupations,
            List<String> skills,
            List<String> languages,
            String years,
            List<String> regions,
            String lookingFor) {}

    private static final List<DemoOpportunity> OPPORTUNITIES = List.of(
            new DemoOpportunity(
                    "Katrin (demo)",
                    "Home care assistant for older people, Rotterdam (demo)",
                    "Help older people at home with daily care, meals and medication reminders. Training in Dutch "
                            + "is paid by the employer during working hours. Written for the demo.",
                    "5322",
                    List.of("elderly-care", "medication-support", "first-aid"),
                    List.of("en:B1"),
                    "NL",
                    "Rotterdam",
                    "2300",
                    "2700",
                    "EUR"),
            new DemoOpportunity(
                    "Katrin (demo)",
                    "Childcare worker in a day nursery, Berlin (demo)",
                    "Care for children aged one to three in a bilingual nursery. Qualifications earned abroad are "
                            + "recognised with the employer’s help. Written for the demo.",
                    "5311",
                    List.of("childcare", "first-aid", "cooking"),
                    List.of("de:A2", "en:B1"),
                    "DE",
                    "Berlin",
                    "2400",
                    "2800",
                    "EUR"),
            new DemoOpportunity(
                    "Jose (demo)",
                    "Hospital care aide for returning workers, Manila (demo)",
                    "A reintegration programme for care workers coming home: a hospital care aide post with "
                            + "training. Written for the demo.",
                    "5321",
                    List.of("nursing-assistance", "elderly-care"),
                    List.of("tl:B2", "en:B1"),
                    "PH",
                    "Manila",
                    "18000",
                    "22000",
                    "PHP"),
            new DemoOpportunity(
                    "Thandiwe (demo)",
                    "Community health worker, Johannesburg (demo)",
                    "Visit migrant families in the inner city, explain health services and accompany people to "
                            + "clinics. Written for the demo.",
                    "3253",
                    List.of("first-aid", "interpreting"),
                    List.of("en:B2", "pt:B1"),
                    "ZA",
                    "Johannesburg",
                    "9000",
                    "12000",
                    "ZAR"));

    private static final List<DemoWorker> WORKERS = List.of(
            new DemoWorker(
                    "Rosa, care worker (demo)",
                    UiLanguage.EN,
                    List.of("5322", "9111"),
                    List.of("elderly-care", "medication-support", "cooking", "cleaning"),
                    List.of("tl:C2", "en:B2"),
                    "8",
                    List.of("western-europe", "northern-europe"),
                    "Live-out care work with a weekly day off."),
            new DemoWorker(
                    "Nur, domestic worker (demo)",
                    UiLanguage.AR,
                    List.of("9111", "5322"),
                    List.of("cleaning", "childcare", "cooking"),
                    List.of("ar:C2", "en:A2"),
                    "5",
                    List.of("western-europe"),
                    "Work where I keep my passport and have Sundays off."),
            new DemoWorker(
                    "Ana, nursery assistant (demo)",
                    UiLanguage.ES,
                    List.of("5311"),
                    List.of("childcare", "first-aid"),
                    List.of("es:C2", "en:B1", "de:A2"),
                    "4",
                    List.of("western-europe"),
                    "A nursery job where my diploma from Bolivia counts."),
            new DemoWorker(
                    "Joy, returning caregiver (demo)",
                    UiLanguage.EN,
                    List.of("5321", "5322"),
                    List.of("nursing-assistance", "elderly-care", "first-aid"),
                    List.of("tl:C2", "en:C1"),
                    "11",
                    List.of("south-eastern-asia"),
                    "A hospital job at home after years abroad."),
            new DemoWorker(
                    "Tendai, health promoter (demo)",
                    UiLanguage.EN,
                    List.of("3253"),
                    List.of("first-aid", "interpreting"),
                    List.of("en:C1", "pt:B2"),
                    "3",
                    List.of("southern-africa"),
                    "Community work with migrant families."),
            new DemoWorker(
                    "Li, cook (demo)",
                    UiLanguage.ZH,
                    List.of("5120"),
                    List.of("cooking", "food-safety"),
                    List.of("zh:C2", "en:A2"),
                    "9",
                    List.of("western-europe"),
                    "Kitchen work with fair hours."));

    private final ForumManagement forums;
    private final AccountManagement accounts;
    private final OrganisationRoles organisations;
    private final Opportunities opportunities;
    private final SkillsProfiles profiles;
    private final Interests interests;
    private final JdbcClient jdbc;
    private final PilotNames names;

    DemoSkills(
            PilotNames names,
            ForumManagement forums,
            AccountManagement accounts,
            OrganisationRoles organisations,
            Opportunities opportunities,
            SkillsProfiles profiles,
            Interests interests,
            JdbcClient jdbc) {
        this.names = names;
        this.forums = forums;
        this.accounts = accounts;
        this.organisations = organisations;
        this.opportunities = opportunities;
        this.profiles = profiles;
        this.interests = interests;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query()
                .listOfRows();
        Edition edition = forums.edition("gfmd-2012", true).orElse(null);
        if (edition != null && names.of(edition.id().value()).isEmpty()) {
            names.name(
                    edition.id().value(),
                    "Skills matching for domestic and care work",
                    accounts.demoAuthor(OPPORTUNITIES.getFirst().admin(), UiLanguage.EN, List.of("en")));
        }
        if (edition == null
                || !jdbc.sql("SELECT id FROM skills_opportunity WHERE edition_id = :e LIMIT 1")
                        .param("e", edition.id().value())
                        .query(Long.class)
                        .list()
                        .isEmpty()) {
            return;
        }
        List<Long> published = OPPORTUNITIES.stream()
                .flatMap(demo -> publish(edition, demo).stream())
                .toList();
        List<Long> workers = WORKERS.stream().map(this::profile).toList();
        if (published.size() == OPPORTUNITIES.size() && !workers.contains(-1L)) {
            interests.express(published.get(0), workers.get(0), List.of("skills", "languages", "experience"));
            interests.express(published.get(2), workers.get(3), List.of("name", "occupations", "qualifications"));
        }
        log.info(
                "Loaded the demo skills pilot: {} opportunities, {} worker profiles", published.size(), workers.size());
    }

    private java.util.Optional<Long> publish(Edition edition, DemoOpportunity demo) {
        AccountId admin = accounts.demoAuthor(demo.admin(), UiLanguage.EN, List.of("en"));
        var organisation = organisations.administeredBy(admin).stream().findFirst();
        if (organisation.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> tags = demo.languages().stream()
                .map(l -> l.substring(0, l.indexOf(':')))
                .toList();
        List<String> levels = demo.languages().stream()
                .map(l -> l.substring(l.indexOf(':') + 1))
                .toList();
        OpportunityForm form = new OpportunityForm(
                String.valueOf(organisation.get().id().value()),
                demo.title(),
                demo.description(),
                demo.occupation(),
                demo.skills(),
                tags,
                levels,
                demo.country(),
                demo.place(),
                "2013-03-01",
                "",
                demo.payMin(),
                demo.payMax(),
                demo.currency(),
                "MONTH",
                "",
                "yes",
                "yes",
                "yes");
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        var id = opportunities.publish(edition.id().value(), admin, form, errors);
        if (errors.hasErrors()) {
            log.warn("Demo opportunity {} not loaded: {}", demo.title(), errors.getAllErrors());
        }
        return id;
    }

    private Long profile(DemoWorker demo) {
        AccountId account = accounts.demoAuthor(
                demo.name(), demo.language(), List.of(demo.language().tag()));
        List<String> tags = demo.languages().stream()
                .map(l -> l.substring(0, l.indexOf(':')))
                .toList();
        List<String> levels = demo.languages().stream()
                .map(l -> l.substring(l.indexOf(':') + 1))
                .toList();
        SkillsProfileForm form = new SkillsProfileForm(
                demo.occupations(),
                demo.skills(),
                tags,
                levels,
                null,
                null,
                null,
                demo.years(),
                List.of(),
                demo.regions(),
                "",
                demo.lookingFor());
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        profiles.save(account, form, errors);
        if (errors.hasErrors()) {
            log.warn("Demo worker profile not loaded: {}", errors.getAllErrors());
        }
        return profiles.of(account).map(SkillsProfile::id).orElse(-1L);
    }
}
