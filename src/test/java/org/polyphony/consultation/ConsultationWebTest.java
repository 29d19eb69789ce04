package org.polyphony.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Consultations over HTTP against the running application and PostgreSQL: bad input refused with a localized
 * message next to the field and nothing saved; who may do what checked on the server; handling and the response
 * table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsultationWebTest {

    static final String PASSWORD = "reviewing the draft";
    static final String NEW = "/editions/gfmd-2012/consultations";
    static final String DRAFT = "# Concept paper\n\nRecruitment fees should be paid by employers, never by workers.\n\n"
            + "Remittances are private money.\n\n## Rights\n\nMigration policy must start from human rights.";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConsultationOutcomes outcomes;

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    HttpVisitor organiser() {
        return organiser("en");
    }

    /** An organiser whose interface language is {@code language}. */
    HttpVisitor organiser(String language) {
        String name = "Organiser " + suffix();
        HttpVisitor.signedUp(port, name, PASSWORD);
        jdbc.sql(
                        "UPDATE accounts_account SET ui_language = :l, roles = '{PARTICIPANT,ORGANISER}' WHERE display_name = :n")
                .param("l", language)
                .param("n", name)
                .update();
        HttpVisitor visitor = new HttpVisitor(port).speaking(language);
        visitor.get("/login");
        assertThat(visitor.post("/login", "name", name, "password", PASSWORD).redirect())
                .isEqualTo("/");
        return visitor;
    }

    /** Opens a consultation whose first round is open today; returns its address. */
    String open(HttpVisitor organiser, String title, String... extra) {
        organiser.get(NEW + "/new");
        String[] fields = {
            "title",
            title,
            "purpose",
            "Review of the paper.",
            "opens1",
            today().toString(),
            "closes1",
            today().plusDays(10).toString(),
            "opens2",
            today().plusDays(20).toString(),
            "closes2",
            today().plusDays(30).toString(),
            "draft",
            DRAFT
        };
        String[] audience = extra.length == 0 ? new String[] {"audience", "SIGNED_IN"} : extra;
        String[] all = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(fields), java.util.Arrays.stream(audience))
                .toArray(String[]::new);
        var created = organiser.post(NEW, all);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        assertThat(created.redirect()).matches("/consultations/\\d+");
        return created.redirect();
    }

    @Test
    void overlappingRoundsAndMissingTitleAreRefusedWithWhatWasTypedKept() {
        HttpVisitor organiser = organiser("es");
        organiser.get(NEW + "/new");
        String title = "Overlap " + suffix();
        var refused = organiser.post(
                NEW,
                "title",
                title,
                "purpose",
                "p",
                "audience",
                "SIGNED_IN",
                "opens1",
                "2030-01-01",
                "closes1",
                "2030-02-01",
                "opens2",
                "2030-01-15",
                "closes2",
                "2030-03-01",
                "draft",
                DRAFT);
        assertThat(refused.status()).isEqualTo(422);
        Document page = refused.document();
        assertThat(page.selectFirst("#opens2-error").text()).contains("no pueden solaparse");
        assertThat(page.selectFirst("#title").val()).isEqualTo(title);
        assertThat(page.selectFirst("#draft").text()).contains("Recruitment fees");
        var malformed = organiser.post(
                NEW,
                "title",
                "",
                "purpose",
                "p",
                "audience",
                "NOBODY",
                "opens1",
                "tomorrow",
                "closes1",
                "x",
                "draft",
                "");
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.document().select(".error").eachText())
                .anyMatch(t -> t.contains("título"))
                .anyMatch(t -> t.contains("año-mes-día"));
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_consultation WHERE title = :t")
                        .param("t", title)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void onlyOrganisersOpenConsultationsAndOnlyTheTeamHandlesComments() {
        String draft = open(organiser(), "Access " + suffix());
        HttpVisitor participant = HttpVisitor.signedUp(port, "Participant " + suffix(), PASSWORD);
        assertThat(participant.get(NEW + "/new").status()).isEqualTo(404);
        assertThat(participant.get(draft + "/manage").status()).isEqualTo(404);
        assertThat(participant.get(draft + "/rounds/1/handling").status()).isEqualTo(404);
        assertThat(participant.get(draft + "/versions/new").status()).isEqualTo(404);
        participant.get(draft);
        assertThat(participant
                        .post(draft + "/rounds/1/handling", "comments", "1", "decision", "ACCEPTED")
                        .status())
                .isEqualTo(404);
        assertThat(participant.post(draft + "/rounds/1/close").status()).isEqualTo(404);
        HttpVisitor anonymous = new HttpVisitor(port);
        assertThat(anonymous.get(draft).status()).isEqualTo(200);
        assertThat(anonymous.get(draft + "?version=abc&original").status()).isEqualTo(200);
        assertThat(anonymous.get(draft + "?version=99").status()).isEqualTo(404);
        assertThat(anonymous.get("/consultations/not-a-number").status()).isLessThan(500);
        assertThat(anonymous.get(draft + "/compare?from=x&to=").status()).isEqualTo(200);
        assertThat(anonymous.get("/consultations/mine").redirect()).endsWith("/login");
    }

    @Test
    void commentsAreCheckedAgainstTheParagraphTheVersionAndTheRound() {
        HttpVisitor organiser = organiser();
        String draft = open(organiser, "Comments " + suffix());
        long id = Long.parseLong(draft.substring(draft.lastIndexOf('/') + 1));
        String key = jdbc.sql(
                        """
                        SELECT p.key FROM consultation_paragraph p JOIN consultation_version v ON v.id = p.version_id
                        WHERE v.consultation_id = :c AND p.text LIKE 'Recruitment%'""")
                .param("c", id)
                .query(String.class)
                .single();
        HttpVisitor participant = HttpVisitor.signedUp(port, "Commenter " + suffix(), PASSWORD);
        participant.get(draft + "/paragraphs/" + key);
        var wrongPassage = participant.post(
                draft + "/comments",
                "paragraph",
                key,
                "version",
                "1",
                "passage",
                "paid by governments",
                "body",
                "My view on fees.");
        assertThat(wrongPassage.status()).isEqualTo(422);
        assertThat(wrongPassage.document().selectFirst("#passage-error").text()).contains("not in the paragraph");
        assertThat(wrongPassage.document().selectFirst("#body").text()).isEqualTo("My view on fees.");
        var otherVersion =
                participant.post(draft + "/comments", "paragraph", key, "version", "7", "body", "On another version.");
        assertThat(otherVersion.status()).isEqualTo(422);
        var malformedVersion = participant.post(
                draft + "/comments", "paragraph", key, "version", "seven", "body", "On another version.");
        assertThat(malformedVersion.status()).isEqualTo(422);
        var unknownParagraph =
                participant.post(draft + "/comments", "paragraph", "p99999", "version", "1", "body", "On nothing.");
        assertThat(unknownParagraph.status()).isEqualTo(422);
        assertThat(count(id)).isZero();

        var saved = participant.post(
                draft + "/comments",
                "paragraph",
                key,
                "version",
                "1",
                "passage",
                "paid by  EMPLOYERS",
                "body",
                "Fees already paid should be refunded.",
                "proposal",
                "Recruitment fees should be paid by employers and refunded to workers.");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(count(id)).isEqualTo(1);
        assertThat(participant.get(draft).document().select(".para-comments a").eachText())
                .anyMatch(t -> t.startsWith("Comments: 1"));

        // handling: a reason is required for a refusal; nothing is saved without one
        long comment = jdbc.sql(
                        "SELECT c.id FROM consultation_comment c JOIN consultation_round r ON r.id = c.round_id WHERE r.consultation_id = :c")
                .param("c", id)
                .query(Long.class)
                .single();
        organiser.get(draft + "/rounds/1/handling");
        var noReason = organiser.post(
                draft + "/rounds/1/handling",
                "comments",
                String.valueOf(comment),
                "decision",
                "NOT_ACCEPTED",
                "reason",
                " ");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.document().selectFirst("#reason-error").text()).contains("reason");
        assertThat(noReason.document()
                        .selectFirst("input[value=" + comment + "]")
                        .hasAttr("checked"))
                .isTrue();
        var otherRound = organiser.post(
                draft + "/rounds/2/handling",
                "comments",
                String.valueOf(comment),
                "decision",
                "ACCEPTED",
                "reason",
                "");
        assertThat(otherRound.status()).isEqualTo(422);
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_handling WHERE comment_id = :c")
                        .param("c", comment)
                        .query(Long.class)
                        .single())
                .isZero();
        var handled = organiser.post(
                draft + "/rounds/1/handling",
                "comments",
                String.valueOf(comment),
                "decision",
                "PARTLY_ACCEPTED",
                "reason",
                "Refunds are for national law.");
        assertThat(handled.status()).isEqualTo(302);
        // the commenter is told in their notifications (and so in their digest), with a link to the page below
        var notifications = participant.get("/notifications").document();
        assertThat(notifications.select("main").text()).contains("was handled: Partly accepted");
        assertThat(notifications.select("main a[href='/consultations/mine']")).isNotEmpty();
        var mine = participant.get("/consultations/mine").document();
        assertThat(mine.select("#mine-" + comment).text())
                .contains("Partly accepted")
                .contains("Refunds are for national law.");
        String csv = new String(
                participant.getBytes(draft + "/rounds/1/responses.csv"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv)
                .startsWith("comment,commenter,paragraph")
                .contains("Fees already paid should be refunded.")
                .contains("PARTLY_ACCEPTED");
        String json = participant.get("/api" + draft + "/rounds/1/responses").body();
        assertThat(json).contains("\"decision\":\"PARTLY_ACCEPTED\"");

        // a closed round takes no comment
        organiser.get(draft + "/manage");
        assertThat(organiser.post(draft + "/rounds/1/close").status()).isEqualTo(302);
        participant.get(draft + "/paragraphs/" + key);
        var closed = participant.post(draft + "/comments", "paragraph", key, "version", "1", "body", "Too late.");
        assertThat(closed.status()).isEqualTo(422);
        assertThat(closed.document().text()).contains("No round is open");
        assertThat(count(id)).isEqualTo(1);
    }

    @Test
    void brokenUploadsAreRefusedAndNoVersionIsSaved() throws Exception {
        HttpVisitor organiser = organiser("fr");
        String draft = open(organiser, "Uploads " + suffix());
        long id = Long.parseLong(draft.substring(draft.lastIndexOf('/') + 1));
        byte[] paper = TestDocuments.conceptPaper("Concept paper");
        String[][] cases = {
            {"bomb", "décompresse"}, {"encrypted", "mot de passe"}, {"text", "pas un document .docx"}, {"large", "5 Mo"}
        };
        for (String[] c : cases) {
            byte[] file =
                    switch (c[0]) {
                        case "bomb" -> TestDocuments.zipBomb(paper);
                        case "encrypted" -> TestDocuments.encrypted(paper);
                        case "text" -> "just text".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        default -> new byte[DraftImport.MAX_BYTES + 10];
                    };
            organiser.get(draft + "/versions/new");
            var refused = organiser.postMultipart(draft + "/versions", "markdown", "kept text", "file", file);
            assertThat(refused.status()).as(c[0]).isEqualTo(422);
            assertThat(refused.document().selectFirst("#markdown-error").text())
                    .as(c[0])
                    .contains(c[1]);
            assertThat(refused.document().selectFirst("#markdown").text()).isEqualTo("kept text");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_version WHERE consultation_id = :c")
                        .param("c", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        organiser.get(draft + "/versions/new");
        var imported = organiser.postMultipart(draft + "/versions", "markdown", "", "file", paper);
        assertThat(imported.redirect()).isEqualTo(draft + "/compare?from=1&to=2&imagesDropped=1");
    }

    @Test
    void aConsultationForChosenOrganisationsRefusesOthers() {
        HttpVisitor organiser = organiser();
        long organisation = jdbc.sql("SELECT id FROM people_organisation ORDER BY id LIMIT 1")
                .query(Long.class)
                .single();
        String draft = open(
                organiser,
                "Members only " + suffix(),
                "audience",
                "ORGANISATIONS",
                "organisations",
                String.valueOf(organisation));
        HttpVisitor outsider = HttpVisitor.signedUp(port, "Outsider " + suffix(), PASSWORD);
        var page = outsider.get(draft + "/paragraphs/draft");
        assertThat(page.document().select("#comment-form")).isEmpty();
        var refused = outsider.post(draft + "/comments", "paragraph", "draft", "version", "1", "body", "Let me in.");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().text()).contains("members of the chosen organisations");
    }

    @Test
    void aConsultationForChosenHubsTakesCommentsFromTheirPeopleOnly() {
        HttpVisitor organiser = organiser();
        long edition = jdbc.sql("SELECT id FROM forums_edition WHERE slug = 'gfmd-2012'")
                .query(Long.class)
                .single();
        long otherEdition = jdbc.sql("SELECT id FROM forums_edition WHERE slug <> 'gfmd-2012' ORDER BY id LIMIT 1")
                .query(Long.class)
                .single();
        String hubName = "Hub " + suffix();
        long hub = hub(edition, hubName);
        long elsewhere = hub(otherEdition, "Elsewhere " + suffix());
        assertThat(organiser.get(NEW + "/new").document().select("#hubs option[value=" + hub + "]"))
                .isNotEmpty();

        String title = "Hub only " + suffix();
        var refused = organiser.post(
                NEW,
                "title",
                title,
                "purpose",
                "p",
                "audience",
                "ORGANISATIONS",
                "hubs",
                String.valueOf(elsewhere),
                "opens1",
                today().toString(),
                "closes1",
                today().plusDays(5).toString(),
                "draft",
                DRAFT);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().selectFirst("#organisations-error").text())
                .contains("hubs");
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_consultation WHERE title = :t")
                        .param("t", title)
                        .query(Long.class)
                        .single())
                .isZero();

        String draft = open(organiser, title, "audience", "ORGANISATIONS", "hubs", String.valueOf(hub));
        assertThat(new HttpVisitor(port).get(draft).document().text()).contains(hubName);
        String memberName = "Hub member " + suffix();
        HttpVisitor member = HttpVisitor.signedUp(port, memberName, PASSWORD);
        String askedName = "Hub applicant " + suffix();
        HttpVisitor applicant = HttpVisitor.signedUp(port, askedName, PASSWORD);
        String rapporteurName = "Hub rapporteur " + suffix();
        HttpVisitor rapporteur = HttpVisitor.signedUp(port, rapporteurName, PASSWORD);
        jdbc.sql(
                        """
                        INSERT INTO antennas_hub_member (hub_id, account_id, status)
                        SELECT :h, id, CASE WHEN display_name = :m THEN 'MEMBER' ELSE 'REQUESTED' END
                        FROM accounts_account WHERE display_name IN (:m, :r)""")
                .param("h", hub)
                .param("m", memberName)
                .param("r", askedName)
                .update();
        jdbc.sql(
                        """
                        INSERT INTO antennas_hub_role (hub_id, account_id, role)
                        SELECT :h, id, 'RAPPORTEUR' FROM accounts_account WHERE display_name = :n""")
                .param("h", hub)
                .param("n", rapporteurName)
                .update();
        for (HttpVisitor allowed : java.util.List.of(member, rapporteur)) {
            allowed.get(draft + "/paragraphs/draft");
            assertThat(allowed.post(draft + "/comments", "paragraph", "draft", "version", "1", "body", "From the hub.")
                            .status())
                    .isEqualTo(302);
        }
        applicant.get(draft + "/paragraphs/draft");
        var notYet = applicant.post(draft + "/comments", "paragraph", "draft", "version", "1", "body", "Not yet in.");
        assertThat(notYet.status()).isEqualTo(422);
        assertThat(notYet.document().text()).contains("members of the chosen organisations or hubs");
        long id = Long.parseLong(draft.substring(draft.lastIndexOf('/') + 1));
        assertThat(count(id)).isEqualTo(2);
    }

    @Test
    void commentersEditAndWithdrawTheirOwnCommentsUntilTheyAreHandled() {
        HttpVisitor organiser = organiser();
        String draft = open(organiser, "Edits " + suffix());
        long id = Long.parseLong(draft.substring(draft.lastIndexOf('/') + 1));
        String key = keyOf(draft, "Recruitment%");
        HttpVisitor author = HttpVisitor.signedUp(port, "Editor " + suffix(), PASSWORD);
        author.get(draft + "/paragraphs/" + key);
        author.post(draft + "/comments", "paragraph", key, "version", "1", "body", "Original wording.");
        author.post(draft + "/comments", "paragraph", key, "version", "1", "body", "Second thoughts.");
        long first = commentWith(id, "Original wording.");
        long second = commentWith(id, "Second thoughts.");
        String edit = "/consultations/comments/" + first + "/edit";

        HttpVisitor other = HttpVisitor.signedUp(port, "Someone else " + suffix(), PASSWORD);
        other.get(draft);
        assertThat(other.get(edit).status()).isEqualTo(404);
        assertThat(other.post(edit, "body", "Hijacked.").status()).isEqualTo(404);
        assertThat(new HttpVisitor(port).get(edit).status()).isNotEqualTo(200);

        assertThat(author.get(draft + "/paragraphs/" + key).document().select("a[href=" + edit + "]"))
                .isNotEmpty();
        assertThat(author.get(edit).status()).isEqualTo(200);
        var empty = author.post(edit, "body", " ");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.document().selectFirst("#body-error")).isNotNull();
        var wrongPassage = author.post(edit, "passage", "paid by governments", "body", "Kept text.");
        assertThat(wrongPassage.status()).isEqualTo(422);
        assertThat(wrongPassage.document().selectFirst("#body").text()).isEqualTo("Kept text.");
        assertThat(commentWith(id, "Original wording.")).isEqualTo(first);

        assertThat(author.post(edit, "passage", "paid by employers", "body", "New wording.")
                        .status())
                .isEqualTo(302);
        var discussion = author.get(draft + "/paragraphs/" + key).document();
        assertThat(discussion.select("#comment-" + first + " .post-body").text())
                .isEqualTo("New wording.");
        assertThat(discussion.select("#comment-" + first + " details.earlier").text())
                .contains("Original wording.");
        assertThat(discussion.select("#comment-" + first + " header").text()).contains("edited");

        // withdrawn: no longer shown, counted or in the response table
        assertThat(author.post("/consultations/comments/" + second + "/withdraw")
                        .status())
                .isEqualTo(302);
        var after = author.get(draft + "/paragraphs/" + key).document();
        assertThat(after.select("#comment-" + second).text())
                .contains("withdrawn by its author")
                .doesNotContain("Second thoughts.");
        assertThat(author.get(draft)
                        .document()
                        .select("#" + key + " .para-comments a")
                        .text())
                .startsWith("Comments: 1");
        assertThat(author.get(draft + "/rounds/1/responses").body()).doesNotContain("Second thoughts.");
        assertThat(author.get("/consultations/comments/" + second + "/edit").status())
                .isEqualTo(404);

        // once handled, the comment cannot silently change
        organiser.get(draft + "/rounds/1/handling");
        organiser.post(
                draft + "/rounds/1/handling", "comments", String.valueOf(first), "decision", "ACCEPTED", "reason", "");
        var refused = author.post(edit, "body", "A change after the decision.");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().text()).contains("already handled");
        assertThat(author.post("/consultations/comments/" + first + "/withdraw").status())
                .isEqualTo(422);
        assertThat(commentWith(id, "New wording.")).isEqualTo(first);
    }

    @Test
    void aPublishedOutcomeIsOfferedToOtherModulesParagraphByParagraph() {
        HttpVisitor organiser = organiser();
        String draft = open(organiser, "Outcome " + suffix());
        long id = Long.parseLong(draft.substring(draft.lastIndexOf('/') + 1));
        long edition = jdbc.sql("SELECT id FROM forums_edition WHERE slug = 'gfmd-2012'")
                .query(Long.class)
                .single();
        assertThat(outcomes.outcome(id)).isEmpty();
        assertThat(outcomes.withOutcome(edition)).doesNotContain(id);
        organiser.get(draft + "/manage");
        assertThat(organiser.post(draft + "/outcome", "version", "1").status()).isEqualTo(302);
        var outcome = outcomes.outcome(id).orElseThrow();
        assertThat(outcomes.withOutcome(edition)).contains(id);
        assertThat(outcome.version()).isEqualTo(1);
        assertThat(outcome.edition()).isEqualTo(edition);
        assertThat(outcome.paragraphs()).hasSize(5);
        var heading = outcome.paragraphs().get(0);
        assertThat(heading.heading()).isTrue();
        assertThat(heading.number()).isNull();
        var fees = outcome.paragraphs().get(1);
        assertThat(fees.number()).isEqualTo(1);
        assertThat(fees.section()).isEqualTo("Concept paper");
        assertThat(fees.text()).startsWith("Recruitment fees");
        assertThat(outcome.paragraphs().get(4).section()).isEqualTo("Rights");
        assertThat(fees.key()).isEqualTo(keyOf(draft, "Recruitment%"));
        assertThat(new HttpVisitor(port).get(draft).document().text()).contains("Outcome published: version 1");
    }

    private long commentWith(long consultation, String body) {
        return jdbc.sql(
                        """
                        SELECT c.id FROM consultation_comment c JOIN consultation_round r ON r.id = c.round_id
                        WHERE r.consultation_id = :c AND c.body = :b""")
                .param("c", consultation)
                .param("b", body)
                .query(Long.class)
                .single();
    }

    private long hub(long edition, String name) {
        return jdbc.sql("INSERT INTO antennas_hub (edition_id, name, language) VALUES (:e, :n, 'en') RETURNING id")
                .param("e", edition)
                .param("n", name)
                .query(Long.class)
                .single();
    }

    /**
     * The draft page keeps each version's texts ready per reader language: a reviewed translation must show at
     * once (not after the kept texts expire), and comment counts are always fresh.
     */
    @Test
    void theDraftPageShowsAReviewedTranslationAndNewCommentsAtOnce() {
        HttpVisitor organiser = organiser();
        String draft = open(organiser, "Ready texts " + suffix());
        String key = keyOf(draft, "Recruitment%");
        HttpVisitor spanish = new HttpVisitor(port).speaking("es");
        var before = spanish.get(draft).document();
        assertThat(before.select("#" + key).text()).contains("Recruitment fees should be paid by employers");
        organiser.get(draft + "/paragraphs/" + key);
        var reviewed = organiser.post(
                draft + "/paragraphs/" + key + "/translation",
                "version",
                "1",
                "language",
                "es",
                "text",
                "Las tasas de contratación deben pagarlas los empleadores, nunca los trabajadores.");
        assertThat(reviewed.status()).isEqualTo(302);
        var after = spanish.get(draft).document();
        assertThat(after.select("#" + key).text()).contains("Las tasas de contratación deben pagarlas");
        assertThat(after.select("#" + key + " [lang=es]")).isNotEmpty();
        assertThat(spanish.get(draft + "?original").document().select("#" + key).text())
                .contains("Recruitment fees should be paid by employers");

        HttpVisitor participant = HttpVisitor.signedUp(port, "Counter " + suffix(), PASSWORD);
        participant.get(draft + "/paragraphs/" + key);
        participant.post(draft + "/comments", "paragraph", key, "version", "1", "body", "A first comment.");
        participant.post(draft + "/comments", "paragraph", key, "version", "1", "body", "A second comment.");
        assertThat(spanish.get(draft)
                        .document()
                        .select("#" + key + " .para-comments a")
                        .text())
                .startsWith("Comentarios: 2");
    }

    /**
     * A reviewed translation in the draft's own language, in an unknown language or empty is refused next to its
     * field on the same page, with what was typed kept and the machine translation left in place.
     */
    @Test
    void aBadReviewedTranslationIsRefusedNextToItsFieldAndKeepsWhatWasTyped() {
        HttpVisitor organiser = organiser();
        String draft = open(organiser, "Reviewed refusals " + suffix());
        String key = keyOf(draft, "Recruitment%");
        organiser.get(draft + "/paragraphs/" + key);
        String typed = "Los empleadores pagan las tasas de contratación.";

        var original = organiser.post(
                draft + "/paragraphs/" + key + "/translation", "version", "1", "language", "en", "text", typed);
        assertThat(original.status()).isEqualTo(422);
        var page = original.document();
        assertThat(page.select("#review-language-error").text()).contains("language the draft is written in");
        assertThat(page.select("#review-text").text()).isEqualTo(typed);
        assertThat(page.select("#review-language option[selected]").attr("value"))
                .isEqualTo("en");
        assertThat(page.select(".error-summary a[href=#review-language]")).hasSize(1);

        var unknown = organiser.post(
                draft + "/paragraphs/" + key + "/translation", "version", "1", "language", "xx'--", "text", typed);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.document().select("#review-language-error").text()).contains("Choose one of the languages");

        var empty = organiser.post(
                draft + "/paragraphs/" + key + "/translation", "version", "1", "language", "es", "text", "  ");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.document().select("#review-text-error").text()).isEqualTo("Write the translation.");
        assertThat(empty.document().select("#review-language option[selected]").attr("value"))
                .isEqualTo("es");

        HttpVisitor spanish = new HttpVisitor(port).speaking("es");
        assertThat(spanish.get(draft).document().select("#" + key).text()).doesNotContain(typed);
    }

    /**
     * A session's page lists the consultations linked to it (the {@code ForumPageContributions} section), in the
     * reader's language, with whether each is in progress or which version is its outcome; an unknown session code
     * is refused next to the field and links nothing; unlinking takes it off the session's page.
     */
    @Test
    void aSessionPageListsTheConsultationsLinkedToIt() {
        HttpVisitor organiser = organiser();
        String title = "Session paper " + suffix();
        String draft = open(organiser, title);
        long id = Long.parseLong(draft.substring(draft.lastIndexOf('/') + 1));
        String session = "/editions/gfmd-2012/sessions/2.1";
        HttpVisitor french = new HttpVisitor(port).speaking("fr");
        assertThat(french.get(session).document().select("section.contributed a[href=" + draft + "]"))
                .isEmpty();

        organiser.get(draft + "/manage");
        var unknown = organiser.post(draft + "/session", "session", "9.99");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.document().selectFirst("#session-error").text()).contains("no session with this code");
        assertThat(unknown.document().selectFirst("#session").val()).isEqualTo("9.99");
        assertThat(jdbc.sql("SELECT session_id FROM consultation_consultation WHERE id = :c")
                        .param("c", id)
                        .query(Long.class)
                        .optional())
                .isEmpty();

        assertThat(organiser.post(draft + "/session", "session", "2.1").redirect())
                .isEqualTo(draft + "/manage");
        Document page = french.get(session).document();
        var section = page.select("section.contributed").stream()
                .filter(s -> s.selectFirst("h2").text().equals("Consultations sur des projets"))
                .findFirst()
                .orElseThrow();
        var item = section.selectFirst("a[href=" + draft + "]").parent();
        assertThat(item.selectFirst("a").text()).isEqualTo(title);
        assertThat(item.selectFirst("a").attr("lang")).isEqualTo("en");
        assertThat(item.text()).contains("en cours");

        assertThat(organiser.post(draft + "/outcome", "version", "1").status()).isEqualTo(302);
        assertThat(french.get(session)
                        .document()
                        .selectFirst("section.contributed a[href=" + draft + "]")
                        .parent()
                        .text())
                .contains("résultat : version 1");

        assertThat(organiser.post(draft + "/session", "session", "").redirect()).isEqualTo(draft + "/manage");
        assertThat(french.get(session).document().select("section.contributed a[href=" + draft + "]"))
                .isEmpty();
    }

    /**
     * Every translation that reaches a paragraph shows on the (kept ready) draft page at once: a volunteer's, made in
     * the translation module's queue, as well as a reviewed one. The paragraph is offered to volunteers with the
     * address of its discussion.
     */
    @Test
    void aVolunteersTranslationOfAParagraphShowsOnTheDraftPageAtOnce() {
        HttpVisitor organiser = organiser();
        String draft = open(organiser, "Volunteer texts " + suffix());
        String key = keyOf(draft, "Remittances%");
        long paragraph = jdbc.sql(
                        """
                        SELECT p.id FROM consultation_paragraph p JOIN consultation_version v ON v.id = p.version_id
                        WHERE v.consultation_id = :c AND p.key = :k""")
                .param("c", Long.parseLong(draft.substring(draft.lastIndexOf('/') + 1)))
                .param("k", key)
                .query(Long.class)
                .single();
        HttpVisitor portuguese = new HttpVisitor(port).speaking("pt");
        // read once, so that the page keeps this version's texts in Portuguese ready
        assertThat(portuguese.get(draft).document().select("#" + key).text())
                .doesNotContain("As remessas são dinheiro privado.");

        String name = "Volunteer " + suffix();
        HttpVisitor volunteer = HttpVisitor.signedUp(port, name, PASSWORD);
        volunteer.get("/account");
        assertThat(volunteer
                        .post(
                                "/account/profile",
                                "displayName",
                                name,
                                "uiLanguage",
                                "en",
                                "readLanguages",
                                "en",
                                "readLanguages",
                                "pt")
                        .redirect())
                .isEqualTo("/account?saved=profile");
        volunteer.get("/translation/volunteer");
        assertThat(volunteer.post("/translation/volunteer", "pair", "en-pt").redirect())
                .isEqualTo("/translation/volunteer?saved");
        String form = "/translation/texts/consultation-paragraph/" + paragraph + "/pt";
        var offered = volunteer.get(form);
        assertThat(offered.status()).isEqualTo(200);
        assertThat(offered.document().select("a[href^=" + draft + "/paragraphs/" + key + "]"))
                .isNotEmpty();
        assertThat(volunteer
                        .post(form, "text", "As remessas são dinheiro privado.")
                        .redirect())
                .endsWith("?done=translated");

        var after = portuguese.get(draft).document();
        assertThat(after.select("#" + key).text()).contains("As remessas são dinheiro privado.");
        assertThat(after.select("#" + key + " [lang=pt]")).isNotEmpty();
    }

    private String keyOf(String draft, String like) {
        long id = Long.parseLong(draft.substring(draft.lastIndexOf('/') + 1));
        return jdbc.sql(
                        """
                        SELECT p.key FROM consultation_paragraph p JOIN consultation_version v ON v.id = p.version_id
                        WHERE v.consultation_id = :c AND v.number = 1 AND p.text LIKE :like""")
                .param("c", id)
                .param("like", like)
                .query(String.class)
                .single();
    }

    private long count(long consultation) {
        return jdbc.sql(
                        """
                        SELECT count(*) FROM consultation_comment c JOIN consultation_round r ON r.id = c.round_id
                        WHERE r.consultation_id = :c""")
                .param("c", consultation)
                .query(Long.class)
                .single();
    }
}
