package org.polyphony.volunteers;

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
 * The moderation and search parts of volunteer translation. A moderator who does not read Tagalog sees a flagged
 * Tagalog post waiting for a translation, asks volunteers for one; it comes first in a volunteer's queue, marked as
 * asked by a moderator; once translated the moderator reads it under the original. Search shows a thread's title in
 * the reader's language (a person's translation) and finds a post through a person's translation of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VolunteerModerationAndSearchWebTest {

    static final String PASSWORD = "moderating in many languages";
    static final String THREADS = "/editions/athens-2009/sessions/1.2/threads";
    static final String TAGALOG = "Hindi po ito tungkol sa paksa ng sesyon, pero kailangan naming malaman kung saan "
            + "kami maaaring humingi ng tulong kapag kinuha ng amo ang aming pasaporte.";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aModeratorAsksForATranslationOfAFlaggedPostAndReadsItOnceAVolunteerMadeIt() {
        HttpVisitor author = reader("Tagalog author", "tl");
        String thread = author.startThread(THREADS, "Tanong tungkol sa pasaporte " + UUID.randomUUID(), TAGALOG);
        long postId = firstPost(thread);
        assertThat(language(postId)).isEqualTo("tl");
        HttpVisitor flagger = reader("Flagger", "en");
        flagger.get(thread);
        flagger.post("/posts/" + postId + "/flag", "reason", "OFF_TOPIC");

        String moderatorName = "Moderator " + UUID.randomUUID().toString().substring(0, 8);
        HttpVisitor moderator = HttpVisitor.signedInWithRole(port, jdbc, moderatorName, PASSWORD, "MODERATOR");
        Element card = moderator.get("/moderation").document().selectFirst("#post-" + postId);
        assertThat(card).isNotNull();
        String ask = "/moderation/posts/" + postId + "/ask-translation";
        assertThat(card.select("form[action=" + ask + "]")).hasSize(1);
        assertThat(moderator.post(ask).redirect()).contains("translationRequested");
        Element asked = moderator.get("/moderation").document().selectFirst("#post-" + postId);
        assertThat(asked.select("form[action=" + ask + "]")).isEmpty();

        HttpVisitor volunteer = volunteer("Tess", "tl-en", "tl", "en");
        String form = "/translation/texts/post/" + postId + "/en";
        Document queue = volunteer.get("/translation/queue").document();
        Element item = queue.selectFirst("li:has(a[href=" + form + "])");
        assertThat(item).isNotNull();
        assertThat(item.select(".badge")).isNotEmpty();
        assertThat(queue.select("ol.translation-queue > li").first())
                .as("asked by a moderator: first")
                .isEqualTo(item);

        String english = "This is not about the session's topic, but we need to know where to ask for help when the "
                + "employer takes our passport.";
        assertThat(volunteer.post(form, "text", english).redirect()).endsWith("?done=translated");
        Element translated = moderator.get("/moderation").document().selectFirst("#post-" + postId);
        assertThat(translated.select(".post-body[lang=en]").text()).contains("employer takes our passport");
        assertThat(translated.text()).contains("by a person");
    }

    @Test
    void searchShowsTitlesInTheReadersLanguageAndFindsPostsThroughAPersonsTranslation() {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 6);
        HttpVisitor author = reader("Wells author", "en");
        String thread = author.startThread(
                THREADS,
                "Water committees in home villages",
                "Our association paid for a well, and the village committee keeps it running " + word + ".");
        long threadId = Long.parseLong(thread.substring("/threads/".length()));
        long postId = firstPost(thread);

        HttpVisitor volunteer = volunteer("Nour", "en-ar", "en", "ar");
        String titleForm = "/translation/texts/thread-title/" + threadId + "/ar";
        assertThat(volunteer
                        .post(titleForm, "text", "لجان المياه في القرى الأصلية")
                        .redirect())
                .endsWith("?done=translated");
        String onlyInTranslation = "wq" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(volunteer
                        .post(
                                "/translation/texts/post/" + postId + "/ar",
                                "text",
                                "دفعت جمعيتنا ثمن بئر، وتحافظ لجنة القرية على تشغيلها " + word + " "
                                        + onlyInTranslation)
                        .redirect())
                .endsWith("?done=translated");

        HttpVisitor reader = reader("Arabic searcher", "ar");
        Document byWord = reader.get("/search?q=" + word).document();
        Element title = byWord.selectFirst(".search-results h3 a[href*=" + threadId + "]");
        assertThat(title).isNotNull();
        assertThat(title.attr("lang")).isEqualTo("ar");
        assertThat(title.text()).isEqualTo("لجان المياه في القرى الأصلية");

        Document byTranslation = reader.get("/search?q=" + onlyInTranslation).document();
        assertThat(byTranslation.select(".search-results a[href*=" + threadId + "]"))
                .isNotEmpty();
        assertThat(byTranslation.select(".search-results [lang=ar]").text()).contains(onlyInTranslation);
    }

    private String language(long postId) {
        return jdbc.sql("SELECT language FROM dialogue_post WHERE id = :id")
                .param("id", postId)
                .query(String.class)
                .single();
    }

    private long firstPost(String thread) {
        return jdbc.sql("SELECT id FROM dialogue_post WHERE thread_id = :t AND position = 1")
                .param("t", Long.parseLong(thread.substring("/threads/".length())))
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

    private HttpVisitor reader(String prefix, String... languages) {
        String name = prefix + " " + UUID.randomUUID().toString().substring(0, 8);
        HttpVisitor visitor = HttpVisitor.signedUp(port, name, PASSWORD);
        visitor.get("/account");
        String[] form = new String[4 + 2 * languages.length];
        form[0] = "displayName";
        form[1] = name;
        form[2] = "uiLanguage";
        form[3] = languages[0].equals("ar") ? "ar" : "en";
        for (int i = 0; i < languages.length; i++) {
            form[4 + 2 * i] = "readLanguages";
            form[5 + 2 * i] = languages[i];
        }
        assertThat(visitor.post("/account/profile", form).redirect()).isEqualTo("/account?saved=profile");
        return visitor;
    }
}
