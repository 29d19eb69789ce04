package org.polyphony.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.polyphony.translation.ApertiumAvailable;
import org.polyphony.translation.TranslationReady;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Publication abstracts offered to volunteers like posts: an imported abstract that no provider brings into a
 * reader's language waits in the volunteers' queue, a volunteer translates it, and the reader sees the person's
 * translation on the publication page, labelled as a person's; a machine translation a reader flags as poor goes to
 * the volunteers too and is replaced by theirs. The demo library, and abstracts stored before imports registered
 * them, are offered as well.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AbstractVolunteerTranslationWebTest {

    static final String PASSWORD = "abstracts for everyone";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    AbstractRegistration registration;

    @Autowired
    Library library;

    @Test
    void anImportedArabicAbstractIsTranslatedByAVolunteerForEnglishReaders() {
        String suffix = suffix();
        String arabic = "يرسل العمال المهاجرون جزءا من أجورهم إلى أسرهم كل شهر " + suffix + ".";
        String ris =
                """
                TY  - RPRT
                ID  - tahwilat%1$s
                TI  - تحويلات العمال المهاجرين %1$s
                AU  - حداد, ليلى
                PY  - 2012
                LA  - ar
                AB  - %2$s
                ER  -\s
                """
                        .formatted(suffix, arabic);
        long id = imported(ris, "ris", "tahwilat" + suffix);
        String page = "/research/library/" + id;
        String form = "/translation/texts/research-abstract/" + id + "/en";

        // no provider here translates Arabic: an English reader reads the original, told volunteers may help
        Document before = new HttpVisitor(port).speaking("en").get(page).document();
        assertThat(before.select("p[lang=ar]").text()).contains(arabic);
        assertThat(before.select("p.translation-label").text()).contains("waiting for a volunteer translator");

        HttpVisitor volunteer = volunteer("Samir", "ar-en", "ar", "en");
        // the kind is among the queue's filters, and the abstract is found through them
        Document queue = volunteer
                .get("/translation/queue?pair=ar-en&kind=research-abstract")
                .document();
        assertThat(queue.select("select[name=kind] option[selected]").text()).isEqualTo("A publication’s abstract");
        assertThat(queue.select("p.notice")).isEmpty();
        var item = queue.select("ol.translation-queue li:has(a[href=" + form + "])");
        assertThat(item).hasSize(1);
        assertThat(item.text()).contains("A publication’s abstract").contains(arabic.substring(0, 30));

        // the form shows the original and the page readers see it on
        Document translate = volunteer.get(form).document();
        assertThat(translate.text()).contains(arabic);
        assertThat(translate.select("a[href=" + page + "]")).hasSize(1);

        String english = "Migrant workers send part of their wages to their families every month " + suffix + ".";
        assertThat(volunteer.post(form, "text", english).redirect()).isEqualTo(form + "?done=translated");
        // done: no longer waiting in the pair
        assertThat(volunteer
                        .get("/translation/queue?pair=ar-en&kind=research-abstract")
                        .document()
                        .select("a[href=" + form + "]"))
                .isEmpty();

        Document after = new HttpVisitor(port).speaking("en").get(page).document();
        assertThat(after.select("h2:contains(Abstract) ~ p[lang=en]").text()).isEqualTo(english);
        var note = after.selectFirst("details.translation-note");
        assertThat(note.selectFirst("summary").text())
                .isEqualTo("Translated from Arabic by a person; show the original");
        assertThat(note.selectFirst("div[lang=ar]").text()).contains(arabic);
        assertThat(after.select("p.translation-label")).isEmpty();
        // a signed-in reader has no machine translation to flag
        HttpVisitor reader = reader("English reader", "en");
        assertThat(reader.get(page).document().select("form.translation-flag")).isEmpty();
    }

    @Test
    void aFlaggedMachineTranslationOfAnImportedAbstractIsReplacedByAVolunteers() throws Exception {
        ApertiumAvailable.require();
        String suffix = suffix();
        String french = "Les envois de fonds des migrants financent l’école des enfants restés au pays.";
        String csl =
                """
                [{"id": "ecole%1$s", "type": "article-journal", "title": "Envois de fonds et scolarité %1$s",
                  "author": [{"family": "Martin", "given": "Claire"}], "issued": {"date-parts": [[2015]]},
                  "language": "fr", "abstract": "%2$s"}]
                """
                        .formatted(suffix, french);
        // the machine translation is made in the background: the test hears of it as the pages do, by the event
        CompletableFuture<Void> spanish = new CompletableFuture<>();
        ApplicationListener<ApplicationEvent> listener = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload
                    && payload.getPayload() instanceof TranslationReady ready
                    && ready.language().equals("es")
                    && ready.text().kind().equals(Library.ABSTRACT)
                    && jdbc.sql("SELECT cite_key FROM research_publication WHERE id = :id")
                            .param("id", ready.text().id())
                            .query(String.class)
                            .optional()
                            .filter(("ecole" + suffix)::equals)
                            .isPresent()) {
                spanish.complete(null);
            }
        };
        context.addApplicationListener(listener);
        long id;
        try {
            id = imported(csl, "csl", "ecole" + suffix);
            spanish.get(120, TimeUnit.SECONDS);
        } finally {
            context.removeApplicationListener(listener);
        }
        String page = "/research/library/" + id;

        // a Spanish reader gets Apertium's translation, and finds it poor
        HttpVisitor reader = reader("Lectora", "es");
        Document machine = reader.get(page).document();
        String machineText =
                machine.select("h2:contains(Abstract) ~ p[lang=es]").text();
        assertThat(machineText).isNotBlank().isNotEqualTo(french);
        assertThat(machine.selectFirst("details.translation-note summary").text())
                .contains("French")
                .contains("Apertium");
        String flag = "/translation/flags/research-abstract/" + id + "/es";
        assertThat(machine.select("form.translation-flag[action=" + flag + "]")).hasSize(1);
        assertThat(reader.post(flag).redirect()).isEqualTo(page + "?translationFlagged");
        assertThat(reader.get(page + "?translationFlagged")
                        .document()
                        .select("p.notice[role=status]")
                        .text())
                .contains("volunteers who read both languages");

        // the flag sends it to the pair's volunteers, though a provider reaches the pair
        HttpVisitor volunteer = volunteer("Inés", "fr-es", "fr", "es");
        String form = "/translation/texts/research-abstract/" + id + "/es";
        var item = volunteer
                .get("/translation/queue?pair=fr-es&kind=research-abstract")
                .document()
                .select("ol.translation-queue li:has(a[href=" + form + "])");
        assertThat(item).hasSize(1);
        assertThat(item.text()).contains("flagged");

        volunteer.get(form);
        String castellano = "Las remesas de los migrantes pagan la escuela de los hijos que se quedaron en el país.";
        assertThat(volunteer.post(form, "text", castellano).redirect()).isEqualTo(form + "?done=translated");

        // the person's translation instead of the machine's, labelled as a person's, nothing left to flag
        Document person = reader.get(page).document();
        assertThat(person.select("h2:contains(Abstract) ~ p[lang=es]").text()).isEqualTo(castellano);
        assertThat(person.selectFirst("details.translation-note summary").text())
                .isEqualTo("Translated from French by a person; show the original");
        assertThat(person.select("form.translation-flag")).isEmpty();
        // in the reader's interface language too
        Document inSpanish = new HttpVisitor(port).speaking("es").get(page).document();
        assertThat(inSpanish.select("p[lang=es]").text()).contains(castellano);
        assertThat(inSpanish.selectFirst("details.translation-note summary").text())
                .isEqualTo("Traducido del Francés por una persona; mostrar el original");
    }

    @Test
    void theDemoLibraryAndAbstractsStoredBeforeRegistrationAreOffered() {
        // every demo abstract was handed over when the demo library was stored, and may be translated
        List<Long> demo = jdbc.sql("SELECT id FROM research_publication WHERE cite_key IN (:keys) ORDER BY id")
                .param(
                        "keys",
                        DemoResearch.LIBRARY.stream()
                                .map(d -> d.publication().citeKey())
                                .toList())
                .query(Long.class)
                .list();
        assertThat(demo).hasSize(DemoResearch.LIBRARY.size());
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM translation_source WHERE kind = 'research-abstract' AND content_id IN (:ids)")
                        .param("ids", demo)
                        .query(Long.class)
                        .single())
                .isEqualTo(demo.size());
        HttpVisitor volunteer = volunteer("Nadia", "en-ar", "en", "ar");
        Document form = volunteer
                .get("/translation/texts/research-abstract/" + demo.getFirst() + "/ar")
                .document();
        assertThat(form.select("a[href=/research/library/" + demo.getFirst() + "]"))
                .hasSize(1);

        // a publication stored before imports registered abstracts (as an older installation holds them)
        String suffix = suffix();
        String tagalog = "Ang mga padala ng mga manggagawang dayuhan ay tumutulong sa kanilang pamilya " + suffix + ".";
        long old = jdbc.sql(
                        """
                        INSERT INTO research_publication (cite_key, title, language, abstract)
                        VALUES (:key, :title, 'tl', :abstract) RETURNING id
                        """)
                .param("key", "padala" + suffix)
                .param("title", "Mga padala " + suffix)
                .param("abstract", tagalog)
                .query(Long.class)
                .single();
        String oldForm = "/translation/texts/research-abstract/" + old + "/en";
        HttpVisitor tagalogVolunteer = volunteer("Ramil", "tl-en", "tl", "en");
        assertThat(tagalogVolunteer.get(oldForm).status()).isEqualTo(404);

        // handed over at start; a second start asks for nothing more
        registration.started();
        assertThat(library.registerAbstracts()).isZero();
        Document queue = tagalogVolunteer
                .get("/translation/queue?pair=tl-en&kind=research-abstract")
                .document();
        assertThat(queue.select("a[href=" + oldForm + "]")).hasSize(1);
        assertThat(tagalogVolunteer.get(oldForm).document().text()).contains(tagalog);
    }

    private long imported(String text, String format, String key) {
        HttpVisitor researcher = HttpVisitor.signedUp(port, "Researcher " + suffix(), PASSWORD);
        researcher.get("/research/library/import");
        var result = researcher.postMultipart(
                "/research/library/import", List.of("format", format, "text", text), List.of());
        assertThat(result.status()).isEqualTo(200);
        return jdbc.sql("SELECT id FROM research_publication WHERE cite_key = :k")
                .param("k", key)
                .query(Long.class)
                .single();
    }

    private HttpVisitor volunteer(String prefix, String pair, String... languages) {
        HttpVisitor visitor = reader(prefix, languages);
        visitor.get("/translation/volunteer");
        assertThat(visitor.post("/translation/volunteer", "pair", pair).redirect())
                .isEqualTo("/translation/volunteer?saved");
        return visitor;
    }

    /** A new participant reading these languages, with an English interface. */
    private HttpVisitor reader(String prefix, String... languages) {
        String name = prefix + " " + suffix();
        HttpVisitor visitor = HttpVisitor.signedUp(port, name, PASSWORD);
        visitor.get("/account");
        String[] form = new String[4 + 2 * languages.length];
        form[0] = "displayName";
        form[1] = name;
        form[2] = "uiLanguage";
        form[3] = "en";
        for (int i = 0; i < languages.length; i++) {
            form[4 + 2 * i] = "readLanguages";
            form[5 + 2 * i] = languages[i];
        }
        assertThat(visitor.post("/account/profile", form).redirect()).isEqualTo("/account?saved=profile");
        return visitor;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
