package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.Test;

/** Administrators add colleagues and deactivate those who left; nobody else gets in. */
class AdminPagesTest extends BrowserTest {

    @Test
    void adminAddsColleagueWithErrorsNextToFieldsThenDeactivatesThem() {
        var admin = signIn(p.admin);
        admin.navigate("/admin");
        admin.getByLabel("Display name").fill("Dora Diaz");
        admin.getByLabel("Username", new Page.GetByLabelOptions().setExact(true))
                .fill("dora diaz");
        admin.getByLabel("E-mail").fill("dora-" + p.networkId + "@example.com");
        admin.getByLabel("Initial password").fill(Personas.PASSWORD);
        admin.getByLabel("Manager's username").fill("alice");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add colleague"))
                .click();
        assertThat(admin.locator("#f-username-error")).containsText("Username must be");
        assertThat(admin.getByLabel("Display name")).hasValue("Dora Diaz");
        admin.getByLabel("Username", new Page.GetByLabelOptions().setExact(true))
                .fill("dora");
        admin.getByLabel("Initial password").fill(Personas.PASSWORD);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add colleague"))
                .click();
        assertThat(admin.locator(".notice")).containsText("Dora Diaz (@dora) can sign in now.");

        var dora = signIn(new Personas.Persona(null, null, null, "dora-" + p.networkId + "@example.com"));
        assertThat(dora.locator(".me-name")).hasText("Dora Diaz");
        dora.navigate("/@dora");
        assertThat(dora.locator("#profile-head a[href='/@alice']")).hasText("Alice Adams");

        admin.onceDialog(d -> d.accept());
        var row = admin.locator(".admin-list li").filter(new Locator.FilterOptions().setHasText("@dora"));
        row.getByRole(AriaRole.BUTTON).click();
        assertThat(admin.locator(".notice")).containsText("Dora Diaz is deactivated");
        assertThat(admin.locator(".admin-list li").filter(new Locator.FilterOptions().setHasText("@dora")))
                .containsText("Former colleague");

        dora.navigate("/");
        assertThat(dora).hasURL(Pattern.compile(".*/login\\?deactivated$"));
        assertThat(dora.getByRole(AriaRole.ALERT)).containsText("deactivated");
        dora.getByLabel("Work e-mail").fill("dora-" + p.networkId + "@example.com");
        dora.getByLabel("Password").fill(Personas.PASSWORD);
        dora.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(dora).hasURL(Pattern.compile(".*/login\\?error$"));
    }

    @Test
    void adminAddsAGuestWhoSeesNoColleagueOutsideTheirGroups() {
        var admin = signIn(p.admin);
        admin.navigate("/admin");
        admin.getByLabel("Display name").fill("Gail Guest");
        admin.getByLabel("Username", new Page.GetByLabelOptions().setExact(true))
                .fill("gail");
        admin.getByLabel("E-mail").fill("gail-" + p.networkId + "@partner.example");
        admin.getByLabel("Initial password").fill(Personas.PASSWORD);
        admin.getByLabel("Guest (a partner or contractor)").check();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add colleague"))
                .click();
        assertThat(admin.locator(".notice")).containsText("Gail Guest (@gail) can sign in now, as a guest");
        assertThat(admin.locator(".admin-list li").filter(new Locator.FilterOptions().setHasText("@gail")))
                .containsText("Guest");

        var gail = signIn(new Personas.Persona(null, null, null, "gail-" + p.networkId + "@partner.example"));
        assertThat(gail.locator(".me-name")).hasText("Gail Guest");
        // No company-wide pages in her navigation, and, in no group yet, no colleague's profile.
        assertThat(gail.locator("a[href='/company']")).hasCount(0);
        assertThat(gail.locator("a[href='/people']")).hasCount(0);
        assertThat(gail.navigate("/@alice").status()).isEqualTo(404);
    }

    @Test
    void colleaguesWhoAreNotAdministratorsCannotOpenAdministration() {
        var bob = signIn(p.bob);
        assertThat(bob.navigate("/admin").status()).isEqualTo(403);
        assertThat(bob.locator("nav a[href='/admin']")).hasCount(0);
    }

    @Test
    void adminSeesAnOpenReportWithItsPostsAndResolvesIt() {
        var tomApi = new org.hallway.testing.Api(baseUrl(), p.tom.token());
        var offending = tomApi.post("/api/v1/statuses", java.util.Map.of("status", "Selling my old <b>laptop</b>"))
                .body()
                .get("id")
                .asString();
        var aliceApi = new org.hallway.testing.Api(baseUrl(), p.alice.token());
        assertThat(aliceApi.post(
                                "/api/v1/reports",
                                java.util.Map.of(
                                        "account_id",
                                        p.tom.idString(),
                                        "status_ids",
                                        java.util.List.of(offending),
                                        "comment",
                                        "Not the place for <i>sales</i>"))
                        .status())
                .isEqualTo(200);

        var admin = signIn(p.admin);
        admin.navigate("/admin");
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reports"))
                .first()
                .click();
        var report = admin.locator(".report")
                .filter(new Locator.FilterOptions().setHasText("Not the place for <i>sales</i>"));
        assertThat(report).containsText("Alice Adams reported Tom");
        assertThat(report.locator("article")).containsText("Selling my old <b>laptop</b>");
        report.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark as resolved"))
                .click();
        assertThat(admin.locator("#report-notice")).containsText("resolved");
        assertThat(admin.locator("main")).not().containsText("Not the place for");

        // The administrator was told in their notifications too.
        admin.navigate("/notifications");
        assertThat(admin.locator("main")).containsText("reported a colleague");
        var tom = signIn(p.tom);
        tom.navigate("/notifications");
        assertThat(tom.locator("main")).not().containsText("reported");
    }
}
