package org.polyphony.skills;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The skills matching pilot over HTTP, without JavaScript, against the running application and PostgreSQL: a
 * worker's profile, fair-recruitment checks, the explanation on both sides, consent before anything of the
 * worker reaches the organisation, reports and suspension, figures with small cells hidden.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SkillsWebTest {

    static final String PASSWORD = "skills and fair work";
    static final String PILOT = "/editions/gfmd-2012/skills";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MatchIndex matches;

    @Autowired
    CandidateNumbers candidateNumbers;

    @Autowired
    MatchIndexUpkeep upkeep;

    @Test
    void aWorkerMatchesAnOpportunityAndTheEmployerSeesOnlyWhatTheWorkerShares() {
        String suffix = suffix();
        HttpVisitor employer = HttpVisitor.signedUp(port, "Employer " + suffix, PASSWORD);
        String organisation = organisation(employer, "Care Homes " + suffix, "EMPLOYER");
        String opportunity = publish(employer, organisation, "Care worker in Doha " + suffix, "5322", "");

        String workerName = "Amina " + suffix;
        HttpVisitor worker = HttpVisitor.signedUp(port, workerName, PASSWORD);
        saveProfile(worker, "I want day shifts, near a clinic " + suffix);

        // the worker sees the match and why
        Document page = worker.get(opportunity).document();
        assertThat(page.select(".explanation").text())
                .contains("Matches ISCO 5322")
                .contains("2 of 3 skills")
                .contains("Arabic B2 needed, the profile has C1")
                .contains("Can work in Qatar");
        assertThat(worker.get("/skills/matches").body()).contains("Care worker in Doha " + suffix);

        // before interest the organisation sees an anonymous number and the matched fields, nothing of the worker
        String candidates = employer.get(opportunity + "/candidates").body();
        Document candidatesPage = org.jsoup.Jsoup.parse(candidates);
        List<String> numbers = candidatesPage.select(".card h2 bdi").eachText();
        assertThat(numbers).isNotEmpty();
        assertThat(candidates)
                .contains("Matches ISCO 5322")
                .doesNotContain(workerName)
                .doesNotContain("day shifts");
        assertThat(candidatesPage.select("form[action*=placed]")).isEmpty();

        // the worker expresses interest, sharing their name and what they look for only
        worker.get(opportunity);
        assertThat(worker.post(opportunity + "/interest", "share", "name", "share", "lookingFor")
                        .redirect())
                .isEqualTo(opportunity + "?notice=interest");
        String after = employer.get(opportunity + "/candidates").body();
        String number = org.jsoup.Jsoup.parse(after)
                .select(".card:contains(" + workerName + ") h2 bdi")
                .text();
        assertThat(numbers).contains(number);
        assertThat(after).contains(workerName).contains("I want day shifts, near a clinic " + suffix);
        // qualifications were not shared
        assertThat(after).doesNotContain("Nursing certificate " + suffix);
        // the worker is told how to write to the organisation
        Document withInterest = worker.get(opportunity).document();
        assertThat(withInterest.select("main a").eachText())
                .as(withInterest.select("main").text())
                .contains("Employer " + suffix);

        // someone else, signed in, is not the organisation: the candidates page does not exist for them
        HttpVisitor stranger = HttpVisitor.signedUp(port, "Stranger " + suffix, PASSWORD);
        assertThat(stranger.get(opportunity + "/candidates").status()).isEqualTo(404);
        assertThat(new HttpVisitor(port).get(opportunity + "/candidates").status())
                .isIn(302, 401, 403);

        // withdrawing takes the shared fields away again
        worker.get(opportunity);
        worker.post(opportunity + "/withdraw");
        String withdrawn = employer.get(opportunity + "/candidates").body();
        assertThat(withdrawn).doesNotContain(workerName);
        // and the worker is no longer known under the number the organisation saw with their name
        assertThat(org.jsoup.Jsoup.parse(withdrawn).select(".card h2 bdi").eachText())
                .doesNotContain(number);

        // a paused profile is no candidate; deleting it removes it
        worker.get("/skills/profile");
        worker.post("/skills/profile/pause", "paused", "true");
        assertThat(employer.get(opportunity + "/candidates")
                        .document()
                        .select(".card")
                        .size())
                .isLessThan(org.jsoup.Jsoup.parse(withdrawn).select(".card").size());
        worker.post("/skills/profile/delete");
        assertThat(jdbc.sql("SELECT count(*) FROM skills_profile p JOIN accounts_account a ON a.id = p.account_id"
                                + " WHERE a.display_name = :n")
                        .param("n", workerName)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void nothingOfAWorkerReachesTheEmployerBeforeConsentThroughAnyPageApiOrExport() {
        String suffix = suffix();
        HttpVisitor employer = HttpVisitor.signedUp(port, "Recruiter " + suffix, PASSWORD);
        String organisation = organisation(employer, "Placement Desk " + suffix, "NGO");
        String opportunity = publish(employer, organisation, "Cook in Lisbon " + suffix, "5322", "");
        String workerName = "Worker " + suffix;
        HttpVisitor worker = HttpVisitor.signedUp(port, workerName, PASSWORD);
        saveProfile(worker, "Secret wish " + suffix);
        long profile = jdbc.sql("SELECT p.id FROM skills_profile p JOIN accounts_account a ON a.id = p.account_id"
                        + " WHERE a.display_name = :n")
                .param("n", workerName)
                .query(Long.class)
                .single();

        // every page the employer can reach from the pilot, the opportunity and the organisation, and the exports
        List<String> reachable = new ArrayList<>(List.of(
                PILOT,
                opportunity,
                opportunity + "/candidates",
                "/skills/matches",
                "/skills/profile",
                "/skills/profile/export.json",
                organisation,
                "/api/organisations",
                "/api/editions/gfmd-2012/skills/opportunities",
                "/api" + opportunity + "/candidates",
                "/people/directory?q=" + suffix,
                "/feed",
                "/account/data",
                "/notifications",
                "/skills/conversations"));
        // and every conversation page under a number of its candidate list
        for (String number : employer.get(opportunity + "/candidates")
                .document()
                .select(".card h2 bdi")
                .eachText()) {
            reachable.add(opportunity + "/candidates/" + number + "/messages");
            reachable.add(opportunity + "/candidates/" + number + "/messages/report");
        }
        reachable.add("/skills/moderation");
        for (String path : reachable) {
            String body = employer.get(path).body();
            assertThat(body)
                    .as(path)
                    .doesNotContain(workerName)
                    .doesNotContain("Secret wish " + suffix)
                    .doesNotContain("Nursing certificate " + suffix);
        }
        // the candidates list (page and API) says how many skills match, never which, nor the worker's own level
        Document candidates = employer.get(opportunity + "/candidates").document();
        assertThat(candidates.select(".explanation").text())
                .contains("2 of 3 skills")
                .contains("Arabic B2 needed: met")
                .doesNotContain("Care of older people")
                .doesNotContain("C1");
        assertThat(employer.get("/api" + opportunity + "/candidates").body())
                .doesNotContain("elderly-care")
                .doesNotContain("\"C1\"");
        // a profile id guessed in a URL leads nowhere
        for (String path : List.of("/skills/profiles/" + profile, "/api/skills/profiles/" + profile)) {
            assertThat(employer.get(path).status()).as(path).isEqualTo(404);
        }
        // the worker's own export has it all
        assertThat(worker.get("/skills/profile/export.json").body())
                .contains("Secret wish " + suffix)
                .contains("Nursing certificate " + suffix);
    }

    @Test
    void badInputIsRefusedWithMessagesAndWhatWasTypedIsKept() {
        String suffix = suffix();
        HttpVisitor worker = HttpVisitor.signedUp(port, "Typist " + suffix, PASSWORD);
        worker.get("/skills/profile");
        var refused = worker.post(
                "/skills/profile",
                "occupations",
                "9999",
                "skills",
                "juggling",
                "years",
                "abc",
                "availableFrom",
                "soon",
                "languageTag",
                "ar",
                "languageLevel",
                "C9",
                "lookingFor",
                "Kept words " + suffix);
        assertThat(refused.status()).isEqualTo(422);
        Document page = refused.document();
        assertThat(page.select(".error").text())
                .contains("Choose an occupation from the list")
                .contains("Choose skills from the list")
                .contains("whole number of years")
                .contains("year-month-day")
                .contains("Choose a language and a level");
        assertThat(page.select("textarea[name=lookingFor]").text()).isEqualTo("Kept words " + suffix);
        assertThat(page.select("input[name=years]").val()).isEqualTo("abc");

        HttpVisitor admin = HttpVisitor.signedUp(port, "Admin " + suffix, PASSWORD);
        String association = organisation(admin, "Hometown Club " + suffix, "MIGRANT_ASSOCIATION");
        String ngo = organisation(admin, "Fair Jobs " + suffix, "NGO");
        long before = opportunities();

        // a fee charged to the worker, missing statements, a reversed pay range and a wrong type: all refused
        admin.get(PILOT + "/opportunities/new");
        var charged = admin.post(
                PILOT + "/opportunities",
                "organisation",
                idOf(association),
                "title",
                "Farm work " + suffix,
                "occupation",
                "9211",
                "country",
                "ES",
                "startsOn",
                "2027-05-01",
                "payMin",
                "1500",
                "payMax",
                "900",
                "currency",
                "EUR",
                "payPeriod",
                "MONTH",
                "workerFee",
                "300");
        assertThat(charged.status()).isEqualTo(422);
        Document form = charged.document();
        assertThat(form.select("#organisation-error").text()).contains("Only employers");
        assertThat(form.select("#workerFee-error").text()).contains("cannot be published");
        assertThat(form.select("#payMax-error").text()).contains("cannot be below");
        assertThat(form.select("#noWorkerFees-error").text()).contains("required");
        assertThat(form.select("input[name=title]").val()).isEqualTo("Farm work " + suffix);

        var garbage = admin.post(
                PILOT + "/opportunities",
                "organisation",
                "abc",
                "title",
                "Farm work " + suffix,
                "occupation",
                "12",
                "country",
                "XX",
                "startsOn",
                "tomorrow",
                "payMin",
                "-1",
                "payMax",
                "1e999999",
                "currency",
                "EURO",
                "payPeriod",
                "WEEK",
                "noWorkerFees",
                "yes",
                "contractInLanguage",
                "yes",
                "workerKeepsDocuments",
                "yes");
        assertThat(garbage.status()).isEqualTo(422);
        assertThat(opportunities()).isEqualTo(before);

        // someone who is not the organisation's admin cannot publish for it
        HttpVisitor other = HttpVisitor.signedUp(port, "Other " + suffix, PASSWORD);
        other.get(PILOT + "/opportunities/new");
        var notAdmin = other.post(
                PILOT + "/opportunities",
                "organisation",
                idOf(ngo),
                "title",
                "Borrowed name " + suffix,
                "occupation",
                "9211",
                "country",
                "ES",
                "startsOn",
                "2027-05-01",
                "payMin",
                "900",
                "payMax",
                "1500",
                "currency",
                "EUR",
                "payPeriod",
                "MONTH",
                "noWorkerFees",
                "yes",
                "contractInLanguage",
                "yes",
                "workerKeepsDocuments",
                "yes");
        assertThat(notAdmin.status()).isEqualTo(422);
        assertThat(opportunities()).isEqualTo(before);
        assertThat(new HttpVisitor(port).get("/skills/opportunities/abc").status())
                .isEqualTo(400);
        assertThat(new HttpVisitor(port).get("/skills/opportunities/999999999").status())
                .isEqualTo(404);
    }

    @Test
    void reportsReachModeratorsWithoutTheReporterAndRepeatedConfirmedReportsSuspend() {
        String suffix = suffix();
        HttpVisitor employer = HttpVisitor.signedUp(port, "Agency " + suffix, PASSWORD);
        // a recruitment agency of the directory publishes, and says so on its page
        String organisation = organisation(employer, "Quick Visas " + suffix, "RECRUITMENT_AGENCY");
        assertThat(new HttpVisitor(port).get(organisation).body()).contains("Recruitment or placement agency");
        String opportunity = publish(employer, organisation, "Cleaner in Dubai " + suffix, "9111", "");
        HttpVisitor moderator = HttpVisitor.signedInWithRole(port, jdbc, "Moderator " + suffix, PASSWORD, "MODERATOR");

        for (String name : List.of("First reporter " + suffix, "Second reporter " + suffix)) {
            HttpVisitor reporter = HttpVisitor.signedUp(port, name, PASSWORD);
            reporter.get(opportunity + "/report");
            var empty = reporter.post(opportunity + "/report", "note", "They kept my passport " + suffix);
            assertThat(empty.status()).isEqualTo(422);
            assertThat(empty.document().select("textarea[name=note]").text())
                    .isEqualTo("They kept my passport " + suffix);
            assertThat(reporter.post(
                                    opportunity + "/report",
                                    "reason",
                                    "DOCUMENTS",
                                    "note",
                                    "They kept my passport " + suffix)
                            .redirect())
                    .isEqualTo(opportunity + "?notice=reported");
            assertThat(reporter.post(opportunity + "/report", "reason", "FEES").status())
                    .isEqualTo(422);

            String queue = moderator.get("/skills/moderation").body();
            assertThat(queue).contains("Cleaner in Dubai " + suffix).doesNotContain(name);
            long report = jdbc.sql(
                            "SELECT max(r.id) FROM skills_report r JOIN skills_opportunity o ON o.id = r.opportunity_id"
                                    + " WHERE o.title = :t")
                    .param("t", "Cleaner in Dubai " + suffix)
                    .query(Long.class)
                    .single();
            moderator.post("/skills/moderation/reports/" + report, "decision", "confirm");
        }
        // two people's confirmed reports suspend the organisation's opportunities
        assertThat(new HttpVisitor(port).get(PILOT).body()).doesNotContain("Cleaner in Dubai " + suffix);
        assertThat(new HttpVisitor(port).get(opportunity).status()).isEqualTo(404);
        employer.get(PILOT + "/opportunities/new");
        assertThat(employer.post(PILOT + "/opportunities", "organisation", idOf(organisation))
                        .document()
                        .select("#organisation-error")
                        .text())
                .contains("suspended");
        // a participant is no moderator
        assertThat(employer.get("/skills/moderation").status()).isEqualTo(403);
    }

    @Test
    void pilotFiguresHideSmallCells() {
        HttpVisitor organiser =
                HttpVisitor.signedInWithRole(port, jdbc, "Organiser " + suffix(), PASSWORD, "ORGANISER");
        Document figures = organiser.get(PILOT + "/figures").document();
        assertThat(figures.select("table")).hasSize(1);
        // counts of people are 0, at least 5, or hidden: never 1 to 4
        List<String> cells = figures.select("td:nth-child(4), td:nth-child(5)").eachText();
        assertThat(cells).isNotEmpty();
        for (String cell : cells) {
            assertThat(cell.equals("fewer than 5") || Long.parseLong(cell) == 0 || Long.parseLong(cell) >= 5)
                    .as("cell %s", cell)
                    .isTrue();
        }
        HttpVisitor curious = HttpVisitor.signedUp(port, "Curious " + suffix(), PASSWORD);
        assertThat(curious.get(PILOT + "/figures").status()).isEqualTo(403);

        // the demo pilot has its name; organisers name it, a participant cannot
        String name = "Skills matching for domestic and care work";
        assertThat(new HttpVisitor(port).get(PILOT).document().select("h1").text())
                .isEqualTo(name);
        var refused = organiser.post(PILOT + "/name", "name", "   ");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().select("#name-error").text()).contains("1 to 200 characters");
        assertThat(organiser.post(PILOT + "/name", "name", "x".repeat(201)).status())
                .isEqualTo(422);
        curious.get("/");
        assertThat(curious.post(PILOT + "/name", "name", "Taken over").status()).isEqualTo(403);
        organiser.get(PILOT + "/figures");
        assertThat(organiser.post(PILOT + "/name", "name", name).redirect())
                .startsWith(PILOT + "/figures?notice=named");
        assertThat(new HttpVisitor(port).get(PILOT).document().select("h1").text())
                .isEqualTo(name);
    }

    @Test
    void anOrganisationWritesToACandidateByNumberAndTheWorkerAnswersWithoutSayingWhoTheyAre() {
        String suffix = suffix();
        HttpVisitor employer = HttpVisitor.signedUp(port, "Writer " + suffix, PASSWORD);
        String organisation = organisation(employer, "Home Care Link " + suffix, "RECRUITMENT_AGENCY");
        String opportunity = publish(employer, organisation, "Carer in Doha " + suffix, "5322", "");
        String workerName = "Rania " + suffix;
        HttpVisitor worker = HttpVisitor.signedUp(port, workerName, PASSWORD);
        saveProfile(worker, "Night shifts are fine " + suffix);
        String number = numberOf(workerName, opportunity);
        String channel = opportunity + "/candidates/" + number + "/messages";

        // the candidate list links to the channel under the number
        assertThat(employer.get(opportunity + "/candidates").document().select("a[href=" + channel + "]"))
                .isNotEmpty();
        var empty = employer.get(channel);
        assertThat(empty.status()).isEqualTo(200);
        var refused = employer.post(channel, "body", "");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().select("#body-error").text()).contains("Write a message");
        String tooLong = "x".repeat(2001);
        assertThat(employer.post(channel, "body", tooLong)
                        .document()
                        .select("textarea[name=body]")
                        .text())
                .isEqualTo(tooLong);
        assertThat(employer.post(channel, "body", "Are you free from March? " + suffix)
                        .redirect())
                .isEqualTo(channel + "?notice=sent");

        // nobody else reaches the channel, and no number outside the list opens one
        assertThat(HttpVisitor.signedUp(port, "Nosy " + suffix, PASSWORD)
                        .get(channel)
                        .status())
                .isEqualTo(404);
        assertThat(employer.get(opportunity + "/candidates/C-ZZZZZZZZ/messages").status())
                .isEqualTo(404);
        assertThat(employer.post(opportunity + "/candidates/C-ZZZZZZZZ/messages", "body", "Hello")
                        .status())
                .isEqualTo(404);

        // the worker is told, reads and answers under the number
        assertThat(worker.get("/notifications").body()).contains(number);
        Document mine = worker.get("/skills/conversations").document();
        String conversation = mine.select("a[href^=/skills/conversations/]").stream()
                .filter(a -> a.text().contains(number))
                .findFirst()
                .orElseThrow()
                .attr("href");
        assertThat(worker.get(conversation).body()).contains("Are you free from March? " + suffix);
        assertThat(HttpVisitor.signedUp(port, "Other worker " + suffix, PASSWORD)
                        .get(conversation)
                        .status())
                .isEqualTo(404);
        assertThat(worker.post(conversation, "body", "Yes, from the first of March " + suffix)
                        .redirect())
                .isEqualTo(conversation + "?notice=sent");

        // the organisation reads the answer under the number, and still nothing says who the worker is
        assertThat(employer.get("/notifications").body()).contains(number);
        String seen = employer.get(channel).body();
        assertThat(seen)
                .contains("Yes, from the first of March " + suffix)
                .contains(number)
                .doesNotContain(workerName)
                .doesNotContain("Night shifts");
        assertThat(employer.get("/api/skills/opportunities/" + idOf(opportunity) + "/candidates")
                        .body())
                .doesNotContain(workerName)
                .doesNotContain("first of March");

        // the worker's download holds the conversation; ending it stops the organisation
        assertThat(worker.get("/skills/profile/export.json").body()).contains("Yes, from the first of March " + suffix);
        worker.get(conversation);
        worker.post(conversation + "/close", "closed", "true");
        employer.get(channel);
        var closed = employer.post(channel, "body", "Please answer " + suffix);
        assertThat(closed.status()).isEqualTo(422);
        assertThat(worker.get(conversation).body()).doesNotContain("Please answer " + suffix);
    }

    @Test
    void aWorkerWritesFirstUnderTheirNumberAndEitherSideReportsTheConversationToModerators() {
        String suffix = suffix();
        HttpVisitor employer = HttpVisitor.signedUp(port, "First writer org " + suffix, PASSWORD);
        String organisation = organisation(employer, "Care Bridge " + suffix, "EMPLOYER");
        String opportunity = publish(employer, organisation, "Carer in Doha " + suffix, "5322", "");
        String workerName = "Samira " + suffix;
        HttpVisitor worker = HttpVisitor.signedUp(port, workerName, PASSWORD);
        saveProfile(worker, "Evenings preferred " + suffix);
        String number = numberOf(workerName, opportunity);
        String start = opportunity + "/conversation";

        // only for an opportunity the worker expressed interest in
        assertThat(worker.get(start).status()).isEqualTo(404);
        worker.get(opportunity);
        worker.post(opportunity + "/interest", "share", "years");
        assertThat(worker.get(opportunity).document().select("a[href=" + start + "]"))
                .isNotEmpty();
        assertThat(HttpVisitor.signedUp(port, "Stranger " + suffix, PASSWORD)
                        .get(start)
                        .status())
                .isEqualTo(404);
        worker.get(start);
        var empty = worker.post(start, "body", " ");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.document().select("#body-error").text()).contains("Write a message");
        var sent = worker.post(start, "body", "Is accommodation included? " + suffix);
        assertThat(sent.redirect()).startsWith("/skills/conversations/").endsWith("?notice=sent");
        String conversation = sent.redirect().replace("?notice=sent", "");
        // a second visit leads to the same conversation
        assertThat(worker.get(start).redirect()).isEqualTo(conversation);

        // the organisation reads it under the number, never the name
        String channel = opportunity + "/candidates/" + number + "/messages";
        assertThat(employer.get("/notifications").body()).contains(number);
        assertThat(employer.get(channel).body())
                .contains("Is accommodation included? " + suffix)
                .doesNotContain(workerName);
        employer.post(channel, "body", "Yes, but we keep your passport " + suffix);

        // the worker reports it; bad input is refused, twice is refused
        String report = conversation + "/report";
        assertThat(worker.get(report).status()).isEqualTo(200);
        assertThat(HttpVisitor.signedUp(port, "Other " + suffix, PASSWORD)
                        .get(report)
                        .status())
                .isEqualTo(404);
        worker.get(report);
        var noReason = worker.post(report, "reason", "NONSENSE", "note", "kept note " + suffix);
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("kept note " + suffix);
        assertThat(worker.post(report, "reason", "DOCUMENTS", "note", "They want my passport " + suffix)
                        .redirect())
                .isEqualTo(conversation + "?notice=reported");
        worker.get(report);
        assertThat(worker.post(report, "reason", "FEES").status()).isEqualTo(422);

        // the organisation may report it too, through its own channel
        String orgReport = channel + "/report";
        employer.get(orgReport);
        assertThat(employer.post(orgReport, "reason", "OTHER", "note", "Rude answer " + suffix)
                        .redirect())
                .isEqualTo(channel + "?notice=reported");

        // the moderators see both, the conversation up to the report, the worker under the number only
        HttpVisitor moderator =
                HttpVisitor.signedInWithRole(port, jdbc, "Conversation moderator " + suffix, PASSWORD, "MODERATOR");
        String queue = moderator.get("/skills/moderation").body();
        assertThat(queue)
                .contains("They want my passport " + suffix)
                .contains("Rude answer " + suffix)
                .contains("Yes, but we keep your passport " + suffix)
                .contains(number)
                .doesNotContain(workerName);
        assertThat(employer.get("/skills/moderation").status()).isEqualTo(403);
        long byWorker = jdbc.sql("SELECT id FROM skills_conversation_report WHERE by_worker AND note = :n")
                .param("n", "They want my passport " + suffix)
                .query(Long.class)
                .single();
        assertThat(moderator
                        .post("/skills/moderation/conversation-reports/" + byWorker, "decision", "nonsense")
                        .status())
                .isEqualTo(400);
        moderator.get("/skills/moderation");
        assertThat(moderator
                        .post("/skills/moderation/conversation-reports/" + byWorker, "decision", "suspend")
                        .redirect())
                .isEqualTo("/skills/moderation?notice=writerSuspended");
        // the admin who wrote can no longer write, and the conversation is ended
        employer.get(channel);
        assertThat(employer.post(channel, "body", "Still there? " + suffix).status())
                .isEqualTo(422);
        assertThat(worker.get(conversation).body()).doesNotContain("Still there? " + suffix);
    }

    @Test
    void theStoredMatchesAreWhatAFullReMatchGives() {
        String suffix = suffix();
        HttpVisitor employer = HttpVisitor.signedUp(port, "Indexer " + suffix, PASSWORD);
        String organisation = organisation(employer, "Index Care " + suffix, "EMPLOYER");
        String opportunity = publish(employer, organisation, "Carer in Doha " + suffix, "5322", "");
        HttpVisitor worker = HttpVisitor.signedUp(port, "Index worker " + suffix, PASSWORD);
        saveProfile(worker, "Anything near Doha " + suffix);
        String number = numberOf("Index worker " + suffix, opportunity);
        List<String> before = storedMatches();
        assertThat(before).isNotEmpty();
        matches.rematchAll();
        assertThat(storedMatches()).containsExactlyInAnyOrderElementsOf(before);
        // what crash recovery does to the unlogged index and its state; the minute's check re-matches
        assertThat(jdbc.sql("SELECT relpersistence FROM pg_class WHERE relname = 'skills_match'")
                        .query(String.class)
                        .single())
                .isEqualTo("u");
        jdbc.sql("TRUNCATE skills_match, skills_match_state").update();
        upkeep.check();
        assertThat(storedMatches()).containsExactlyInAnyOrderElementsOf(before);
        // the list reads the index: the worker's number is there, and goes when the profile is paused
        assertThat(employer.get(opportunity + "/candidates").body()).contains(number);
        worker.get("/skills/profile");
        worker.post("/skills/profile/pause", "paused", "true");
        assertThat(employer.get(opportunity + "/candidates").body()).doesNotContain(number);
        worker.post("/skills/profile/pause", "paused", "false");
        assertThat(employer.get(opportunity + "/candidates").body()).contains(number);
        // closing the opportunity drops its rows
        employer.get(opportunity);
        employer.post(opportunity + "/close");
        assertThat(jdbc.sql("SELECT count(*) FROM skills_match WHERE opportunity_id = :o")
                        .param("o", Long.parseLong(idOf(opportunity)))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void candidateNumbersAreTheHmacOfJavaxCryptoWhateverTheirInputs() throws Exception {
        candidateNumbers.bits(1, 1, 1); // the key row exists from here
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                jdbc.sql("SELECT key FROM skills_key WHERE id = 1")
                        .query(byte[].class)
                        .single(),
                "HmacSHA256"));
        java.util.Random random = new java.util.Random(2026);
        for (int i = 0; i < 20_000; i++) {
            long opportunity = i < 10 ? i : random.nextLong(1, Long.MAX_VALUE);
            long profile = random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(1_000_000);
            long salt = random.nextLong();
            byte[] hash = mac.doFinal((opportunity + ":" + profile + ":" + salt).getBytes(StandardCharsets.US_ASCII));
            long expected = 0;
            for (int b = 0; b < 5; b++) expected = (expected << 8) | (hash[b] & 0xff);
            assertThat(candidateNumbers.bits(opportunity, profile, salt)).isEqualTo(expected);
        }
    }

    @Test
    void theCandidatesComeInPagesOf25WithNoCandidateOnTwoPages() {
        String suffix = suffix();
        // 30 workers nobody signs in as, all of one unit group no other test uses
        long base = 8_000_000_000_000L + Math.abs(suffix.hashCode()) * 100L;
        Long[] accounts = new Long[30];
        for (int i = 0; i < accounts.length; i++) accounts[i] = base + i;
        jdbc.sql(
                        """
                        INSERT INTO skills_profile (account_id, occupations, minor_groups, skills, languages, years,
                            work_countries, work_regions, available_from)
                        SELECT a, '{9112}', '{911}', '{elderly-care,first-aid,cooking}', '{ar:C1}', 4, '{QA}', '{}',
                               DATE '2027-01-01'
                          FROM unnest(:a) AS t (a)
                        """)
                .param("a", accounts)
                .update();
        HttpVisitor employer = HttpVisitor.signedUp(port, "Pager " + suffix, PASSWORD);
        String organisation = organisation(employer, "Pages Care " + suffix, "EMPLOYER");
        String opportunity = publish(employer, organisation, "Cleaner in Doha " + suffix, "9112", "");
        // the demo's domestic workers may be candidates too
        int total = Math.toIntExact(jdbc.sql("SELECT count(*) FROM skills_match WHERE opportunity_id = :o")
                .param("o", Long.parseLong(idOf(opportunity)))
                .query(Long.class)
                .single());
        assertThat(total).isBetween(30, 50);
        var first = employer.get(opportunity + "/candidates").document();
        var second = employer.get(opportunity + "/candidates?page=2").document();
        assertThat(first.select("li.card")).hasSize(25);
        assertThat(second.select("li.card")).hasSize(total - 25);
        List<String> numbers =
                new java.util.ArrayList<>(first.select("li.card h2 bdi").eachText());
        numbers.addAll(second.select("li.card h2 bdi").eachText());
        assertThat(numbers).doesNotHaveDuplicates().hasSize(total);
        assertThat(first.select("a[rel=next]").attr("href")).endsWith("/candidates?page=2");
        assertThat(second.select("a[rel=prev]").attr("href")).endsWith("/candidates?page=1");
        assertThat(first.text()).contains("Candidates: " + total + ".");
        // anything that is not a page is the first page; past the last is the last
        assertThat(employer.get(opportunity + "/candidates?page=abc")
                        .document()
                        .select("li.card h2 bdi")
                        .eachText())
                .isEqualTo(first.select("li.card h2 bdi").eachText());
        assertThat(employer.get(opportunity + "/candidates?page=99").document().select("li.card"))
                .hasSize(total - 25);
        assertThat(employer.get("/api/skills/opportunities/" + idOf(opportunity) + "/candidates?page=2")
                        .body())
                .contains(second.select("li.card h2 bdi").first().text());
    }

    private List<String> storedMatches() {
        return jdbc.sql("SELECT opportunity_id || ':' || profile_id || ':' || score || ':' || number FROM skills_match")
                .query(String.class)
                .list();
    }

    /** The worker's candidate number in an opportunity, as the index holds it (the test knows who it is). */
    private String numberOf(String workerName, String opportunity) {
        return CandidateNumbers.format(jdbc.sql(
                        """
                        SELECT m.number FROM skills_match m JOIN skills_profile p ON p.id = m.profile_id
                          JOIN accounts_account a ON a.id = p.account_id
                         WHERE a.display_name = :n AND m.opportunity_id = :o
                        """)
                .param("n", workerName)
                .param("o", Long.parseLong(idOf(opportunity)))
                .query(Long.class)
                .single());
    }

    private void saveProfile(HttpVisitor worker, String lookingFor) {
        worker.get("/skills/profile");
        var saved = worker.post(
                "/skills/profile",
                "occupations",
                "5322",
                "skills",
                "elderly-care",
                "skills",
                "first-aid",
                "years",
                "6",
                "languageTag",
                "ar",
                "languageLevel",
                "C1",
                "languageTag",
                "en",
                "languageLevel",
                "B1",
                "qualificationTitle",
                "Nursing certificate " + lookingFor.substring(lookingFor.lastIndexOf(' ') + 1),
                "qualificationCountry",
                "PH",
                "qualificationRecognised",
                "no",
                "workRegions",
                "western-asia",
                "workCountries",
                "PT",
                "availableFrom",
                "2027-01-01",
                "lookingFor",
                lookingFor);
        assertThat(saved.redirect()).isEqualTo("/skills/profile?notice=saved");
    }

    private String organisation(HttpVisitor admin, String name, String type) {
        admin.get("/organisations/new");
        var created = admin.post("/organisations", "name", name, "type", type);
        assertThat(created.redirect()).startsWith("/organisations/");
        return created.redirect().replace("?notice=created", "");
    }

    private String publish(HttpVisitor admin, String organisation, String title, String occupation, String fee) {
        admin.get(PILOT + "/opportunities/new");
        var published = admin.post(
                PILOT + "/opportunities",
                "organisation",
                idOf(organisation),
                "title",
                title,
                "description",
                "Live-out position with weekly rest day.",
                "occupation",
                occupation,
                "skills",
                "elderly-care",
                "skills",
                "first-aid",
                "skills",
                "cooking",
                "languageTag",
                "ar",
                "languageLevel",
                "B2",
                "country",
                title.contains("Lisbon") ? "PT" : title.contains("Dubai") ? "AE" : "QA",
                "startsOn",
                "2027-03-01",
                "payMin",
                "1200",
                "payMax",
                "1600",
                "currency",
                "QAR",
                "payPeriod",
                "MONTH",
                "workerFee",
                fee,
                "noWorkerFees",
                "yes",
                "contractInLanguage",
                "yes",
                "workerKeepsDocuments",
                "yes");
        assertThat(published.status()).isEqualTo(302);
        return published.redirect().replace("?notice=published", "");
    }

    private long opportunities() {
        return jdbc.sql("SELECT count(*) FROM skills_opportunity")
                .query(Long.class)
                .single();
    }

    private static String idOf(String organisationPath) {
        return organisationPath.substring(organisationPath.lastIndexOf('/') + 1);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
