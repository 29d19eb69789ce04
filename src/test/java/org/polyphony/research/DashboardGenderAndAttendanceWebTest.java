package org.polyphony.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
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
 * The gender people may state in their profile (optional, never shown, deletable) and the meetings' attendance, as
 * the participation dashboard counts them, small groups hidden with their complements. In an edition of the test's
 * own, so that the counts are exactly the test's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardGenderAndAttendanceWebTest {

    static final String PASSWORD = "counted in groups";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStatedGenderIsNeverShownCanBeDeletedAndRefusesWhatIsTooLong() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "Stating " + suffix;
        HttpVisitor person = HttpVisitor.signedUp(port, name, PASSWORD);
        Document form = person.get("/people/me/edit").document();
        assertThat(form.select("#gender").val()).isEmpty();
        assertThat(form.select("#gender-heading + p").text()).contains("never shown");

        String tooLong = "x".repeat(41);
        var refused = person.post("/people/me/gender", "gender", tooLong);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().select("#gender-error").text()).contains("40");
        assertThat(refused.document().select("#gender").val()).isEqualTo(tooLong);
        // control characters are dropped by the platform and line breaks folded: one line of plain text is kept
        person.post("/people/me/gender", "gender", "bad\u0007\nwords");
        assertThat(person.get("/people/me/edit").document().select("#gender").val())
                .isEqualTo("bad words");

        assertThat(person.post("/people/me/gender", "gender", "  Femme   trans ")
                        .redirect())
                .isEqualTo("/people/me/edit?notice=gender");
        assertThat(person.get("/people/me/edit").document().select("#gender").val())
                .isEqualTo("Femme trans");
        long id = jdbc.sql("SELECT id FROM accounts_account WHERE display_name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
        assertThat(new HttpVisitor(port).get("/people/" + id).body()).doesNotContain("Femme trans");
        assertThat(person.get("/people/" + id).body()).doesNotContain("Femme trans");
        assertThat(new HttpVisitor(port).get("/api/people/" + id).body()).doesNotContain("Femme trans");

        person.get("/people/me/edit");
        assertThat(person.post("/people/me/gender", "remove", "true").redirect())
                .isEqualTo("/people/me/edit?notice=genderRemoved");
        assertThat(jdbc.sql("SELECT count(*) FROM people_stated_gender WHERE account_id = :a")
                        .param("a", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** A stated gender is in its owner's data download, with what it is used for, and goes with their account. */
    @Test
    void aStatedGenderIsInTheDataDownloadAndGoesWithTheAccount() {
        String name = "Downloading " + UUID.randomUUID().toString().substring(0, 8);
        HttpVisitor person = HttpVisitor.signedUp(port, name, PASSWORD);
        person.get("/people/me/edit");
        person.post("/people/me/gender", "gender", "Non-binary");
        long id = jdbc.sql("SELECT id FROM accounts_account WHERE display_name = :n")
                .param("n", name)
                .query(Long.class)
                .single();

        String data = person.get("/account/data").body();
        assertThat(data).contains("\"statedGender\"").contains("Non-binary").contains("counted in groups");
        HttpVisitor other = HttpVisitor.signedUp(port, "Other " + name, PASSWORD);
        assertThat(other.get("/account/data").body()).doesNotContain("Non-binary");

        person.get("/account");
        person.post("/account/delete", "currentPassword", PASSWORD);
        assertThat(jdbc.sql("SELECT count(*) FROM people_stated_gender WHERE account_id = :a")
                        .param("a", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theDashboardCountsStatedGendersAndMeetingAttendanceWithSmallCellsHidden() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        HttpVisitor organiser =
                HttpVisitor.signedInWithRole(port, jdbc, "Counting organiser " + suffix, PASSWORD, "ORGANISER");
        String slug = ResearchAgendaWebTest.edition(organiser, suffix);
        String threads = "/editions/" + slug + "/sessions/3.1/threads";
        // six women (however they write it), one man, five who state nothing
        List<String> genders = new ArrayList<>(List.of("woman", "Woman", "woman", "WOMAN", "woman", "woman", "man"));
        for (int i = 0; i < 5; i++) {
            genders.add("");
        }
        for (int i = 0; i < genders.size(); i++) {
            HttpVisitor participant = HttpVisitor.signedUp(port, "Counted " + i + " " + suffix, PASSWORD);
            if (!genders.get(i).isEmpty()) {
                participant.get("/people/me/edit");
                participant.post("/people/me/gender", "gender", genders.get(i));
            }
            participant.startThread(threads, "Thread " + i + " " + suffix, "Words number " + i + ".");
        }

        organiser.get("/editions/" + slug + "/antennas");
        String hub = organiser
                .post("/editions/" + slug + "/antennas", "name", "Hub " + suffix, "language", "en")
                .redirect()
                .replace("/manage", "");
        organiser.get(hub + "/meetings/new");
        String meeting = organiser
                .post(
                        hub + "/meetings",
                        "title",
                        "Counted meeting " + suffix,
                        "kind",
                        "REGIONAL",
                        "date",
                        LocalDate.now().plusDays(30).toString(),
                        "startTime",
                        "10:00",
                        "endTime",
                        "12:00",
                        "timeZone",
                        "Africa/Dakar",
                        "mode",
                        "IN_PERSON",
                        "place",
                        "Dakar",
                        "language",
                        "en")
                .redirect();
        organiser.get(meeting + "/minutes");
        assertThat(organiser
                        .post(
                                meeting + "/minutes",
                                "minutes",
                                "We met.",
                                "language",
                                "en",
                                "outcomes",
                                "",
                                "byRegion",
                                "western-africa: 12\nnorthern-africa: 3\natlantis: 6",
                                "byGender",
                                "woman: 9\nman: 2")
                        .status())
                .isLessThan(400);

        Document dashboard =
                organiser.get("/editions/" + slug + "/participation").document();
        // 1 is below the minimum ("man", counted as "in other words"), and 5 is hidden too, or 12 − 6 would give it
        assertThat(rows(dashboard, "Participants by the gender they stated in their profile"))
                .containsExactly("Not stated suppressed", "In other words suppressed", "woman 6", "Total 12");
        assertThat(dashboard.select("table.breakdown").text())
                .doesNotContain("WOMAN")
                .doesNotContain(" man ");
        // 3 hidden, and the 6 not known as a region with it
        assertThat(rows(dashboard, "Attendance by region"))
                .containsExactly(
                        "Northern Africa suppressed", "Not stated suppressed", "Western Africa 12", "Total 21");
        // 2 is hidden ("in other words"), so 9 is too: the total would give it away
        assertThat(rows(dashboard, "Attendance by gender, where people chose to say"))
                .containsExactly("In other words suppressed", "woman suppressed", "Total 11");
        assertThat(rows(dashboard, "Attendance by month of the meeting"))
                .containsExactly(LocalDate.now().plusDays(30).toString().substring(0, 7) + " 21", "Total 21");
        assertThat(dashboard.text()).contains("Meetings with attendance recorded: 1.");
    }

    private static List<String> rows(Document page, String caption) {
        Element table = page.select("table.breakdown").stream()
                .filter(t -> t.selectFirst("caption").text().equals(caption))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no table " + caption));
        List<String> rows = new ArrayList<>(table.select("tbody tr").eachText());
        rows.addAll(table.select("tfoot tr").eachText());
        return rows;
    }
}
