package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import org.hallway.media.MediaTestImages;
import org.junit.jupiter.api.Test;

/** Attaching an image in the compose box, with its description, and seeing it on the post. */
class MediaBrowserTest extends BrowserTest {

    @Test
    void attachesAnImageWithAltTextAndReadersSeeIt() {
        var page = signIn(p.alice);
        page.getByLabel("Share something with your colleagues").fill("The new office floor plan");
        page.locator("summary", new Page.LocatorOptions().setHasText("Add images"))
                .click();
        page.getByLabel("Attachment 1", new Page.GetByLabelOptions().setExact(true))
                .setInputFiles(new FilePayload("plan.png", "image/png", MediaTestImages.png(640, 480, Color.ORANGE)));
        page.getByLabel("Description of attachment 1").fill("Floor plan with the kitchen in the middle");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Post").setExact(true))
                .click();

        var card = page.locator("#feed article").first();
        assertThat(card).containsText("The new office floor plan");
        var image = card.locator(".pictures img");
        assertThat(image).hasAttribute("alt", "Floor plan with the kitchen in the middle");
        page.waitForCondition(() -> (Boolean) image.evaluate("img => img.complete && img.naturalWidth > 0"));
        var link = card.locator(".pictures a");
        var original = page.request().get(link.getAttribute("href"));
        assertThat(original.status()).isEqualTo(200);
        assertThat(MediaTestImages.read(original.body()).getWidth()).isEqualTo(640);

        // A colleague sees the image on the company feed, from a path of their own.
        var bobs = signIn(p.bob);
        bobs.navigate("/company");
        var seen = bobs.locator("#feed article")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("The new office floor plan"))
                .locator(".pictures img");
        assertThat(seen).hasAttribute("alt", "Floor plan with the kitchen in the middle");
        bobs.waitForCondition(() -> (Boolean) seen.evaluate("img => img.complete && img.naturalWidth > 0"));
    }

    @Test
    void refusesAFileThatIsNotAnImageNextToTheField() {
        var page = signIn(p.tom);
        page.getByLabel("Share something with your colleagues").fill("Minutes attached");
        page.locator("summary", new Page.LocatorOptions().setHasText("Add images"))
                .click();
        page.getByLabel("Attachment 1", new Page.GetByLabelOptions().setExact(true))
                .setInputFiles(new FilePayload("minutes.png", "image/png", "not really a picture".getBytes()));
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Post").setExact(true))
                .click();
        assertThat(page.locator("#media-error")).containsText("not an image");
        assertThat(page.getByLabel("Share something with your colleagues")).hasValue("Minutes attached");
        page.navigate("/@tom");
        assertThat(page.locator("main")).not().containsText("Minutes attached");
    }
}
