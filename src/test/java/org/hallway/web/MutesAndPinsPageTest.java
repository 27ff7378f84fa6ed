package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.hallway.testing.Api;
import org.junit.jupiter.api.Test;

/** A colleague mutes another from their profile and undoes it in settings; pinned posts lead a profile. */
class MutesAndPinsPageTest extends BrowserTest {

    @Test
    void colleagueMutesAnotherFromTheProfileAndUnmutesInSettings() {
        var reader = p.add("wreader", "Wendy Reader", "", "", "", null);
        var noisy = p.add("wnoisy", "Nate Noisy", "", "", "", null);
        var posted = new Api(baseUrl(), noisy.token())
                .post("/api/v1/statuses", Map.of("status", "Loud announcement about parking"));
        org.assertj.core.api.Assertions.assertThat(posted.status()).isEqualTo(200);

        var page = signIn(reader);
        page.navigate("/company");
        assertThat(page.locator("#feed")).containsText("Loud announcement about parking");

        page.navigate("/@wnoisy");
        page.onceDialog(dialog -> dialog.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mute"))
                .click();
        assertThat(page.locator(".relation-actions")).containsText("You muted Nate Noisy");
        assertThat(page.locator("#profile-head")).containsText("Nate Noisy");

        page.navigate("/company");
        assertThat(page.locator("main")).not().containsText("Loud announcement about parking");

        page.navigate("/settings/muted");
        assertThat(page.locator(".muted-list")).containsText("Nate Noisy");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unmute Nate Noisy"))
                .click();
        assertThat(page.locator("main")).containsText("You have muted nobody.");
        page.navigate("/company");
        assertThat(page.locator("#feed")).containsText("Loud announcement about parking");
    }

    @Test
    void dismissingTheConfirmationMutesNobody() {
        var reader = p.add("dreader", "Dora Reader", "", "", "", null);
        p.add("dother", "Otto Other", "", "", "", null);
        var page = signIn(reader);
        page.navigate("/@dother");
        page.onceDialog(dialog -> dialog.dismiss());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mute"))
                .click();
        page.navigate("/settings/muted");
        assertThat(page.locator("main")).containsText("You have muted nobody.");
    }

    @Test
    void pinnedPostsComeFirstOnTheProfile() {
        var author = p.add("ppinner", "Pia Pinner", "", "", "", null);
        var api = new Api(baseUrl(), author.token());
        var pinned = api.post("/api/v1/statuses", Map.of("status", "Read this first: onboarding guide"))
                .body()
                .get("id")
                .asString();
        api.post("/api/v1/statuses", Map.of("status", "A later everyday post"));
        api.post("/api/v1/statuses/" + pinned + "/pin");

        var page = signIn(p.bob);
        page.navigate("/@ppinner");
        assertThat(page.locator(".feed.pinned")).containsText("Read this first: onboarding guide");
        assertThat(page.locator(".feed.pinned")).not().containsText("A later everyday post");
    }
}
