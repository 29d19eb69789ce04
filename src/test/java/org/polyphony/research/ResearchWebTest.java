package org.polyphony.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The library and datasets over HTTP against the running application and PostgreSQL, without JavaScript. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResearchWebTest {

    static final String PASSWORD = "evidence for policy";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Datasets datasets;

    @Test
    void aBibTeXImportKeepsTheGoodEntriesNamesTheBadOneAndASessionListsALinkedPublication() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        HttpVisitor researcher = HttpVisitor.signedUp(port, "Researcher " + suffix, PASSWORD);
        researcher.get("/research/library/import");
        String bibtex =
                """
                @techreport{good%1$s,
                  title = {Remittances and development %1$s},
                  author = {Ratha, Dilip and Mohapatra, Sanket},
                  year = {2008},
                  institution = {World Bank}
                }
                @book{broken%1$s,
                  title = {Never closed
                  year = 2009
                """
                        .formatted(suffix);
        HttpVisitor.Page imported =
                researcher.postMultipart("/research/library/import", "text", bibtex, "file", new byte[0]);
        assertThat(imported.status()).isEqualTo(200);
        Document page = imported.document();
        assertThat(page.select(".import-result a").eachText()).contains("Remittances and development " + suffix);
        assertThat(page.select(".refused li").text())
                .contains("broken" + suffix)
                .contains("line 7");

        long id = jdbc.sql("SELECT id FROM research_publication WHERE cite_key = :k")
                .param("k", "good" + suffix)
                .query(Long.class)
                .single();
        researcher.get("/research/library/" + id);
        assertThat(researcher
                        .post("/research/library/" + id + "/sessions", "session", "athens-2009/9.9")
                        .status())
                .isEqualTo(422);
        researcher.get("/research/library/" + id);
        assertThat(researcher
                        .post("/research/library/" + id + "/sessions", "session", "athens-2009/3.1")
                        .redirect())
                .isEqualTo("/research/library/" + id);
        assertThat(new HttpVisitor(port)
                        .get("/editions/athens-2009/sessions/3.1")
                        .body())
                .contains("Remittances and development " + suffix);
        // search and both exports find it
        assertThat(new HttpVisitor(port)
                        .get("/research/library?q=" + suffix)
                        .document()
                        .select(".publications a")
                        .eachText())
                .containsExactly("Remittances and development " + suffix);
        assertThat(new HttpVisitor(port)
                        .get("/research/library.bib?q=" + suffix)
                        .body())
                .contains("@techreport{good" + suffix)
                .contains("author = {Ratha, Dilip and Mohapatra, Sanket}");
        assertThat(new HttpVisitor(port)
                        .get("/research/library.json?q=" + suffix)
                        .body())
                .contains("\"family\" : \"Ratha\"")
                .contains("\"date-parts\" : [ [ 2008 ] ]");
        // a malformed year in the query never gives a 500
        assertThat(new HttpVisitor(port)
                        .get("/research/library?from=abc&to=99999")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aSmallCellIsSuppressedOnThePageInTheApiAndInTheCsv() throws Exception {
        String csv =
                """
                country,sex,count
                SN,female,3
                SN,male,40
                PH,female,25
                PH,male,30
                MX,female,12
                MX,male,18
                """;
        long id = upload("Workers " + UUID.randomUUID(), csv).datasetId().orElseThrow();
        datasets.publish(id, 1);
        HttpVisitor reader = new HttpVisitor(port);
        Document page = reader.get("/research/datasets/" + id).document();
        assertThat(page.select("figure.chart svg").size()).isEqualTo(1);
        assertThat(page.select("figure.chart svg .suppressed").size()).isGreaterThan(0);
        assertThat(page.select("table.disaggregated td .suppressed").size()).isEqualTo(4);
        // the small cell's value is nowhere on the page
        assertThat(page.select("table.disaggregated tbody tr").last().text())
                .startsWith("SN")
                .doesNotContain(" 3 ");
        String json = reader.get("/api/research/datasets/" + id).body();
        assertThat(json).contains("{\"category\":\"SN\",\"sex\":\"female\",\"count\":null,\"suppressed\":true}");
        String download = reader.get("/research/datasets/" + id + "/data.csv").body();
        assertThat(download).contains("\"SN\",\"female\",,true").contains("\"total\",\"total\",128,false");
        assertThat(reader.get("/research/datasets/" + id + "?version=x").status())
                .isEqualTo(400);
    }

    @Test
    void aCsvInAnotherEncodingOrWithAnUnknownCountryIsRefusedByLineAndNothingIsSaved() throws Exception {
        String title = "Refused " + UUID.randomUUID();
        byte[] latin1 = "country,sex,count\nFR,femme,10\nFR,homme,12\nES,f\u00e9minin,9\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Datasets.Uploaded notUtf8 =
                datasets.create(described(title), null, false, Datasets.csv(new ByteArrayInputStream(latin1)));
        assertThat(notUtf8.datasetId()).isEmpty();
        assertThat(notUtf8.outcome().problems())
                .extracting(UploadProblem::key)
                .containsExactly("research.csv.encoding");

        Datasets.Uploaded unknown =
                upload(title, "country,sex,count\nFR,female,10\nXX,male,12\nFR,male,=1+2\nFR,male\n");
        assertThat(unknown.outcome().problems())
                .containsExactly(
                        new UploadProblem(3, 1, "research.csv.badCategory.COUNTRY", "XX"),
                        new UploadProblem(4, 3, "research.csv.badCount", "=1+2"),
                        new UploadProblem(5, 0, "research.csv.ragged", "2/3"));
        assertThat(jdbc.sql("SELECT count(*) FROM research_dataset WHERE title = :t")
                        .param("t", title)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anUploadWithoutItsDescriptionIsRefusedWith422() {
        HttpVisitor researcher = HttpVisitor.signedUp(
                port, "Uploader " + UUID.randomUUID().toString().substring(0, 6), PASSWORD);
        researcher.get("/research/datasets/new");
        HttpVisitor.Page refused = researcher.postMultipart(
                "/research/datasets",
                "title",
                "Only a title",
                "file",
                "country,sex,count\nFR,female,10\n".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().select("#source-error").text()).isEqualTo("Fill this in.");
        assertThat(refused.document().select("#title").val()).isEqualTo("Only a title");
        assertThat(new HttpVisitor(port).get("/research/datasets/new").status()).isEqualTo(403);
    }

    @Test
    void aRateIsShownOnlyWhereItsCountIsAndABadRateIsNamedByLineAndColumnKeepingTheForm() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        HttpVisitor researcher = HttpVisitor.signedUp(port, "Rates " + suffix, PASSWORD);
        researcher.get("/research/datasets/new");
        String title = "Employment " + suffix;
        // two rows for Senegalese women (3 and 1: a small cell) and weighted rates elsewhere
        String csv =
                """
                country,sex,count,employment_rate
                SN,female,3,41.5
                SN,female,1,20
                SN,male,40,70
                PH,female,25,60
                PH,female,25,50
                PH,male,30,
                MX,female,12,44.25
                MX,male,18,81
                """;
        HttpVisitor.Page bad = researcher.postMultipart(
                "/research/datasets",
                form(title, "employment_rate", "RATE", "%"),
                List.of(new HttpVisitor.FilePart(
                        "file",
                        "rates.csv",
                        "text/csv",
                        csv.replace("MX,male,18,81", "MX,male,18,=1+2").getBytes(StandardCharsets.UTF_8))));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.document().select(".error-summary").text())
                .contains("Line 9, column 4")
                .contains("“=1+2” is not a number of zero or more");
        assertThat(bad.document().select("#measureColumn").val()).isEqualTo("employment_rate");
        assertThat(bad.document().select("#measureUnit").val()).isEqualTo("%");
        assertThat(jdbc.sql("SELECT count(*) FROM research_dataset WHERE title = :t")
                        .param("t", title)
                        .query(Long.class)
                        .single())
                .isZero();
        HttpVisitor.Page noUnit = researcher.postMultipart(
                "/research/datasets",
                form(title, "employment_rate", "RATE", " "),
                List.of(new HttpVisitor.FilePart(
                        "file", "rates.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))));
        assertThat(noUnit.status()).isEqualTo(422);
        assertThat(noUnit.document().select("#measureUnit-error").text())
                .isEqualTo("Give the unit of the second measure.");

        HttpVisitor.Page accepted = researcher.postMultipart(
                "/research/datasets",
                form(title, "employment_rate", "RATE", "%"),
                List.of(new HttpVisitor.FilePart(
                        "file", "rates.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))));
        assertThat(accepted.status()).isEqualTo(302);
        long id = jdbc.sql("SELECT id FROM research_dataset WHERE title = :t")
                .param("t", title)
                .query(Long.class)
                .single();
        datasets.publish(id, 1);
        HttpVisitor reader = new HttpVisitor(port);
        Document page = reader.get("/research/datasets/" + id).document();
        var rates = page.select("table.disaggregated").get(1);
        // PH women: (25 × 60 + 25 × 50) / 50; PH men gave no rate; SN women (4 people) are suppressed with their
        // count, and with them the cells suppressed so that theirs cannot be worked out (Mexico's, the smallest)
        assertThat(rates.select("tbody tr").eachText())
                .contains("MX suppressed suppressed suppressed", "PH 55 not available 55");
        // a total over a hidden cell would be an equation over hidden rates: not shown either
        assertThat(rates.select("tfoot tr").text()).isEqualTo("Total suppressed suppressed suppressed");
        assertThat(rates.select("tbody tr").last().text()).startsWith("SN").doesNotContain("36.1");
        assertThat(rates.select("tbody tr").last().select(".suppressed")).isNotEmpty();
        String json = reader.get("/api/research/datasets/" + id).body();
        assertThat(json)
                .contains("\"measure\":{\"kind\":\"RATE\",\"unit\":\"%\"}")
                .contains("{\"category\":\"SN\",\"sex\":\"female\",\"count\":null,\"measure\":null,"
                        + "\"suppressed\":true,\"measureSuppressed\":true}")
                .contains("{\"category\":\"PH\",\"sex\":\"female\",\"count\":50,\"measure\":55,");
        String download = reader.get("/research/datasets/" + id + "/data.csv").body();
        assertThat(download)
                .startsWith("category,sex,count,rate,unit,suppressed,measure_suppressed\r\n")
                .contains("\"SN\",\"female\",,,\"%\",true,true")
                .contains("\"PH\",\"female\",50,55,\"%\",false,false")
                .contains("\"PH\",\"male\",30,,\"%\",false,false")
                .contains("\"MX\",\"total\",30,,\"%\",false,true")
                .contains("\"PH\",\"total\",80,55,\"%\",false,false")
                .doesNotContain("36.1")
                .doesNotContain("44.25");
    }

    @Test
    void aFileOverTheUploadLimitGetsAPageSayingSoAndNothingIsSaved() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        HttpVisitor researcher = HttpVisitor.signedUp(port, "Big file " + suffix, PASSWORD);
        researcher.get("/research/datasets/new");
        byte[] big = new byte[22 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) '1');
        HttpVisitor.Page refused = researcher.postMultipart(
                "/research/datasets",
                form("Too big " + suffix, "", "RATE", ""),
                List.of(new HttpVisitor.FilePart("file", "big.csv", "text/csv", big)));
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.document().select("h1").text()).isEqualTo("The file is too large");
        assertThat(jdbc.sql("SELECT count(*) FROM research_dataset WHERE title = :t")
                        .param("t", "Too big " + suffix)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static List<String> form(String title, String measureColumn, String measureKind, String unit) {
        return List.of(
                "title", title,
                "source", "Test source",
                "licence", "CC BY 4.0",
                "sexColumn", "sex",
                "categoryColumn", "country",
                "categoryKind", "COUNTRY",
                "countColumn", "count",
                "measureColumn", measureColumn,
                "measureKind", measureKind,
                "measureUnit", unit,
                "method", "");
    }

    @Test
    void aSecondCategoryMakesEachPairARowOfTheOneProtectedTable() throws Exception {
        String title = "By age " + UUID.randomUUID();
        String csv =
                """
                country,age,sex,count
                PH,15-24,female,30
                PH,15-24,male,28
                PH,25-34,female,41
                PH,25-34,male,2
                SN,15-24,female,16
                SN,15-24,male,22
                SN,25-34,female,19
                SN,25-34,male,35
                SN,25-34,male,1
                """;
        long id = datasets.create(
                        new Datasets.Described(
                                title,
                                "Test source",
                                "CC BY 4.0",
                                "",
                                new DatasetSchema(
                                        "sex", "country", DatasetSchema.CategoryKind.COUNTRY, "count", null, "age")),
                        null,
                        false,
                        Datasets.csv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                .datasetId()
                .orElseThrow();
        datasets.publish(id, 1);
        HttpVisitor reader = new HttpVisitor(port);
        Document page = reader.get("/research/datasets/" + id).document();
        assertThat(page.select("table.disaggregated tbody th").eachText())
                .containsExactly("PH · 15-24", "PH · 25-34", "SN · 15-24", "SN · 25-34");
        // the two Philippine men of 25–34 are hidden with their complements; no map of countries alone is drawn,
        // which would be a second view to subtract from this one
        assertThat(page.select("table.disaggregated tbody tr").get(1).select(".suppressed"))
                .isNotEmpty();
        assertThat(page.select("figure.map")).isEmpty();
        assertThat(reader.get("/api/research/datasets/" + id).body())
                .contains("{\"category\":\"SN\",\"secondCategory\":\"25-34\",\"sex\":\"male\",\"count\":36,");
        assertThat(reader.get("/research/datasets/" + id + "/data.csv").body())
                .startsWith("category,second_category,sex,count,suppressed\r\n")
                .contains("\"PH\",\"25-34\",\"male\",,true")
                .contains("\"total\",\"\",\"total\",194,false");
        Datasets.Uploaded refused = datasets.create(
                new Datasets.Described(
                        title + " refused",
                        "Test source",
                        "CC BY 4.0",
                        "",
                        new DatasetSchema("sex", "country", DatasetSchema.CategoryKind.COUNTRY, "count", null, "age")),
                null,
                false,
                Datasets.csv(new ByteArrayInputStream(
                        "country,age,sex,count\nPH,,female,3\n".getBytes(StandardCharsets.UTF_8))));
        assertThat(refused.outcome().problems())
                .containsExactly(new UploadProblem(2, 2, "research.csv.badCategory.OTHER", ""));
    }

    private Datasets.Uploaded upload(String title, String csv) throws Exception {
        return datasets.create(
                described(title),
                null,
                false,
                Datasets.csv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
    }

    private static Datasets.Described described(String title) {
        return new Datasets.Described(
                title,
                "Test source",
                "CC BY 4.0",
                "",
                new DatasetSchema("sex", "country", DatasetSchema.CategoryKind.COUNTRY, "count"));
    }
}
