package org.polyphony.research;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo library and datasets, as a first visitor finds them after the demo content is loaded. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoResearchTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theLibraryHoldsRealPublicationsWithTheirIdentifiersLinkedToAthensSessions() {
        HttpVisitor visitor = new HttpVisitor(port);
        Document library =
                visitor.get("/research/library?q=World+Migration+Report").document();
        assertThat(library.select(".publications a").eachText()).contains("World Migration Report 2020");
        long id = jdbc.sql("SELECT id FROM research_publication WHERE cite_key = 'iom-wmr-2020'")
                .query(Long.class)
                .single();
        Document publication = visitor.get("/research/library/" + id).document();
        assertThat(publication.text()).contains("978-92-9068-789-4");
        assertThat(publication.select("a[href=/editions/athens-2009/sessions/3.1]"))
                .isNotEmpty();

        Document session = visitor.get("/editions/athens-2009/sessions/3.1").document();
        assertThat(session.select("a[href=/research/library/" + id + "]")).isNotEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM research_publication WHERE cite_key IN (:keys)")
                        .param(
                                "keys",
                                DemoResearch.LIBRARY.stream()
                                        .map(d -> d.publication().citeKey())
                                        .toList())
                        .query(Long.class)
                        .single())
                .isEqualTo(12L);
        String doi = visitor.get("/research/library.bib?q=Trillion").body();
        assertThat(doi).contains("10.1257/jep.25.3.83");
    }

    @Test
    void theDemoPublicationsSayWhatTheyAreAboutAndTheLibraryFiltersByIt() {
        HttpVisitor visitor = new HttpVisitor(port);
        // the one demo publication about a country (the Philippines) is about its region, and found under it
        long yang = jdbc.sql("SELECT id FROM research_publication WHERE cite_key = 'yang-2008'")
                .query(Long.class)
                .single();
        Document page = visitor.get("/research/library/" + yang).document();
        assertThat(page.select(".subjects-countries").text()).isEqualTo("Philippines");
        assertThat(page.select(".subjects-regions").text()).isEqualTo("South-eastern Asia");
        assertThat(page.select(".subjects-themes a").eachText()).contains("remittances");
        assertThat(visitor.get("/research/library?region=south-eastern-asia")
                        .document()
                        .select(".publications a[href=/research/library/" + yang + "]"))
                .isNotEmpty();
        assertThat(visitor.get("/research/library?theme=Remittances")
                        .document()
                        .select(".publications a")
                        .eachText())
                .contains("Migration and Remittances Factbook 2011")
                .doesNotContain("Globalization, Brain Drain, and Development");
    }

    @Test
    void theDemoDatasetsAreLabelledAndHideTheirSmallCells() {
        HttpVisitor visitor = new HttpVisitor(port);
        long id = jdbc.sql(
                        "SELECT id FROM research_dataset WHERE demo AND category_kind = 'COUNTRY' ORDER BY id LIMIT 1")
                .query(Long.class)
                .single();
        Document page = visitor.get("/research/datasets/" + id).document();
        assertThat(page.text()).contains("Demo data").contains(DemoResearch.DEMO_SOURCE);
        assertThat(page.select("table.disaggregated .suppressed")).isNotEmpty();
        String csv = visitor.get("/research/datasets/" + id + "/data.csv").body();
        assertThat(csv).contains("\"MA\",\"female\",,true").doesNotContain("\"MA\",\"female\",3");
    }

    @Test
    void theDemoYearDatasetIsALineChartBrokenAtItsHiddenCell() {
        HttpVisitor visitor = new HttpVisitor(port);
        long id = jdbc.sql("SELECT id FROM research_dataset WHERE demo AND category_kind = 'YEAR' ORDER BY id LIMIT 1")
                .query(Long.class)
                .single();
        Document page = visitor.get("/research/datasets/" + id).document();
        var chart = page.select("figure.chart svg");
        assertThat(chart).hasSize(1);
        assertThat(chart.attr("aria-labelledby")).isEqualTo("line-chart-title");
        assertThat(page.select("#line-chart-title")).hasSize(1);
        assertThat(chart.select("path.series")).hasSize(2);
        assertThat(chart.select(".suppressed")).isNotEmpty();
        // the men of 2007 (2) are hidden, in the chart's texts as in the table
        assertThat(chart.select("text").eachText()).doesNotContain("2");
        assertThat(page.select("table.disaggregated .suppressed")).isNotEmpty();
    }

    @Test
    void theDemoRemittancesCarryAnAmountHiddenWithItsSmallCell() {
        HttpVisitor visitor = new HttpVisitor(port);
        long id = jdbc.sql("SELECT id FROM research_dataset WHERE demo AND measure_kind = 'AMOUNT' ORDER BY id LIMIT 1")
                .query(Long.class)
                .single();
        Document page = visitor.get("/research/datasets/" + id).document();
        assertThat(page.select("h2").eachText()).contains("Amount (USD)");
        var amounts = page.select("table.disaggregated").get(1);
        assertThat(amounts.select("caption").text()).contains("Amount (USD) by category and sex");
        assertThat(amounts.select("tbody tr").eachText()).contains("FR 30240 39200 69440");
        // the four Belgian women and what they sent are hidden, in both tables and in the download
        assertThat(page.text()).doesNotContain("880");
        assertThat(visitor.get("/research/datasets/" + id + "/data.csv").body())
                .contains("\"BE\",\"female\",,,\"USD\",true,true")
                .doesNotContain("880");
    }
}
