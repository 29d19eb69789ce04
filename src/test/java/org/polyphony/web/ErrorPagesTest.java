package org.polyphony.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Error pages need the servlet container's error dispatch, so these run against a real server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPagesTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void unknownAddressesGetALocalizedNotFoundPage() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/editions/no-such-edition"))
                .header("Accept", "text/html,*/*;q=0.8")
                .header("Accept-Language", "es"));

        assertThat(response.statusCode()).isEqualTo(404);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("es");
        assertThat(page.select("h1").text()).isNotBlank().doesNotContain("error.");
        assertThat(page.select("a[href=/]")).isNotEmpty();
    }

    @Test
    void aPathThatMatchesNothingIsAlsoALocalizedPage() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/no/such/page.php")).header("Accept-Language", "ar"));

        assertThat(response.statusCode()).isEqualTo(404);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
    }

    @Test
    void apiClientsGetJsonErrors() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/editions/no-such-edition")).header("Accept", "application/json"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"status\":404,\"error\":\"Not Found\"}");
    }

    @Test
    void aMalformedRequestShowsNoStackTrace() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/editions/athens-2009/roundtables/x/edit"))
                .header("Accept-Language", "fr"));

        assertThat(response.statusCode()).isBetween(300, 499);
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("at org.")
                .doesNotContain("at java.");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
