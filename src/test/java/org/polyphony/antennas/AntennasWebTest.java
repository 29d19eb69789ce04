package org.polyphony.antennas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Regional Antennas over HTTP without JavaScript, against the running application and PostgreSQL: hubs and
 * their scoped roles, members-only posting, meetings with bad input, registration and the waiting list, iCalendar,
 * reports with citations that are refused or withdrawn, and who may do what.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AntennasWebTest {

    static final String PASSWORD = "regional voices";
    static final String EDITION = "/editions/athens-2009";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aHubItsRolesMeetingsAndAReportWhoseCitationIsWithdrawnWhenThePostIsHidden() {
        String suffix = suffix();
        HttpVisitor organiser = HttpVisitor.signedInWithRole(port, jdbc, "Organiser " + suffix, PASSWORD, "ORGANISER");
        String rapporteurName = "Rapporteur " + suffix;
        HttpVisitor rapporteur = HttpVisitor.signedUp(port, rapporteurName, PASSWORD);
        String memberName = "Member " + suffix;
        HttpVisitor member = HttpVisitor.signedUp(port, memberName, PASSWORD);
        HttpVisitor outsider = HttpVisitor.signedUp(port, "Outsider " + suffix, PASSWORD);

        // only organisers create hubs; a bad region keeps what was typed
        outsider.get(EDITION + "/antennas");
        assertThat(outsider.post(EDITION + "/antennas", "name", "X " + suffix, "language", "en")
                        .status())
                .isEqualTo(403);
        organiser.get(EDITION + "/antennas");
        var refused = organiser.post(
                EDITION + "/antennas", "name", "Africa " + suffix, "regionCode", "atlantis", "language", "en");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().select("#regionCode-error").text()).contains("Choose a region");
        assertThat(refused.document().select("#name").val()).isEqualTo("Africa " + suffix);
        var created = organiser.post(
                EDITION + "/antennas",
                "name",
                "Africa " + suffix,
                "regionCode",
                "western-africa",
                "description",
                "Migrant workers’ associations of West Africa.",
                "language",
                "en",
                "workingLanguages",
                "en",
                "workingLanguages",
                "fr",
                "membersOnlyPosting",
                "true");
        assertThat(created.redirect()).matches("/antennas/\\d+/manage");
        String hub = created.redirect().replace("/manage", "");

        // the rapporteur role is the hub's, not global
        organiser.get(hub + "/manage");
        assertThat(organiser
                        .post(hub + "/roles", "person", "Nobody " + suffix, "role", "RAPPORTEUR")
                        .status())
                .isEqualTo(422);
        assertThat(organiser
                        .post(hub + "/roles", "person", rapporteurName, "role", "RAPPORTEUR")
                        .redirect())
                .endsWith("appointed");
        assertThat(jdbc.sql("SELECT roles::text FROM accounts_account WHERE display_name = :n")
                        .param("n", rapporteurName)
                        .query(String.class)
                        .single())
                .doesNotContain("RAPPORTEUR");

        // members only: the outsider may not start a thread; the member asks, the organiser accepts
        outsider.get(hub);
        var notMember = outsider.post(
                hub + "/threads",
                "session",
                "3.2",
                "title",
                "Outside " + suffix,
                "body",
                "Hello",
                "idempotencyKey",
                UUID.randomUUID().toString());
        assertThat(notMember.status()).isEqualTo(422);
        member.get(hub);
        member.post(hub + "/join");
        long memberId = accountId(memberName);
        organiser.get(hub + "/manage");
        organiser.post(hub + "/members/accept", "account", String.valueOf(memberId));
        member.get(hub);
        var thread = member.post(
                hub + "/threads",
                "session",
                "3.2",
                "title",
                "Recrutement équitable " + suffix,
                "body",
                "Les agences de recrutement demandent des frais illégaux aux travailleurs migrants.",
                "idempotencyKey",
                UUID.randomUUID().toString());
        assertThat(thread.redirect()).matches("/threads/\\d+");
        // the regional thread is a thread of session 3.2, and replies by outsiders are refused there too
        outsider.get(thread.redirect());
        var outsiderReply = outsider.post(
                thread.redirect() + "/posts",
                "body",
                "Me too",
                "idempotencyKey",
                UUID.randomUUID().toString());
        assertThat(outsiderReply.status()).isEqualTo(422);
        assertThat(outsiderReply.body()).contains("Only the hub’s members may post here");
        long threadId = Long.parseLong(thread.redirect().substring("/threads/".length()));
        long postId = jdbc.sql("SELECT id FROM dialogue_post WHERE thread_id = :t AND position = 1")
                .param("t", threadId)
                .query(Long.class)
                .single();

        // meetings: bad input keeps what was typed
        organiser.get(hub + "/meetings/new");
        var past = organiser.post(
                hub + "/meetings",
                "title",
                "Regional meeting " + suffix,
                "kind",
                "REGIONAL",
                "date",
                "2001-01-01",
                "startTime",
                "10:00",
                "endTime",
                "12:00",
                "timeZone",
                "Mars/Olympus",
                "mode",
                "ONLINE",
                "capacity",
                "many",
                "language",
                "en");
        assertThat(past.status()).isEqualTo(422);
        Document form = past.document();
        assertThat(form.select("#timeZone-error").text()).contains("time zone is unknown");
        assertThat(form.select("#capacity-error").text()).contains("whole number");
        assertThat(form.select("#timeZone").val()).isEqualTo("Mars/Olympus");
        var pastDate = organiser.post(
                hub + "/meetings",
                "title",
                "Regional meeting " + suffix,
                "kind",
                "REGIONAL",
                "date",
                "2001-01-01",
                "startTime",
                "10:00",
                "endTime",
                "12:00",
                "timeZone",
                "Africa/Dakar",
                "mode",
                "ONLINE",
                "language",
                "en");
        assertThat(pastDate.document().select("#date-error").text()).contains("past");
        String date = LocalDate.now().plusDays(30).toString();
        var meeting = organiser.post(
                hub + "/meetings",
                "title",
                "Regional meeting " + suffix,
                "kind",
                "REGIONAL",
                "date",
                date,
                "startTime",
                "10:00",
                "endTime",
                "12:00",
                "timeZone",
                "Africa/Dakar",
                "mode",
                "HYBRID",
                "place",
                "Dakar",
                "onlineLink",
                "https://meet.example.org/africa",
                "capacity",
                "1",
                "programme",
                "3.2: Fair recruitment\nOpen floor",
                "language",
                "en");
        assertThat(meeting.redirect()).matches("/meetings/\\d+");
        String meetingPath = meeting.redirect();

        // the link only for registered people; the second person waits
        assertThat(member.get(meetingPath).body()).doesNotContain("meet.example.org");
        assertThat(member.post(meetingPath + "/register").redirect()).endsWith("?registered");
        assertThat(member.get(meetingPath).body()).contains("https://meet.example.org/africa");
        outsider.get(meetingPath);
        assertThat(outsider.post(meetingPath + "/register").redirect()).endsWith("?waiting");
        assertThat(outsider.get(meetingPath).body()).doesNotContain("meet.example.org");
        String ics = member.get(meetingPath + "/meeting.ics").body();
        assertThat(ics)
                .startsWith("BEGIN:VCALENDAR\r\n")
                .contains("SUMMARY:Regional meeting " + suffix)
                .contains("DTSTART:")
                .doesNotContain("meet.example.org");
        assertThat(new HttpVisitor(port).get(hub + "/calendar.ics").body()).contains("Regional meeting " + suffix);
        // the registration list is the organisers’; names never reach the public page
        assertThat(outsider.get(meetingPath + "/registrations").status()).isEqualTo(403);
        assertThat(organiser.get(meetingPath + "/registrations").body()).contains(memberName);
        assertThat(new HttpVisitor(port).get(meetingPath).body()).doesNotContain(memberName);
        // the capacity cannot go below those registered; a cancellation moves the waiting list up
        member.get(meetingPath);
        member.post(meetingPath + "/unregister");
        assertThat(outsider.get(meetingPath).body()).contains("meet.example.org");

        // the report: only the hub's rapporteur drafts it
        rapporteur.get(hub);
        assertThat(member.get(hub + "/reports/new").status()).isEqualTo(403);
        rapporteur.get(hub + "/reports/new");
        var noSession = rapporteur.post(hub + "/reports", "title", "Voices of West Africa", "language", "en");
        assertThat(noSession.status()).isEqualTo(422);
        var report = rapporteur.post(
                hub + "/reports", "title", "Voices of West Africa " + suffix, "language", "en", "sessions", "3.2");
        assertThat(report.redirect()).matches("/reports/\\d+/edit");
        String reportPath = report.redirect().replace("/edit", "");
        assertThat(new HttpVisitor(port).get(reportPath).status()).isEqualTo(404);
        rapporteur.get(reportPath + "/edit");
        rapporteur.post(reportPath + "/points", "text", "Recruitment fees must go.");
        long keyPoint = jdbc.sql("SELECT k.id FROM antennas_key_point k WHERE k.report_id = :r")
                .param("r", Long.parseLong(reportPath.substring("/reports/".length())))
                .query(Long.class)
                .single();
        Document editor = rapporteur.get(reportPath + "/edit?q=recrutement").document();
        // found, quoted in the rapporteur's language (a machine translation once one is ready)
        assertThat(editor.select(".candidates").text()).contains("Recrutement équitable " + suffix);
        var cited = rapporteur.post(
                reportPath + "/citations",
                "keyPoint",
                String.valueOf(keyPoint),
                "kind",
                "POST",
                "source",
                String.valueOf(postId));
        assertThat(cited.redirect()).contains("/edit");
        // a post of another session's ordinary dialogue is not the hub's
        long otherPost = jdbc.sql(
                        "SELECT p.id FROM dialogue_post p WHERE p.thread_id NOT IN (SELECT thread_id FROM antennas_hub_thread) ORDER BY p.id LIMIT 1")
                .query(Long.class)
                .single();
        var notHub = rapporteur.post(
                reportPath + "/citations",
                "keyPoint",
                String.valueOf(keyPoint),
                "kind",
                "POST",
                "source",
                String.valueOf(otherPost));
        assertThat(notHub.status()).isEqualTo(422);
        assertThat(notHub.body()).contains("not part of this hub");
        assertThat(member.post(
                                reportPath + "/citations",
                                "keyPoint",
                                String.valueOf(keyPoint),
                                "kind",
                                "POST",
                                "source",
                                String.valueOf(postId))
                        .status())
                .isIn(403, 404);

        // review by members, then published: session 3.2 shows it
        rapporteur.get(reportPath + "/edit");
        assertThat(rapporteur.post(reportPath + "/step", "step", "review").redirect())
                .isEqualTo(reportPath);
        assertThat(member.get(reportPath).status()).isEqualTo(200);
        var comment = member.post(
                reportPath + "/comments", "keyPoint", String.valueOf(keyPoint), "body", "Add the fees we paid.");
        assertThat(comment.redirect()).as(comment.status() + comment.body()).contains(reportPath);
        assertThat(rapporteur.get(reportPath).body()).contains("Add the fees we paid.");
        rapporteur.post(reportPath + "/step", "step", "publish");
        rapporteur.post(reportPath + "/step", "step", "submit");
        Document session = new HttpVisitor(port).get(EDITION + "/sessions/3.2").document();
        assertThat(session.text())
                .contains("Regional inputs")
                .contains("Voices of West Africa " + suffix)
                .contains("Recruitment fees must go.");
        Document reading = new HttpVisitor(port).speaking("fr").get(reportPath).document();
        assertThat(reading.select(".citation q").text()).contains("agences de recrutement");
        assertThat(reading.select(".citation a").attr("href")).startsWith("/threads/" + threadId);

        // a correction of a published report needs a note and makes a new version
        rapporteur.get(reportPath + "/edit");
        assertThat(rapporteur
                        .post(reportPath + "/points/" + keyPoint, "text", "Recruitment fees must end.")
                        .status())
                .isEqualTo(422);
        rapporteur.post(reportPath + "/points/" + keyPoint, "text", "Recruitment fees must end.", "note", "Wording");
        assertThat(new HttpVisitor(port)
                        .get(reportPath + "/versions")
                        .document()
                        .text())
                .contains("version 2")
                .contains("Wording")
                .contains("Recruitment fees must end.");

        // a moderator hides the post: the citation is withdrawn and its quote gone
        HttpVisitor moderator = HttpVisitor.signedInWithRole(port, jdbc, "Moderator " + suffix, PASSWORD, "MODERATOR");
        moderator.get("/moderation");
        moderator.post("/moderation/posts/" + postId + "/hide", "reason", "test");
        Document withdrawn =
                new HttpVisitor(port).speaking("fr").get(reportPath).document();
        assertThat(withdrawn.select(".citation").text()).contains("retiré").doesNotContain("agences de recrutement");
        assertThat(new HttpVisitor(port).get(reportPath + "/print").document().text())
                .contains("withdrawn");
        // and a hidden post can no longer be cited
        var hidden = rapporteur.post(
                reportPath + "/citations",
                "keyPoint",
                String.valueOf(keyPoint),
                "kind",
                "POST",
                "source",
                String.valueOf(postId));
        assertThat(hidden.status()).isEqualTo(422);
        assertThat(hidden.body()).contains("hidden, deleted or waiting");
    }

    @Test
    void athens2009HasItsDemoAntennasAndARegionalInputOnSession21() {
        HttpVisitor reader = new HttpVisitor(port);
        Document hubs = reader.get(EDITION + "/antennas").document();
        assertThat(hubs.select(".card h2").eachText())
                .contains(
                        "Africa",
                        "Asia and the Pacific",
                        "Latin America and the Caribbean",
                        "Europe",
                        "North America",
                        "Middle East and North Africa");
        Document session = reader.get(EDITION + "/sessions/2.1").document();
        assertThat(session.select(".contributed").text())
                .contains("Regional inputs")
                .contains("What the Africa Antenna brings to Athens")
                .contains("Africa · ");
        String report = session.select(".contributed a").attr("href");
        Document page = reader.get(report).document();
        assertThat(page.select(".citation").size()).isGreaterThanOrEqualTo(5);
        // the cited story is anonymous or not, its author is never named in the citation
        assertThat(page.select(".citation").text()).contains("Story").contains("The fee I paid before I left");
        // the opinion result: the pension statement, found by its text, quoted whatever the latest analysis says
        assertThat(page.select(".citation:has(a[href^=/conversations/])").text())
                .contains("keep the pension rights they earned abroad")
                .doesNotContain("withdrawn");
        String json = reader.get("/api/editions/athens-2009/antennas").body();
        assertThat(json)
                .contains("\"hubs\"")
                .contains("What the Africa Antenna brings to Athens")
                .doesNotContain("online_link")
                .doesNotContain("Aminata");
    }

    @Test
    void organisationsJoinAHubByInvitationOrRequestAndTheirPeopleMayPostWhereMembershipIsRequired() {
        String suffix = suffix();
        HttpVisitor organiser = HttpVisitor.signedInWithRole(port, jdbc, "Organiser " + suffix, PASSWORD, "ORGANISER");
        HttpVisitor admin = HttpVisitor.signedUp(port, "Admin " + suffix, PASSWORD);
        HttpVisitor otherAdmin = HttpVisitor.signedUp(port, "Other admin " + suffix, PASSWORD);
        String workerName = "Worker " + suffix;
        HttpVisitor worker = HttpVisitor.signedUp(port, workerName, PASSWORD);
        HttpVisitor outsider = HttpVisitor.signedUp(port, "Outsider " + suffix, PASSWORD);
        String hub = hub(organiser, "Corridors " + suffix, true);
        String union = organisation(admin, "Domestic Workers Union " + suffix, "TRADE_UNION");
        String association = organisation(otherAdmin, "Migrant Association " + suffix, "MIGRANT_ASSOCIATION");
        String unionId = union.replace("/organisations/", "");
        String associationId = association.replace("/organisations/", "");

        // a coordinator invites the union; an unknown organisation is refused with a message, 422
        organiser.get(hub + "/manage");
        var unknown = organiser.post(hub + "/organisations/invite", "organisation", "99999999999");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.document().select("#organisation-error").text()).contains("Choose an organisation");
        assertThat(organiser
                        .post(hub + "/organisations/invite", "organisation", "12x")
                        .status())
                .isEqualTo(422);
        assertThat(organiser
                        .post(hub + "/organisations/invite", "organisation", unionId)
                        .redirect())
                .contains("invited");
        assertThat(organiser
                        .get(hub + "/manage")
                        .document()
                        .select("#organisations-title + ul")
                        .text())
                .contains("Domestic Workers Union " + suffix)
                .contains("invited");
        // invited is not yet a member; only the union's admin accepts for it
        assertThat(new HttpVisitor(port)
                        .get(hub)
                        .document()
                        .select("ul.organisations")
                        .text())
                .doesNotContain("Domestic Workers Union");
        outsider.get(hub);
        assertThat(outsider.post(hub + "/organisations/join", "organisation", unionId)
                        .status())
                .isEqualTo(403);
        Document invitation = admin.get(hub).document();
        assertThat(invitation.select("#organisations-title ~ .actions").text())
                .contains("invites Domestic Workers Union " + suffix);
        admin.post(hub + "/organisations/join", "organisation", unionId);
        assertThat(new HttpVisitor(port)
                        .get(hub)
                        .document()
                        .select("ul.organisations a")
                        .eachText())
                .contains("Domestic Workers Union " + suffix);
        assertThat(organiser
                        .post(hub + "/organisations/invite", "organisation", unionId)
                        .document()
                        .select("#organisation-error")
                        .text())
                .contains("already a member");

        // the association asks; a coordinator accepts
        otherAdmin.get(hub);
        otherAdmin.post(hub + "/organisations/join", "organisation", associationId);
        assertThat(otherAdmin.get(hub).document().select(".badge").text()).contains("asked to join");
        organiser.get(hub + "/manage");
        organiser.post(hub + "/organisations/accept", "organisation", associationId);
        String json = new HttpVisitor(port).get("/api" + hub).body();
        assertThat(json)
                .contains("\"memberOrganisations\"")
                .contains("Domestic Workers Union " + suffix)
                .contains("Migrant Association " + suffix)
                .contains("\"type\":\"TRADE_UNION\"");

        // a worker of the union may post in the members-only hub: the union is a member
        worker.get(union);
        worker.post(union + "/join");
        admin.get(union + "/manage");
        admin.post(union + "/members/" + accountId(workerName) + "/approve");
        worker.get(hub);
        var thread = worker.post(
                hub + "/threads",
                "session",
                "2.1",
                "title",
                "Care work corridors " + suffix,
                "body",
                "Our union speaks for domestic workers.",
                "idempotencyKey",
                UUID.randomUUID().toString());
        assertThat(thread.redirect()).matches("/threads/\\d+");

        // the union leaves: it is no longer listed, and the outsider may not remove the association
        admin.get(hub);
        admin.post(hub + "/organisations/remove", "organisation", unionId);
        outsider.get(hub);
        assertThat(outsider.post(hub + "/organisations/remove", "organisation", associationId)
                        .status())
                .isEqualTo(403);
        assertThat(new HttpVisitor(port)
                        .get(hub)
                        .document()
                        .select("ul.organisations a")
                        .eachText())
                .containsExactly("Migrant Association " + suffix);
    }

    @Test
    void rapporteursCiteFromThePostAndTheStoryPagesWithoutJavaScript() {
        String suffix = suffix();
        HttpVisitor organiser = HttpVisitor.signedInWithRole(port, jdbc, "Organiser " + suffix, PASSWORD, "ORGANISER");
        String rapporteurName = "Rapporteur " + suffix;
        HttpVisitor rapporteur = HttpVisitor.signedUp(port, rapporteurName, PASSWORD);
        HttpVisitor writer = HttpVisitor.signedUp(port, "Writer " + suffix, PASSWORD);
        String hub = hub(organiser, "Andes " + suffix, false);
        organiser.get(hub + "/manage");
        organiser.post(hub + "/roles", "person", rapporteurName, "role", "RAPPORTEUR");
        writer.get(hub);
        String thread = writer.post(
                        hub + "/threads",
                        "session",
                        "2.1",
                        "title",
                        "Remesas y desarrollo " + suffix,
                        "body",
                        "Las remesas sostienen a las familias de la región andina.",
                        "idempotencyKey",
                        UUID.randomUUID().toString())
                .redirect();
        long postId = jdbc.sql("SELECT id FROM dialogue_post WHERE thread_id = :t AND position = 1")
                .param("t", Long.parseLong(thread.substring("/threads/".length())))
                .query(Long.class)
                .single();
        rapporteur.get(hub + "/reports/new");
        String report = rapporteur
                .post(hub + "/reports", "title", "Andean voices " + suffix, "language", "en", "sessions", "2.1")
                .redirect()
                .replace("/edit", "");

        // the action is on the post for the hub's rapporteur only, as a plain GET form
        Document page = rapporteur.get(thread).document();
        var action = page.select("#post-1 form[action=/antennas/cite]");
        assertThat(action.attr("method")).isEqualTo("get");
        assertThat(action.select("input[name=post]").val()).isEqualTo(String.valueOf(postId));
        assertThat(action.select("button").text()).isEqualTo("Cite in my report");
        assertThat(writer.get(thread).document().select("form[action=/antennas/cite]"))
                .isEmpty();
        assertThat(writer.get("/antennas/cite?post=" + postId).status()).isEqualTo(403);

        // the page shows the quote and the rapporteur's reports; nothing chosen: 422, the text kept
        Document choose = rapporteur.get("/antennas/cite?post=" + postId).document();
        assertThat(choose.select("blockquote.citation").text()).contains("remesas sostienen");
        String target = "new:" + report.substring("/reports/".length());
        assertThat(choose.select("input[name=target][value=" + target + "]")).hasSize(1);
        var nothing = rapporteur.post("/antennas/cite", "post", String.valueOf(postId), "text", "Remittances matter.");
        assertThat(nothing.status()).isEqualTo(422);
        assertThat(nothing.document().select("#target-error").text()).contains("Choose a key point");
        assertThat(nothing.document().select("#text").text()).isEqualTo("Remittances matter.");
        var cited = rapporteur.post(
                "/antennas/cite", "post", String.valueOf(postId), "target", target, "text", "Remittances matter.");
        assertThat(cited.redirect()).startsWith(report + "/edit#point-");
        Document draft = rapporteur.get(report).document();
        assertThat(draft.text()).contains("Remittances matter.");
        assertThat(draft.select(".citation").text()).contains("remesas sostienen");

        // a published story of the edition: the same action on its page, into the key point just made
        long story = jdbc.sql(
                        "SELECT id FROM experiences_story WHERE status = 'PUBLISHED' AND title = 'The fee I paid before I left'")
                .query(Long.class)
                .list()
                .getFirst();
        var storyAction = rapporteur.get("/stories/" + story).document().select("form[action=/antennas/cite]");
        assertThat(storyAction.select("input[name=story]").val()).isEqualTo(String.valueOf(story));
        assertThat(writer.get("/stories/" + story).document().select("form[action=/antennas/cite]"))
                .isEmpty();
        String point = cited.redirect().substring(cited.redirect().indexOf("#point-") + "#point-".length());
        String pointTarget = "point:" + report.substring("/reports/".length()) + ":" + point;
        rapporteur.get("/antennas/cite?story=" + story);
        assertThat(rapporteur
                        .post("/antennas/cite", "story", String.valueOf(story), "target", pointTarget)
                        .redirect())
                .isEqualTo(report + "/edit#point-" + point);
        assertThat(rapporteur.get(report).document().select(".citation").text())
                .contains("The fee I paid before I left");

        // a post outside the hub's threads: the page says why, and citing it anyway is refused (422)
        long otherPost = jdbc.sql(
                        "SELECT p.id FROM dialogue_post p WHERE p.thread_id NOT IN (SELECT thread_id FROM antennas_hub_thread) ORDER BY p.id LIMIT 1")
                .query(Long.class)
                .single();
        assertThat(rapporteur.get("/antennas/cite?post=" + otherPost).body()).contains("not part of this hub");
        var refused = rapporteur.post("/antennas/cite", "post", String.valueOf(otherPost), "target", pointTarget);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(rapporteur.get("/antennas/cite?post=x1").status()).isEqualTo(404);
    }

    @Test
    void aHubOpensAnOpinionConversationOfItsRegionalTrack() {
        String suffix = suffix();
        HttpVisitor organiser = HttpVisitor.signedInWithRole(port, jdbc, "Organiser " + suffix, PASSWORD, "ORGANISER");
        String coordinatorName = "Coordinator " + suffix;
        HttpVisitor coordinator = HttpVisitor.signedUp(port, coordinatorName, PASSWORD);
        HttpVisitor outsider = HttpVisitor.signedUp(port, "Outsider " + suffix, PASSWORD);
        String hub = hub(organiser, "Pacific " + suffix, false);
        organiser.get(hub + "/manage");
        organiser.post(hub + "/roles", "person", coordinatorName, "role", "COORDINATOR");

        // the form is the coordinators'; others are refused on the server
        assertThat(coordinator.get(hub).document().select("form[action=" + hub + "/conversations]"))
                .hasSize(1);
        assertThat(outsider.get(hub).document().select("form[action=" + hub + "/conversations]"))
                .isEmpty();
        String question = "Should seasonal workers keep their pension rights " + suffix + "?";
        assertThat(outsider.post(hub + "/conversations", "session", "2.1", "question", question)
                        .status())
                .isEqualTo(403);
        var empty = coordinator.post(
                hub + "/conversations", "session", "2.1", "question", "", "seedStatements", "Keep them.");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.document().select("#conversation-question-error").text())
                .isNotBlank();
        assertThat(empty.document().select("#conversation-seedStatements").text())
                .isEqualTo("Keep them.");
        var opened = coordinator.post(
                hub + "/conversations",
                "session",
                "2.1",
                "question",
                question,
                "seedStatements",
                "Pension rights should travel with the worker.\nContributions should be refunded on return.",
                "participantStatements",
                "true",
                "premoderated",
                "true");
        assertThat(opened.redirect()).matches("/conversations/\\d+");

        // listed in the hub's regional track of session 2.1, and a conversation of that session like any other
        Document page = new HttpVisitor(port).get(hub).document();
        assertThat(page.select("#tracks-title ~ ul.conversations a").eachText()).contains(question);
        assertThat(page.select("#tracks-title ~ ul.conversations a").attr("href"))
                .isEqualTo(opened.redirect());
        assertThat(new HttpVisitor(port)
                        .get("/api/editions/athens-2009/sessions/2.1/conversations")
                        .body())
                .contains(question);
        assertThat(page.select("#tracks-title ~ ul.conversations li").text()).contains("2 statements");
        assertThat(new HttpVisitor(port).get(opened.redirect()).status()).isEqualTo(200);

        // a result cited when it was a consensus, which the latest analysis no longer shows (here: none yet), still
        // quotes its statement and says what it was cited as; once a moderator rejects the statement, it is withdrawn
        organiser.post(hub + "/roles", "person", coordinatorName, "role", "RAPPORTEUR");
        coordinator.get(hub + "/reports/new");
        String report = coordinator
                .post(hub + "/reports", "title", "Pacific voices " + suffix, "language", "en", "sessions", "2.1")
                .redirect()
                .replace("/edit", "");
        coordinator.get(report + "/edit");
        coordinator.post(report + "/points", "text", "Pensions must travel.");
        long reportId = Long.parseLong(report.substring("/reports/".length()));
        long conversation = Long.parseLong(opened.redirect().substring("/conversations/".length()));
        jdbc.sql(
                        """
                        INSERT INTO antennas_citation (key_point_id, kind, source_id, detail)
                        SELECT id, 'OPINION', :c, 'c:0' FROM antennas_key_point WHERE report_id = :r
                        """)
                .param("c", conversation)
                .param("r", reportId)
                .update();
        String cited = coordinator.get(report).document().select(".citation").text();
        assertThat(cited)
                .contains("Pension rights should travel with the worker.")
                .contains("no longer shows it")
                .doesNotContain("withdrawn");
        HttpVisitor moderator = HttpVisitor.signedInWithRole(port, jdbc, "Moderator " + suffix, PASSWORD, "MODERATOR");
        moderator.get(opened.redirect() + "/moderation");
        moderator.post(opened.redirect() + "/statements/0/moderation", "decision", "reject");
        assertThat(coordinator.get(report).document().select(".citation").text())
                .contains("withdrawn")
                .doesNotContain("Pension rights should travel");
    }

    @Test
    void readersChooseTheirOwnTimeZoneForMeetingTimesKeptInACookie() {
        String suffix = suffix();
        HttpVisitor organiser = HttpVisitor.signedInWithRole(port, jdbc, "Organiser " + suffix, PASSWORD, "ORGANISER");
        String meeting = meeting(organiser, hub(organiser, "Sahel " + suffix, false), "Sahel meeting " + suffix);
        HttpVisitor reader = new HttpVisitor(port);
        Document before = reader.get(meeting).document();
        // the meeting's zone and UTC; no time of the reader's until they choose
        assertThat(before.select(".facts dd:has(time)").text())
                .contains("10:00")
                .contains("UTC");
        assertThat(before.select(".reader-time")).isEmpty();
        assertThat(before.select("form[action=/antennas/time-zone][method=get] select#reader-zone option"))
                .hasSizeGreaterThan(300);

        var chosen = reader.get("/antennas/time-zone?zone=Asia/Tokyo&return=" + meeting);
        assertThat(chosen.redirect()).isEqualTo(meeting);
        assertThat(chosen.header("Set-Cookie").orElseThrow()).contains("polyphony-time-zone=Asia/Tokyo");
        Document after = reader.get(meeting).document();
        // Dakar is on UTC: 10:00 there is 19:00 in Tokyo
        assertThat(after.select(".reader-time").text())
                .contains("In your time zone")
                .contains("7:00");
        assertThat(after.select(".facts dd:has(time)").text()).contains("10:00").contains("UTC");
        assertThat(after.select("#reader-zone option[selected]").text()).isEqualTo("Asia/Tokyo");

        // an unknown zone is refused with a message; a foreign return address leads home
        var unknown = reader.get("/antennas/time-zone?zone=Mars/Olympus&return=" + meeting);
        assertThat(unknown.redirect()).isEqualTo(meeting + "?timeZone=unknown");
        assertThat(reader.get(unknown.redirect()).document().select(".notice").text())
                .contains("This time zone is unknown");
        assertThat(reader.get("/antennas/time-zone?zone=Asia/Tokyo&return=//evil.example")
                        .redirect())
                .isEqualTo("/");
        // choosing none forgets it
        reader.get("/antennas/time-zone?zone=&return=" + meeting);
        assertThat(reader.get(meeting).document().select(".reader-time")).isEmpty();
    }

    private String meeting(HttpVisitor organiser, String hub, String title) {
        organiser.get(hub + "/meetings/new");
        var meeting = organiser.post(
                hub + "/meetings",
                "title",
                title,
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
                "en");
        assertThat(meeting.redirect()).matches("/meetings/\\d+");
        return meeting.redirect();
    }

    @Test
    void attendanceHidesSmallCountsAndEnoughOthersThatTheyCannotBeWorkedOutFromTheTotal() {
        String suffix = suffix();
        HttpVisitor organiser = HttpVisitor.signedInWithRole(port, jdbc, "Organiser " + suffix, PASSWORD, "ORGANISER");
        String meeting = meeting(organiser, hub(organiser, "Maghreb " + suffix, false), "Maghreb meeting " + suffix);
        organiser.get(meeting + "/minutes");
        var saved = organiser.post(
                meeting + "/minutes",
                "minutes",
                "We met.",
                "language",
                "en",
                "outcomes",
                "",
                "byRegion",
                "western-africa: 12\nnorthern-africa: 3\neastern-africa: 7\nmiddle-africa: 0",
                "byGender",
                "woman: 9\nman: 2");
        assertThat(saved.status()).isLessThan(400);
        Document page = new HttpVisitor(port).get(meeting).document();
        var rows = page.select("table.attendance tbody tr");
        assertThat(rows.eachText())
                .containsExactly(
                        // 3 is below the minimum; 7 too is withheld, or 22 − 12 − 0 would give 3 away
                        "Eastern Africa withheld",
                        "Middle Africa 0",
                        "Northern Africa withheld",
                        "Western Africa 12",
                        "In all 22",
                        // 2 is below the minimum, and 11 − 9 would give it away
                        "Gender: man withheld",
                        "Gender: woman withheld",
                        "In all, of those who said 11");
    }

    @Test
    void aHubsDescriptionIsTranslatedLikePostsAndForgottenWhenRemoved() {
        String suffix = suffix();
        HttpVisitor organiser = HttpVisitor.signedInWithRole(port, jdbc, "Organiser " + suffix, PASSWORD, "ORGANISER");
        organiser.get(EDITION + "/antennas");
        String hub = organiser
                .post(
                        EDITION + "/antennas",
                        "name",
                        "Sahel francophone " + suffix,
                        "description",
                        "Les associations de travailleurs migrants du Sahel.",
                        "language",
                        "fr")
                .redirect()
                .replace("/manage", "");
        long id = Long.parseLong(hub.substring("/antennas/".length()));
        // registered with the translation module, in its language, like a post: readers get it in theirs
        assertThat(jdbc.sql(
                                "SELECT language || ':' || text FROM translation_source WHERE kind = 'antennas-hub' AND content_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("fr:Les associations de travailleurs migrants du Sahel.");
        Document page = new HttpVisitor(port).speaking("fr").get(hub).document();
        assertThat(page.select("p[lang=fr]").text()).contains("Les associations de travailleurs migrants du Sahel.");
        organiser.get(hub + "/manage");
        organiser.post(hub + "/manage", "name", "Sahel francophone " + suffix, "description", "", "language", "fr");
        assertThat(jdbc.sql("SELECT count(*) FROM translation_source WHERE kind = 'antennas-hub' AND content_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private String hub(HttpVisitor organiser, String name, boolean membersOnly) {
        organiser.get(EDITION + "/antennas");
        var created = membersOnly
                ? organiser.post(EDITION + "/antennas", "name", name, "language", "en", "membersOnlyPosting", "true")
                : organiser.post(EDITION + "/antennas", "name", name, "language", "en");
        assertThat(created.redirect()).matches("/antennas/\\d+/manage");
        return created.redirect().replace("/manage", "");
    }

    private String organisation(HttpVisitor admin, String name, String type) {
        admin.get("/organisations/new");
        var created = admin.post("/organisations", "name", name, "type", type);
        assertThat(created.redirect()).startsWith("/organisations/");
        return created.redirect().replace("?notice=created", "");
    }

    @Test
    void malformedNumbersAndUnknownThingsNeverGiveAServerError() {
        HttpVisitor visitor = HttpVisitor.signedUp(port, "Curious " + suffix(), PASSWORD);
        assertThat(visitor.get("/antennas/abc").status()).isEqualTo(400);
        assertThat(visitor.get("/antennas/999999999").status()).isEqualTo(404);
        assertThat(visitor.get("/meetings/999999999").status()).isEqualTo(404);
        assertThat(visitor.get("/reports/999999999").status()).isEqualTo(404);
        assertThat(visitor.get("/reports/99999999999999999999999").status()).isEqualTo(400);
        assertThat(visitor.get("/editions/nowhere/antennas").status()).isEqualTo(404);
    }

    private long accountId(String name) {
        return jdbc.sql("SELECT id FROM accounts_account WHERE display_name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
