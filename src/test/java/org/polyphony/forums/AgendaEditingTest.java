package org.polyphony.forums;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Organisers build an agenda through the forms, without JavaScript; others may not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AgendaEditingTest {

    static final String PASSWORD = "organising is fun";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ForumManagement forums;

    HttpVisitor organiser;
    String slug;

    @BeforeEach
    void signInAnOrganiser() {
        String name = "Organiser " + UUID.randomUUID().toString().substring(0, 8);
        organiser = signUp(name);
        // roles are given by administrators; here directly in the database, as an administrator would
        jdbc.sql("UPDATE accounts_account SET roles = '{PARTICIPANT,ORGANISER}' WHERE display_name = :name")
                .param("name", name)
                .update();
        organiser = logIn(name);
        slug = "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anOrganiserCreatesAnEditionWithRoundtablesAndSessions() {
        organiser.get("/editions/new");
        var created = organiser.post(
                "/editions/new",
                "language",
                "en",
                "slug",
                slug,
                "name",
                "Rabat 2026",
                "place",
                "Rabat",
                "summary",
                "A test edition.",
                "startsOn",
                "2026-05-04",
                "endsOn",
                "2026-05-05",
                "status",
                "OPEN");
        assertThat(created.redirect()).isEqualTo("/editions/" + slug);

        organiser.get("/editions/" + slug + "/roundtables/new");
        var roundtable = organiser.post(
                "/editions/" + slug + "/roundtables/new",
                "language",
                "en",
                "number",
                "1",
                "title",
                "Labour mobility",
                "background",
                "First paragraph.\n\nSecond paragraph.");
        assertThat(roundtable.redirect()).isEqualTo("/editions/" + slug + "#roundtable-1");

        organiser.get("/editions/" + slug + "/roundtables/1/sessions/new");
        var session = organiser.post(
                "/editions/" + slug + "/roundtables/1/sessions/new",
                "language",
                "en",
                "position",
                "2",
                "title",
                "Recruitment fees",
                "background",
                "Why fees matter.",
                "prompts",
                "Who pays the fees?\n- workers\n- employers\n\nHow to end them?");
        assertThat(session.redirect()).isEqualTo("/editions/" + slug + "/sessions/1.2");

        Document page = session.follow().document();
        assertThat(page.select("h1").text()).contains("1.2").contains("Recruitment fees");
        assertThat(page.select("ol.prompts > li")).hasSize(2);
        assertThat(page.select("ol.prompts > li").first().select("li li")).hasSize(2);
        Document home = new HttpVisitor(port).get("/").document();
        assertThat(home.select("#edition-" + slug).text()).contains("Rabat 2026");
    }

    @Test
    void anOrganiserTranslatesASessionByHand() {
        Edition edition = anEditionWithASession();
        organiser.get("/editions/" + slug + "/sessions/1.1/edit?language=fr");

        var saved = organiser.post(
                "/editions/" + slug + "/sessions/1.1/edit",
                "language",
                "fr",
                "position",
                "1",
                "title",
                "Frais de recrutement",
                "background",
                "Pourquoi les frais comptent.",
                "prompts",
                "Qui paie les frais ?\n- les travailleurs");
        assertThat(saved.redirect()).isEqualTo("/editions/" + slug + "/sessions/1.1");

        Document french = new HttpVisitor(port)
                .speaking("fr")
                .get("/editions/" + slug + "/sessions/1.1")
                .document();
        assertThat(french.select("h1").text()).contains("Frais de recrutement");
        assertThat(french.select("ol.prompts").text()).contains("Qui paie les frais ?");
        Document english = new HttpVisitor(port)
                .speaking("en")
                .get("/editions/" + slug + "/sessions/1.1")
                .document();
        assertThat(english.select("h1").text()).contains("Recruitment fees");
        assertThat(edition.session("1.1")).isPresent();
    }

    @Test
    void translatingOnlyTheTitleLeavesTheIssuesInTheOriginal() {
        anEditionWithASession();
        var form = organiser
                .get("/editions/" + slug + "/sessions/1.1/edit?language=fr")
                .document();
        String shownIssues = form.select("#prompts").text();
        assertThat(shownIssues).contains("Who pays the fees?").contains("- workers");

        var saved = organiser.post(
                "/editions/" + slug + "/sessions/1.1/edit",
                "language",
                "fr",
                "position",
                "1",
                "title",
                "Frais de recrutement",
                "background",
                "",
                "prompts",
                form.select("#prompts").val());

        assertThat(saved.redirect()).isEqualTo("/editions/" + slug + "/sessions/1.1");
        Edition.ForumSession session =
                forums.edition(slug, true).orElseThrow().session("1.1").orElseThrow();
        assertThat(session.prompts().getFirst().question().exactly("fr")).isEmpty();
        assertThat(session.prompts().getFirst().points().getFirst().exactly("fr"))
                .isEmpty();
        Document french = new HttpVisitor(port)
                .speaking("fr")
                .get("/editions/" + slug + "/sessions/1.1")
                .document();
        assertThat(french.select("ol.prompts").text())
                .contains("Who pays the fees?")
                .doesNotContain(" - ");
        // what is shown in the original keeps its own language attribute, for screen readers and fonts
        assertThat(french.select("ol.prompts span[lang=en]")).isNotEmpty();
    }

    @Test
    void addingAnIssueInTheOriginalKeepsTheTranslationsOfTheOthers() {
        anEditionWithASession();
        organiser.get("/editions/" + slug + "/sessions/1.1/edit?language=es");
        organiser.post(
                "/editions/" + slug + "/sessions/1.1/edit",
                "language",
                "es",
                "position",
                "1",
                "title",
                "Tasas de contratación",
                "background",
                "",
                "prompts",
                "¿Quién paga las tasas?\n- los trabajadores");
        organiser.get("/editions/" + slug + "/sessions/1.1/edit?language=en");

        organiser.post(
                "/editions/" + slug + "/sessions/1.1/edit",
                "language",
                "en",
                "position",
                "1",
                "title",
                "Recruitment fees",
                "background",
                "Why fees matter.",
                "prompts",
                "Who pays the fees?\n- workers\n\nHow to end them?");

        Edition.ForumSession session =
                forums.edition(slug, true).orElseThrow().session("1.1").orElseThrow();
        assertThat(session.prompts()).hasSize(2);
        assertThat(session.prompts().getFirst().question().exactly("es")).contains("¿Quién paga las tasas?");
        assertThat(session.prompts().get(1).question().exactly("en")).contains("How to end them?");
    }

    @Test
    void aTranslationMustKeepTheIssuesOfTheOriginal() {
        anEditionWithASession();
        organiser.get("/editions/" + slug + "/sessions/1.1/edit?language=es");

        var refused = organiser.post(
                "/editions/" + slug + "/sessions/1.1/edit",
                "language",
                "es",
                "position",
                "1",
                "title",
                "Tasas",
                "background",
                "",
                "prompts",
                "Uno\n\nDos\n\nTres");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().select("#prompts-error").text()).isNotBlank();
        assertThat(refused.document().select("#prompts").text()).contains("Tres");
        Edition unchanged = forums.edition(slug, true).orElseThrow();
        assertThat(unchanged.session("1.1").orElseThrow().title().exactly("es")).isEmpty();
    }

    @Test
    void everyEditionHasACodeOfConductThatOrganisersCanWrite() {
        Document defaults = new HttpVisitor(port)
                .speaking("ar")
                .get("/editions/athens-2009/code-of-conduct")
                .document();
        assertThat(defaults.select("main > ol li")).hasSize(5);
        assertThat(defaults.selectFirst("html").attr("dir")).isEqualTo("rtl");

        organiser.get("/editions/new");
        organiser.post(
                "/editions/new",
                "language",
                "fr",
                "slug",
                slug,
                "name",
                "Édition de test",
                "startsOn",
                "2031-01-01",
                "endsOn",
                "2031-01-02",
                "status",
                "OPEN",
                "codeOfConduct",
                "Respectez chacun.\n\nNe révélez la situation de personne.");

        Document own = new HttpVisitor(port)
                .speaking("fr")
                .get("/editions/" + slug + "/code-of-conduct")
                .document();
        assertThat(own.select("main p").eachText())
                .contains("Respectez chacun.", "Ne révélez la situation de personne.");
    }

    @Test
    void badInputIsExplainedAndKeptAndNothingIsSaved() {
        organiser.get("/editions/new");

        var refused = organiser
                .speaking("ru")
                .post(
                        "/editions/new",
                        "language",
                        "en",
                        "slug",
                        "Not A Slug!",
                        "name",
                        "Somewhere 2030",
                        "place",
                        "",
                        "summary",
                        "",
                        "startsOn",
                        "2030-05-04",
                        "endsOn",
                        "2030-05-01",
                        "status",
                        "OPEN");

        assertThat(refused.status()).isEqualTo(422);
        Document page = refused.document();
        assertThat(page.select("#slug-error").text()).isNotBlank();
        assertThat(page.select("#endsOn-error").text()).isNotBlank();
        assertThat(page.select("#name").val()).isEqualTo("Somewhere 2030");
        assertThat(page.select("#slug").val()).isEqualTo("Not A Slug!");
        assertThat(forums.editions(true))
                .noneMatch(e -> e.name().exactly("en").orElse("").equals("Somewhere 2030"));
    }

    @Test
    void anInvalidDateIsALocalizedFieldError() {
        organiser.get("/editions/new");

        var refused = organiser.post(
                "/editions/new",
                "language",
                "en",
                "slug",
                slug,
                "name",
                "Dates",
                "startsOn",
                "next tuesday",
                "endsOn",
                "2030-05-01",
                "status",
                "OPEN");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().select("#startsOn-error").text())
                .isNotBlank()
                .doesNotContain("Failed to convert");
    }

    @Test
    void editionsInPreparationAreHiddenFromEveryoneButOrganisers() {
        organiser.get("/editions/new");
        organiser.post(
                "/editions/new",
                "language",
                "en",
                "slug",
                slug,
                "name",
                "Secret plans",
                "startsOn",
                "2031-01-01",
                "endsOn",
                "2031-01-02",
                "status",
                "PREPARATION");

        assertThat(organiser.get("/editions/" + slug).status()).isEqualTo(200);
        assertThat(new HttpVisitor(port).get("/editions/" + slug).status()).isEqualTo(404);
        assertThat(new HttpVisitor(port).get("/").body()).doesNotContain("Secret plans");
    }

    @Test
    void participantsCannotEditTheAgenda() {
        HttpVisitor participant =
                signUp("Participant " + UUID.randomUUID().toString().substring(0, 8));

        assertThat(participant.get("/editions/new").status()).isEqualTo(403);
        assertThat(participant.get("/editions/athens-2009/edit").status()).isEqualTo(403);
        assertThat(new HttpVisitor(port).get("/editions/new").redirect()).isEqualTo("/login");
    }

    private Edition anEditionWithASession() {
        forums.importEdition(
                slug,
                new EditionRepository.EditionDetails(
                        org.polyphony.languages.LocalizedText.of("en", "Edition " + slug),
                        org.polyphony.languages.LocalizedText.empty(),
                        org.polyphony.languages.LocalizedText.empty(),
                        java.time.LocalDate.of(2026, 1, 1),
                        java.time.LocalDate.of(2026, 1, 2),
                        EditionStatus.OPEN),
                java.util.List.of(new ForumManagement.ImportedRoundtable(
                        1,
                        org.polyphony.languages.LocalizedText.of("en", "Labour"),
                        org.polyphony.languages.LocalizedText.empty(),
                        java.util.List.of(new ForumManagement.ImportedSession(
                                1,
                                org.polyphony.languages.LocalizedText.of("en", "Recruitment fees"),
                                org.polyphony.languages.LocalizedText.of("en", "Why fees matter."),
                                java.util.List.of(new Edition.Prompt(
                                        org.polyphony.languages.LocalizedText.of("en", "Who pays the fees?"),
                                        java.util.List.of(
                                                org.polyphony.languages.LocalizedText.of("en", "workers")))))))));
        return forums.edition(slug, true).orElseThrow();
    }

    private HttpVisitor signUp(String name) {
        HttpVisitor visitor = new HttpVisitor(port);
        visitor.get("/signup");
        assertThat(visitor.post("/signup", "displayName", name, "password", PASSWORD, "passwordRepeat", PASSWORD)
                        .redirect())
                .isEqualTo("/?welcome");
        return visitor;
    }

    private HttpVisitor logIn(String name) {
        HttpVisitor visitor = new HttpVisitor(port);
        visitor.get("/login");
        assertThat(visitor.post("/login", "name", name, "password", PASSWORD).redirect())
                .isEqualTo("/");
        return visitor;
    }
}
