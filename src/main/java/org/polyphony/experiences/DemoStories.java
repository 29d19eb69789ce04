package org.polyphony.experiences;

import java.util.List;
import org.polyphony.forums.ForumManagement;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dozen stories for Athens 2009, written for Polyphony to illustrate the concept note's themes (remittances,
 * circular migration, reintegration, recognition of skills, domestic work, women migrants, recruitment…). They are
 * marked as demo content and name no real person. Five share the route Philippines → Hong Kong, so the map of
 * journeys shows a route at first start. Loaded once, into an edition without stories.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty(name = "polyphony.demo-content.enabled", matchIfMissing = true)
class DemoStories implements ApplicationRunner {

    private static final long LOCK = 0x706f6c79_73746f72L;

    private record Demo(String title, String body, StoryFacts facts, String session) {}

    private static StoryFacts facts(
            String origin,
            String residence,
            MigrationKind kind,
            String sector,
            int from,
            Integer to,
            String... themes) {
        return new StoryFacts(origin, residence, List.of(), kind, sector, null, from, to, List.of(themes));
    }

    private static final List<Demo> STORIES = List.of(
            new Demo(
                    "Twelve years of Sundays",
                    "I came to Hong Kong to look after two children so that mine could go to school. Sunday is our"
                            + " only day off, and for years it was the only day I could call home. Our association"
                            + " now teaches newcomers what their contract says, because mine said less than I"
                            + " thought.",
                    facts(
                            "PH",
                            "HK",
                            MigrationKind.LONG_TERM,
                            "domestic-work",
                            2009,
                            null,
                            "domestic-work",
                            "women-migrants"),
                    "2.1"),
            new Demo(
                    "The fee I paid before I left",
                    "The agency in Manila asked for four months of wages before I even had a visa. I paid it with a"
                            + " loan from my cousin. In Hong Kong I learned that the law here allows an agency to"
                            + " charge ten per cent of one month. Recruitment fees should be paid by employers, not"
                            + " by us.",
                    facts(
                            "PH",
                            "HK",
                            MigrationKind.MEDIUM_TERM,
                            "domestic-work",
                            2012,
                            2016,
                            "recruitment",
                            "domestic-work"),
                    "1.3"),
            new Demo(
                    "Sending money, building a house",
                    "Every month I send most of my salary home. The house in Batangas is half built; my husband"
                            + " decides how the money is spent. Our savings group now invests together in a small"
                            + " rice store, so that the money works when I am not there.",
                    facts(
                            "PH",
                            "HK",
                            MigrationKind.LONG_TERM,
                            "domestic-work",
                            2005,
                            null,
                            "remittances-investment",
                            "women-migrants"),
                    "1.2"),
            new Demo(
                    "Nurse at home, helper abroad",
                    "I am a registered nurse in the Philippines. In Hong Kong my diploma counts for nothing and I"
                            + " clean and cook. When I go back I will have lost six years of practice. Skills should"
                            + " travel with the people who hold them.",
                    facts(
                            "PH",
                            "HK",
                            MigrationKind.MEDIUM_TERM,
                            "domestic-work",
                            2014,
                            2020,
                            "skills-recognition",
                            "health"),
                    "2.1"),
            new Demo(
                    "My daughter grew up on the telephone",
                    "She was four when I left and is fourteen now. Her grandmother raised her; I paid for the"
                            + " school. We talk every evening, but I missed her first day at school and her first"
                            + " prize. The price of migration is also paid by the children who stay.",
                    facts(
                            "PH",
                            "HK",
                            MigrationKind.LONG_TERM,
                            "domestic-work",
                            2010,
                            null,
                            "childrens-education",
                            "women-migrants"),
                    "2.1"),
            new Demo(
                    "Une association pour le village",
                    "Nous sommes quarante Sénégalais de la même commune, installés à Montreuil. Chaque mois,"
                            + " chacun verse une cotisation. Nous avons construit un poste de santé et nous"
                            + " finançons maintenant un forage. La mairie de chez nous nous consulte enfin avant de"
                            + " décider.",
                    facts(
                            "SN",
                            "FR",
                            MigrationKind.LONG_TERM,
                            "trade",
                            1998,
                            null,
                            "diaspora-engagement",
                            "remittances-investment"),
                    "1.2"),
            new Demo(
                    "Revenir sans repartir à zéro",
                    "Après quinze ans en France, je suis rentré à Thiès pour ouvrir un atelier. Mes années de"
                            + " cotisation à la retraite ne comptent pas ici, et la banque ne voulait pas me prêter."
                            + " Un programme de retour m’a aidé, mais seulement pour le billet d’avion.",
                    new StoryFacts(
                            "SN",
                            "SN",
                            List.of("FR"),
                            MigrationKind.RETURN,
                            "manufacturing",
                            null,
                            1994,
                            2009,
                            List.of("reintegration", "remittances-investment")),
                    "2.2"),
            new Demo(
                    "Temporada tras temporada",
                    "Cada año vengo de Marruecos a Huelva para la campaña de la fresa y vuelvo a casa en verano."
                            + " El contrato en origen me da un camino legal, pero no puedo cambiar de empleador y"
                            + " el alojamiento depende del patrón. Pedimos que el visado sea de la persona, no de la"
                            + " finca.",
                    facts(
                            "MA",
                            "ES",
                            MigrationKind.CIRCULAR,
                            "agriculture",
                            2006,
                            null,
                            "circular-migration",
                            "housing",
                            "women-migrants"),
                    "2.2"),
            new Demo(
                    "De Oaxaca a California, y de vuelta",
                    "Trabajé doce años en la construcción en Los Ángeles. Con lo que mandé, mi familia abrió una"
                            + " tienda. Volví cuando mi madre enfermó. Aquí nadie reconoce lo que aprendí allá, pero"
                            + " con otros retornados formamos una cooperativa de albañiles.",
                    new StoryFacts(
                            "MX",
                            "MX",
                            List.of("US"),
                            MigrationKind.RETURN,
                            "construction",
                            null,
                            1996,
                            2008,
                            List.of("reintegration", "skills-recognition")),
                    "2.2"),
            new Demo(
                    "Heat, debt and a stadium",
                    "I left Nepal to build in Qatar. The broker's fee took my first year of wages. We worked in the"
                            + " heat of the day until our union raised it with the ministry. I send money for my"
                            + " brothers' school; I hope they will not need to leave.",
                    facts(
                            "NP",
                            "QA",
                            MigrationKind.MEDIUM_TERM,
                            "construction",
                            2011,
                            2015,
                            "recruitment",
                            "health",
                            "childrens-education"),
                    "1.3"),
            new Demo(
                    "A diaspora engineer's weekends",
                    "I moved from Ghana to the Netherlands to study and stayed to work in water engineering. With"
                            + " other engineers of the diaspora we spend our holidays training technicians at home."
                            + " Circular does not have to mean seasonal work: it can also mean knowledge going back"
                            + " and forth.",
                    facts(
                            "GH",
                            "NL",
                            MigrationKind.LONG_TERM,
                            "technology",
                            2001,
                            null,
                            "diaspora-engagement",
                            "circular-migration"),
                    "1.1"),
            new Demo(
                    "Learning the language first",
                    "When we arrived in Germany from Syria, my children learned German in months and I in years."
                            + " The integration course gave me words, the neighbourhood women's group gave me"
                            + " friends. I now help newer families at the town hall, as an interpreter.",
                    facts(
                            "SY",
                            "DE",
                            MigrationKind.LONG_TERM,
                            "public-service",
                            2015,
                            null,
                            "integration",
                            "women-migrants",
                            "childrens-education"),
                    "2.1"));

    private final ExperiencesManagement experiences;
    private final ForumManagement forums;
    private final JdbcClient jdbc;

    DemoStories(ExperiencesManagement experiences, ForumManagement forums, JdbcClient jdbc) {
        this.experiences = experiences;
        this.forums = forums;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query()
                .listOfRows();
        var edition = forums.edition("athens-2009", true);
        if (edition.isEmpty()) {
            return;
        }
        long id = edition.get().id().value();
        boolean loadedBefore = jdbc.sql("SELECT count(*) FROM experiences_story WHERE edition_id = :e")
                        .param("e", id)
                        .query(Long.class)
                        .single()
                > 0;
        if (loadedBefore) {
            return;
        }
        for (Demo story : STORIES) {
            List<Long> sessions = edition.get()
                    .session(story.session())
                    .map(s -> List.of(s.id().value()))
                    .orElse(List.of());
            experiences.demo(id, story.title(), story.body(), story.facts(), sessions);
        }
    }
}
