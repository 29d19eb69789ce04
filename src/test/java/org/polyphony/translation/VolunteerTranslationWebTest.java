package org.polyphony.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Volunteer translation without JavaScript: an English post no provider brings into Arabic waits for a volunteer,
 * who translates it; readers see it labelled as a person's; another volunteer confirms it; the author's edit makes it
 * outdated; and every bad input is refused with a message, what was typed kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VolunteerTranslationWebTest {

    static final String PASSWORD = "translating for others";
    static final String THREADS = "/editions/athens-2009/sessions/1.2/threads";
    static final String ENGLISH = "Domestic workers in the Gulf need contracts they can read, in a language they "
            + "understand, before they leave home.";
    static final String ARABIC =
            "يحتاج عمال المنازل في الخليج إلى عقود يستطيعون قراءتها بلغة يفهمونها قبل مغادرة " + "بلادهم.";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEnglishPostNoProviderReachesIsTranslatedIntoArabicConfirmedAndOutdatedByAnEdit() {
        HttpVisitor author = reader("Author", "en");
        String thread = author.startThread(THREADS, "Contracts in our language " + UUID.randomUUID(), ENGLISH);
        long postId = firstPost(thread);
        String form = "/translation/texts/post/" + postId + "/ar";

        HttpVisitor amal = reader("Amal", "ar");
        Element waiting = amal.get(thread).document().selectFirst("#post-1");
        assertThat(waiting.selectFirst(".post-body").attr("lang")).isEqualTo("en");
        assertThat(waiting.selectFirst(".translation-label").text()).contains("waiting for a volunteer");

        HttpVisitor nadia = volunteer("Nadia", "en-ar", "en", "ar");
        Document queue = nadia.get("/translation/queue").document();
        assertThat(queue.select("a[href=" + form + "]")).hasSize(1);

        assertThat(nadia.post(form, "text", ARABIC).redirect()).isEqualTo(form + "?done=translated");
        Element translated = amal.get(thread).document().selectFirst("#post-1");
        assertThat(translated.selectFirst(".post-body").attr("lang")).isEqualTo("ar");
        assertThat(translated.selectFirst(".post-body").text()).contains("عمال المنازل");
        assertThat(translated.selectFirst(".translation-label").text()).contains("by a person");
        assertThat(nadia.get("/translation/queue").document().select("a[href=" + form + "]"))
                .isEmpty();

        var own = nadia.post(form + "/confirm");
        assertThat(own.status()).isEqualTo(422);
        assertThat(own.document().select("#confirm").text()).contains("your own");

        HttpVisitor karim = volunteer("Karim", "en-ar", "ar", "en");
        assertThat(karim.post(form + "/confirm").redirect()).isEqualTo(form + "?done=confirmed");
        assertThat(karim.get(form).document().select(".confirmations").text()).contains("1");
        assertThat(karim.post(form + "/confirm").status()).isEqualTo(422);

        author.get("/posts/" + postId + "/edit");
        author.post("/posts/" + postId + "/edit", "body", ENGLISH + " Employers should pay for the translation.");
        Element outdated = amal.get(thread).document().selectFirst("#post-1");
        assertThat(outdated.selectFirst(".post-body").attr("lang")).isEqualTo("en");
        assertThat(outdated.selectFirst(".translation-label").text()).contains("earlier version");
        Document again = nadia.get("/translation/queue").document();
        assertThat(again.select("li:has(a[href=" + form + "])").text()).contains("edited");
        assertThat(nadia.get("/translation/volunteer").document().text()).contains("Your contributions: 1");
    }

    @Test
    void badTranslationsAreRefusedWithAMessageAndWhatWasTypedKept() {
        HttpVisitor author = reader("Short author", "en");
        String thread = author.startThread(THREADS, "Short and plain " + UUID.randomUUID(), "Fair recruitment now.");
        long postId = firstPost(thread);
        String form = "/translation/texts/post/" + postId + "/ar";
        HttpVisitor volunteer = volunteer("Careful", "en-ar", "en", "ar", "fr");

        refused(volunteer, form, "   ", "Write the translation");
        refused(volunteer, form, "Fair recruitment now.", "This is the original");
        String tooLong = "توظيف عادل الآن. ".repeat(30);
        refused(volunteer, form, tooLong, "10 times");
        refused(volunteer, "/translation/texts/post/" + postId + "/fr", "Recrutement équitable maintenant.", "pairs");
        refused(volunteer, "/translation/texts/post/" + postId + "/en", "Fair recruitment, now!", "already in");

        var undeclaredPair = volunteer.post("/translation/volunteer", "pair", "en-zh", "thankedByName", "false");
        assertThat(undeclaredPair.status()).isEqualTo(422);
        assertThat(volunteer.post(form, "text", "توظيف عادل الآن.").redirect()).endsWith("?done=translated");
        refused(volunteer, form, "توظيف عادل الآن.", "unchanged");

        jdbc.sql("UPDATE dialogue_post SET hidden_at = now() WHERE id = :id")
                .param("id", postId)
                .update();
        refused(volunteer, form, "توظيف عادل، الآن.", "can no longer be translated");

        assertThat(volunteer.get("/translation/texts/post/not-a-number/ar").status())
                .isEqualTo(400);
        assertThat(volunteer
                        .get("/translation/texts/post/" + postId + "/xx-nonsense")
                        .status())
                .isEqualTo(404);
        assertThat(volunteer.get("/translation/texts/post/999999999/ar").status())
                .isEqualTo(404);

        jdbc.sql("UPDATE accounts_account SET suspended_until = now() + interval '1 day' WHERE display_name = :n")
                .param("n", nameOf(volunteer))
                .update();
        assertThat(volunteer.post(form, "text", "نص").status()).isEqualTo(403);
    }

    @Test
    void volunteersAreThankedByNameOnlyWhenTheyChoose() {
        HttpVisitor author = reader("Thanks author", "en");
        String thread = author.startThread(THREADS, "Thanks " + UUID.randomUUID(), "Remittances should cost less.");
        long postId = firstPost(thread);
        HttpVisitor named = volunteer("Named", "en-ar", "en", "ar");
        named.post("/translation/volunteer", "pair", "en-ar", "thankedByName", "true");
        HttpVisitor quiet = volunteer("Quiet", "en-ar", "en", "ar");
        assertThat(named.post("/translation/texts/post/" + postId + "/ar", "text", "يجب أن تكون التحويلات أرخص.")
                        .redirect())
                .endsWith("?done=translated");
        assertThat(quiet.post("/translation/texts/post/" + postId + "/ar/confirm")
                        .redirect())
                .endsWith("?done=confirmed");
        String thanks =
                new HttpVisitor(port).get("/translation/volunteers").document().text();
        assertThat(thanks).contains(nameOf(named)).doesNotContain(nameOf(quiet));
    }

    private void refused(HttpVisitor volunteer, String form, String text, String message) {
        volunteer.get(form);
        var page = volunteer.post(form, "text", text);
        assertThat(page.status()).isEqualTo(422);
        Document document = page.document();
        assertThat(document.select("#text-error").text()).contains(message);
        assertThat(document.selectFirst("textarea#text").text())
                .isEqualTo(text.strip().isEmpty() ? "" : text.strip());
    }

    private long firstPost(String thread) {
        return jdbc.sql("SELECT id FROM dialogue_post WHERE thread_id = :t AND position = 1")
                .param("t", Long.parseLong(thread.substring("/threads/".length())))
                .query(Long.class)
                .single();
    }

    private final java.util.Map<HttpVisitor, String> names = new java.util.IdentityHashMap<>();

    private String nameOf(HttpVisitor visitor) {
        return names.get(visitor);
    }

    private HttpVisitor volunteer(String prefix, String pair, String... languages) {
        HttpVisitor visitor = reader(prefix, languages);
        visitor.get("/translation/volunteer");
        assertThat(visitor.post("/translation/volunteer", "pair", pair).redirect())
                .isEqualTo("/translation/volunteer?saved");
        return visitor;
    }

    private HttpVisitor reader(String prefix, String... languages) {
        String name = prefix + " " + UUID.randomUUID().toString().substring(0, 8);
        HttpVisitor visitor = HttpVisitor.signedUp(port, name, PASSWORD);
        names.put(visitor, name);
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
}
