package org.polyphony.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchWebTest {

    static final String PASSWORD = "searching for words";

    @LocalServerPort
    int port;

    @Test
    void findsThreadsByTitleAndPostsByTheirWordsWithMarkedSnippets() {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 6);
        HttpVisitor author = signedUp("Finder");
        String thread = startThread(
                author,
                "/editions/athens-2009/sessions/2.2/threads",
                "Remittances " + word,
                "Costs of sending money home are too high <b>really</b>.");
        author.post(
                thread + "/posts",
                "body",
                "The corridor fees " + word + " matter most.",
                "idempotencyKey",
                UUID.randomUUID().toString());

        Document results = new HttpVisitor(port).get("/search?q=" + word).document();

        assertThat(results.select(".search-results > li")).hasSize(2);
        assertThat(results.select(".search-results mark").eachText()).contains(word);
        assertThat(results.select(".search-results a").eachAttr("href")).allMatch(h -> h.startsWith(thread));
        Document byPhrase = new HttpVisitor(port)
                .get("/search?q=%22corridor+fees+" + word + "%22")
                .document();
        assertThat(byPhrase.select(".search-results > li")).hasSize(1);
    }

    @Test
    void filtersByEditionSessionAuthorAndDate() {
        String word = "zf" + UUID.randomUUID().toString().substring(0, 6);
        HttpVisitor amina = signedUp("Amina");
        HttpVisitor kofi = signedUp("Kofi");
        startThread(amina, "/editions/athens-2009/sessions/1.1/threads", "Athens " + word, "In Athens " + word);
        startThread(kofi, "/editions/gfmd-2012/sessions/1.1/threads", "Mauritius " + word, "In Mauritius " + word);
        HttpVisitor reader = new HttpVisitor(port);

        assertThat(titles(reader, "/search?q=" + word)).hasSize(2);
        assertThat(titles(reader, "/search?q=" + word + "&edition=athens-2009")).containsExactly("Athens " + word);
        assertThat(titles(reader, "/search?q=" + word + "&edition=athens-2009&session=1.2"))
                .isEmpty();
        String kofiName = kofi.get("/account").document().select("#displayName").val();
        assertThat(titles(reader, "/search?q=" + word + "&author=" + kofiName.replace(" ", "+")))
                .containsExactly("Mauritius " + word);
        assertThat(titles(reader, "/search?q=" + word + "&to=2020-01-01")).isEmpty();
    }

    @Test
    void deletedPostsAreNotFound() {
        String word = "zd" + UUID.randomUUID().toString().substring(0, 6);
        HttpVisitor author = signedUp("Retracting");
        String thread =
                startThread(author, "/editions/athens-2009/sessions/3.1/threads", "Retraction", "Opening words.");
        author.post(
                thread + "/posts",
                "body",
                "A regrettable " + word,
                "idempotencyKey",
                UUID.randomUUID().toString());
        String delete = author.get(thread)
                .document()
                .select("#post-2 form[action$=/delete]")
                .attr("action");
        author.post(delete);

        assertThat(titles(new HttpVisitor(port), "/search?q=" + word)).isEmpty();
    }

    @Test
    void anUnknownAuthorOrDateIsAFieldErrorNotAFailure() {
        HttpVisitor reader = new HttpVisitor(port).speaking("pt");

        var unknown = reader.get("/search?q=anything&author=Nobody+By+This+Name+Here");
        var badDate = reader.get("/search?q=anything&from=yesterday");

        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.document().select("#author-error").text()).isNotBlank();
        assertThat(unknown.document().select("#author").val()).isEqualTo("Nobody By This Name Here");
        assertThat(badDate.status())
                .as(badDate.document().select("main").text())
                .isEqualTo(200);
        assertThat(badDate.document().select("#from-error").text()).isNotBlank();
        assertThat(badDate.document().select("#from").val()).isEqualTo("yesterday");
    }

    private java.util.List<String> titles(HttpVisitor reader, String url) {
        return reader.get(url).document().select(".search-results h3").eachText().stream()
                .distinct()
                .toList();
    }

    private String startThread(HttpVisitor author, String threads, String title, String body) {
        return author.startThread(threads, title, body);
    }

    private HttpVisitor signedUp(String prefix) {
        return HttpVisitor.signedUp(
                port, prefix + " " + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
    }
}
