package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.hallway.scheduled.PublishScheduledPosts;
import org.hallway.testing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scheduling from the web: "Schedule for…" under the compose box takes a date and time in the reader's
 * own time zone; the "Scheduled" page lists what waits, moves it to another time or cancels it; at its
 * time the post goes out as the API's scheduled posts do.
 */
class ScheduledPostsBrowserTest extends BrowserTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired
    PublishScheduledPosts publish;

    private Page pageIn(ZoneId zone) {
        var context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl())
                .setViewportSize(1280, 900)
                .setTimezoneId(zone.getId()));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    private static ZonedDateTime inNewYork(Duration ahead) {
        return ZonedDateTime.now(NEW_YORK).plus(ahead).truncatedTo(ChronoUnit.MINUTES);
    }

    private Instant scheduledAt(Api api, String text) {
        for (var s : api.get("/api/v1/scheduled_statuses").body())
            if (s.get("params").get("text").asString().equals(text))
                return Instant.parse(s.get("scheduled_at").asString());
        return null;
    }

    @Test
    void aColleagueSchedulesInTheirTimeZoneMovesOrCancelsAndThePostGoesOutOnTime() {
        var api = new Api(baseUrl(), p.alice.token());
        var page = signIn(p.alice, pageIn(NEW_YORK));
        page.onDialog(dialog -> dialog.accept());

        var first = inNewYork(Duration.ofHours(2));
        page.getByLabel("Share something with your colleagues").fill("Quarterly numbers are out");
        page.locator("summary")
                .filter(new Locator.FilterOptions().setHasText("Schedule for…"))
                .click();
        page.getByLabel("Publish at (your time)").fill(LOCAL.format(first));
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Post").setExact(true))
                .click();
        page.waitForURL("**/scheduled");
        var row = page.locator("li.scheduled")
                .filter(new Locator.FilterOptions().setHasText("Quarterly numbers are out"));
        assertThat(row).hasCount(1);
        // The time typed was New York time: that is the instant kept, and the page shows it back as typed.
        org.assertj.core.api.Assertions.assertThat(scheduledAt(api, "Quarterly numbers are out"))
                .isEqualTo(first.toInstant());
        assertThat(row.getByLabel("New time")).hasValue(LOCAL.format(first));
        // Not published yet.
        org.assertj.core.api.Assertions.assertThat(
                        api.get("/api/v1/timelines/public?limit=40").body().toString())
                .doesNotContain("Quarterly numbers are out");

        // Moved an hour later.
        var later = first.plusHours(1);
        row.getByLabel("New time").fill(LOCAL.format(later));
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Change time"))
                .click();
        assertThat(row.getByLabel("New time")).hasValue(LOCAL.format(later));
        org.assertj.core.api.Assertions.assertThat(scheduledAt(api, "Quarterly numbers are out"))
                .isEqualTo(later.toInstant());

        // A time in the past is refused next to the field, and the post keeps its time.
        row.getByLabel("New time").fill(LOCAL.format(inNewYork(Duration.ofHours(-1))));
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Change time"))
                .click();
        assertThat(row.locator(".field-error")).containsText("at least 5 minutes in the future");
        org.assertj.core.api.Assertions.assertThat(scheduledAt(api, "Quarterly numbers are out"))
                .isEqualTo(later.toInstant());

        // A second one, cancelled.
        page.navigate("/");
        page.getByLabel("Share something with your colleagues").fill("Draft to drop");
        page.locator("summary")
                .filter(new Locator.FilterOptions().setHasText("Schedule for…"))
                .click();
        page.getByLabel("Publish at (your time)").fill(LOCAL.format(inNewYork(Duration.ofDays(1))));
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Post").setExact(true))
                .click();
        page.waitForURL("**/scheduled");
        var drop = page.locator("li.scheduled").filter(new Locator.FilterOptions().setHasText("Draft to drop"));
        drop.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel post"))
                .click();
        assertThat(page.locator("li.scheduled").filter(new Locator.FilterOptions().setHasText("Draft to drop")))
                .hasCount(0);
        org.assertj.core.api.Assertions.assertThat(scheduledAt(api, "Draft to drop"))
                .isNull();

        // Its time comes: it is published as alice's post, and no longer waits.
        publish.handle(later.toInstant().plusSeconds(60));
        var bob = signIn(p.bob);
        bob.navigate("/company");
        assertThat(bob.locator("#feed article")
                        .filter(new Locator.FilterOptions().setHasText("Quarterly numbers are out"))
                        .first())
                .isVisible();
        page.navigate("/scheduled");
        assertThat(page.locator("li.scheduled")).hasCount(0);
    }
}
