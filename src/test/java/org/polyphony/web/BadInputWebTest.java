package org.polyphony.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each request of issue 11 that used to answer 500 (or an empty 200, or an ERROR with a stack trace) now gets a
 * clear 4xx, with what was typed kept and every failing field named.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputWebTest {

    static final String PASSWORD = "bad input, good answers";
    static final String SESSION = "/editions/athens-2009/sessions/2.1";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPageNumberThatIsNotANumberStillShowsTheSearch() {
        for (String page : List.of("abc", "1e3", "99999999999999")) {
            HttpVisitor.Page answer = new HttpVisitor(port).get("/search?q=migration&page=" + page);
            assertThat(answer.status()).as(page).isLessThan(500);
            assertThat(answer.document().select("input[name=q]").val()).isEqualTo("migration");
        }
    }

    @Test
    void aFieldOfTheWrongTypeTogetherWithAnotherFailingCheckGivesTwoFieldErrors() {
        HttpVisitor person = HttpVisitor.signedUp(port, "Mistyped " + suffix(), PASSWORD);
        person.get("/people/me/edit");
        HttpVisitor.Page profile = person.post(
                "/people/me/edit", "bio", "Kept as typed", "listed", "maybe", "languages", "xx-not-a-language");
        assertThat(profile.status()).isEqualTo(422);
        Document page = profile.document();
        assertThat(page.select("textarea[name=bio]").text()).isEqualTo("Kept as typed");
        // both the wrong type and the application's own check are named
        assertThat(page.select(".error-summary").text())
                .contains("Choose one of the options offered")
                .contains("Choose languages from the list");

        person.get("/editions/athens-2009/stories/new");
        HttpVisitor.Page story = person.post(
                "/editions/athens-2009/stories",
                "title",
                "",
                "body",
                "A story " + suffix(),
                "anonymous",
                "maybe",
                "sessions",
                "abc",
                "origin",
                "ZZ",
                "yearFrom",
                "abc");
        assertThat(story.status()).isEqualTo(422);
        assertThat(story.document().text()).contains("A story");

        HttpVisitor organiser = HttpVisitor.signedInWithRole(port, jdbc, "Typist " + suffix(), PASSWORD, "ORGANISER");
        organiser.get("/editions/athens-2009/roundtables/1/sessions/new");
        HttpVisitor.Page session = organiser.post(
                "/editions/athens-2009/roundtables/1/sessions/new",
                "language",
                "not-a-language",
                "position",
                "abc",
                "title",
                "Typed badly",
                "premoderated",
                "maybe");
        assertThat(session.status()).isEqualTo(422);
        Document sessionPage = session.document();
        assertThat(sessionPage.select("input[name=position]").val()).isEqualTo("abc");
        assertThat(sessionPage.select("input[name=title]").val()).isEqualTo("Typed badly");
    }

    @Test
    void aSignUpSentAsMultipartWithAFieldAsAFileIsRefusedNotFailed() {
        HttpVisitor visitor = new HttpVisitor(port);
        visitor.get("/signup");
        HttpVisitor.Page answer = visitor.postMultipart(
                "/signup", "password", PASSWORD, "displayName", "a name as a file".getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isBetween(400, 499);
    }

    @Test
    void invalidUtf8InTheAddressIsA400WithoutAnErrorLine() throws Exception {
        ListAppender<ILoggingEvent> logs = listen();
        try {
            HttpClient http = HttpClient.newHttpClient();
            for (String query :
                    List.of("q=%C3%28", "lang=%C3%28", "after=%C3%28", "country=%C3%28", "session=%C3%28")) {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/search?" + query))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(query).isEqualTo(400);
            }
        } finally {
            root().detachAppender(logs);
        }
        assertThat(logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)))
                .isEmpty();
        assertThat(logs.list.stream().filter(e -> e.getThrowableProxy() != null))
                .isEmpty();
    }

    @Test
    void aTruncatedPolisArchiveIsRefusedWithAMessage() throws Exception {
        HttpVisitor organiser = HttpVisitor.signedInWithRole(port, jdbc, "Importer " + suffix(), PASSWORD, "ORGANISER");
        byte[] whole = zip(
                "comments.csv",
                "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated," + "comment-body\n".repeat(2000));
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);
        organiser.get(SESSION + "/conversations");
        HttpVisitor.Page answer =
                organiser.postMultipart(SESSION + "/conversations/import", "question", "Truncated", "file", truncated);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.document().select(".error-summary").text()).contains("could not be imported");
    }

    @Test
    void theManagePageOfAStoryAwaitingModerationLooksLikeThatOfNoStory() {
        HttpVisitor author = HttpVisitor.signedUp(port, "Pending author " + suffix(), PASSWORD);
        author.get("/editions/athens-2009/stories/new");
        HttpVisitor.Page sent = author.post(
                "/editions/athens-2009/stories",
                "title",
                "Pending " + suffix(),
                "body",
                "Waiting.",
                "anonymous",
                "true");
        assertThat(sent.redirect()).startsWith("/stories/");
        long id = Long.parseLong(sent.redirect().replaceAll("^/stories/(\\d+).*$", "$1"));
        long none = id + 1_000_000;

        HttpVisitor stranger = new HttpVisitor(port);
        HttpVisitor.Page pending = stranger.get("/stories/" + id + "/manage");
        HttpVisitor.Page missing = stranger.get("/stories/" + none + "/manage");
        assertThat(pending.status()).isEqualTo(missing.status());
        assertThat(withoutToken(pending).replace(String.valueOf(id), "N"))
                .isEqualTo(withoutToken(missing).replace(String.valueOf(none), "N"));
        HttpVisitor.Page wrongKey = stranger.post("/stories/" + id + "/manage", "key", "guess");
        HttpVisitor.Page noStory = stranger.post("/stories/" + none + "/manage", "key", "guess");
        assertThat(wrongKey.status()).isEqualTo(422).isEqualTo(noStory.status());
        assertThat(wrongKey.document().select("main").text().replace(String.valueOf(id), "N"))
                .isEqualTo(noStory.document().select("main").text().replace(String.valueOf(none), "N"));
    }

    @Test
    void rolesOfAnAccountThatDoesNotExistAreNotFound() {
        HttpVisitor admin =
                HttpVisitor.signedInWithRole(port, jdbc, "Roles admin " + suffix(), PASSWORD, "ADMINISTRATOR");
        admin.get("/admin/accounts");
        HttpVisitor.Page answer = admin.post("/admin/accounts/-1/roles", "role", "MODERATOR");
        assertThat(answer.status()).isEqualTo(404);
    }

    @Test
    void aWriteToTheReadOnlyApiIsMethodNotAllowed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String method : List.of("POST", "PUT", "DELETE")) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/editions"))
                            .header("Accept", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(method).isEqualTo(405);
            assertThat(answer.headers().firstValue("Allow")).as(method).hasValueSatisfying(allow -> assertThat(allow)
                    .contains("GET"));
            assertThat(answer.body()).contains("405");
        }
    }

    @Test
    void everyPageHasADescriptionInItsLanguage() {
        Document english = new HttpVisitor(port).speaking("en").get("/search").document();
        Document french = new HttpVisitor(port).speaking("fr").get("/search").document();
        String inEnglish = english.select("meta[name=description]").attr("content");
        String inFrench = french.select("meta[name=description]").attr("content");
        assertThat(inEnglish).isNotBlank().contains("Polyphony");
        assertThat(inFrench).isNotBlank().isNotEqualTo(inEnglish);
        assertThat(new HttpVisitor(port)
                        .get("/editions/athens-2009")
                        .document()
                        .select("meta[name=description]")
                        .attr("content"))
                .isNotBlank()
                .hasSizeLessThanOrEqualTo(161);
    }

    /** The main part of a page without its CSRF token, which differs on every page. */
    private static String withoutToken(HttpVisitor.Page page) {
        Document document = page.document();
        document.select("input[name=_csrf]").remove();
        return document.select("main").html();
    }

    private static byte[] zip(String name, String content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static ListAppender<ILoggingEvent> listen() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root().addAppender(appender);
        return appender;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
