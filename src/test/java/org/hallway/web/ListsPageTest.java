package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.hallway.testing.Api;
import org.junit.jupiter.api.Test;

/** The lists pages: make a list, put people one follows on it, read their posts there. */
class ListsPageTest extends BrowserTest {

    @Test
    void makesAListOfFollowedPeopleAndReadsTheirPosts() {
        var alice = new Api(baseUrl(), p.alice.token());
        var bob = new Api(baseUrl(), p.bob.token());
        assertThat(alice.post("/api/v1/accounts/" + p.bob.idString() + "/follow")
                        .status())
                .isEqualTo(200);
        var posted = bob.post("/api/v1/statuses", Map.of("status", "Release notes are out"));
        assertThat(posted.status()).isEqualTo(200);

        var page = signIn(p.alice);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lists"))
                .click();
        page.getByLabel("New list").fill("Release team");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create list"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Release team");
        var listUrl = page.url();

        page.getByLabel("Add someone you follow").fill("@eve");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to list"))
                .click();
        assertThat(page.locator("#f-username-error")).containsText("people you follow");
        assertThat(page.locator(".list-members li")).hasCount(0);

        page.getByLabel("Add someone you follow").fill("bob");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to list"))
                .click();
        assertThat(page.locator(".list-members")).containsText("Bob Brown");
        assertThat(page.locator("#feed")).containsText("Release notes are out");

        // The list is Alice's alone.
        var eve = signIn(p.eve);
        var response = eve.navigate(listUrl);
        assertThat(response.status()).isEqualTo(404);
        assertThat(eve.locator("main")).not().containsText("Release team");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove Bob Brown"))
                .click();
        assertThat(page.locator(".list-members li")).hasCount(0);
        assertThat(page.locator("#feed")).not().containsText("Release notes are out");
    }

    @Test
    void refusesAListWithoutTitle() {
        var page = signIn(p.tom);
        page.navigate("/lists");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create list"))
                .click();
        assertThat(page.locator("#f-title-error")).containsText("can't be blank");
        assertThat(page.locator(".lists li")).hasCount(0);
    }
}
