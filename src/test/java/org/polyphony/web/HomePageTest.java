package org.polyphony.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polyphony.PolyphonyWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PolyphonyWebTest
class HomePageTest {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "es", "pt", "ru", "zh", "ar"})
    void listsTheAthensRoundtablesInEachLanguage(String language) throws Exception {
        Document page = fetch(get("/").header("Accept-Language", language + ";q=1, en;q=0.5"));

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo(language);
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo(language.equals("ar") ? "rtl" : "ltr");
        String text = page.select("#edition-athens-2009 ~ ul, section:has(#edition-athens-2009)")
                .text();
        for (String title : athensRoundtableTitles(language)) {
            assertThat(text).contains(title);
        }
        assertThat(page.select("a[href=/editions/athens-2009/sessions/3.3]")).hasSize(1);
    }

    @Test
    void rendersTheInterfaceInTheChosenLanguage() throws Exception {
        Document french = fetch(get("/").header("Accept-Language", "fr-CA,fr;q=0.9"));
        Document english =
                fetch(get("/").header("Accept-Language", "fr-CA,fr;q=0.9").cookie(new Cookie("lang", "en")));

        assertThat(french.select("a.skip").text())
                .isNotEqualTo(english.select("a.skip").text());
        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void unsupportedLanguagesFallBackToEnglish() throws Exception {
        Document page = fetch(get("/").header("Accept-Language", "tl, sw;q=0.8"));

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void theLanguageSwitcherRemembersTheChoiceInACookie() throws Exception {
        MvcResult result = mvc.perform(
                        post("/language").with(csrf()).param("lang", "ar").param("return", "/editions/athens-2009"))
                .andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/editions/athens-2009");
        Cookie cookie = result.getResponse().getCookie("lang");
        assertThat(cookie.getValue()).isEqualTo("ar");
        Document page = fetch(get("/editions/athens-2009").cookie(cookie));
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
    }

    @Test
    void anonymousReadersSwitchLanguageWithAPlainLinkAndTheirPagesCarryNoToken() throws Exception {
        Document page = fetch(get("/editions/athens-2009"));
        assertThat(page.select("form.language").attr("method")).isEqualTo("get");
        assertThat(page.select("input[name=_csrf]")).isEmpty();

        MvcResult result = mvc.perform(get("/language").param("lang", "zh").param("return", "/editions/athens-2009"))
                .andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/editions/athens-2009");
        assertThat(result.getResponse().getCookie("lang").getValue()).isEqualTo("zh");
    }

    @Test
    void theLanguageSwitcherNeverRedirectsOffSite() throws Exception {
        MvcResult result = mvc.perform(
                        post("/language").with(csrf()).param("lang", "fr").param("return", "//evil.example/"))
                .andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void aReturnPathWithTemplateBracesIsRefused() throws Exception {
        MvcResult result = mvc.perform(
                        post("/language").with(csrf()).param("lang", "fr").param("return", "/{x}"))
                .andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void aSessionPageShowsBackgroundAndMainIssues() throws Exception {
        Document page = fetch(get("/editions/athens-2009/sessions/1.2").header("Accept-Language", "en"));

        assertThat(page.select("h1").text()).contains("1.2").contains("diasporas");
        assertThat(page.select("ol.prompts > li")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(page.select("main").text()).contains("Partnerships need to be developed");
    }

    @Test
    void theDemoAgendaReadsInTheReadersLanguage() throws Exception {
        // texts shown in another language than the page's keep their own lang attribute: AgendaEditingTest
        Document page = fetch(get("/editions/athens-2009/sessions/1.1").header("Accept-Language", "ru"));

        assertThat(page.select("main div[lang=en], ol.prompts span[lang=en]")).isEmpty();
        assertThat(page.select("ol.prompts").text()).containsPattern("\\p{IsCyrillic}{4,}");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        var response = mvc.perform(get("/")).andReturn().getResponse();

        assertThat(response.getHeader("Content-Security-Policy"))
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void pagesReferenceNoOtherHost() throws Exception {
        Document page = fetch(get("/"));

        assertThat(page.select("[src], link[href], script")).allSatisfy(element -> {
            String url = element.hasAttr("src") ? element.attr("src") : element.attr("href");
            assertThat(url).startsWith("/").doesNotStartWith("//");
        });
        assertThat(page.select("script")).isEmpty();
    }

    @Test
    void healthIsReported() throws Exception {
        var response = mvc.perform(get("/actuator/health")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("\"status\":\"UP\"");
    }

    private Document fetch(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    static List<String> athensRoundtableTitles(String language) throws IOException {
        JsonNode agenda =
                JsonMapper.builder().build().readTree(new ClassPathResource("demo/agenda.json").getInputStream());
        for (JsonNode edition : agenda.get("editions")) {
            if (edition.get("slug").asString().equals("athens-2009")) {
                return edition.get("roundtables")
                        .valueStream()
                        .map(r -> r.get("title").get(language).asString())
                        .toList();
            }
        }
        throw new AssertionError("no Athens edition in the demo agenda");
    }
}
