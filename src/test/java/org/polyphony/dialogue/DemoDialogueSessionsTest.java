package org.polyphony.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The richer demo dialogue: threads in five more sessions of Athens 2009, posts in English, French, Spanish, Arabic
 * and Tagalog, some translated by demo volunteers, loaded once; an Arabic reader reads an English post in Arabic,
 * translated by a person.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoDialogueSessionsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoDialogueSessions demo;

    @Test
    void fiveSessionsHavePostsInFiveLanguagesSomeTranslatedByDemoVolunteers() {
        var sessions = jdbc.sql(
                        """
                        SELECT DISTINCT s.code FROM dialogue_thread t
                        JOIN forums_session s ON s.id = t.session_id
                        JOIN dialogue_post p ON p.thread_id = t.id
                        JOIN accounts_account a ON a.id = p.author_id
                        WHERE a.display_name IN ('Grace (demo)', 'Samira (demo)', 'Josie (demo)', 'Maria (demo)')
                        """)
                .query(String.class)
                .set();
        assertThat(sessions).contains("1.1", "1.3", "2.1", "2.2", "3.1");
        var languages = jdbc.sql(
                        """
                        SELECT DISTINCT p.language FROM dialogue_post p
                        JOIN accounts_account a ON a.id = p.author_id WHERE a.display_name LIKE '%(demo%' OR a.display_name LIKE '%(démo%'
                        """)
                .query(String.class)
                .set();
        assertThat(languages).contains("en", "fr", "es", "ar", "tl");
        long byVolunteers = jdbc.sql(
                        """
                        SELECT count(*) FROM translation_review r JOIN accounts_account a ON a.id = r.reviewer_id
                        WHERE r.by_volunteer AND a.display_name LIKE '%(demo volunteer)'
                        """)
                .query(Long.class)
                .single();
        assertThat(byVolunteers).isGreaterThanOrEqualTo(10);

        long threads = jdbc.sql("SELECT count(*) FROM dialogue_demo_thread")
                .query(Long.class)
                .single();
        demo.run(null);
        assertThat(jdbc.sql("SELECT count(*) FROM dialogue_demo_thread")
                        .query(Long.class)
                        .single())
                .isEqualTo(threads);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM dialogue_thread WHERE title = 'Pensions that travel with circular migrants'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anArabicReaderReadsTheEnglishOpeningPostInArabicTranslatedByAPerson() {
        long thread = jdbc.sql(
                        "SELECT id FROM dialogue_thread WHERE title = 'Pensions that travel with circular migrants'")
                .query(Long.class)
                .single();
        String name = "Demo reader " + UUID.randomUUID().toString().substring(0, 8);
        HttpVisitor reader = HttpVisitor.signedUp(port, name, "reading the demo in arabic");
        reader.get("/account");
        reader.post("/account/profile", "displayName", name, "uiLanguage", "ar", "readLanguages", "ar");

        Element post = reader.get("/threads/" + thread).document().selectFirst("#post-1");
        assertThat(post.selectFirst(".post-body").attr("lang")).isEqualTo("ar");
        assertThat(post.selectFirst(".post-body").text()).contains("التقاعد");
        assertThat(post.selectFirst(".translation-label").text()).isNotBlank();
    }
}
