package org.polyphony.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.polyphony.web.PageSlots;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signed-in participants get their thread page composed from one copy they all share: each must see exactly their
 * own state in it (name, follow button, reactions, actions on their own posts, CSRF token) and never another's,
 * and every change — a reaction, a hidden post — must show at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParticipantThreadPagesTest {

    static final String THREADS = "/editions/athens-2009/sessions/2.2/threads";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachParticipantSeesTheirOwnStateInTheSharedPage() {
        HttpVisitor amina = signedUp("Amina");
        HttpVisitor kofi = signedUp("Kofi");
        HttpVisitor lina = signedUp("Lina");
        String thread = amina.startThread(THREADS, "Shared page " + suffix(), "Portable pensions for all.");
        kofi.get(thread);
        kofi.post(thread + "/posts", "body", "And for seasonal workers.", "idempotencyKey", uuid());
        String firstPost = postId(lina.get(thread).document(), 1);
        lina.post("/posts/" + firstPost + "/reactions", "kind", "AGREE");

        Document forLina = lina.get(thread).document();
        Document forAmina = amina.get(thread).document();
        Document forKofi = kofi.get(thread).document();

        assertThat(forLina.select("header.site").text()).contains("Lina").doesNotContain("Amina");
        assertThat(forAmina.select("header.site").text()).contains("Amina").doesNotContain("Lina");
        assertThat(forLina.select("#post-1 button[aria-pressed=true]").text()).contains("Agree");
        assertThat(forAmina.select("#post-1 button[aria-pressed=true]")).isEmpty();
        assertThat(forAmina.select("#post-1 button.reaction").text()).contains("Agree 1");
        assertThat(forLina.select("a[href$=/edit]")).isEmpty();
        assertThat(forLina.select("#post-1 a[href$=/flag], #post-2 a[href$=/flag]"))
                .hasSize(2);
        assertThat(forAmina.select("#post-1 a[href$=/edit]")).hasSize(1);
        assertThat(forAmina.select("#post-1 a[href$=/flag]")).isEmpty();
        assertThat(forAmina.select("#post-2 a[href$=/edit]")).isEmpty();
        assertThat(forKofi.select("#post-2 a[href$=/edit]")).hasSize(1);
        assertThat(followButton(forAmina)).isEqualTo("Stop following");
        assertThat(followButton(forLina)).isEqualTo("Follow this thread");

        String marker = PageSlots.marker("");
        String slotPrefix = marker.substring(0, marker.length() - "-pp".length());
        for (Document page : java.util.List.of(forLina, forAmina, forKofi)) {
            assertThat(page.outerHtml()).doesNotContain(slotPrefix);
        }
        assertThat(forLina.select("input[name=idempotencyKey]").val())
                .isNotEqualTo(forAmina.select("input[name=idempotencyKey]").val());
        String linasToken = forLina.select("#reply input[name=_csrf]").val();
        assertThat(forLina.select("header.site input[name=_csrf]").val()).isEqualTo(linasToken);
        assertThat(forAmina.select("#reply input[name=_csrf]").val()).isNotEqualTo(linasToken);

        lina.get(thread);
        var replied = lina.post(
                thread + "/posts", "body", "Seconded, with the token of my own page.", "idempotencyKey", uuid());
        assertThat(replied.redirect()).endsWith("#post-3");
    }

    @Test
    void aHiddenPostAndANewReactionShowAtOnceToParticipants() {
        HttpVisitor author = signedUp("Hidden author");
        HttpVisitor spammer = signedUp("Spammer");
        HttpVisitor reader = signedUp("Reader");
        String thread = author.startThread(THREADS, "Hidden at once " + suffix(), "Remittance costs must fall.");
        spammer.get(thread);
        spammer.post(thread + "/posts", "body", "Buy cheap watches here.", "idempotencyKey", uuid());
        assertThat(reader.get(thread).document().select("#post-2 .post-body").text())
                .contains("cheap watches");

        HttpVisitor moderator = HttpVisitor.signedInWithRole(
                port, jdbc, "Hiding moderator " + suffix(), DialogueWebTest.PASSWORD, "MODERATOR");
        moderator.get(thread);
        String spam = postId(moderator.get(thread).document(), 2);
        moderator.post("/moderation/posts/" + spam + "/hide", "reason", "advertising");
        author.get(thread);
        author.post("/posts/" + postId(author.get(thread).document(), 1) + "/reactions", "kind", "AGREE");

        Document after = reader.get(thread).document();
        assertThat(after.text()).doesNotContain("cheap watches");
        assertThat(after.select("#post-1 button.reaction").text()).contains("Agree 1");
        assertThat(after.select("#post-1 button[aria-pressed=true]")).isEmpty();
    }

    @Test
    void sessionListsAreSharedYetShowEachReadersFollowStateAndNewThreadsAtOnce() {
        HttpVisitor follower = signedUp("Session follower");
        HttpVisitor other = signedUp("Session reader");
        HttpVisitor anonymous = new HttpVisitor(port);
        follower.get(THREADS);
        follower.post(
                "/follow",
                "type",
                "SESSION",
                "id",
                sessionId(follower.get(THREADS).document()),
                "return",
                THREADS);
        assertThat(anonymous.get(THREADS).status()).isEqualTo(200);
        other.get(THREADS);

        String title = "Listed at once " + suffix();
        follower.startThread(THREADS, title, "A new thread everyone should see in the list.");

        Document forFollower = follower.get(THREADS).document();
        Document forOther = other.get(THREADS).document();
        assertThat(forFollower.select(".threads").text()).contains(title);
        assertThat(forOther.select(".threads").text()).contains(title);
        assertThat(anonymous.get(THREADS).document().select(".threads").text()).contains(title);
        assertThat(followButton(forFollower)).isEqualTo("Stop following");
        assertThat(followButton(forOther)).isEqualTo("Follow this session");
        assertThat(forOther.select("header.site").text()).contains("Session reader");
        assertThat(forOther.select("a[href$=/dashboard]")).isEmpty();
        HttpVisitor organiser = HttpVisitor.signedInWithRole(
                port, jdbc, "List organiser " + suffix(), DialogueWebTest.PASSWORD, "ORGANISER");
        assertThat(organiser.get(THREADS).document().select("a[href$=/dashboard]"))
                .hasSize(1);
    }

    private static String sessionId(Document list) {
        return list.select("form[action=/follow] input[name=id]").val();
    }

    private static String followButton(Document page) {
        return page.select("form[action=/follow] button").text();
    }

    private static String postId(Document page, int position) {
        return page.select("#post-" + position + " form[action$=/reactions]")
                .attr("action")
                .replaceAll("/posts/(\\d+)/reactions", "$1");
    }

    private HttpVisitor signedUp(String prefix) {
        return HttpVisitor.signedUp(port, prefix + " " + suffix(), DialogueWebTest.PASSWORD);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }
}
