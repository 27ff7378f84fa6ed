package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.util.Map;
import org.hallway.api.ProfilesApiTestImages;
import org.hallway.testing.Api;
import org.junit.jupiter.api.Test;

/** Colleagues edit their profile and see it; the org chart is one click from any post's author. */
class ProfilePagesTest extends BrowserTest {

    @Test
    void colleagueEditsTheirProfileAndSeesIt() {
        var me = p.add("editor", "Eddie Editor", "Writer", "Comms", "Rome", "alice");
        var page = signIn(me);
        page.navigate("/@editor");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit profile"))
                .click();

        page.getByLabel("Job title").fill("Senior Writer");
        page.getByLabel("Phone").fill("+39 06 1234");
        page.getByLabel("Skills").fill("copywriting, bad skill!");
        page.getByLabel("About you").fill("I write <b>things</b>.");
        page.getByLabel("Label 1").fill("Pronouns");
        page.getByLabel("Value 1").fill("he/him");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save profile"))
                .click();
        assertThat(page.locator("#f-skills-error")).containsText("not a valid skill");
        assertThat(page.getByLabel("Job title")).hasValue("Senior Writer");
        page.navigate("/@editor");
        assertThat(page.locator("#profile-head")).containsText("Writer · Comms");
        assertThat(page.locator("#profile-head")).not().containsText("Senior Writer");

        page.navigate("/settings/profile");
        page.getByLabel("Job title").fill("Senior Writer");
        page.getByLabel("Phone").fill("+39 06 1234");
        page.getByLabel("Skills").fill("copywriting, #Editing");
        page.getByLabel("About you").fill("I write <b>things</b>.");
        page.getByLabel("Label 1").fill("Pronouns");
        page.getByLabel("Value 1").fill("he/him");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save profile"))
                .click();
        assertThat(page.locator(".notice")).containsText("Your profile is saved.");

        page.locator("input[type=file]")
                .setInputFiles(new FilePayload("me.png", "image/png", ProfilesApiTestImages.png(300, 300, Color.BLUE)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload picture"))
                .click();
        assertThat(page.locator(".notice")).containsText("Your new picture is saved.");
        page.locator("input[type=file]")
                .setInputFiles(new FilePayload("notes.png", "image/png", "not an image".getBytes()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload picture"))
                .click();
        assertThat(page.locator("#f-avatar-error")).containsText("PNG, JPEG or GIF");

        page.navigate("/@editor");
        assertThat(page.locator("#profile-head")).containsText("Senior Writer · Comms");
        assertThat(page.locator("#profile-head .bio")).hasText("I write <b>things</b>.");
        var details = page.locator(".profile-details");
        assertThat(details).containsText("+39 06 1234");
        assertThat(details).containsText("Pronouns");
        assertThat(details).containsText("he/him");
        assertThat(details.locator("a.skill[href='/tags/editing']")).hasText("#editing");
        int width = ((Number)
                        page.evaluate(
                                "() => new Promise(r => { const i = new Image(); i.onload = () => r(i.naturalWidth);"
                                        + " i.src = document.querySelector('#profile-head img').src + '?fresh=' + Date.now(); })"))
                .intValue();
        org.assertj.core.api.Assertions.assertThat(width).isEqualTo(400);
    }

    @Test
    void orgChartIsOneClickFromAPostsAuthor() {
        var bobApi = new Api(baseUrl(), p.bob.token());
        org.assertj.core.api.Assertions.assertThat(
                        bobApi.post("/api/v1/statuses", Map.of("status", "Shipping the org chart today"))
                                .status())
                .isEqualTo(200);
        var page = signIn(p.tom);
        page.navigate("/company");
        page.locator("#feed article")
                .filter(new Locator.FilterOptions().setHasText("Shipping the org chart today"))
                .locator("a.name")
                .first()
                .click();
        assertThat(page).hasURL(baseUrl() + "/@bob");
        assertThat(page.locator(".profile-details .org-path")).hasText("Alice Adams › Bob Brown");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Org chart"))
                .click();
        assertThat(page).hasURL(baseUrl() + "/@bob/org");
        assertThat(page.locator(".org-chain li")).hasCount(2);
        assertThat(page.locator(".org-chain li").first()).containsText("Alice Adams");
        assertThat(page.locator(".org-chain li.current")).containsText("Bob Brown");
        assertThat(page.locator(".org-peers")).containsText("Tom Taylor");
        page.locator(".org-chain li").first().getByRole(AriaRole.LINK).click();
        assertThat(page).hasURL(baseUrl() + "/@alice/org");
        assertThat(page.locator(".org-reports")).containsText("Bob Brown");
        assertThat(page.locator(".org-reports")).containsText("Tom Taylor");
    }

    @Test
    void adminDefinesAFieldAndColleaguesFillItWithErrorsNextToIt() {
        var admin = signIn(p.admin);
        admin.navigate("/admin/profile-fields");
        admin.getByLabel("Name").fill("Team site");
        admin.getByLabel("Type").selectOption("link");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add field"))
                .click();
        assertThat(admin.locator(".notice")).containsText("Team site");

        var page = signIn(p.eve);
        page.navigate("/settings/profile");
        page.getByLabel("Team site").fill("ftp://files.example.com");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save profile"))
                .click();
        assertThat(page.locator("[id$='-error']").filter(new Locator.FilterOptions().setHasText("http")))
                .containsText("Team site must be a link");
        page.getByLabel("Team site").fill("https://finance.example.com");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save profile"))
                .click();
        assertThat(page.locator(".notice")).containsText("saved");
        page.navigate("/@eve");
        assertThat(page.locator(".profile-details a[href='https://finance.example.com']"))
                .hasText("https://finance.example.com");
    }

    @Test
    void composeBoxSuggestsColleaguesToMention() {
        var page = signIn(p.tom);
        page.navigate("/");
        var box = page.locator("#compose-text");
        box.click();
        box.pressSequentially("Thanks @engin");
        var list = page.getByRole(AriaRole.LISTBOX);
        assertThat(list).containsText("Bob Brown");
        box.press("Enter");
        assertThat(box).hasValue("Thanks @bob ");
        assertThat(list).hasCount(0);
    }

    @Test
    void peopleDirectoryFiltersByDepartment() {
        var page = signIn(p.alice);
        page.navigate("/people?department=engineering");
        assertThat(page.locator("#people-list")).containsText("Bob Brown");
        assertThat(page.locator("#people-list")).not().containsText("Eve Evans");
        page.navigate("/people");
        page.getByLabel("Search colleagues by name").fill("Accountant");
        assertThat(page.locator("#people-list")).containsText("Eve Evans");
        assertThat(page.locator("#people-list")).not().containsText("Bob Brown");
    }

    @Test
    void profileShowsFeaturedHashtagsCountedForTheReader() {
        var aliceApi = new Api(baseUrl(), p.alice.token());
        var group = aliceApi.post("/api/v1/groups", Map.of("name", "Heron", "privacy", "secret"))
                .body()
                .get("id")
                .asString();
        aliceApi.post("/api/v1/statuses", Map.of("status", "Heron kickoff #heron"));
        aliceApi.post("/api/v1/statuses", Map.of("status", "Heron costs #heron", "group_id", group));
        aliceApi.post("/api/v1/featured_tags", Map.of("name", "heron"));

        var mine = signIn(p.alice);
        mine.navigate("/@alice");
        var featured = mine.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Featured hashtags"));
        assertThat(featured).containsText("#heron");
        assertThat(featured).containsText("2 posts");

        var bobs = signIn(p.bob);
        bobs.navigate("/@alice");
        featured = bobs.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Featured hashtags"));
        assertThat(featured).containsText("1 post");
        featured.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("#heron"))
                .click();
        assertThat(bobs.locator("main")).containsText("Heron kickoff");
        assertThat(bobs.locator("main")).not().containsText("Heron costs");
    }

    @Test
    void pagesAreMarkedWithTheColleaguesLanguage() {
        var me = p.add("sprache", "Sabine Sprache", "Writer", "Comms", "Berlin", null);
        var page = signIn(me);
        page.navigate("/settings/language");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        page.getByLabel("Your language").selectOption("de");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save language"))
                .click();
        assertThat(page.locator("#language-notice")).containsText("saved");
        assertThat(page.getByLabel("Your language")).hasValue("de");
        page.navigate("/");
        assertThat(page.locator("html")).hasAttribute("lang", "de");
        // Error pages too: one of Hallway's and the one for an address nothing answers.
        assertThat(page.navigate("/@alice/12345").status()).isEqualTo(404);
        assertThat(page.locator("html")).hasAttribute("lang", "de");
        assertThat(page.navigate("/no/such/page").status()).isEqualTo(404);
        assertThat(page.locator("html")).hasAttribute("lang", "de");
        // Others' pages keep the network's language.
        var bob = signIn(p.bob);
        assertThat(bob.locator("html")).hasAttribute("lang", "en");
    }
}
