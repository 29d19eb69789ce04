package org.polyphony.dialogue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.AccountManagement;
import org.polyphony.forums.ForumManagement;
import org.polyphony.languages.UiLanguage;
import org.polyphony.translation.LanguagePair;
import org.polyphony.translation.PersonTranslations;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Volunteers;
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
 * A richer demo dialogue: threads in five more sessions of Athens 2009, with posts in English, French, Spanish,
 * Arabic and Tagalog (a language no interface has and no installed engine translates), some translated by two demo
 * volunteers, so that a newcomer in any interface language sees people and machines at work. Written for Polyphony;
 * its authors are demo accounts nobody can sign in to. Each thread is loaded once (remembered by its key in
 * {@code dialogue_demo_thread}), and never again once removed.
 */
@Component
@Order(21)
@ConditionalOnBooleanProperty(name = "polyphony.demo-content.enabled", matchIfMissing = true)
class DemoDialogueSessions implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDialogueSessions.class);
    private static final long LOCK = 0x706f6c79_64656d70L;

    private final ForumManagement forums;
    private final DialogueManagement dialogue;
    private final AccountManagement accounts;
    private final Volunteers volunteers;
    private final PersonTranslations people;
    private final JdbcClient jdbc;

    DemoDialogueSessions(
            ForumManagement forums,
            DialogueManagement dialogue,
            AccountManagement accounts,
            Volunteers volunteers,
            PersonTranslations people,
            JdbcClient jdbc) {
        this.forums = forums;
        this.dialogue = dialogue;
        this.accounts = accounts;
        this.volunteers = volunteers;
        this.people = people;
        this.jdbc = jdbc;
    }

    /** A post of a demo thread, and what a demo volunteer made of it (target language, text), if anything. */
    record DemoPost(AccountId author, String body, String target, String translation, AccountId translator) {}

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
        AccountId grace = accounts.demoAuthor("Grace (demo)", UiLanguage.EN, List.of("en", "sw"));
        AccountId josie = accounts.demoAuthor("Josie (demo)", UiLanguage.EN, List.of("tl", "en"));
        AccountId samira = accounts.demoAuthor("Samira (demo)", UiLanguage.AR, List.of("ar", "en"));
        AccountId amadou = accounts.demoAuthor("Amadou (démo)", UiLanguage.FR, List.of("fr"));
        AccountId lucia = accounts.demoAuthor("Lucía (demo)", UiLanguage.ES, List.of("es"));
        AccountId maria = accounts.demoAuthor("Maria (demo)", UiLanguage.EN, List.of("en", "tl"));
        AccountId karim = accounts.demoAuthor("Karim (demo volunteer)", UiLanguage.AR, List.of("ar", "en", "fr"));
        AccountId ramon = accounts.demoAuthor("Ramon (demo volunteer)", UiLanguage.EN, List.of("tl", "en"));
        volunteers.choose(
                karim,
                List.of(new LanguagePair("ar", "en"), new LanguagePair("en", "ar"), new LanguagePair("fr", "ar")),
                true,
                false);
        volunteers.choose(ramon, List.of(new LanguagePair("tl", "en")), true, false);

        int loaded = 0;
        loaded += thread(
                "1.1-seat",
                "1.1",
                "Who speaks for migrant workers at the table?",
                null,
                List.of(
                        new DemoPost(
                                grace,
                                """
                        Governments invite employers and recruitment agencies to talk about labour migration, but \
                        migrant workers themselves are rarely in the room. How have your organisations won a seat, \
                        and kept it?""",
                                null,
                                null,
                                null),
                        new DemoPost(
                                josie,
                                """
                        Sa aming samahan ng mga kasambahay sa Hong Kong, madalas walang kontrata ang mga bagong \
                        dating. Kailangan naming malaman ang aming mga karapatan bago pa kami umalis sa Pilipinas, \
                        hindi pagdating na lang dito. Kaya humihingi kami ng upuan sa bawat pulong tungkol sa \
                        pagpapadala ng manggagawa.""",
                                "en",
                                """
                        In our association of domestic workers in Hong Kong, newcomers often have no contract. We \
                        need to know our rights before we leave the Philippines, not only once we arrive here. That \
                        is why we ask for a seat at every meeting about sending workers abroad.""",
                                ramon),
                        new DemoPost(
                                amadou,
                                """
                        Au Sénégal, les associations de migrants de retour ont obtenu une place dans le comité \
                        national sur la migration. Ce qui a compté : venir avec des propositions chiffrées, et \
                        revenir à chaque réunion, même quand rien ne bougeait.""",
                                null,
                                null,
                                null)));
        loaded += thread(
                "1.3-remittances",
                "1.3",
                "Remesas en tiempos de crisis",
                null,
                List.of(
                        new DemoPost(
                                lucia,
                                """
                        Con la crisis, muchas familias en Ecuador reciben menos dinero cada mes. ¿Qué pueden hacer \
                        los gobiernos y las asociaciones para que las remesas no se conviertan en la única red de \
                        seguridad de los hogares?""",
                                null,
                                null,
                                null),
                        new DemoPost(
                                grace,
                                """
                        Remittances fell this year, but less than many feared: families cut other spending first. \
                        Emergency funds only help if workers can reach them without papers they do not have.""",
                                null,
                                null,
                                null),
                        new DemoPost(
                                samira,
                                """
                        في لبنان، فقد كثير من العمال المهاجرين وظائفهم خلال الأزمة، ولم يتمكنوا من إرسال المال إلى \
                        أسرهم. نحتاج إلى صناديق طوارئ تديرها جمعيات المهاجرين نفسها، لا إلى وعود فقط.""",
                                "en",
                                """
                        In Lebanon, many migrant workers lost their jobs during the crisis and could not send money \
                        to their families. We need emergency funds run by migrants’ associations themselves, not \
                        only promises.""",
                                karim)));
        loaded += thread(
                "2.1-contracts",
                "2.1",
                "عقود العمل بلغة يفهمها العامل",
                "Work contracts in a language the worker understands",
                List.of(
                        new DemoPost(
                                samira,
                                """
                                تصل كثير من العاملات في المنازل إلى بلد العمل دون أن يقرأن عقودهن. نقترح أن يوقَّع \
                                العقد في بلد الأصل، بلغة العاملة، وأن تحتفظ بنسخة منه. ما التجارب الناجحة في \
                                بلدانكم؟""",
                                "en",
                                """
                                Many domestic workers arrive in the country of work without having read their \
                                contracts. We propose that the contract be signed in the country of origin, in the \
                                worker’s language, and that she keeps a copy. What has worked in your countries?""",
                                karim),
                        new DemoPost(
                                grace,
                                """
                                In Kenya, recruitment agencies now have to explain the contract in a session before \
                                departure. It helps, but only when the session is held in Swahili or in the \
                                worker’s own language.""",
                                "ar",
                                """
                                في كينيا، أصبح على وكالات التوظيف أن تشرح العقد في جلسة قبل السفر. يساعد ذلك، \
                                لكن فقط عندما تُعقد الجلسة بالسواحلية أو بلغة العامل نفسه.""",
                                karim),
                        new DemoPost(
                                josie,
                                """
                                Tama po iyan. Maraming kasambahay ang hindi nakakabasa ng Ingles o Arabe. Dapat \
                                nakasulat ang kontrata sa wikang naiintindihan namin, at may kopya kaming hawak \
                                sa lahat ng oras.""",
                                "en",
                                """
                                That is right. Many domestic workers cannot read English or Arabic. The contract \
                                should be written in a language we understand, and we should keep a copy with us \
                                at all times.""",
                                ramon)));
        loaded += thread(
                "2.2-pensions",
                "2.2",
                "Pensions that travel with circular migrants",
                null,
                List.of(
                        new DemoPost(
                                maria,
                                """
                        Many of us work abroad for a few years, come home, and leave again. Each time, our pension \
                        contributions stay behind in a country we may never return to. Which agreements have let \
                        these rights travel with the worker?""",
                                "ar",
                                """
                        يعمل كثير منا في الخارج بضع سنوات، ثم يعود إلى بلده، ثم يغادر من جديد. وفي كل مرة تبقى \
                        اشتراكاتنا في التقاعد في بلد قد لا نعود إليه أبدًا. ما الاتفاقيات التي سمحت لهذه الحقوق بأن \
                        تنتقل مع العامل؟""",
                                karim),
                        new DemoPost(
                                amadou,
                                """
                        Entre la France et le Maroc, une convention permet d’additionner les périodes de travail \
                        des deux pays. Mais peu de travailleurs la connaissent, et les démarches restent longues.""",
                                "ar",
                                """
                        بين فرنسا والمغرب، تسمح اتفاقية بجمع فترات العمل في البلدين. لكن قلة من العمال يعرفونها، \
                        وتبقى الإجراءات طويلة.""",
                                karim),
                        new DemoPost(
                                lucia,
                                """
                        España firmó convenios parecidos con varios países de América Latina. Lo que falta es \
                        información en los consulados y una oficina que acompañe a quienes regresan.""",
                                null,
                                null,
                                null)));
        loaded += thread(
                "3.1-data",
                "3.1",
                "Compter les migrants sans les exposer",
                null,
                List.of(
                        new DemoPost(
                                amadou,
                                """
                        Les chercheurs nous demandent souvent des chiffres sur nos membres. Nous voulons aider, \
                        mais certains sont sans papiers. Comment partager des données utiles sans mettre personne \
                        en danger ?""",
                                "ar",
                                """
                        يطلب منا الباحثون في كثير من الأحيان أرقامًا عن أعضائنا. نريد أن نساعد، لكن بعضهم بلا \
                        أوراق. كيف نشارك بيانات مفيدة دون أن نعرّض أحدًا للخطر؟""",
                                karim),
                        new DemoPost(
                                grace,
                                """
                        Figures by country of origin and by region are usually enough for research. We publish \
                        nothing about fewer than five people, and never the name of a small town.""",
                                null,
                                null,
                                null),
                        new DemoPost(
                                samira,
                                """
                        البيانات مهمة، لكن يجب ألا تكشف أماكن العمال غير النظاميين. نشر الأرقام على مستوى المدن \
                        الصغيرة قد يعرّضهم للخطر.""",
                                "en",
                                """
                        Data matter, but they must not reveal where workers without papers are. Publishing \
                        figures for small towns can put them in danger.""",
                                karim)));
        if (loaded > 0) {
            log.info("Loaded {} demo threads in Athens 2009 sessions 1.1, 1.3, 2.1, 2.2 and 3.1", loaded);
        }
    }

    /**
     * Loads one demo thread unless it was loaded before: the first post opens it, the others reply; each
     * translation is kept as its volunteer's (checked like any volunteer's: their pair, a readable text).
     *
     * @param titleTranslation the title in English by the first post's translator, or null
     */
    private int thread(String key, String session, String title, String titleTranslation, List<DemoPost> posts) {
        int claimed = jdbc.sql("INSERT INTO dialogue_demo_thread (demo_key) VALUES (:k) ON CONFLICT DO NOTHING")
                .param("k", key)
                .update();
        Optional<Long> sessionId = forums.edition("athens-2009", true)
                .flatMap(edition -> edition.session(session))
                .map(s -> s.id().value());
        if (claimed == 0 || sessionId.isEmpty()) {
            return 0;
        }
        DemoPost first = posts.getFirst();
        ThreadForm opening = new ThreadForm(title, first.body(), UUID.randomUUID());
        var thread = dialogue.startThread(sessionId.get(), first.author(), opening, errors(opening))
                .orElseThrow();
        translate(new TextRef(ContributionLanguages.POST, thread.postId()), first);
        if (titleTranslation != null) {
            people.translate(
                    new TextRef(ContributionLanguages.TITLE, thread.threadId()),
                    first.target(),
                    titleTranslation,
                    first.translator());
        }
        for (DemoPost reply : posts.subList(1, posts.size())) {
            PostForm form = new PostForm(reply.body(), null, UUID.randomUUID());
            dialogue.reply(new ThreadId(thread.threadId()), reply.author(), form, errors(form))
                    .ifPresent(post -> translate(new TextRef(ContributionLanguages.POST, post.postId()), reply));
        }
        return 1;
    }

    private void translate(TextRef ref, DemoPost post) {
        if (post.translation() != null) {
            people.translate(ref, post.target(), post.translation(), post.translator())
                    .ifPresent(problem -> log.warn("A demo translation was refused ({}): {}", problem, ref));
        }
    }

    private static BeanPropertyBindingResult errors(Object form) {
        return new BeanPropertyBindingResult(form, "form");
    }
}
