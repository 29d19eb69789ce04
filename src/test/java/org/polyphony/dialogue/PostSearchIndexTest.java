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
 * The in-process search index answers searches once it has caught up, and a search finds exactly what the database
 * holds at that moment: a new post, an edit, a hidden or deleted post, all at once; and it ranks the best matches
 * first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostSearchIndexTest {

    static final String THREADS = "/editions/athens-2009/sessions/2.2/threads";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PostSearchIndex index;

    @Autowired
    DialogueSearch search;

    @Test
    void everyChangeIsFoundAtOnceThroughTheIndex() {
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        HttpVisitor author = signedUp("Indexed author");
        String thread = author.startThread(THREADS, "Index " + word, "The first post says " + word + " plainly.");
        long postId = firstPost(thread);

        index.catchUpNow();
        assertThat(index.ready())
                .as("searches go through the index, not the database")
                .isTrue();
        assertThat(ids(word)).containsExactly(postId);

        author.get("/posts/" + postId + "/edit");
        author.post("/posts/" + postId + "/edit", "body", "Now it speaks of remittance corridors only.");
        assertThat(ids("remittance corridors " + word)).containsExactly(postId);
        assertThat(ids("plainly " + word)).isEmpty();

        HttpVisitor moderator = HttpVisitor.signedInWithRole(
                port, jdbc, "Index moderator " + suffix(), DialogueWebTest.PASSWORD, "MODERATOR");
        moderator.get(thread);
        moderator.post("/moderation/posts/" + postId + "/hide", "reason", "test");
        assertThat(ids("remittance corridors " + word)).isEmpty();
    }

    @Test
    void theBestMatchesComeFirstAndEveryWordMustBeFound() {
        String word = "zr" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        HttpVisitor author = signedUp("Ranked author");
        String once = author.startThread(
                THREADS,
                "Mentioned once",
                "One mention of " + word + " among many other words"
                        + " about pensions, visas, contracts, housing, schooling and the long road home.");
        String often = author.startThread(THREADS, "About " + word, word + " and again " + word + ".");
        String otherWord = author.startThread(THREADS, "Other", "Nothing about it, only " + word.toUpperCase() + "x.");

        index.catchUpNow();
        List<Long> found = ids(word);
        assertThat(found).containsExactly(firstPost(often), firstPost(once));
        assertThat(ids(word + " pensions")).containsExactly(firstPost(once));
        assertThat(ids(word + " -pensions")).containsExactly(firstPost(often));
        assertThat(ids("\"road home\" " + word)).containsExactly(firstPost(once));
        assertThat(ids(word + "x")).containsExactly(firstPost(otherWord));
    }

    private List<Long> ids(String words) {
        return search.search(new DialogueSearch.Query(words, null, null, null, null, 1, "en")).hits().stream()
                .map(hit -> jdbc.sql("SELECT id FROM dialogue_post WHERE thread_id = :t AND position = :p")
                        .param("t", hit.threadId())
                        .param("p", hit.position())
                        .query(Long.class)
                        .single())
                .toList();
    }

    private long firstPost(String thread) {
        return jdbc.sql("SELECT id FROM dialogue_post WHERE thread_id = :t AND position = 1")
                .param("t", Long.parseLong(thread.replace("/threads/", "")))
                .query(Long.class)
                .single();
    }

    private HttpVisitor signedUp(String prefix) {
        return HttpVisitor.signedUp(port, prefix + " " + suffix(), DialogueWebTest.PASSWORD);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
