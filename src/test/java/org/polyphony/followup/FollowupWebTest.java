package org.polyphony.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.polyphony.HttpVisitor.FilePart;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The follow-up over HTTP without JavaScript, against the running application and PostgreSQL: bad CSV files,
 * refused forms and uploads, actions by people who may not take them, malformed parameters, the overdue notice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FollowupWebTest {

    static final String PASSWORD = "follow the commitments";
    static final String EDITION = "/editions/gfmd-2012/followup";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FollowupNotices notices;

    @Autowired
    FollowupTranslatableTexts translatable;

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    HttpVisitor organiser() {
        return HttpVisitor.signedInWithRole(port, jdbc, "Organiser " + suffix(), PASSWORD, "ORGANISER");
    }

    long organisation(HttpVisitor admin, String name) {
        admin.get("/organisations/new");
        String created =
                admin.post("/organisations", "name", name, "type", "NGO").redirect();
        assertThat(created).startsWith("/organisations/");
        return Long.parseLong(created.replaceAll("^/organisations/(\\d+).*", "$1"));
    }

    long count(String titlePart) {
        return jdbc.sql("SELECT count(*) FROM followup_recommendation WHERE title LIKE :t")
                .param("t", "%" + titlePart + "%")
                .query(Long.class)
                .single();
    }

    HttpVisitor.Page importCsv(HttpVisitor organiser, String csv) {
        organiser.get(EDITION + "/import");
        return organiser.postMultipart(
                EDITION + "/import",
                List.of(),
                List.of(new FilePart("file", "recommendations.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aCsvWithBadRowsNamesLineAndColumnAndImportsNothingUntilFixed() {
        String tag = suffix();
        HttpVisitor organiser = organiser();
        String bad = "theme,title,frameworks,countries\n"
                + "labour-mobility,Fair recruitment " + tag + ",ILO-C181;SDG-8.8,NP\n"
                + "unknown-theme,Second " + tag + ",,\n"
                + "governance,Third " + tag + ",ILO-C999,\n"
                + "labour-mobility,Fair recruitment " + tag + ",,\n"
                + "governance,Fourth " + tag + ",,XX\n";
        HttpVisitor.Page refused = importCsv(organiser, bad);
        assertThat(refused.status()).isEqualTo(422);
        List<String> problems = refused.document().select("#import-problems li").eachText();
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).contains("Line 3, column theme").contains("unknown-theme"))
                .anySatisfy(
                        p -> assertThat(p).contains("Line 4, column frameworks").contains("ILO-C999"))
                .anySatisfy(p -> assertThat(p).contains("Line 5, column title").contains("line 2"))
                .anySatisfy(
                        p -> assertThat(p).contains("Line 6, column countries").contains("XX"));
        assertThat(count(tag)).isZero();

        HttpVisitor.Page unclosed = importCsv(organiser, "theme,title\nlabour-mobility,\"Open " + tag + "\n");
        assertThat(unclosed.status()).isEqualTo(422);
        assertThat(unclosed.document().select("#import-problems li").text()).contains("Line 2");
        HttpVisitor.Page headerOnly = importCsv(organiser, "theme,title\n");
        assertThat(headerOnly.status()).isEqualTo(422);

        String good = "theme,title,frameworks,addressees\n"
                + "labour-mobility,Fair recruitment " + tag + ",ILO-C181;SDG-8.8,states;civil-society\n"
                + "governance,\"Binding engagements, " + tag + "\",,states\n";
        HttpVisitor.Page imported = importCsv(organiser, good);
        assertThat(imported.redirect()).isEqualTo(EDITION + "?notice=imported");
        assertThat(count(tag)).isEqualTo(2);
        String provenance = jdbc.sql("SELECT source_kind FROM followup_recommendation WHERE title = :t")
                .param("t", "Binding engagements, " + tag)
                .query(String.class)
                .single();
        assertThat(provenance).isEqualTo("CSV");
    }

    @Test
    void onlyOrganisersAddOrImportRecommendations() {
        HttpVisitor participant = HttpVisitor.signedUp(port, "Participant " + suffix(), PASSWORD);
        assertThat(participant.get(EDITION + "/new").status()).isEqualTo(403);
        assertThat(participant.get(EDITION + "/import").status()).isEqualTo(403);
        participant.get("/followup");
        String tag = suffix();
        assertThat(participant
                        .post(EDITION, "theme", "governance", "title", "Sneaked in " + tag)
                        .status())
                .isEqualTo(403);
        assertThat(count(tag)).isZero();
        assertThat(new HttpVisitor(port).get(EDITION + "/new").status()).isEqualTo(403);
    }

    @Test
    void theFormKeepsWhatWasTypedAndExplainsEachField() {
        HttpVisitor organiser = organiser();
        organiser.get(EDITION + "/new");
        String tag = suffix();
        HttpVisitor.Page refused = organiser.post(
                EDITION, "theme", "nonsense", "title", "Kept " + tag, "frameworks", "NOPE", "countries", "QQ");
        assertThat(refused.status()).isEqualTo(422);
        Document page = refused.document();
        assertThat(page.select("#title").val()).isEqualTo("Kept " + tag);
        assertThat(page.select("#theme-error").text()).contains("nonsense");
        assertThat(page.select(".error-summary li").eachText()).hasSize(3);
        assertThat(count(tag)).isZero();
        HttpVisitor.Page arabic = new HttpVisitor(port).speaking("ar").get(EDITION);
        assertThat(arabic.document().selectFirst("html").attr("dir")).isEqualTo("rtl");
    }

    @Test
    void anUpdateByAnyoneButTheOrganisationsAdminIsRefusedAndUploadsAreCheckedByContent() {
        String tag = suffix();
        HttpVisitor organiser = organiser();
        organiser.get(EDITION + "/new");
        String recommendation = organiser
                .post(EDITION, "theme", "labour-mobility", "title", "Uploads " + tag)
                .redirect();
        HttpVisitor admin = HttpVisitor.signedUp(port, "Admin " + tag, PASSWORD);
        long org = organisation(admin, "Org " + tag);
        admin.get(recommendation + "/commit");
        String commitment = admin.post(
                        recommendation + "/commit",
                        "organisation",
                        String.valueOf(org),
                        "action",
                        "Publish a guide",
                        "dueOn",
                        "2030-01-31",
                        "responsible",
                        "Policy officer")
                .redirect();
        assertThat(commitment).startsWith("/followup/commitments/");

        HttpVisitor stranger = HttpVisitor.signedUp(port, "Stranger " + tag, PASSWORD);
        stranger.get(commitment);
        HttpVisitor.Page forbidden = stranger.postMultipart(
                commitment + "/updates", List.of("level", "COMPLETE", "body", "Done, trust me"), List.of());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(updates(commitment)).isZero();

        admin.get(commitment);
        byte[] executable =
                "MZ\u0090\u0000 this program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
        HttpVisitor.Page exe = admin.postMultipart(
                commitment + "/updates",
                List.of("level", "LIMITED", "body", "Typed text stays " + tag),
                List.of(new FilePart("files", "report.pdf", "application/pdf", executable)));
        assertThat(exe.status()).isEqualTo(422);
        assertThat(exe.document().select(".error-summary").text()).contains("report.pdf is not a PDF");
        assertThat(exe.document().select("#body").text()).isEqualTo("Typed text stays " + tag);
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        HttpVisitor.Page script = admin.postMultipart(
                commitment + "/updates",
                List.of("level", "LIMITED", "body", "With a drawing"),
                List.of(new FilePart("files", "chart.png", "image/png", svg)));
        assertThat(script.status()).isEqualTo(422);
        byte[] huge = new byte[EvidenceFiles.MAX_SIZE + 1];
        System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 8);
        HttpVisitor.Page large = admin.postMultipart(
                commitment + "/updates",
                List.of("level", "LIMITED", "body", "Large"),
                List.of(new FilePart("files", "big.pdf", "application/pdf", huge)));
        assertThat(large.status()).isEqualTo(422);
        assertThat(large.document().select(".error-summary").text()).contains("5 MB");
        HttpVisitor.Page badLink = admin.postMultipart(
                commitment + "/updates",
                List.of("level", "LIMITED", "body", "Link", "links", "javascript:alert(1)"),
                List.of());
        assertThat(badLink.status()).isEqualTo(422);
        assertThat(updates(commitment)).isZero();

        byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        HttpVisitor.Page posted = admin.postMultipart(
                commitment + "/updates",
                List.of("level", "SUBSTANTIAL", "body", "The guide is printed.", "links", "https://example.org/guide"),
                List.of(new FilePart("files", "../guide <b>.pdf", "text/html", pdf)));
        assertThat(posted.status()).isEqualTo(302);
        Document page = admin.get(commitment).document();
        assertThat(page.select("#claimed").text()).isEqualTo("Substantial");
        String download = page.select("a[href^=/followup/evidence/]").attr("href");
        HttpVisitor.Page file = new HttpVisitor(port).get(download);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(file.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(file.header("Content-Type").orElseThrow()).startsWith("application/octet-stream");
        assertThat(file.body()).startsWith("%PDF-1.4");
        String api = new HttpVisitor(port)
                .get("/api/followup/commitments" + commitment.substring(commitment.lastIndexOf('/')))
                .body();
        assertThat(api)
                .contains("\"claimedLevel\":\"SUBSTANTIAL\"")
                .contains("https://example.org/guide")
                .contains(download)
                .doesNotContain("Admin " + tag);
    }

    @Test
    void anIndicatorsTargetMustComeAfterItsBaselineAndNumbersMustBeNumbers() {
        HttpVisitor organiser = organiser();
        organiser.get("/followup/indicators/new");
        HttpVisitor.Page refused = organiser.post(
                "/followup/indicators",
                "name",
                "Backwards " + suffix(),
                "unit",
                "states",
                "baselineValue",
                "12abc",
                "baselineOn",
                "2012-01-01",
                "targetValue",
                "20",
                "targetOn",
                "2011-01-01");
        assertThat(refused.status()).isEqualTo(422);
        Document page = refused.document();
        assertThat(page.select("#targetOn-error").text()).contains("after the baseline");
        assertThat(page.select("#baselineValue-error").text()).contains("number");
        assertThat(page.select("#baselineValue").val()).isEqualTo("12abc");
        HttpVisitor participant = HttpVisitor.signedUp(port, "Reader " + suffix(), PASSWORD);
        participant.get("/followup/indicators");
        assertThat(participant.post("/followup/indicators", "name", "x").status())
                .isEqualTo(403);
    }

    @Test
    void malformedParametersNeverGiveAServerError() {
        HttpVisitor visitor = new HttpVisitor(port);
        assertThat(visitor.get("/followup/recommendations/abc").status()).isEqualTo(400);
        assertThat(visitor.get("/followup/recommendations/99999999999").status())
                .isEqualTo(404);
        assertThat(visitor.get("/followup?status=NOPE&theme=%00&edition=zz").status())
                .isEqualTo(200);
        assertThat(visitor.get("/api/followup/recommendations?edition=none").body())
                .isEqualTo("[]");
        assertThat(visitor.get("/followup/evidence/12x").status()).isEqualTo(400);
        assertThat(visitor.get("/followup/indicators/0").status()).isEqualTo(404);
        HttpVisitor signedIn = HttpVisitor.signedUp(port, "Prober " + suffix(), PASSWORD);
        signedIn.get("/followup");
        assertThat(signedIn.post("/followup/follow", "kind", "COMMITMENT", "id", "1e3")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void followersAreToldOnceWhenADueDatePassesWithoutCompletion() {
        String tag = suffix();
        HttpVisitor organiser = organiser();
        organiser.get(EDITION + "/new");
        String recommendation = organiser
                .post(EDITION, "theme", "governance", "title", "Overdue " + tag)
                .redirect();
        HttpVisitor admin = HttpVisitor.signedUp(port, "Late " + tag, PASSWORD);
        long org = organisation(admin, "Late org " + tag);
        admin.get(recommendation + "/commit");
        String commitment = admin.post(
                        recommendation + "/commit",
                        "organisation",
                        String.valueOf(org),
                        "action",
                        "Something by last year",
                        "dueOn",
                        "2020-01-01",
                        "responsible",
                        "Nobody in particular")
                .redirect();
        HttpVisitor follower = HttpVisitor.signedUp(port, "Watcher " + tag, PASSWORD);
        follower.get(recommendation);
        follower.post("/followup/follow", "kind", "RECOMMENDATION", "id", recommendation.replaceAll("\\D", ""));
        notices.noticeOverdue();
        notices.noticeOverdue();
        List<String> listed =
                follower.get("/notifications").document().select(".card a").eachText();
        assertThat(listed.stream().filter(t -> t.contains("Overdue " + tag) && t.contains("due date")))
                .hasSize(1);
        assertThat(commitment).startsWith("/followup/commitments/");
        long watcher = jdbc.sql("SELECT id FROM accounts_account WHERE display_name = :n")
                .param("n", "Watcher " + tag)
                .query(Long.class)
                .single();
        // what the e-mail digest lists for this person
        assertThat(notices.since(
                        new org.polyphony.accounts.AccountId(watcher),
                        java.time.Instant.EPOCH,
                        java.util.Locale.FRENCH))
                .singleElement()
                .satisfies(item ->
                        assertThat(item.text()).contains("Overdue " + tag).contains("échéance"));
    }

    private long updates(String commitment) {
        return jdbc.sql("SELECT count(*) FROM followup_update WHERE commitment_id = :c")
                .param("c", Long.parseLong(commitment.replaceAll("\\D", "")))
                .query(Long.class)
                .single();
    }

    @Test
    void chosenParagraphsOfAConsultationOutcomeBecomeRecommendationsLinkedBackAllOrNone() {
        String tag = suffix();
        HttpVisitor organiser = organiser();
        organiser.get("/editions/gfmd-2012/consultations/new");
        String consultation = organiser
                .post(
                        "/editions/gfmd-2012/consultations",
                        "title",
                        "Outcome " + tag,
                        "purpose",
                        "A statement to follow up.",
                        "opens1",
                        java.time.LocalDate.now().toString(),
                        "closes1",
                        java.time.LocalDate.now().plusDays(10).toString(),
                        "opens2",
                        java.time.LocalDate.now().plusDays(20).toString(),
                        "closes2",
                        java.time.LocalDate.now().plusDays(30).toString(),
                        "draft",
                        "# Statement\n\nRecruitment fees should be paid by employers, never by workers " + tag
                                + ". They are a debt trap.\n\n## Rights\n\nRatify the Migrant Workers Convention "
                                + tag + ".\n\nA third paragraph " + tag + ".",
                        "audience",
                        "SIGNED_IN")
                .redirect();
        assertThat(consultation).matches("/consultations/\\d+");
        String id = consultation.substring("/consultations/".length());
        String page = EDITION + "/sources/consultation/" + id;
        // a draft is not an outcome: nothing to choose until the outcome is published
        assertThat(organiser.get(page).status()).isEqualTo(404);
        organiser.get(consultation + "/manage");
        assertThat(organiser.post(consultation + "/outcome", "version", "1").status())
                .isEqualTo(302);

        assertThat(organiser
                        .get(EDITION + "/sources")
                        .document()
                        .select("#sources a")
                        .eachAttr("href"))
                .contains(page);
        Document choose = organiser.get(page).document();
        List<String> keys = choose.select("input[name=chosen]").eachAttr("value");
        assertThat(keys).hasSize(3);
        assertThat(choose.select("#title-" + keys.get(0)).val())
                .isEqualTo("Recruitment fees should be paid by employers, never by workers " + tag + ".");

        // one chosen paragraph without a theme: nothing kept, the message next to its theme, titles kept
        HttpVisitor.Page refused = organiser.post(
                page,
                "chosen",
                keys.get(0),
                "chosen",
                keys.get(1),
                "title-" + keys.get(0),
                "Employers pay recruitment fees " + tag,
                "theme-" + keys.get(0),
                "labour-mobility",
                "title-" + keys.get(1),
                "Ratify the ICRMW " + tag,
                "theme-" + keys.get(1),
                "",
                "addressees",
                "states",
                "frameworks",
                "ICRMW");
        assertThat(refused.status()).isEqualTo(422);
        Document again = refused.document();
        assertThat(again.select("#theme-" + keys.get(1) + "-error").text()).isNotBlank();
        assertThat(again.select("#title-" + keys.get(0)).val()).isEqualTo("Employers pay recruitment fees " + tag);
        assertThat(again.select("#chosen-" + keys.get(0)).hasAttr("checked")).isTrue();
        assertThat(again.select("input[name=frameworks][value=ICRMW]").hasAttr("checked"))
                .isTrue();
        assertThat(count(tag)).isZero();
        assertThat(organiser.post(page, "addressees", "states").status()).isEqualTo(422);
        HttpVisitor.Page twice = organiser.post(
                page,
                "chosen",
                keys.get(0),
                "chosen",
                keys.get(1),
                "title-" + keys.get(0),
                "Same " + tag,
                "theme-" + keys.get(0),
                "labour-mobility",
                "title-" + keys.get(1),
                "same " + tag,
                "theme-" + keys.get(1),
                "rights-based-policy");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(count(tag)).isZero();

        HttpVisitor.Page kept = organiser.post(
                page,
                "chosen",
                keys.get(0),
                "chosen",
                keys.get(1),
                "title-" + keys.get(0),
                "Employers pay recruitment fees " + tag,
                "theme-" + keys.get(0),
                "labour-mobility",
                "title-" + keys.get(1),
                "Ratify the ICRMW " + tag,
                "theme-" + keys.get(1),
                "rights-based-policy",
                "addressees",
                "states",
                "frameworks",
                "ICRMW");
        assertThat(kept.redirect()).isEqualTo(EDITION + "?notice=fromSource");
        assertThat(count(tag)).isEqualTo(2);
        long made = jdbc.sql("SELECT id FROM followup_recommendation WHERE title = :t AND source_kind = 'CONSULTATION'")
                .param("t", "Ratify the ICRMW " + tag)
                .query(Long.class)
                .single();
        Document recommendation =
                organiser.get("/followup/recommendations/" + made).document();
        assertThat(recommendation
                        .select("a[href=" + consultation + "/paragraphs/" + keys.get(1) + "]")
                        .text())
                .contains("Outcome " + tag);
        assertThat(recommendation.select("main").text()).contains("Ratify the Migrant Workers Convention " + tag);
        // the consultation's paragraph page the provenance links to exists
        assertThat(organiser.get(consultation + "/paragraphs/" + keys.get(1)).status())
                .isEqualTo(200);

        // made ones are shown as made, and cannot be made twice
        Document after = organiser.get(page).document();
        assertThat(after.select("input[name=chosen]").eachAttr("value")).containsExactly(keys.get(2));
        assertThat(after.select("#item-" + keys.get(1) + " a[href=/followup/recommendations/" + made + "]"))
                .hasSize(1);
        assertThat(organiser
                        .post(
                                page,
                                "chosen",
                                keys.get(1),
                                "title-" + keys.get(1),
                                "Again " + tag,
                                "theme-" + keys.get(1),
                                "governance")
                        .status())
                .isEqualTo(422);
        assertThat(count(tag)).isEqualTo(2);
    }

    @Test
    void aKeyPointOfAPublishedRegionalReportBecomesARecommendationAndOnlyOrganisersMayDoIt() {
        String tag = suffix();
        var report = jdbc.sql(
                        """
                        SELECT r.id, e.slug FROM antennas_report r JOIN antennas_hub h ON h.id = r.hub_id
                        JOIN forums_edition e ON e.id = h.edition_id
                        WHERE r.status = 'PUBLISHED' AND e.status <> 'ARCHIVED' ORDER BY r.id LIMIT 1
                        """)
                .query((rs, n) -> java.util.Map.entry(rs.getLong("id"), rs.getString("slug")))
                .single();
        String base = "/editions/" + report.getValue() + "/followup";
        String page = base + "/sources/report/" + report.getKey();
        HttpVisitor participant = HttpVisitor.signedUp(port, "Participant " + tag, PASSWORD);
        assertThat(participant.get(base + "/sources").status()).isEqualTo(403);
        assertThat(participant.get(page).status()).isEqualTo(403);
        assertThat(new HttpVisitor(port).get(page).status()).isEqualTo(403);

        HttpVisitor organiser = organiser();
        assertThat(organiser
                        .get(base + "/sources")
                        .document()
                        .select("#sources a")
                        .eachAttr("href"))
                .contains(page);
        Document choose = organiser.get(page).document();
        String key = choose.select("input[name=chosen]").first().val();
        HttpVisitor.Page sneaked =
                participant.post(page, "chosen", key, "title-" + key, "Sneaked " + tag, "theme-" + key, "governance");
        assertThat(sneaked.status()).isEqualTo(403);
        HttpVisitor.Page kept = organiser.post(
                page, "chosen", key, "title-" + key, "From the region " + tag, "theme-" + key, "governance");
        assertThat(kept.redirect()).isEqualTo(base + "?notice=fromSource");
        var made = jdbc.sql(
                        "SELECT id, source_id, source_url FROM followup_recommendation WHERE title = :t AND source_kind = 'REPORT'")
                .param("t", "From the region " + tag)
                .query((rs, n) -> List.of(rs.getString("id"), rs.getString("source_id"), rs.getString("source_url")))
                .single();
        assertThat(made.get(1)).isEqualTo(key);
        assertThat(made.get(2)).isEqualTo("/reports/" + report.getKey() + "#point-" + key);
        Document recommendation =
                organiser.get("/followup/recommendations/" + made.get(0)).document();
        assertThat(recommendation.select("a[href=/reports/" + report.getKey() + "#point-" + key + "]"))
                .hasSize(1);
        assertThat(organiser.get("/reports/" + report.getKey()).document().select("#point-" + key))
                .hasSize(1);

        assertThat(organiser.get(base + "/sources/report/99999999").status()).isEqualTo(404);
        assertThat(organiser.get(base + "/sources/elsewhere/" + report.getKey()).status())
                .isEqualTo(404);
        assertThat(organiser.get(base + "/sources/report/abc").status()).isEqualTo(400);
        assertThat(organiser
                        .get(
                                "/editions/gfmd-2012".equals("/editions/" + report.getValue())
                                        ? "/editions/athens-2009/followup/sources/report/" + report.getKey()
                                        : "/editions/gfmd-2012/followup/sources/report/" + report.getKey())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theExportsTheApiTheFeedsAndTheReportCardAgreeAndNameNoOne() throws Exception {
        String tag = suffix();
        HttpVisitor organiser = organiser();
        organiser.get(EDITION + "/new");
        String recommendation = organiser
                .post(
                        EDITION,
                        "theme",
                        "labour-mobility",
                        "title",
                        "Open data " + tag,
                        "addressees",
                        "states",
                        "frameworks",
                        "ILO-C189",
                        "countries",
                        "PH")
                .redirect();
        String recommendationId = recommendation.replaceAll("\\D", "");
        HttpVisitor admin = HttpVisitor.signedUp(port, "Exporter " + tag, PASSWORD);
        long org = organisation(admin, "Export org " + tag);
        admin.get(recommendation + "/commit");
        String commitment = admin.post(
                        recommendation + "/commit",
                        "organisation",
                        String.valueOf(org),
                        "action",
                        "Publish the figures",
                        "dueOn",
                        "2031-05-01",
                        "responsible",
                        "Data team")
                .redirect();
        admin.get(commitment);
        assertThat(admin.postMultipart(
                                commitment + "/updates",
                                List.of("level", "LIMITED", "body", "First figures out " + tag),
                                List.of())
                        .status())
                .isEqualTo(302);
        HttpVisitor reader = new HttpVisitor(port);
        long update = jdbc.sql("SELECT max(id) FROM followup_update WHERE commitment_id = :c")
                .param("c", Long.parseLong(commitment.replaceAll("\\D", "")))
                .query(Long.class)
                .single();
        // volunteers may translate the update, as they translate posts, and are sent to its place
        assertThat(translatable.translatable(Progress.UPDATE_TEXT, List.of(update, -1L)))
                .containsExactly(java.util.Map.entry(update, commitment + "#update-" + update));

        String csv = reader.get("/followup/export/recommendations.csv?edition=gfmd-2012")
                .body();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0])
                .isEqualTo("id,edition,theme,title,status,addressees,addressee_organisations,addressee_countries,"
                        + "frameworks,made_on,source_kind,source_title,source_url,carried_from,line_id,commitments");
        String row = java.util.Arrays.stream(lines)
                .filter(l -> l.startsWith(recommendationId + ","))
                .findFirst()
                .orElseThrow();
        assertThat(row)
                .contains("\"Open data " + tag + "\"")
                .contains(",states,")
                .contains(",PH,")
                .contains(",ILO-C189,")
                .contains(",FORM,")
                .endsWith(",1");
        String commitments =
                reader.get("/followup/export/commitments.csv?edition=gfmd-2012").body();
        assertThat(commitments.split("\r\n")[0])
                .isEqualTo("id,recommendation_id,edition,committer,organisation_id,state_country,due_on,responsible,"
                        + "indicator_id,claimed_level,standing,overdue,updates");
        assertThat(commitments)
                .contains("\"Export org " + tag + "\"")
                .contains(",2031-05-01,")
                .doesNotContain("Exporter " + tag);

        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var exported = json.readTree(reader.get("/followup/export/recommendations.json?edition=gfmd-2012")
                .body());
        var record = java.util.stream.StreamSupport.stream(exported.spliterator(), false)
                .filter(r -> r.get("id").asLong() == Long.parseLong(recommendationId))
                .findFirst()
                .orElseThrow();
        assertThat(record.get("provenance").get("kind").asString()).isEqualTo("FORM");
        assertThat(record.get("commitments").get(0).get("claimedLevel").asString())
                .isEqualTo("LIMITED");
        var api = json.readTree(
                reader.get("/api/followup/recommendations/" + recommendationId).body());
        assertThat(api).isEqualTo(record);
        var dashboard = json.readTree(
                reader.get("/api/followup/dashboard?edition=gfmd-2012").body());
        long csvRows = lines.length - 1;
        assertThat(dashboard.toString()).contains("\"recommendations\":" + csvRows);

        String feed = reader.get("/editions/gfmd-2012/followup/updates.atom").body();
        var parser = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance();
        parser.setNamespaceAware(true);
        org.w3c.dom.Document atom = parser.newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)));
        assertThat(atom.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(atom.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed).contains("Open data " + tag).doesNotContain("Exporter " + tag);
        assertThat(reader.get("/followup/updates.atom").body()).contains("Open data " + tag);
        assertThat(reader.get("/editions/no-such-edition/followup/updates.atom").status())
                .isEqualTo(404);

        Document card = reader.get(EDITION + "/report-card").document();
        assertThat(card.text()).contains("Open data " + tag).contains("Export org " + tag);
        assertThat(reader.get("/followup/export/commitments.csv?edition=%00zz")
                        .body()
                        .split("\r\n"))
                .hasSize(1);
        assertThat(reader.get("/api/followup/dashboard?edition=nope&theme=zz&status=1&addressee=%3Cb%3E")
                        .status())
                .isEqualTo(200);
        assertThat(reader.get("/api/followup/indicators/abc").status()).isEqualTo(400);
        assertThat(reader.get("/api/followup/commitments/-1").status()).isEqualTo(404);
    }

    @Test
    void commitmentsReactionsAndValuesRefuseBadInputAndKeepWhatWasTyped() {
        String tag = suffix();
        HttpVisitor organiser = organiser();
        organiser.get(EDITION + "/new");
        String recommendation = organiser
                .post(EDITION, "theme", "governance", "title", "Checked " + tag)
                .redirect();
        HttpVisitor admin = HttpVisitor.signedUp(port, "Committer " + tag, PASSWORD);
        long org = organisation(admin, "Committing org " + tag);
        admin.get(recommendation + "/commit");
        HttpVisitor.Page badDate = admin.post(
                recommendation + "/commit",
                "organisation",
                String.valueOf(org),
                "action",
                "Kept action " + tag,
                "dueOn",
                "2014-02-30",
                "responsible",
                "Someone");
        assertThat(badDate.status()).isEqualTo(422);
        assertThat(badDate.document().select("#dueOn-error").text()).isNotBlank();
        assertThat(badDate.document().select("#action").text()).isEqualTo("Kept action " + tag);
        HttpVisitor stranger = HttpVisitor.signedUp(port, "Not admin " + tag, PASSWORD);
        stranger.get(recommendation + "/commit");
        assertThat(stranger.post(
                                recommendation + "/commit",
                                "organisation",
                                String.valueOf(org),
                                "action",
                                "Mine",
                                "dueOn",
                                "2030-01-01",
                                "responsible",
                                "Me")
                        .status())
                .isIn(403, 422);
        assertThat(stranger.post(
                                recommendation + "/commit",
                                "country",
                                "PH",
                                "action",
                                "For a state",
                                "dueOn",
                                "2030-01-01",
                                "responsible",
                                "Me")
                        .status())
                .isIn(403, 422);
        organiser.get(recommendation + "/commit");
        assertThat(organiser
                        .post(
                                recommendation + "/commit",
                                "country",
                                "XX",
                                "action",
                                "For a state",
                                "dueOn",
                                "2030-01-01",
                                "responsible",
                                "Ministry")
                        .status())
                .isEqualTo(422);
        long commitments = jdbc.sql("SELECT count(*) FROM followup_commitment WHERE recommendation_id = :r")
                .param("r", Long.parseLong(recommendation.replaceAll("\\D", "")))
                .query(Long.class)
                .single();
        assertThat(commitments).isZero();

        String commitment = admin.post(
                        recommendation + "/commit",
                        "organisation",
                        String.valueOf(org),
                        "action",
                        "Real action",
                        "dueOn",
                        "2030-01-01",
                        "responsible",
                        "Someone")
                .redirect();
        admin.get(commitment);
        assertThat(admin.postMultipart(commitment + "/updates", List.of("level", "FINISHED", "body", "Hm"), List.of())
                        .status())
                .isEqualTo(422);
        admin.postMultipart(commitment + "/updates", List.of("level", "LIMITED", "body", "Started"), List.of());
        String update = admin.get(commitment)
                .document()
                .select("form[action$=/reactions]")
                .attr("action");
        if (update.isEmpty()) {
            update = "/followup/updates/"
                    + jdbc.sql("SELECT max(id) FROM followup_update WHERE commitment_id = :c")
                            .param("c", Long.parseLong(commitment.replaceAll("\\D", "")))
                            .query(Long.class)
                            .single()
                    + "/reactions";
        }
        // the committing organisation cannot confirm its own claim; people without an organisation cannot react
        HttpVisitor.Page own = admin.post(
                update, "organisation", String.valueOf(org), "stance", "CONFIRM", "body", "We agree with ourselves");
        assertThat(own.status()).isEqualTo(422);
        stranger.get(commitment);
        assertThat(stranger.post(update, "stance", "CONTEST", "body", "No").status())
                .isEqualTo(403);
        assertThat(stranger.post(update.replace("/reactions", "/verify")).status())
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM followup_reaction r JOIN followup_update u ON u.id = r.update_id"
                                + " WHERE u.commitment_id = :c")
                        .param("c", Long.parseLong(commitment.replaceAll("\\D", "")))
                        .query(Long.class)
                        .single())
                .isZero();

        organiser.get("/followup/indicators/new");
        String indicator = organiser
                .post(
                        "/followup/indicators",
                        "name",
                        "Values " + tag,
                        "unit",
                        "states",
                        "baselineValue",
                        "0",
                        "baselineOn",
                        "2011-06-16",
                        "targetValue",
                        "10",
                        "targetOn",
                        "2020-12-31",
                        "source",
                        "Test")
                .redirect();
        assertThat(indicator).startsWith("/followup/indicators/");
        organiser.get(indicator);
        HttpVisitor.Page badValue = organiser.post(
                indicator + "/values",
                "measuredOn",
                "2012-13-01",
                "value",
                "1,5x",
                "source",
                "Kept source " + tag,
                "breakdown",
                "country",
                "breakdownValue",
                "ZZ");
        assertThat(badValue.status()).isEqualTo(422);
        assertThat(badValue.document().select("#source").val()).isEqualTo("Kept source " + tag);
        assertThat(badValue.document().select(".error-summary li")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(stranger.post(indicator + "/values", "measuredOn", "2012-01-01", "value", "1", "source", "x")
                        .status())
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM followup_indicator_value WHERE indicator_id = :i")
                        .param("i", Long.parseLong(indicator.replaceAll("\\D", "")))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theDemoShowsThe2011RecommendationsUnderTheirThemesACountedClaimAndCitedIndicators() {
        HttpVisitor reader = new HttpVisitor(port);
        Document edition = reader.get(EDITION).document();
        assertThat(edition.text())
                .contains("Secure ratifications of the new ILO Convention on Domestic Workers")
                .contains("Improve recruitment and placement processes");
        for (String theme : FollowupThemes.CODES) {
            assertThat(reader.get(EDITION + "?theme=" + theme).document().select("#list-heading ~ ul .card"))
                    .as("demo recommendations under %s", theme)
                    .isNotEmpty();
        }
        long contested = jdbc.sql(
                        """
                        SELECT count(*) FROM followup_reaction x JOIN followup_update u ON u.id = x.update_id
                        JOIN followup_commitment c ON c.id = u.commitment_id
                        JOIN followup_recommendation r ON r.id = c.recommendation_id
                        JOIN forums_edition e ON e.id = r.edition_id
                        WHERE e.slug = 'gfmd-2012' AND x.stance = 'CONTEST'
                        """)
                .query(Long.class)
                .single();
        assertThat(contested).isPositive();
        long c189 = jdbc.sql("SELECT id FROM followup_indicator WHERE name LIKE 'Ratifications of the ILO Domestic%'")
                .query(Long.class)
                .single();
        Document chart = reader.get("/followup/indicators/" + c189).document();
        assertThat(chart.select("#values").text()).contains("NORMLEX").contains("Uruguay");
        assertThat(chart.select("svg title")).isNotEmpty();
        assertThat(chart.select("#illustrative-note")).isEmpty();
        long icrmw = jdbc.sql("SELECT id FROM followup_indicator WHERE name LIKE '%Migrant Workers Convention%'"
                        + " ORDER BY id LIMIT 1")
                .query(Long.class)
                .single();
        assertThat(reader.get("/followup/indicators/" + icrmw).document().select("#illustrative-note"))
                .hasSize(1);
    }

    @Test
    void theDayARecommendationWasMadeIsCheckedInTheFileAndTheFormAndShownAndExported() {
        String tag = suffix();
        HttpVisitor organiser = organiser();
        HttpVisitor.Page refused = importCsv(
                organiser,
                "theme,title,made_on\n"
                        + "governance,Dated " + tag + ",2011-12-01\n"
                        + "governance,Badly dated " + tag + ",2011-13-40\n"
                        + "governance,Far " + tag + ",1011-12-01\n");
        assertThat(refused.status()).isEqualTo(422);
        List<String> problems = refused.document().select("#import-problems li").eachText();
        assertThat(problems)
                .anySatisfy(
                        p -> assertThat(p).contains("Line 3, column made_on").contains("2011-13-40"))
                .anySatisfy(p -> assertThat(p).contains("Line 4, column made_on"));
        assertThat(count(tag)).isZero();
        assertThat(importCsv(organiser, "theme,title,made_on\ngovernance,Dated " + tag + ",2011-12-01\n")
                        .redirect())
                .isEqualTo(EDITION + "?notice=imported");
        long id = jdbc.sql("SELECT id FROM followup_recommendation WHERE title = :t")
                .param("t", "Dated " + tag)
                .query(Long.class)
                .single();
        assertThat(organiser
                        .get("/followup/recommendations/" + id)
                        .document()
                        .select("#made-on")
                        .attr("datetime"))
                .isEqualTo("2011-12-01");
        assertThat(new HttpVisitor(port)
                        .get("/api/followup/recommendations/" + id)
                        .body())
                .contains("\"madeOn\":\"2011-12-01\"");
        assertThat(new HttpVisitor(port)
                        .get("/followup/export/recommendations.csv?edition=gfmd-2012")
                        .body())
                .contains(",2011-12-01,CSV,");

        organiser.get(EDITION + "/new");
        HttpVisitor.Page form =
                organiser.post(EDITION, "theme", "governance", "title", "Form dated " + tag, "madeOn", "1 Dec 2011");
        assertThat(form.status()).isEqualTo(422);
        assertThat(form.document().select("#madeOn").val()).isEqualTo("1 Dec 2011");
        assertThat(form.document().select("#madeOn-error").text()).contains("1 Dec 2011");
        assertThat(count("Form dated " + tag)).isZero();
    }
}
