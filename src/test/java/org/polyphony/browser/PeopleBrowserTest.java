package org.polyphony.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.polyphony.people.TestImages;

/**
 * People and organisations in a real browser: the directory finds a seeded diaspora association by type, theme and
 * region; one organisation asks another for a partnership, which is accepted and listed on both pages; a photo is
 * uploaded, resized and stripped of its EXIF data; a decompression bomb and a file that is not a picture are refused
 * with a message.
 */
class PeopleBrowserTest extends BrowserTestSupport {

    static final String PASSWORD = "organising across borders";

    @Test
    void theDirectoryFindsADiasporaAssociationByThemeAndRegion() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/"));
            page.click("header a[href='/people/directory']");
            page.selectOption("#type", "MIGRANT_ASSOCIATION");
            page.selectOption("#theme", "remittances-investment");
            page.selectOption("#region", "western-africa");
            page.click("form.filters button[type=submit]");
            assertThat(page.locator(".directory h3").allTextContents())
                    .contains("Association des Sénégalais de France pour le développement (demo)")
                    // other tests may add matching organisations; no demo one of another type, theme or region
                    .doesNotContain(
                            "Filipino Domestic Workers Association Hong Kong (demo)",
                            "Centre de recherche Migration et Développement, Dakar (demo)",
                            "Federación de Clubes Zacatecanos en Chicago (demo)");
            page.click(".directory h3 a");
            assertThat(page.textContent("main")).contains("Western Africa").contains("Remittances and investment");
        }
    }

    @Test
    void aPartnershipIsAskedAcceptedAndListedOnBothPages() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        try (BrowserContext first = browser.newContext();
                BrowserContext second = browser.newContext()) {
            Page ana = first.newPage();
            signUp(ana, "Ana", PASSWORD);
            String harbour = createOrganisation(ana, "Harbour Migrant Centre " + suffix);

            Page kwame = second.newPage();
            signUp(kwame, "Kwame", PASSWORD);
            String savings = createOrganisation(kwame, "Accra Savings Circle " + suffix);

            kwame.navigate(harbour);
            kwame.fill("#message", "Shall we run a remittances clinic together?");
            kwame.click("form[action$='/partnerships'] button[type=submit]");
            assertThat(kwame.textContent(".notice")).contains("partnership request is sent");

            ana.navigate(harbour);
            ana.click("a[href$='/manage']");
            assertThat(ana.textContent("main")).contains("Shall we run a remittances clinic together?");
            ana.click("form[action$='/accept'] button[type=submit]");
            assertThat(ana.textContent(".notice")).contains("accepted");

            ana.navigate(harbour);
            assertThat(ana.textContent(".partners")).contains("Accra Savings Circle " + suffix);
            kwame.navigate(savings);
            assertThat(kwame.textContent(".partners")).contains("Harbour Migrant Centre " + suffix);
        }
    }

    @Test
    void aPhotoIsResizedAndStrippedAndBadFilesAreRefusedWithAMessage() throws Exception {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signUp(page, "Lens", PASSWORD);
            page.navigate(url("/people/me/edit"));
            page.setInputFiles(
                    "#photo", new FilePayload("holiday.jpg", "image/jpeg", TestImages.jpegWithExif(3000, 2000)));
            page.click("form[action='/people/me/photo'] button[type=submit]");
            assertThat(page.textContent(".notice")).contains("photo is saved");
            String src = page.getAttribute("img.photo", "src");
            byte[] photo = page.request().get(url(src)).body();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo));
            assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(512);
            assertThat(TestImages.contains(photo, "Exif")).isFalse();
            assertThat(TestImages.contains(photo, TestImages.SECRET)).isFalse();

            page.setInputFiles("#photo", new FilePayload("huge.png", "image/png", TestImages.pngBomb()));
            page.click("form[action='/people/me/photo'] button[type=submit]");
            assertThat(page.textContent("#photo-error")).contains("too many pixels");
            assertThat(page.textContent(".error-summary")).contains("too many pixels");

            page.setInputFiles("#photo", new FilePayload("cv.pdf", "application/pdf", TestImages.notAnImage()));
            page.click("form[action='/people/me/photo'] button[type=submit]");
            assertThat(page.textContent("#photo-error")).contains("not a picture");
        }
    }

    private String createOrganisation(Page page, String name) {
        page.navigate(url("/organisations/new"));
        page.fill("#name", name);
        page.selectOption("#type", "MIGRANT_ASSOCIATION");
        page.fill("#description", "We meet every month to help members with remittances and savings.");
        page.check("input[name=themes][value=remittances-investment]");
        page.check("input[name=regions][value=western-africa]");
        page.click("form[action='/organisations'] button[type=submit]");
        assertThat(page.textContent(".notice")).contains("You are its first admin");
        return page.url().replaceFirst("\\?.*", "");
    }
}
