package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.hallway.testing.Api;
import org.junit.jupiter.api.Test;

/** An administrator creates a provisioning token for the identity provider, sees it once, revokes it. */
class ProvisioningPageTest extends BrowserTest {

    @Test
    void adminCreatesTokenThatProvisionsThenRevokesIt() {
        var admin = signIn(p.admin);
        admin.navigate("/admin");
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Provisioning (SCIM)"))
                .click();
        assertThat(admin.locator("#scim-url")).hasText(baseUrl() + "/scim/v2");

        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token"))
                .click();
        assertThat(admin.locator("#f-name-error")).containsText("Name can't be blank");

        admin.getByLabel("Token name").fill("Okta <production>");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token"))
                .click();
        var secret = admin.locator("#new-token").textContent().strip();
        assertThat(secret).startsWith("scim_");
        var row = admin.locator(".scim-tokens li").filter(new Locator.FilterOptions().setHasText("Okta <production>"));
        assertThat(row).containsText("never used");

        var idp = new Api(baseUrl(), secret);
        assertThat(idp.get("/scim/v2/Users").status()).isEqualTo(200);

        admin.navigate("/admin/provisioning");
        assertThat(admin.locator("#new-token")).hasCount(0);
        assertThat(row).containsText("last used");
        admin.onceDialog(d -> d.accept());
        row.getByRole(AriaRole.BUTTON).click();
        assertThat(admin.locator(".notice")).containsText("revoked");
        assertThat(row).containsText("Revoked");
        assertThat(idp.get("/scim/v2/Users").status()).isEqualTo(401);
    }

    @Test
    void colleaguesWhoAreNotAdministratorsCannotOpenProvisioning() {
        var bob = signIn(p.bob);
        assertThat(bob.navigate("/admin/provisioning").status()).isEqualTo(403);
    }
}
