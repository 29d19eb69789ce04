package org.polyphony.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Profiles, organisations, the directory, partnerships and the feed over HTTP against the running application and
 * PostgreSQL, without JavaScript.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PeopleWebTest {

    static final String PASSWORD = "people and places";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Value("${polyphony.data-dir}")
    Path dataDir;

    @Test
    void theDirectoryFindsTheSeededDiasporaAssociationByTypeThemeAndRegion() {
        HttpVisitor visitor = new HttpVisitor(port);
        Document found = visitor.get("/people/directory?type=MIGRANT_ASSOCIATION&theme=remittances-investment"
                        + "&region=western-africa")
                .document();
        assertThat(found.select(".directory h3").eachText())
                .contains("Association des Sénégalais de France pour le développement (demo)")
                // other tests may add matching organisations; no demo one of another type, theme or region
                .doesNotContain(
                        "Filipino Domestic Workers Association Hong Kong (demo)",
                        "Centre de recherche Migration et Développement, Dakar (demo)",
                        "Federación de Clubes Zacatecanos en Chicago (demo)");

        // a region matches an organisation naming one of its countries: Hong Kong is in Eastern Asia
        assertThat(visitor.get("/people/directory?region=eastern-asia")
                        .document()
                        .select(".directory h3")
                        .eachText())
                .contains("Filipino Domestic Workers Association Hong Kong (demo)");
        // words: full-text search over name and description
        // (stemmed: "agency fees" also finds the Nepali watchdog's "agencies charge … fees")
        assertThat(visitor.get("/people/directory?q=agency+fees")
                        .document()
                        .select(".directory h3")
                        .eachText())
                .containsExactlyInAnyOrder(
                        "Filipino Domestic Workers Association Hong Kong (demo)",
                        "Fair Recruitment Watch Nepal (demo)");
        // the same through the API
        String json = visitor.get("/api/organisations?type=MIGRANT_ASSOCIATION&theme=remittances-investment"
                        + "&region=western-africa")
                .body();
        assertThat(json).contains("Association des Sénégalais").doesNotContain("Filipino");
        // in Arabic, the page speaks Arabic
        Document arabic =
                new HttpVisitor(port).speaking("ar").get("/people/directory").document();
        assertThat(arabic.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(arabic.select("h1").text()).isEqualTo("الأشخاص والمنظمات");
    }

    @Test
    void hiddenProfileFieldsNeverReachOthers() {
        String name = "Private " + suffix();
        HttpVisitor owner = HttpVisitor.signedUp(port, name, PASSWORD);
        owner.get("/people/me/edit");
        var saved = owner.post(
                "/people/me/edit",
                "bio",
                "I organise domestic workers on Sundays.",
                "bioVisibility",
                "PUBLIC",
                "countries",
                "AE",
                "countriesVisibility",
                "ME",
                "themes",
                "domestic-work",
                "themesVisibility",
                "MEMBERS",
                "links",
                "https://example.org/me",
                "linksVisibility",
                "PUBLIC",
                "listed",
                "true");
        assertThat(saved.redirect()).isEqualTo("/people/me/edit?notice=saved");
        long id = accountId(name);

        String anonymous = new HttpVisitor(port).get("/people/" + id).body();
        assertThat(anonymous)
                .contains("I organise domestic workers")
                .contains("https://example.org/me")
                .doesNotContain("United Arab Emirates")
                .doesNotContain("Domestic work");
        String api = new HttpVisitor(port).get("/api/people/" + id).body();
        assertThat(api)
                .contains("I organise domestic workers")
                .doesNotContain("AE")
                .doesNotContain("domestic-work");

        HttpVisitor member = HttpVisitor.signedUp(port, "Reader " + suffix(), PASSWORD);
        assertThat(member.get("/people/" + id).body()).contains("Domestic work").doesNotContain("United Arab Emirates");
        assertThat(owner.get("/people/" + id).body()).contains("United Arab Emirates");

        // the directory filters on public fields only: a hidden country or theme finds nobody
        assertThat(new HttpVisitor(port)
                        .get("/people/directory?kind=people&q=" + name.replace(' ', '+'))
                        .body())
                .contains(name);
        assertThat(new HttpVisitor(port)
                        .get("/people/directory?kind=people&country=AE")
                        .body())
                .doesNotContain(name);
        assertThat(new HttpVisitor(port)
                        .get("/people/directory?kind=people&theme=domestic-work")
                        .body())
                .doesNotContain(name);
    }

    @Test
    void onlyPeopleWhoShowedThemselvesHaveAProfilePage() {
        String suffix = suffix();
        String name = "Quiet " + suffix;
        HttpVisitor quiet = HttpVisitor.signedUp(port, name, PASSWORD);
        long id = accountId(name);
        // no profile saved, nothing published: walking through account numbers finds no name
        assertThat(new HttpVisitor(port).get("/people/" + id).status()).isEqualTo(404);
        assertThat(new HttpVisitor(port).get("/api/people/" + id).status()).isEqualTo(404);
        HttpVisitor other = HttpVisitor.signedUp(port, "Walker " + suffix, PASSWORD);
        var page = other.get("/people/" + id);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).doesNotContain(name);
        // the person sees their own page, with their name only
        assertThat(quiet.get("/people/" + id).document().select("h1").text()).contains(name);

        // once they have published something anyone may read, they can be found and followed
        quiet.startThread(
                "/editions/athens-2009/sessions/3.1/threads", "Quiet thread " + suffix, "Now I speak " + suffix);
        assertThat(new HttpVisitor(port).get("/people/" + id).body()).contains(name);
        assertThat(new HttpVisitor(port).get("/api/people/" + id).body()).contains(name);
    }

    @Test
    void badProfileInputIsRefusedNextToTheFieldAndKept() {
        String name = "Careless " + suffix();
        HttpVisitor owner = HttpVisitor.signedUp(port, name, PASSWORD);
        owner.get("/people/me/edit");
        String links = "javascript:alert(1)";
        var refused = owner.post("/people/me/edit", "bio", "x".repeat(501), "links", links, "countries", "XK");
        assertThat(refused.status()).isEqualTo(422);
        Document page = refused.document();
        assertThat(page.select("textarea[name=links]").text()).isEqualTo(links);
        assertThat(page.select(".error").text())
                .contains("at most 500 characters")
                .contains("http:// or https://")
                .contains("Choose countries from the list");
        assertThat(page.text()).doesNotContain("Exception");
        assertThat(jdbc.sql("SELECT count(*) FROM people_profile WHERE account_id = :id")
                        .param("id", accountId(name))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void controlCharactersInFormsAndParametersAreDroppedNotFatal() {
        String name = "Nul " + suffix();
        HttpVisitor owner = HttpVisitor.signedUp(port, name, PASSWORD);
        owner.get("/people/me/edit");
        var saved = owner.post("/people/me/edit", "bio", "Nul\u0000 and\u0007 bell\nstay", "bioVisibility", "PUBLIC");
        assertThat(saved.status()).isLessThan(500);
        assertThat(saved.redirect()).isEqualTo("/people/me/edit?notice=saved");
        assertThat(jdbc.sql("SELECT bio FROM people_profile WHERE account_id = :id")
                        .param("id", accountId(name))
                        .query(String.class)
                        .single())
                .isEqualTo("Nul and bell\nstay");
        var searched = new HttpVisitor(port).get("/people/directory?q=agency%00fees");
        assertThat(searched.status()).isEqualTo(200);
    }

    @Test
    void aPhotoIsResizedStrippedAndBadFilesAreRefused() throws Exception {
        String name = "Photographer " + suffix();
        HttpVisitor owner = HttpVisitor.signedUp(port, name, PASSWORD);
        long id = accountId(name);
        owner.get("/people/me/edit");
        var uploaded =
                owner.postMultipart("/people/me/photo", "note", "", "photo", TestImages.jpegWithExif(2000, 1000));
        assertThat(uploaded.redirect()).isEqualTo("/people/me/edit?notice=photo");

        byte[] photo = owner.getBytes("/people/" + id + "/photo");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo));
        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(image.getHeight()).isEqualTo(256);
        assertThat(TestImages.contains(photo, TestImages.SECRET)).isFalse();
        // the photo is for members by default: not for someone signed out
        assertThat(new HttpVisitor(port).get("/people/" + id + "/photo").status())
                .isEqualTo(404);

        owner.get("/people/me/edit");
        var bomb = owner.postMultipart("/people/me/photo", "note", "", "photo", TestImages.pngBomb());
        assertThat(bomb.status()).isEqualTo(422);
        assertThat(bomb.document().select("#photo-error").text()).contains("too many pixels");
        var notAnImage = owner.postMultipart("/people/me/photo", "note", "", "photo", TestImages.notAnImage());
        assertThat(notAnImage.status()).isEqualTo(422);
        assertThat(notAnImage.document().select("#photo-error").text()).contains("not a picture");
        var tooLarge = owner.postMultipart("/people/me/photo", "note", "", "photo", new byte[6 * 1024 * 1024]);
        assertThat(tooLarge.status()).isEqualTo(422);
        assertThat(tooLarge.document().select("#photo-error").text()).contains("too large");
        // the first photo is still the one shown
        assertThat(owner.getBytes("/people/" + id + "/photo")).isEqualTo(photo);

        // deleting the account removes the profile and the file
        String key = jdbc.sql("SELECT photo_key FROM people_profile WHERE account_id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        Path file = dataDir.resolve("uploads").resolve(key.substring(0, 2)).resolve(key);
        assertThat(file).exists();
        owner.get("/account");
        owner.post("/account/delete", "currentPassword", PASSWORD);
        assertThat(Files.exists(file)).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM people_profile WHERE account_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void organisationsMembersAndPartnerships() {
        String suffix = suffix();
        String aliceName = "Alice " + suffix;
        HttpVisitor alice = HttpVisitor.signedUp(port, aliceName, PASSWORD);
        String first = create(alice, "Harbour Workers " + suffix, "TRADE_UNION");
        String second = create(alice, "Second Desk " + suffix, "NGO");

        // names are unique whatever their case; the form keeps what was typed
        alice.get("/organisations/new");
        var duplicate = alice.post(
                "/organisations", "name", "harbour WORKERS " + suffix, "type", "NGO", "description", "Kept text");
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.document().select("#name-error").text()).contains("already exists");
        assertThat(duplicate.document().select("textarea[name=description]").text())
                .isEqualTo("Kept text");
        assertThat(organisationsNamed("harbour workers " + suffix)).isEqualTo(1);

        // a person asks to join; the admin approves; another is invited by name and accepts
        String bobName = "Bob " + suffix;
        HttpVisitor bob = HttpVisitor.signedUp(port, bobName, PASSWORD);
        bob.get(first);
        bob.post(first + "/join");
        alice.get(first + "/manage");
        long bobId = accountId(bobName);
        alice.post(first + "/members/" + bobId + "/approve");
        assertThat(new HttpVisitor(port).get(first).document().select("main").text())
                .contains(bobName);
        String carolName = "Carol " + suffix;
        HttpVisitor carol = HttpVisitor.signedUp(port, carolName, PASSWORD);
        alice.get(first + "/manage");
        var unknown = alice.post(first + "/members/invite", "name", "Nobody " + suffix);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.document().select("#name-error").text()).contains("Nobody has this display name");
        assertThat(alice.post(first + "/members/invite", "name", carolName).redirect())
                .endsWith("/manage?notice=invited");
        carol.get(first);
        carol.post(first + "/join");
        assertThat(new HttpVisitor(port).get(first).document().select("main").text())
                .contains(carolName);
        // a member is not an admin
        assertThat(bob.get(first + "/manage").status()).isEqualTo(403);

        // the last admin cannot leave
        alice.get(first);
        assertThat(alice.post(first + "/leave").status()).isEqualTo(422);

        // a partnership: asked by an admin of the sender, accepted by an admin of the receiver
        String daveName = "Dave " + suffix;
        HttpVisitor dave = HttpVisitor.signedUp(port, daveName, PASSWORD);
        String third = create(dave, "Village Savings " + suffix, "MIGRANT_ASSOCIATION");
        long firstId = idOf(first);
        long thirdId = idOf(third);
        dave.get(first);
        var self = dave.post(third + "/partnerships", "from", Long.toString(thirdId), "message", "Us and us");
        assertThat(self.status()).isEqualTo(422);
        assertThat(self.document().text()).contains("cannot be its own partner");
        var notAdmin = dave.post(first + "/partnerships", "from", Long.toString(idOf(second)), "message", "Hello");
        assertThat(notAdmin.status()).isEqualTo(403);
        dave.get(first);
        var asked =
                dave.post(first + "/partnerships", "from", Long.toString(thirdId), "message", "Let us work together");
        assertThat(asked.redirect()).endsWith("?notice=partnershipAsked");
        dave.get(first);
        var again = dave.post(first + "/partnerships", "from", Long.toString(thirdId), "message", "Again");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.document().text()).contains("already partners, or a request");
        alice.get(third);
        var backwards = alice.post(third + "/partnerships", "from", Long.toString(firstId), "message", "And back");
        assertThat(backwards.status()).isEqualTo(422);

        Document manage = alice.get(first + "/manage").document();
        assertThat(manage.text()).contains("Let us work together");
        String accept = manage.selectFirst("form[action$=/accept]").attr("action");
        assertThat(bob.post(accept).status()).isEqualTo(403);
        alice.get(first + "/manage");
        alice.post(accept);
        assertThat(new HttpVisitor(port)
                        .get(first)
                        .document()
                        .select(".partners")
                        .text())
                .contains("Village Savings " + suffix);
        assertThat(new HttpVisitor(port)
                        .get(third)
                        .document()
                        .select(".partners")
                        .text())
                .contains("Harbour Workers " + suffix);
        assertThat(new HttpVisitor(port).get("/api/organisations/" + thirdId).body())
                .contains("Harbour Workers " + suffix);

        // deleting the only admin's account hands the organisation to its longest-standing member
        alice.get("/account");
        alice.post("/account/delete", "currentPassword", PASSWORD);
        assertThat(jdbc.sql("SELECT role FROM people_membership WHERE organisation_id = :o AND account_id = :a")
                        .param("o", firstId)
                        .param("a", bobId)
                        .query(String.class)
                        .single())
                .isEqualTo("ADMIN");
    }

    @Test
    void theFeedShowsPostsOfPeopleAndOrganisationsFollowed() {
        String suffix = suffix();
        String writerName = "Writer " + suffix;
        HttpVisitor writer = HttpVisitor.signedUp(port, writerName, PASSWORD);
        writer.get("/people/me/edit");
        writer.post("/people/me/edit", "bio", "I write.");
        String organisation = create(writer, "Writers Circle " + suffix, "NGO");
        String thread = writer.startThread(
                "/editions/athens-2009/sessions/3.1/threads", "Feed thread " + suffix, "Followed words " + suffix);

        HttpVisitor reader = HttpVisitor.signedUp(port, "Follower " + suffix, PASSWORD);
        assertThat(reader.get("/feed").document().text()).contains("Nothing here yet");
        reader.get(organisation);
        reader.post(organisation + "/follow", "follow", "true");
        Document feed = reader.get("/feed").document();
        assertThat(feed.select(".feed").text())
                .contains("Followed words " + suffix)
                .contains(writerName);
        assertThat(feed.select(".feed a").attr("href")).startsWith(thread);

        reader.get(organisation);
        reader.post(organisation + "/follow", "follow", "false");
        assertThat(reader.get("/feed").document().text()).doesNotContain("Followed words " + suffix);
        long writerId = accountId(writerName);
        reader.get("/people/" + writerId);
        reader.post("/people/" + writerId + "/follow", "follow", "true");
        assertThat(reader.get("/feed").document().text()).contains("Followed words " + suffix);

        // signed out, there is no feed
        assertThat(new HttpVisitor(port).get("/feed").status()).isEqualTo(302);
    }

    private String create(HttpVisitor admin, String name, String type) {
        admin.get("/organisations/new");
        var created = admin.post(
                "/organisations",
                "name",
                name,
                "type",
                type,
                "themes",
                "recruitment",
                "regions",
                "southern-europe",
                "countries",
                "GR",
                "languages",
                "en",
                "website",
                "https://example.org",
                "description",
                "We help migrant workers in the port with their contracts and recruitment.");
        assertThat(created.redirect()).as("created %s", name).contains("/organisations/");
        return created.redirect().replaceFirst("\\?.*", "");
    }

    private long idOf(String organisationPath) {
        return Long.parseLong(organisationPath.substring(organisationPath.lastIndexOf('/') + 1));
    }

    private long organisationsNamed(String name) {
        return jdbc.sql("SELECT count(*) FROM people_organisation WHERE lower(name) = lower(:n)")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    private long accountId(String name) {
        return jdbc.sql("SELECT coalesce(max(id), -1) FROM accounts_account WHERE display_name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
