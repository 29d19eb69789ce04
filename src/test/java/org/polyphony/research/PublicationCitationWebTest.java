package org.polyphony.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A publication cited in a post (a link card under the post, listed on the publication's page until the post is
 * hidden) and in a regional report (through antennas' "cite in my report", listed once the report is published).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicationCitationWebTest {

    static final String PASSWORD = "evidence for policy";
    static final String EDITION = "/editions/athens-2009";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPostCitesAPublicationAsACardAndThePublicationListsItUntilThePostIsHidden() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long publication = publication(suffix);
        HttpVisitor participant = HttpVisitor.signedUp(port, "Citing participant " + suffix, PASSWORD);
        assertThat(participant
                        .get("/research/library/" + publication)
                        .document()
                        .select("code")
                        .text())
                .contains("/research/library/" + publication);
        String thread = participant.startThread(
                EDITION + "/sessions/3.1/threads",
                "Evidence on fees " + suffix,
                "The figures are in [this report](/research/library/" + publication + ") and nowhere else.");

        for (HttpVisitor reader : new HttpVisitor[] {new HttpVisitor(port), participant}) {
            Document page = reader.get(thread).document();
            assertThat(page.select(".link-card a").attr("href")).isEqualTo("/research/library/" + publication);
            assertThat(page.select(".link-card").text())
                    .contains("Recruitment fees and migrant workers " + suffix)
                    .contains("Ruhs, Martin (2013)");
        }
        Document cited =
                new HttpVisitor(port).get("/research/library/" + publication).document();
        assertThat(cited.select("#cited + ul a").attr("href")).startsWith(thread);
        assertThat(cited.select("#cited + ul").text()).contains("Evidence on fees " + suffix);

        // a link to a publication that does not exist shows no card and breaks nothing
        String other = participant.startThread(
                EDITION + "/sessions/3.1/threads", "Nothing " + suffix, "See [x](/research/library/99999999999).");
        assertThat(new HttpVisitor(port).get(other).document().select(".link-card"))
                .isEmpty();

        long postId = jdbc.sql("SELECT id FROM dialogue_post WHERE thread_id = :t AND position = 1")
                .param("t", Long.parseLong(thread.substring("/threads/".length())))
                .query(Long.class)
                .single();
        HttpVisitor moderator = HttpVisitor.signedInWithRole(port, jdbc, "Moderator " + suffix, PASSWORD, "MODERATOR");
        moderator.get("/moderation");
        moderator.post("/moderation/posts/" + postId + "/hide", "reason", "test");
        assertThat(new HttpVisitor(port)
                        .get("/research/library/" + publication)
                        .document()
                        .select("#cited + ul")
                        .text())
                .doesNotContain("Evidence on fees " + suffix);
    }

    @Test
    void aRapporteurCitesAPublicationInAReportWhichThePublicationListsOncePublished() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long publication = publication(suffix);
        HttpVisitor organiser = HttpVisitor.signedInWithRole(port, jdbc, "Organiser " + suffix, PASSWORD, "ORGANISER");
        String rapporteurName = "Rapporteur " + suffix;
        HttpVisitor rapporteur = HttpVisitor.signedUp(port, rapporteurName, PASSWORD);
        HttpVisitor participant = HttpVisitor.signedUp(port, "Reader " + suffix, PASSWORD);
        organiser.get(EDITION + "/antennas");
        String hub = organiser
                .post(EDITION + "/antennas", "name", "Evidence hub " + suffix, "language", "en")
                .redirect()
                .replace("/manage", "");
        organiser.get(hub + "/manage");
        organiser.post(hub + "/roles", "person", rapporteurName, "role", "RAPPORTEUR");

        // only a rapporteur is offered the action, and only a rapporteur may use it
        assertThat(participant.get("/research/library/" + publication).body()).doesNotContain("Cite in my report");
        assertThat(participant.get("/antennas/cite?publication=" + publication).status())
                .isEqualTo(403);
        Document offered = rapporteur.get("/research/library/" + publication).document();
        assertThat(offered.select("form[action=/antennas/cite] input[name=publication]")
                        .val())
                .isEqualTo(String.valueOf(publication));

        rapporteur.get(hub + "/reports/new");
        String reportPath = rapporteur
                .post(hub + "/reports", "title", "Fees report " + suffix, "language", "en", "sessions", "3.1")
                .redirect()
                .replace("/edit", "");
        long reportId = Long.parseLong(reportPath.substring("/reports/".length()));
        Document choose =
                rapporteur.get("/antennas/cite?publication=" + publication).document();
        assertThat(choose.select(".citation").text())
                .contains("Recruitment fees and migrant workers " + suffix)
                .contains("What workers pay");
        var cited = rapporteur.post(
                "/antennas/cite",
                "publication",
                String.valueOf(publication),
                "target",
                "new:" + reportId,
                "text",
                "Fees are documented.");
        assertThat(cited.redirect()).startsWith(reportPath + "/edit#point-");
        assertThat(rapporteur
                        .post("/antennas/cite", "publication", "99999999999", "target", "new:" + reportId, "text", "x")
                        .status())
                .isIn(403, 404, 422);
        assertThat(rapporteur
                        .post("/antennas/cite", "publication", "1x", "target", "new:" + reportId)
                        .status())
                .isEqualTo(404);

        // a draft is the hub's business: not listed
        assertThat(new HttpVisitor(port).get("/research/library/" + publication).body())
                .doesNotContain("Fees report " + suffix);
        rapporteur.get(reportPath + "/edit");
        rapporteur.post(reportPath + "/step", "step", "review");
        rapporteur.post(reportPath + "/step", "step", "publish");
        Document report = new HttpVisitor(port).get(reportPath).document();
        assertThat(report.select(".citation a").attr("href")).isEqualTo("/research/library/" + publication);
        assertThat(report.select(".citation").text()).contains("Recruitment fees and migrant workers " + suffix);
        Document listed =
                new HttpVisitor(port).get("/research/library/" + publication).document();
        assertThat(listed.select("#cited ~ ul a[href=" + reportPath + "]").text())
                .contains("Fees report " + suffix);

        // a publication removed from the library shows as withdrawn in the report
        jdbc.sql("DELETE FROM research_publication WHERE id = :id")
                .param("id", publication)
                .update();
        assertThat(new HttpVisitor(port)
                        .get(reportPath)
                        .document()
                        .select(".citation")
                        .text())
                .contains("withdrawn")
                .doesNotContain("What workers pay");
    }

    private long publication(String suffix) {
        HttpVisitor researcher = HttpVisitor.signedUp(port, "Librarian " + suffix, PASSWORD);
        researcher.get("/research/library/import");
        String bibtex =
                """
                @article{fees%1$s,
                  title = {Recruitment fees and migrant workers %1$s},
                  author = {Ruhs, Martin},
                  year = {2013},
                  abstract = {What workers pay to be hired abroad.}
                }
                """
                        .formatted(suffix);
        assertThat(researcher
                        .postMultipart("/research/library/import", "text", bibtex, "file", new byte[0])
                        .status())
                .isEqualTo(200);
        return jdbc.sql("SELECT id FROM research_publication WHERE cite_key = :k")
                .param("k", "fees" + suffix)
                .query(Long.class)
                .single();
    }
}
