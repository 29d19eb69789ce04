package org.polyphony.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
 * Conversations as people use them, over HTTP against the running application and PostgreSQL: an organiser opens
 * one, participants vote one statement at a time and add statements, a moderator accepts them, the background
 * analysis forms groups, and the results page and API show them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpinionsWebTest {

    static final String PASSWORD = "where do we stand";
    static final String SESSION = "/editions/athens-2009/sessions/2.1";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void participantsVoteOneStatementAtATimeAndAddTheirOwn() {
        String conversation = open(false, "Recruitment fees should be banned", "Migrants should vote locally");
        HttpVisitor participant = signedUp("Voter");

        Document first = participant.get(conversation).document();
        String firstNumber = first.selectFirst("input[name=statement]").val();
        assertThat(first.select("button[name=vote]")).hasSize(3);
        participant.post(conversation + "/votes", "statement", firstNumber, "vote", "agree");
        Document second = participant.get(conversation).document();
        String secondNumber = second.selectFirst("input[name=statement]").val();
        assertThat(secondNumber).isNotEqualTo(firstNumber);
        participant.post(conversation + "/votes", "statement", secondNumber, "vote", "disagree");
        assertThat(participant.get(conversation).document().text()).contains("You have voted on every statement");

        // a vote can be changed; the latest counts
        participant.get(conversation + "/mine");
        var changed =
                participant.post(conversation + "/votes", "statement", firstNumber, "vote", "pass", "return", "mine");
        assertThat(changed.redirect()).endsWith("/mine#s" + firstNumber);
        Document mine = participant.get(conversation + "/mine").document();
        assertThat(mine.select("#s" + firstNumber + " button[aria-pressed=true]")
                        .text())
                .isEqualTo("Pass / unsure");
        assertThat(votesIn(conversation)).isEqualTo(2);

        // a statement of one's own waits for a moderator in a pre-moderated conversation
        participant.get(conversation);
        var added = participant.post(conversation + "/statements", "text", "Consulates should help with contracts");
        assertThat(added.redirect()).endsWith("?notice=awaiting");
        assertThat(participant.get(conversation).document().text()).contains("You have voted on every statement");

        HttpVisitor moderator =
                HttpVisitor.signedInWithRole(port, jdbc, "Moderator " + suffix(), PASSWORD, "MODERATOR");
        Document queue = moderator.get(conversation + "/moderation").document();
        assertThat(queue.select("tbody tr").first().text())
                .contains("Consulates should help with contracts")
                .contains("waiting")
                .doesNotContain("Voter");
        moderator.post(conversation + "/statements/2/moderation", "decision", "accept");

        Document third = participant.get(conversation).document();
        assertThat(third.select("blockquote").text()).contains("Consulates should help with contracts");
    }

    @Test
    void badInputIsRefusedWithAMessageAndKeepsWhatWasTyped() {
        String conversation = open(false, "Remittances should cost less than 3 %");
        HttpVisitor participant = signedUp("Careless");
        participant.get(conversation);

        var invalidVote = participant.post(conversation + "/votes", "statement", "0", "vote", "maybe");
        assertThat(invalidVote.status()).isEqualTo(422);
        assertThat(invalidVote.document().select(".error-summary").text()).contains("Choose agree, disagree or pass");

        var unknown = participant.post(conversation + "/votes", "statement", "99", "vote", "agree");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.document().text()).contains("not open to votes");

        String tooLong = "x".repeat(281);
        var longStatement = participant.post(conversation + "/statements", "text", tooLong);
        assertThat(longStatement.status()).isEqualTo(422);
        assertThat(longStatement.document().select("textarea[name=text]").text())
                .isEqualTo(tooLong);
        assertThat(longStatement.document().select(".error").text()).contains("at most 280 characters");

        var duplicate = participant.post(conversation + "/statements", "text", "remittances should cost less than 3 %");
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.document().text()).contains("already in the conversation");

        var anonymous = new HttpVisitor(port);
        anonymous.get(conversation);
        var refused = anonymous.post(conversation + "/votes", "statement", "0", "vote", "agree");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().text()).contains("Sign in to vote");
        assertThat(votesIn(conversation)).isZero();
    }

    @Test
    void withoutAnAccountAVoterIsAPseudonymInACookie() {
        String conversation = open(true, "Diaspora bonds are a good idea", "Skills should be recognised abroad");
        HttpVisitor anonymous = new HttpVisitor(port);
        anonymous.get(conversation);

        anonymous.post(conversation + "/votes", "statement", "0", "vote", "agree");
        anonymous.get(conversation);
        anonymous.post(conversation + "/votes", "statement", "1", "vote", "disagree");

        assertThat(anonymous.cookies())
                .anySatisfy(cookie -> assertThat(cookie.getName()).isEqualTo("polyphony-voter"));
        assertThat(jdbc.sql(
                                """
                                SELECT count(DISTINCT v.id) FROM opinions_voter v JOIN opinions_vote x ON x.voter_id = v.id
                                WHERE v.conversation_id = :c AND v.account_id IS NULL AND v.secret_hash IS NOT NULL
                                """)
                        .param("c", idOf(conversation))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(anonymous
                        .get(conversation + "/mine")
                        .document()
                        .select("#s1 button[aria-pressed=true]")
                        .text())
                .isEqualTo("Disagree");
        // someone else, without the cookie, is someone else
        assertThat(new HttpVisitor(port).get(conversation + "/mine").document().select("button[aria-pressed=true]"))
                .isEmpty();
    }

    @Test
    void theBackgroundAnalysisFindsTheGroupsAndTheResultsShowThem() throws Exception {
        List<String> statements = List.of(
                "Temporary work visas protect workers",
                "Employers should pay recruitment costs",
                "Circular migration helps home villages",
                "Return programmes work well",
                "Wages abroad should match local wages",
                "Migrants need the right to change employer",
                "Everyone deserves access to health care");
        String conversation = open(false, statements.toArray(String[]::new));
        List<HttpVisitor> voters = new ArrayList<>();
        for (int person = 0; person < 12; person++) {
            HttpVisitor voter = signedUp("Camp " + (person % 2));
            for (int s = 0; s < statements.size(); s++) {
                // two camps that answer the first six statements oppositely; everyone agrees on the last
                String vote = s == 6 ? "agree" : ((s + person) % 2 == 0) ? "agree" : "disagree";
                voter.get(conversation + "?statement=" + s);
                voter.post(conversation + "/votes", "statement", String.valueOf(s), "vote", vote);
            }
            voters.add(voter);
        }

        Document results = waitForGroups(voters.getFirst(), conversation);
        assertThat(results.select("figure.opinion-map svg[role=img]")).hasSize(1);
        assertThat(results.select("svg title").text()).isEqualTo("Opinion map");
        assertThat(results.select("svg desc").text())
                .contains("12 participants")
                .contains("2 opinion groups");
        assertThat(results.select("svg text").eachText()).contains("A", "B", "You");
        assertThat(results.select("section.group")).hasSize(2);
        assertThat(results.select("section.group").first().text())
                .contains("6 participants")
                .contains("100 %");
        assertThat(results.text()).contains("Everyone deserves access to health care");
        assertThat(results.select("figcaption").text()).containsPattern("You are in group [AB]");

        String json = new HttpVisitor(port)
                .get("/api/conversations/" + idOf(conversation) + "/results")
                .body();
        assertThat(json).contains("\"state\":\"GROUPED\"").contains("\"dots\"").doesNotContain("\"voter\"");
        assertThat(json).doesNotContain("<svg");
        String conversationJson = new HttpVisitor(port)
                .get("/api/conversations/" + idOf(conversation))
                .body();
        assertThat(conversationJson).contains("Employers should pay recruitment costs");
    }

    @Test
    void aConversationGoesOutInThePolisLayoutAndComesBackIn() throws Exception {
        String conversation = open(
                false,
                "Pensions should be portable",
                "Voting from abroad should be easy",
                "=Equal pay abroad, written as a formula would start",
                "Off topic, rejected",
                "Also off topic, rejected");
        for (int person = 0; person < 3; person++) {
            HttpVisitor voter = signedUp("Exporter");
            voter.get(conversation);
            voter.post(conversation + "/votes", "statement", "0", "vote", person == 0 ? "disagree" : "agree");
        }
        HttpVisitor organiser =
                HttpVisitor.signedInWithRole(port, jdbc, "Organiser " + suffix(), PASSWORD, "ORGANISER");
        organiser.get(conversation + "/moderation");
        organiser.post(conversation + "/statements/3/moderation", "decision", "reject");
        organiser.post(conversation + "/statements/4/moderation", "decision", "reject");
        byte[] zip = organiser.getBytes(conversation + "/export.zip");
        assertThat(new HttpVisitor(port).get(conversation + "/export.zip").status())
                .isNotEqualTo(200);

        organiser.get(SESSION + "/conversations");
        var imported = organiser.postMultipart(
                SESSION + "/conversations/import", "question", "Imported: pensions", "file", zip);
        assertThat(imported.redirect()).startsWith("/conversations/").endsWith("/results");
        String copy = imported.redirect().replace("/results", "");
        assertThat(votesIn(copy)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM opinions_statement WHERE conversation_id = :c AND moderation = 1")
                        .param("c", idOf(copy))
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        // texts come back as written, and rejected ones (exported without their words) keep their place
        assertThat(jdbc.sql("SELECT body FROM opinions_statement WHERE conversation_id = :c ORDER BY number")
                        .param("c", idOf(copy))
                        .query(String.class)
                        .list())
                .contains("=Equal pay abroad, written as a formula would start")
                .doesNotContain("Off topic, rejected")
                .hasSize(5);

        var broken = organiser.postMultipart(
                SESSION + "/conversations/import", "question", "Broken", "file", "not a zip".getBytes());
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.document().select(".error-summary").text()).contains("could not be imported");
    }

    @Test
    void aStatementWrittenInSpanishIsVotedOnInEnglish() throws Exception {
        org.polyphony.translation.ApertiumAvailable.require();
        String conversation = open(false, "Los trabajadores migrantes necesitan contratos escritos en su idioma.");
        HttpVisitor reader = signedUp("Reader").speaking("en");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        Document page = reader.get(conversation + "?statement=0").document();
        while (page.select("blockquote details.translation-note").isEmpty()
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            page = reader.get(conversation + "?statement=0").document();
        }
        assertThat(page.select("blockquote > p").attr("lang")).isEqualTo("en");
        assertThat(page.select("blockquote > p").text()).contains("need").contains("written");
        assertThat(page.select("blockquote summary").text()).contains("Spanish").contains("Apertium");
        assertThat(page.select("blockquote details p").text()).contains("necesitan contratos escritos");

        // the reader switches automatic translation off, as for posts: statements follow, in their own words
        String switchOff = page.select("a[href^=/reading/translation]").attr("href");
        assertThat(switchOff).contains("translate=off");
        reader.get(switchOff);
        Document original = reader.get(conversation + "?statement=0").document();
        assertThat(original.select("blockquote > p").attr("lang")).isEqualTo("es");
        assertThat(original.select("blockquote > p").text()).contains("necesitan contratos escritos");
        assertThat(original.select("blockquote details.translation-note")).isEmpty();
        assertThat(original.select("a[href^=/reading/translation]").attr("href"))
                .contains("translate=on");
    }

    @Test
    void aPersonDownloadsTheirVotesAndDeletingTheAccountDeletesThem() {
        String conversation = open(false, "Labour inspectors should visit private homes");
        HttpVisitor participant = signedUp("Leaving");
        participant.get(conversation);
        participant.post(conversation + "/votes", "statement", "0", "vote", "disagree");

        String data = participant.get("/account/data").body();
        assertThat(data)
                .contains("\"opinions\"")
                .contains("Labour inspectors should visit private homes")
                .contains("\"vote\":\"disagree\"");

        participant.get("/account");
        participant.post("/account/delete", "currentPassword", PASSWORD);
        assertThat(votesIn(conversation)).isZero();
        assertThat(votersPerStatement(idOf(conversation))).containsExactly(0L);
    }

    /** The version of each statement row of a conversation (PostgreSQL's xmin changes with every update). */
    private List<String> statementRowVersions(long conversation) {
        return jdbc.sql("SELECT xmin::text FROM opinions_statement WHERE conversation_id = :c ORDER BY number")
                .param("c", conversation)
                .query(String.class)
                .list();
    }

    private List<Long> votersPerStatement(long conversation) {
        return jdbc.sql(
                        """
                        SELECT (SELECT coalesce(sum(t.voters), 0) FROM opinions_statement_tally t
                                WHERE t.statement_id = s.id)
                        FROM opinions_statement s WHERE s.conversation_id = :c ORDER BY s.number
                        """)
                .param("c", conversation)
                .query(Long.class)
                .list();
    }

    @Test
    void moderatorsMarkAStatementMetaAndTheResultsShowWhoIsInEachGroup() throws Exception {
        List<String> statements = List.of(
                "Visas should not tie workers to one employer",
                "Recruiters should be licensed",
                "Embassies should open at weekends",
                "Remittance fees should be capped",
                "Contracts should be in the worker’s language",
                "Domestic work is work",
                "I work in domestic work");
        String conversation = open(false, statements.toArray(String[]::new));
        HttpVisitor moderator =
                HttpVisitor.signedInWithRole(port, jdbc, "Moderator " + suffix(), PASSWORD, "MODERATOR");
        moderator.get(conversation + "/moderation");
        moderator.post(conversation + "/statements/6/moderation", "decision", "meta");
        moderator.post(conversation + "/statements/5/moderation", "decision", "meta");
        moderator.post(conversation + "/statements/5/moderation", "decision", "opinion");
        Document queue = moderator.get(conversation + "/moderation").document();
        assertThat(queue.select("#s6").text()).contains("about the participant").contains("Mark as an opinion");
        assertThat(queue.select("#s5").text()).doesNotContain("(meta)").contains("Mark as about the participant");
        assertThat(metaNumbers(conversation)).containsExactly(6);
        // someone who is not a moderator changes nothing
        new HttpVisitor(port).post(conversation + "/statements/5/moderation", "decision", "meta");
        assertThat(metaNumbers(conversation)).containsExactly(6);

        List<HttpVisitor> voters = new ArrayList<>();
        for (int person = 0; person < 12; person++) {
            HttpVisitor voter = signedUp("Worker " + (person % 2));
            for (int s = 0; s < statements.size(); s++) {
                // two camps on the first five; everyone agrees on the sixth; the meta statement: the first camp
                // works in domestic work, and of the other camp all but one
                String vote = s == 5
                        ? "agree"
                        : s == 6
                                ? (person != 1 ? "agree" : "disagree")
                                : ((s + person) % 2 == 0) ? "agree" : "disagree";
                voter.get(conversation + "?statement=" + s);
                voter.post(conversation + "/votes", "statement", String.valueOf(s), "vote", vote);
            }
            voters.add(voter);
        }

        Document results = waitForGroups(voters.getFirst(), conversation);
        assertThat(results.select("section.group")).hasSize(2);
        String groups = results.select("section.group").text();
        assertThat(groups).contains("Who is in this group").contains("I work in domestic work");
        // the camp all in domestic work shows its shares; the other has one who is not, a small cell: no shares
        assertThat(groups).contains("Agree 100 %, disagree 0 %, pass 0 % of the 6 in the group who answered.");
        assertThat(groups).contains("Not shown: fewer than 5 of the group answered");
        // a meta statement describes nobody’s opinion
        assertThat(results.select("section.group table").text()).doesNotContain("I work in domestic work");

        byte[] zip = moderator.getBytes(conversation + "/export.zip");
        String comments = entry(zip, "comments.csv");
        assertThat(comments.lines().findFirst().orElseThrow()).contains(",moderated,is-meta,");
        assertThat(comments).contains(",1,true,I work in domestic work").contains(",1,false,Domestic work is work");
        HttpVisitor organiser =
                HttpVisitor.signedInWithRole(port, jdbc, "Organiser " + suffix(), PASSWORD, "ORGANISER");
        organiser.get(SESSION + "/conversations");
        var imported = organiser.postMultipart(
                SESSION + "/conversations/import", "question", "Imported: domestic work", "file", zip);
        assertThat(metaNumbers(imported.redirect().replace("/results", ""))).containsExactly(6);
    }

    @Test
    void everyVoteIsKeptAsAnEventAndCountedWithoutTouchingTheConversationRow() throws Exception {
        String conversation =
                open(false, "Bilateral agreements should cover domestic workers", "Unions should organise abroad");
        long id = idOf(conversation);
        waitUntilAnalysed(id);
        long changesBefore = conversationChanges(id);
        List<String> statementRowsBefore = statementRowVersions(id);
        HttpVisitor reader = new HttpVisitor(port);
        // viewed twice: the second view is served from the parsed result and the map kept ready
        for (int view = 0; view < 2; view++) {
            Document before = reader.get(conversation + "/results").document();
            assertThat(before.text()).contains("0 participants, 0 votes");
            assertThat(before.select("svg desc").text()).startsWith("0 participants");
        }

        HttpVisitor voter = signedUp("Changing mind");
        voter.get(conversation + "?statement=0");
        voter.post(conversation + "/votes", "statement", "0", "vote", "agree");
        voter.get(conversation + "?statement=0");
        voter.post(conversation + "/votes", "statement", "0", "vote", "disagree");
        voter.get(conversation + "?statement=1");
        voter.post(conversation + "/votes", "statement", "1", "vote", "pass");
        voter.post(conversation + "/votes", "statement", "1", "vote", "pass"); // the same again: no event

        assertThat(conversationChanges(id)).isEqualTo(changesBefore);
        // nor the statements' rows: their voters are counted in stripes
        assertThat(statementRowVersions(id)).isEqualTo(statementRowsBefore);
        assertThat(votersPerStatement(id)).containsExactly(1L, 1L);
        assertThat(jdbc.sql("SELECT sum(votes) FROM opinions_vote_tally WHERE conversation_id = :c")
                        .param("c", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        waitUntilAnalysed(id);
        assertThat(jdbc.sql("SELECT votes_counted FROM opinions_analysis WHERE conversation_id = :c")
                        .param("c", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        // the next analysis replaces what was kept ready
        Document after = reader.get(conversation + "/results").document();
        assertThat(after.text()).contains("1 participants, 2 votes").contains("2 statements · 1 participants");
        assertThat(after.select("svg desc").text()).startsWith("1 participants");

        HttpVisitor moderator =
                HttpVisitor.signedInWithRole(port, jdbc, "Moderator " + suffix(), PASSWORD, "MODERATOR");
        byte[] zip = moderator.getBytes(conversation + "/export.zip");
        List<String> history = entry(zip, "votes.csv").lines().skip(1).toList();
        assertThat(history).hasSize(3);
        assertThat(history.get(0)).endsWith(",0,0,1");
        assertThat(history.get(1)).endsWith(",0,0,-1");
        assertThat(history.get(2)).endsWith(",1,0,0");
        assertThat(entry(zip, "participants-votes.csv")
                        .lines()
                        .skip(1)
                        .findFirst()
                        .orElseThrow())
                .endsWith(",-1,0");

        HttpVisitor organiser =
                HttpVisitor.signedInWithRole(port, jdbc, "Organiser " + suffix(), PASSWORD, "ORGANISER");
        organiser.get(SESSION + "/conversations");
        var imported = organiser.postMultipart(
                SESSION + "/conversations/import", "question", "Imported: history", "file", zip);
        long copy = idOf(imported.redirect().replace("/results", ""));
        assertThat(jdbc.sql("SELECT vote FROM opinions_vote_event WHERE conversation_id = :c ORDER BY voted_at, id")
                        .param("c", copy)
                        .query(Integer.class)
                        .list())
                .containsExactly(1, -1, 0);

        // the page kept for readers without a dot follows a moderator's decision at once, on any node
        moderator.get(conversation + "/moderation");
        moderator.post(conversation + "/statements/1/moderation", "decision", "reject");
        assertThat(reader.get(conversation + "/results").document().text()).contains("1 statements · 1 participants");
    }

    private long conversationChanges(long id) {
        return jdbc.sql("SELECT changes FROM opinions_conversation WHERE id = :c")
                .param("c", id)
                .query(Long.class)
                .single();
    }

    private List<Integer> metaNumbers(String conversation) {
        return jdbc.sql("SELECT number FROM opinions_statement WHERE conversation_id = :c AND meta ORDER BY number")
                .param("c", idOf(conversation))
                .query(Integer.class)
                .list();
    }

    private static String entry(byte[] zip, String name) throws java.io.IOException {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name + " in the zip");
    }

    @Autowired
    ConversationAnalyses analyses;

    /**
     * A node killed mid-analysis leaves its claim behind: the lease is short (30 s, not the ten minutes it was), runs
     * out, and another analysis takes the conversation; while an analysis runs its lease is renewed.
     */
    @Test
    void aClaimLeftByADeadNodeRunsOutSoonAndARunningOneIsRenewed() throws Exception {
        assertThat(analyses.lease()).isEqualTo(Duration.ofSeconds(30));
        String conversation = open(false, "Labour attachés should speak the workers’ languages");
        long id = idOf(conversation);
        waitUntilAnalysed(id);

        // a claim as a node writes it, and the node dies: nothing renews it
        jdbc.sql("UPDATE opinions_conversation SET analysis_claimed_until = now() + interval '1 second' WHERE id = :c")
                .param("c", id)
                .update();
        assertThat(analyses.renew(id)).isTrue();
        double left = jdbc.sql(
                        "SELECT extract(epoch FROM analysis_claimed_until - now()) FROM opinions_conversation WHERE id = :c")
                .param("c", id)
                .query(Double.class)
                .single();
        assertThat(left).isBetween(25.0, 31.0);

        // the dead node's lease has run out, with a vote waiting: the next analysis takes the conversation over
        HttpVisitor voter = signedUp("After the crash");
        voter.get(conversation);
        jdbc.sql("UPDATE opinions_conversation SET analysis_claimed_until = now() - interval '1 second' WHERE id = :c")
                .param("c", id)
                .update();
        voter.post(conversation + "/votes", "statement", "0", "vote", "agree");
        waitUntilAnalysed(id);
        assertThat(jdbc.sql("SELECT analysis_claimed_until IS NULL FROM opinions_conversation WHERE id = :c")
                        .param("c", id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(analyses.renew(id)).isFalse(); // nothing to renew once the analysis is done
    }

    private void waitUntilAnalysed(long id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (analyses.outdated(new ConversationId(id))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("conversation " + id + " not analysed after 30 s");
            }
            Thread.sleep(100);
        }
    }

    /** An organiser opens a conversation in session 2.1; returns its address. */
    private String open(boolean anonymousAllowed, String... seeds) {
        HttpVisitor organiser =
                HttpVisitor.signedInWithRole(port, jdbc, "Organiser " + suffix(), PASSWORD, "ORGANISER");
        organiser.get(SESSION + "/conversations");
        List<String> fields = new ArrayList<>(List.of(
                "question",
                "How should labour migration work? " + suffix(),
                "seedStatements",
                String.join("\n", seeds),
                "participantStatements",
                "true",
                "premoderated",
                "true"));
        if (anonymousAllowed) {
            fields.addAll(List.of("anonymousAllowed", "true"));
        }
        var opened = organiser.post(SESSION + "/conversations", fields.toArray(String[]::new));
        assertThat(opened.redirect()).startsWith("/conversations/");
        return opened.redirect();
    }

    private Document waitForGroups(HttpVisitor reader, String conversation) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            Document results = reader.get(conversation + "/results").document();
            if (!results.select("section.group").isEmpty() && !results.text().contains("being taken into account")) {
                return results;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no groups after 30 s: " + results.text());
            }
            Thread.sleep(200);
        }
    }

    private long votesIn(String conversation) {
        return jdbc.sql(
                        """
                        SELECT count(*) FROM opinions_vote v JOIN opinions_statement s ON s.id = v.statement_id
                        WHERE s.conversation_id = :c
                        """)
                .param("c", idOf(conversation))
                .query(Long.class)
                .single();
    }

    private static long idOf(String conversation) {
        return Long.parseLong(conversation.substring(conversation.lastIndexOf('/') + 1));
    }

    private HttpVisitor signedUp(String name) {
        return HttpVisitor.signedUp(port, name + " " + suffix(), PASSWORD);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
