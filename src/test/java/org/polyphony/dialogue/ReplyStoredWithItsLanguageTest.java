package org.polyphony.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reply through the form is stored, as soon as it is acknowledged, with its detected language and the search
 * configuration of that language (written with the post, not by a later update), counted in its thread, and handed
 * to translation with one job per language it can be translated into.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplyStoredWithItsLanguageTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    record Stored(long id, String language, double confidence, String searchConfig, boolean matchesFrench) {}

    @Test
    void aReplyIsStoredWithItsLanguageAndItsTranslationJobs() {
        HttpVisitor author = HttpVisitor.signedUp(
                port, "Langue " + UUID.randomUUID().toString().substring(0, 8), "let us talk together");
        String thread = author.startThread(
                DialogueWebTest.SESSION + "/threads",
                "Migrant workers and their contracts",
                "Migrant workers need written contracts in a language they can read.");
        author.get(thread);

        var replied = author.post(
                thread + "/posts",
                "body",
                "Les travailleuses domestiques migrantes demandent des contrats écrits et des salaires justes"
                        + " pour leur travail dans les maisons.",
                "idempotencyKey",
                UUID.randomUUID().toString());

        assertThat(replied.redirect()).endsWith("#post-2");
        long threadId = Long.parseLong(thread.replaceAll(".*/threads/(\\d+).*", "$1"));
        Stored reply = jdbc.sql(
                        """
                        SELECT id, language, language_confidence, search_config::text,
                               search_vector @@ to_tsquery('french', 'travailleuse & salaire')
                          FROM dialogue_post WHERE thread_id = :t AND position = 2
                        """)
                .param("t", threadId)
                .query((rs, n) ->
                        new Stored(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getString(4), rs.getBoolean(5)))
                .single();
        assertThat(reply.language()).isEqualTo("fr");
        assertThat(reply.confidence()).isGreaterThan(0);
        assertThat(reply.searchConfig()).isEqualTo("french");
        // the search vector was made with the French stemmer: "travailleuses" and "salaires" match their stems
        assertThat(reply.matchesFrench()).isTrue();
        assertThat(jdbc.sql("SELECT reply_count FROM dialogue_thread WHERE id = :t")
                        .param("t", threadId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        assertThat(jdbc.sql("SELECT language FROM translation_source WHERE kind = 'post' AND content_id = :id")
                        .param("id", reply.id())
                        .query(String.class)
                        .single())
                .isEqualTo("fr");
        List<String> targets = jdbc.sql(
                        """
                        SELECT j.target FROM translation_job j JOIN translation_source s
                            ON s.kind = j.kind AND s.content_id = j.content_id AND s.content_hash = j.content_hash
                         WHERE j.kind = 'post' AND j.content_id = :id ORDER BY j.id
                        """)
                .param("id", reply.id())
                .query(String.class)
                .list();
        // Apertium translates French to Spanish here, and to English; never a job into the post's own language
        assertThat(targets).contains("es", "en").doesNotContain("fr").doesNotHaveDuplicates();
        assertThat(targets).isSubsetOf("en", "ar", "zh", "ru", "es", "pt");
        // direct translations are asked first: a pivoted one then finds its first leg made
        assertThat(targets.getFirst()).isEqualTo("es");
    }

    @Test
    void aThreadsTitleAndOpeningPostAreStoredWithTheirLanguage() {
        HttpVisitor author = HttpVisitor.signedUp(
                port, "Titre " + UUID.randomUUID().toString().substring(0, 8), "let us talk together");
        String thread = author.startThread(
                DialogueWebTest.SESSION + "/threads",
                "Les contrats des travailleuses domestiques migrantes",
                "Les travailleuses domestiques migrantes demandent des contrats écrits dans leur langue.");
        long threadId = Long.parseLong(thread.replaceAll(".*/threads/(\\d+).*", "$1"));

        assertThat(jdbc.sql("SELECT language || ' ' || search_config::text FROM dialogue_thread WHERE id = :t")
                        .param("t", threadId)
                        .query(String.class)
                        .single())
                .isEqualTo("fr french");
        assertThat(jdbc.sql(
                                """
                        SELECT p.language || ' ' || p.search_config::text || ' ' || t.reply_count
                          FROM dialogue_post p JOIN dialogue_thread t ON t.id = p.thread_id
                         WHERE p.thread_id = :t AND p.position = 1
                        """)
                        .param("t", threadId)
                        .query(String.class)
                        .single())
                .isEqualTo("fr french 0");
    }
}
