package org.polyphony.people;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.AccountManagement;
import org.polyphony.languages.UiLanguage;
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
 * A dozen organisations, written for Polyphony to illustrate the concept note's themes (domestic work, remittances
 * and investment, recruitment, return, diaspora engagement…), each run by a demo account nobody can sign in to, and
 * three partnerships between them. Every name says "(demo)". Loaded once, into a database without them.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty(name = "polyphony.demo-content.enabled", matchIfMissing = true)
class DemoOrganisations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisations.class);
    private static final long LOCK = 0x706f6c79_70706c65L;

    private record Demo(
            String admin,
            UiLanguage adminLanguage,
            String name,
            OrganisationType type,
            List<String> countries,
            List<String> regions,
            List<String> themes,
            List<String> languages,
            String description) {}

    static final List<Demo> DEMOS = List.of(
            new Demo(
                    "Maria (demo)",
                    UiLanguage.EN,
                    "Filipino Domestic Workers Association Hong Kong (demo)",
                    OrganisationType.MIGRANT_ASSOCIATION,
                    List.of("HK", "PH"),
                    List.of(),
                    List.of("domestic-work", "women-migrants", "remittances-investment"),
                    List.of("en", "tl"),
                    """
                    We are domestic workers from the Philippines living in Hong Kong. On Sundays we meet in Central \
                    to share advice on contracts, days off and agency fees, and we run savings groups so that \
                    members can send money home and plan for the day they return.

                    We want our governments to recognise domestic work as work, and to hear us when they talk \
                    about remittances."""),
            new Demo(
                    "Amadou (démo)",
                    UiLanguage.FR,
                    "Association des Sénégalais de France pour le développement (demo)",
                    OrganisationType.MIGRANT_ASSOCIATION,
                    List.of("FR", "SN"),
                    List.of("western-africa"),
                    List.of("remittances-investment", "diaspora-engagement", "childrens-education"),
                    List.of("fr", "wo"),
                    """
                    Notre association réunit des Sénégalais de la région parisienne qui financent ensemble des \
                    projets dans leurs villages d’origine : des classes, des puits, une coopérative maraîchère. \
                    Nous cherchons à investir nos transferts de fonds dans des activités qui créent des emplois en \
                    Afrique de l’Ouest, avec les collectivités locales comme partenaires."""),
            new Demo(
                    "Lucía (demo)",
                    UiLanguage.ES,
                    "Sindicato del Campo, oficina de personas migrantes (demo)",
                    OrganisationType.TRADE_UNION,
                    List.of("ES", "MA", "EC"),
                    List.of("southern-europe"),
                    List.of("recruitment", "circular-migration", "integration"),
                    List.of("es", "ar", "fr"),
                    """
                    Atendemos a trabajadoras y trabajadores temporeros de la fruta en Huelva y Lleida, muchos \
                    contratados en origen en Marruecos. Informamos sobre contratos, vivienda en las fincas y \
                    derechos sindicales, y negociamos con los empleadores condiciones justas para la migración \
                    circular."""),
            new Demo(
                    "Prakash (demo)",
                    UiLanguage.EN,
                    "Fair Recruitment Watch Nepal (demo)",
                    OrganisationType.NGO,
                    List.of("NP", "QA", "AE", "MY"),
                    List.of("southern-asia", "western-asia"),
                    List.of("recruitment", "health"),
                    List.of("ne", "en", "hi"),
                    """
                    We follow Nepali workers from the village to the job site. We check what recruitment agencies \
                    charge, help workers recover illegal fees, and publish which agencies respect the law. \
                    Before departure we run sessions on contracts, health and how to get help abroad."""),
            new Demo(
                    "Awa (demo)",
                    UiLanguage.FR,
                    "Centre de recherche Migration et Développement, Dakar (demo)",
                    OrganisationType.ACADEMIC,
                    List.of("SN", "ML", "GM"),
                    List.of("western-africa"),
                    List.of("remittances-investment", "reintegration", "skills-recognition"),
                    List.of("fr", "en"),
                    """
                    Le centre étudie l’usage des transferts de fonds et le retour des migrants en Afrique de \
                    l’Ouest. Nous publions des données ventilées par sexe et travaillons avec les associations de \
                    la diaspora pour évaluer leurs projets."""),
            new Demo(
                    "Guadalupe (demo)",
                    UiLanguage.ES,
                    "Federación de Clubes Zacatecanos en Chicago (demo)",
                    OrganisationType.MIGRANT_ASSOCIATION,
                    List.of("US", "MX"),
                    List.of("northern-america", "central-america"),
                    List.of("remittances-investment", "diaspora-engagement", "childrens-education"),
                    List.of("es", "en"),
                    """
                    Reunimos a los clubes de oriundos de Zacatecas en Chicago. Con programas de aportes \
                    compartidos con los municipios hemos financiado becas, caminos y clínicas en nuestras \
                    comunidades de origen."""),
            new Demo(
                    "Ion (demo)",
                    UiLanguage.RU,
                    "Сеть вернувшихся мигрантов Молдовы (demo)",
                    OrganisationType.NGO,
                    List.of("MD", "IT", "RU"),
                    List.of("eastern-europe"),
                    List.of("reintegration", "skills-recognition", "circular-migration"),
                    List.of("ro", "ru", "it"),
                    """
                    Мы помогаем людям, вернувшимся в Молдову из Италии и России, найти работу или открыть своё \
                    дело. Мы добиваемся признания профессиональных навыков, полученных за границей, и \
                    консультируем тех, кто снова собирается уехать на сезонную работу."""),
            new Demo(
                    "Katrin (demo)",
                    UiLanguage.EN,
                    "Employers for Fair Migration Forum (demo)",
                    OrganisationType.EMPLOYER,
                    List.of("DE", "NL"),
                    List.of("western-europe"),
                    List.of("recruitment", "skills-recognition", "integration"),
                    List.of("en", "de", "nl"),
                    """
                    Businesses in care, construction and agriculture that commit to the employer-pays principle: \
                    no worker pays a recruitment fee. Members share ways to recognise qualifications earned abroad \
                    and to help new colleagues settle in."""),
            new Demo(
                    "Jose (demo)",
                    UiLanguage.EN,
                    "Overseas Workers Reintegration Office, Manila (demo)",
                    OrganisationType.GOVERNMENT,
                    List.of("PH"),
                    List.of("south-eastern-asia"),
                    List.of("reintegration", "recruitment"),
                    List.of("en", "tl"),
                    """
                    A public office that helps workers coming home from abroad: job matching, small business \
                    loans and training. We take part in the dialogue to learn what returning workers and their \
                    associations need from us."""),
            new Demo(
                    "Thandiwe (demo)",
                    UiLanguage.EN,
                    "Southern Africa Migrant Health Network (demo)",
                    OrganisationType.NGO,
                    List.of("ZA", "ZW", "MZ", "LS"),
                    List.of("southern-africa"),
                    List.of("health", "housing", "women-migrants"),
                    List.of("en", "pt"),
                    """
                    Clinics, community health workers and migrant groups working together so that farm and mine \
                    workers who move across borders keep their treatment, whatever their papers say."""),
            new Demo(
                    "Selam (demo)",
                    UiLanguage.AR,
                    "منتدى النساء الإثيوبيات في بيروت (demo)",
                    OrganisationType.MIGRANT_ASSOCIATION,
                    List.of("LB", "ET"),
                    List.of(),
                    List.of("domestic-work", "women-migrants", "health"),
                    List.of("am", "ar", "en"),
                    """
                    نحن عاملات منزليات من إثيوبيا في لبنان. نلتقي كل أسبوع لنتبادل المعلومات عن العقود والأجور \
                    والحق في يوم عطلة، ونساعد من فقدن عملهن على الوصول إلى الرعاية الصحية والعودة بأمان."""),
            new Demo(
                    "Coordinating Desk (demo)",
                    UiLanguage.EN,
                    "International Migrant Rights Coalition (demo)",
                    OrganisationType.INTERNATIONAL,
                    List.of(),
                    List.of(),
                    List.of("integration", "women-migrants", "childrens-education", "housing"),
                    List.of("en", "fr", "es"),
                    """
                    A coalition of migrant associations, trade unions and NGOs from every region that prepares \
                    civil society’s messages to the Global Forum on Migration and Development and follows up \
                    the recommendations."""));

    /** Pairs of demo organisations (by index) whose partnership is accepted. */
    private static final int[][] PARTNERS = {{1, 4}, {0, 8}, {2, 7}};

    private final Organisations organisations;
    private final AccountManagement accounts;
    private final JdbcClient jdbc;

    DemoOrganisations(Organisations organisations, AccountManagement accounts, JdbcClient jdbc) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query()
                .listOfRows();
        boolean loadedBefore = jdbc.sql("SELECT count(*) FROM people_organisation WHERE name = :name")
                        .param("name", DEMOS.getFirst().name())
                        .query(Long.class)
                        .single()
                > 0;
        if (loadedBefore) {
            return;
        }
        Map<Integer, Long> ids = new HashMap<>();
        for (int i = 0; i < DEMOS.size(); i++) {
            Demo demo = DEMOS.get(i);
            AccountId admin = accounts.demoAuthor(
                    demo.admin(), demo.adminLanguage(), demo.languages().subList(0, 1));
            OrganisationForm form = new OrganisationForm(
                    demo.name(),
                    demo.type().name(),
                    demo.countries(),
                    demo.regions(),
                    demo.themes(),
                    demo.languages(),
                    "",
                    demo.description());
            BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
            organisations.create(admin, form, errors).ifPresent(id -> ids.put(DEMOS.indexOf(demo), id));
            if (errors.hasErrors()) {
                log.warn("Demo organisation {} not loaded: {}", demo.name(), errors.getAllErrors());
            }
        }
        for (int[] pair : PARTNERS) {
            if (ids.containsKey(pair[0]) && ids.containsKey(pair[1])) {
                jdbc.sql(
                                """
                                INSERT INTO people_partnership (from_id, to_id, message, status, decided_at)
                                VALUES (:f, :t, :m, 'ACCEPTED', now())
                                """)
                        .param("f", ids.get(pair[0]))
                        .param("t", ids.get(pair[1]))
                        .param("m", "Working together (demo).")
                        .update();
            }
        }
        log.info("Loaded {} demo organisations", ids.size());
    }
}
