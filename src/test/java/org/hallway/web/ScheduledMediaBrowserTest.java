package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.hallway.media.MediaTestImages;
import org.hallway.scheduled.PublishScheduledPosts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A post scheduled in the compose box keeps its image until it goes out, and goes out with it. */
class ScheduledMediaBrowserTest extends BrowserTest {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired
    PublishScheduledPosts publish;

    @Autowired
    Clock clock;

    @Test
    void aScheduledPostGoesOutWithItsImage() {
        var context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl())
                .setViewportSize(1280, 900)
                .setTimezoneId("UTC"));
        context.setDefaultTimeout(15_000);
        var page = signIn(p.eve, context.newPage());
        page.getByLabel("Share something with your colleagues").fill("Floor plan for the move");
        page.locator("summary")
                .filter(new Locator.FilterOptions().setHasText("Add images, video or audio"))
                .click();
        page.getByLabel("Attachment 1", new Page.GetByLabelOptions().setExact(true))
                .setInputFiles(new FilePayload("plan.png", "image/png", MediaTestImages.png(40, 30, Color.BLUE)));
        page.getByLabel("Description of attachment 1").fill("The new floor plan");
        page.locator("summary")
                .filter(new Locator.FilterOptions().setHasText("Schedule for…"))
                .click();
        // The browser runs in UTC, so the field's local time is UTC.
        var at = clock.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        page.getByLabel("Publish at (your time)").fill(LOCAL.format(at.atOffset(ZoneOffset.UTC)));
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Post").setExact(true))
                .click();
        page.waitForURL("**/scheduled");
        var row =
                page.locator("li.scheduled").filter(new Locator.FilterOptions().setHasText("Floor plan for the move"));
        assertThat(row).containsText("With 1 attachment");

        publish.handle(at.plus(Duration.ofMinutes(1)));
        page.navigate("/@eve");
        var card = page.locator("article")
                .filter(new Locator.FilterOptions().setHasText("Floor plan for the move"))
                .first();
        assertThat(card.locator(".pictures img")).hasAttribute("alt", "The new floor plan");
    }
}
