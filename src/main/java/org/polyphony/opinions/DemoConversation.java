package org.polyphony.opinions;

import java.util.List;
import java.util.SplittableRandom;
import org.polyphony.opinions.ConversationViews.StatementRow;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * A conversation in Athens 2009 session 2.2 ("Reintegration and circular migration"), with statements in English,
 * French and Spanish and the votes of 48 demo voters, so that a newcomer finds a map with groups on first start.
 * The statements were written for Polyphony; the votes are generated from two planted points of view (seeded, the
 * same on every machine) and say nothing about real people. Loaded once, into a session without conversations.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty(name = "polyphony.demo-content.enabled", matchIfMissing = true)
class DemoConversation implements ApplicationRunner {

    private static final long LOCK = 0x706f6c79_6f70696eL;
    private static final int VOTERS = 48;

    /** A statement and how likely each point of view agrees with it. */
    private record Seed(String text, double firstAgrees, double secondAgrees) {}

    private static final List<Seed> SEEDS = List.of(
            new Seed("Migrants who return home should keep the pension rights they earned abroad.", 0.95, 0.85),
            new Seed("Circular migration schemes mostly serve employers, not workers.", 0.85, 0.15),
            new Seed("Les compétences acquises à l’étranger doivent être reconnues au retour.", 0.9, 0.9),
            new Seed(
                    "Les associations de la diaspora devraient participer à la conception des programmes de retour.",
                    0.9,
                    0.6),
            new Seed("Los migrantes deberían poder cambiar de empleador sin perder su visado.", 0.95, 0.3),
            new Seed("Los programas de retorno voluntario rara vez funcionan sin apoyo económico.", 0.8, 0.55),
            new Seed("Remittances should never be taxed twice.", 0.9, 0.85),
            new Seed("Temporary work visas are better than no legal route at all.", 0.2, 0.9),
            new Seed("Les femmes migrantes ont besoin de programmes de réintégration spécifiques.", 0.85, 0.5),
            new Seed(
                    "Countries of origin and destination should design these schemes together with migrant"
                            + " organisations.",
                    0.9,
                    0.75));

    private final OpinionsManagement opinions;
    private final ConversationStore store;
    private final JdbcClient jdbc;
    private final org.polyphony.forums.ForumManagement forums;

    DemoConversation(
            OpinionsManagement opinions,
            ConversationStore store,
            JdbcClient jdbc,
            org.polyphony.forums.ForumManagement forums) {
        this.opinions = opinions;
        this.store = store;
        this.jdbc = jdbc;
        this.forums = forums;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query()
                .listOfRows();
        var session = forums.edition("athens-2009", true).flatMap(edition -> edition.session("2.2"));
        if (session.isEmpty() || !store.ofSession(session.get().id().value()).isEmpty()) {
            return;
        }
        ConversationForm form = new ConversationForm(
                "Reintegration and circular migration: what would make them work for migrants and for development?",
                String.join("\n", SEEDS.stream().map(Seed::text).toList()),
                true,
                true,
                true);
        ConversationId id = opinions.start(
                        session.get().id().value(), form, new BeanPropertyBindingResult(form, "form"))
                .orElseThrow();
        List<StatementRow> statements = store.statements(id);
        SplittableRandom random = new SplittableRandom(2009);
        for (int v = 0; v < VOTERS; v++) {
            long voter = jdbc.sql("INSERT INTO opinions_voter (conversation_id) VALUES (:c) RETURNING id")
                    .param("c", id.value())
                    .query(Long.class)
                    .single();
            boolean first = v % 3 != 0; // two thirds hold the first point of view
            for (int s = 0; s < statements.size(); s++) {
                if (random.nextDouble() < 0.15) {
                    continue; // not everyone sees every statement
                }
                double agrees =
                        first ? SEEDS.get(s).firstAgrees() : SEEDS.get(s).secondAgrees();
                double draw = random.nextDouble();
                VoteChoice choice = draw < 0.1
                        ? VoteChoice.PASS
                        : draw < 0.1 + 0.9 * agrees ? VoteChoice.AGREE : VoteChoice.DISAGREE;
                store.vote(id, voter, statements.get(s).id(), choice);
            }
        }
    }
}
