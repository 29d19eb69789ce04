package org.polyphony.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
 * What a publication is about: the person who added it sets its themes, regions and countries on its page, bad input
 * is refused next to its field with nothing changed, others may not, and the library filters by them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicationSubjectsWebTest {

    static final String PASSWORD = "themes worth finding";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    record Stored(List<String> themes, List<String> regions, List<String> countries) {}

    Stored stored(long id) {
        return jdbc.sql("SELECT themes, regions, countries FROM research_publication WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Stored(
                        List.of((String[]) rs.getArray("themes").getArray()),
                        List.of((String[]) rs.getArray("regions").getArray()),
                        List.of((String[]) rs.getArray("countries").getArray())))
                .single();
    }

    @Test
    void theAdderDescribesAPublicationThatTheLibraryThenFindsByThemeRegionAndCountry() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String title = "Recruitment fees in the Gulf corridor " + suffix;
        HttpVisitor researcher = HttpVisitor.signedUp(port, "Subjects researcher " + suffix, PASSWORD);
        researcher.get("/research/library/import");
        researcher.postMultipart(
                "/research/library/import",
                "text",
                "@report{subjects" + suffix + ", title = {" + title + "}, year = {2018}}",
                "file",
                new byte[0]);
        long id = jdbc.sql("SELECT id FROM research_publication WHERE cite_key = :k")
                .param("k", "subjects" + suffix)
                .query(Long.class)
                .single();
        String page = "/research/library/" + id;
        String theme = "fees " + suffix;

        Document form = researcher.get(page).document();
        assertThat(form.select("form[action=" + page + "/subjects] input[name=_csrf]"))
                .isNotEmpty();
        assertThat(form.select("#subjects-regions input[type=checkbox][value=western-africa]"))
                .isNotEmpty();
        HttpVisitor.Page saved = researcher.post(
                page + "/subjects",
                "themes",
                " Domestic work ,  " + theme + ", domestic WORK",
                "regions",
                "western-africa",
                "countries",
                "sn, Philippines, cote d'ivoire");
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.redirect()).isEqualTo(page + "?subjectsSaved");
        assertThat(stored(id))
                .isEqualTo(new Stored(
                        List.of("Domestic work", theme), List.of("western-africa"), List.of("SN", "PH", "CI")));
        Document shown = saved.follow().document();
        assertThat(shown.select(".notice[role=status]").text()).contains("saved");
        assertThat(shown.select(".subjects-themes a").eachText()).containsExactly("Domestic work", theme);
        assertThat(shown.select(".subjects-regions").text()).isEqualTo("Western Africa");
        assertThat(shown.select(".subjects-countries a").eachText())
                .containsExactly("Senegal", "Philippines", "Côte d’Ivoire");
        assertThat(shown.selectFirst("#subjects-countries").val()).isEqualTo("SN, PH, CI");
        assertThat(shown.selectFirst("#subjects-regions input[value=western-africa]")
                        .hasAttr("checked"))
                .isTrue();
        // a reader sees the names in their own language
        Document french = new HttpVisitor(port).speaking("fr").get(page).document();
        assertThat(french.select(".subjects-regions").text()).isEqualTo("Afrique de l’Ouest");
        assertThat(french.select(".subjects-countries a").eachText()).contains("Sénégal");
        assertThat(french.select("form[action=" + page + "/subjects]")).isEmpty();

        // an unknown country: refused next to its field, what was typed kept, nothing changed
        researcher.get(page);
        HttpVisitor.Page refused =
                researcher.post(page + "/subjects", "themes", "changed " + suffix, "countries", "SN, Atlantis");
        assertThat(refused.status()).isEqualTo(422);
        Document again = refused.document();
        Element countries = again.selectFirst("#subjects-countries");
        assertThat(countries.val()).isEqualTo("SN, Atlantis");
        assertThat(countries.attr("aria-invalid")).isEqualTo("true");
        assertThat(countries.attr("aria-describedby")).isEqualTo("subjects-countries-error");
        assertThat(again.select("#subjects-countries-error").text())
                .contains("“Atlantis” is not a country")
                .contains("ISO code");
        assertThat(again.select(".error-summary a[href=#subjects-countries]").text())
                .contains("Atlantis");
        assertThat(again.selectFirst("#subjects-themes").val()).isEqualTo("changed " + suffix);
        assertThat(again.selectFirst("#subjects-themes").hasAttr("aria-invalid"))
                .isFalse();
        assertThat(stored(id).countries()).containsExactly("SN", "PH", "CI");
        assertThat(stored(id).themes()).containsExactly("Domestic work", theme);

        // too long a theme, and a region not on the list, in French: both refused at once
        // the account's language wins over the browser's, so the researcher switches as a person would
        researcher.post("/language", "lang", "fr", "return", page);
        researcher.get(page);
        HttpVisitor.Page tooLong =
                researcher.post(page + "/subjects", "themes", "x".repeat(61), "regions", "atlantis", "countries", "");
        assertThat(tooLong.status()).isEqualTo(422);
        Document french422 = tooLong.document();
        assertThat(french422.select(".error-summary li")).hasSize(2);
        assertThat(french422.select("#subjects-themes-error").text()).contains("dépasse 60 caractères");
        assertThat(french422.select("#subjects-regions-error").text()).contains("Choisissez les régions");
        assertThat(french422.selectFirst("#subjects-regions").attr("aria-describedby"))
                .isEqualTo("subjects-regions-error");
        researcher.post("/language", "lang", "en", "return", page);
        researcher.get(page);
        StringBuilder many = new StringBuilder();
        for (int i = 1; i <= 21; i++) many.append("theme ").append(i).append(", ");
        HttpVisitor.Page tooMany = researcher.post(page + "/subjects", "themes", many.toString());
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.document().select("#subjects-themes-error").text()).contains("21 themes: at most 20");
        assertThat(stored(id))
                .isEqualTo(new Stored(
                        List.of("Domestic work", theme), List.of("western-africa"), List.of("SN", "PH", "CI")));

        // nobody else may change them, signed in or not; an unknown publication is not found
        HttpVisitor stranger = HttpVisitor.signedUp(port, "Subjects stranger " + suffix, PASSWORD);
        assertThat(stranger.get(page).document().select("form[action=" + page + "/subjects]"))
                .isEmpty();
        assertThat(stranger.post(page + "/subjects", "themes", "vandalised", "countries", "FR")
                        .status())
                .isEqualTo(403);
        HttpVisitor anonymous = new HttpVisitor(port);
        anonymous.get(page);
        assertThat(anonymous.post(page + "/subjects", "themes", "vandalised").status())
                .isEqualTo(403);
        assertThat(researcher
                        .post("/research/library/999999999/subjects", "themes", "x")
                        .status())
                .isEqualTo(404);
        assertThat(stored(id).themes()).containsExactly("Domestic work", theme);

        // the library's filters find it, by country, by region (named, or through a country in it), by theme
        HttpVisitor reader = new HttpVisitor(port);
        for (String filter : List.of(
                "country=SN",
                "country=ci",
                "region=western-africa",
                "region=south-eastern-asia",
                "theme=" + "FEES+" + suffix,
                "theme=fees+" + suffix + "&country=PH&region=western-africa")) {
            assertThat(reader.get("/research/library?" + filter)
                            .document()
                            .select(".publications a")
                            .eachText())
                    .as(filter)
                    .contains(title);
        }
        for (String filter :
                List.of("country=FR", "region=northern-europe", "theme=fees", "q=" + suffix + "&country=FR")) {
            assertThat(reader.get("/research/library?" + filter)
                            .document()
                            .select(".publications a")
                            .eachText())
                    .as(filter)
                    .doesNotContain(title);
        }
        Document filtered = reader.get("/research/library?country=SN&region=western-africa&theme=fees+" + suffix)
                .document();
        assertThat(filtered.select("#country option[selected]").val()).isEqualTo("SN");
        assertThat(filtered.select("#region option[selected]").val()).isEqualTo("western-africa");
        assertThat(filtered.selectFirst("#theme").val()).isEqualTo("fees " + suffix);
        assertThat(filtered.select("datalist#themes-in-use option").eachAttr("value"))
                .contains(theme);
        // an unknown filter value filters nothing rather than failing
        assertThat(reader.get("/research/library?country=Atlantis&region=atlantis")
                        .status())
                .isEqualTo(200);

        // the exports keep the selection, and carry the themes as keywords
        String csl = reader.get("/research/library.json?theme=fees+" + suffix).body();
        assertThat(csl).contains(title).contains("\"keyword\" : \"Domestic work, " + theme + "\"");
        String bib = reader.get("/research/library.bib?country=SN&q=" + suffix).body();
        assertThat(bib).contains(title).contains("keywords = {Domestic work, " + theme + "}");
    }
}
