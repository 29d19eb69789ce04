package org.polyphony.dialogue;

import java.util.List;
import java.util.UUID;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.AccountManagement;
import org.polyphony.forums.ForumManagement;
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
 * A short exchange in English, French and Spanish in Athens 2009 session 1.2, so that a newcomer sees translation
 * at work on first start. Written for Polyphony; its authors are demo accounts nobody can sign in to. Loaded once,
 * into a session without threads, and never again once removed.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty(name = "polyphony.demo-content.enabled", matchIfMissing = true)
class DemoDialogue implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDialogue.class);
    private static final long LOCK = 0x706f6c79_64656d6fL;

    private final ForumManagement forums;
    private final DialogueManagement dialogue;
    private final AccountManagement accounts;
    private final JdbcClient jdbc;

    DemoDialogue(ForumManagement forums, DialogueManagement dialogue, AccountManagement accounts, JdbcClient jdbc) {
        this.forums = forums;
        this.dialogue = dialogue;
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
        var session = forums.edition("athens-2009", true).flatMap(edition -> edition.session("1.2"));
        if (session.isEmpty()) {
            return;
        }
        long sessionId = session.get().id().value();
        boolean loadedBefore = jdbc.sql("SELECT count(*) FROM dialogue_thread WHERE session_id = :s")
                        .param("s", sessionId)
                        .query(Long.class)
                        .single()
                > 0;
        if (loadedBefore) {
            return;
        }
        AccountId maria = accounts.demoAuthor("Maria (demo)", UiLanguage.EN, List.of("en", "tl"));
        AccountId amadou = accounts.demoAuthor("Amadou (démo)", UiLanguage.FR, List.of("fr"));
        AccountId lucia = accounts.demoAuthor("Lucía (demo)", UiLanguage.ES, List.of("es"));
        ThreadForm opening = new ThreadForm(
                "How can diaspora associations take part in development planning?",
                "In our association of Filipino domestic workers, many members send money home every month. "
                        + "The local governments of our home provinces rarely ask us what these savings should "
                        + "build. How have other diaspora groups been invited into development plans, and what "
                        + "made it work?",
                UUID.randomUUID());
        var thread =
                dialogue.startThread(sessionId, maria, opening, errors(opening)).orElseThrow();
        reply(
                thread.threadId(),
                amadou,
                """
                Chez nous, l’association des Maliens de Montreuil finance des écoles et des puits dans les \
                villages d’origine. Le plus difficile est d’être reconnus par les autorités locales comme des \
                partenaires, et pas seulement comme des donateurs.""");
        reply(
                thread.threadId(),
                lucia,
                """
                En Ecuador, algunos municipios crearon mesas de trabajo con las asociaciones de migrantes en \
                España. Funciona cuando hay un presupuesto compartido y reuniones periódicas, también por \
                internet, para que las familias que se quedaron puedan participar.""");
        log.info("Loaded the demo dialogue (Athens 2009, session 1.2)");
    }

    private void reply(long threadId, AccountId author, String body) {
        PostForm form = new PostForm(body, null, UUID.randomUUID());
        dialogue.reply(new ThreadId(threadId), author, form, errors(form));
    }

    private static BeanPropertyBindingResult errors(Object form) {
        return new BeanPropertyBindingResult(form, "form");
    }
}
