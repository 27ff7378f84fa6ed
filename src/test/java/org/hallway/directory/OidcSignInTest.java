package org.hallway.directory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.hallway.shared.InvalidInputException;
import org.hallway.testing.Personas;
import org.hallway.web.BrowserTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Single sign-on through the company's OpenID Connect provider (mock-oauth2-server's interactive
 * login form), switching Hallway's own passwords off, and the audit log that records it all.
 */
class OidcSignInTest extends BrowserTest {
    @Autowired
    DirectoryNetwork directoryNetwork;

    @Autowired
    SwitchLocalPasswords switchLocalPasswords;

    @Autowired
    org.hallway.testing.PersonaFactory personas;

    @BeforeAll
    void directory() {
        directoryNetwork.bind(p.networkId);
    }

    @Test
    void firstSingleSignOnCreatesTheAccountFromTheClaimsAndTheNextOneUpdatesIt() {
        var subject = "olga-" + p.networkId;
        var email = "olga-" + p.networkId + "@example.com";
        var page = newPage();
        ssoSignIn(
                page,
                subject,
                """
                {"email": "%s", "email_verified": true, "name": "Olga Olsen", "preferred_username": "olga",
                 "title": "Data Scientist", "department": "Research", "locality": "Oslo", "manager": "%s"}"""
                        .formatted(email, p.alice.email()));
        assertThat(page.locator(".me-name")).hasText("Olga Olsen");
        page.navigate("/@olga");
        assertThat(page.locator("#profile-head .profile-work")).containsText("Data Scientist");
        assertThat(page.locator("#profile-head .profile-work")).containsText("Research");
        assertThat(page.locator("#profile-head .facts")).containsText("Oslo");
        assertThat(page.locator("#profile-head a[href='/@alice']")).hasText("Alice Adams");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/login\\?logout$"));

        ssoSignIn(
                page,
                subject,
                """
                {"email": "%s", "email_verified": true, "name": "Olga Olsen-Berg", "preferred_username": "olga",
                 "title": "Lead Data Scientist", "department": "Research", "locality": "Bergen"}"""
                        .formatted(email));
        assertThat(page.locator(".me-name")).hasText("Olga Olsen-Berg");
        page.navigate("/@olga");
        assertThat(page.locator("#profile-head .profile-work")).containsText("Lead Data Scientist");
        assertThat(page.locator("#profile-head .facts")).containsText("Bergen");

        // Another colleague sees the same person, once.
        var alice = signIn(p.alice);
        alice.navigate("/@olga");
        assertThat(alice.locator("#profile-name")).hasText("Olga Olsen-Berg");
    }

    @Test
    void aVerifiedEmailLinksSingleSignOnToTheAccountAnAdministratorMadeByHand() {
        var page = newPage();
        ssoSignIn(
                page,
                "tom-at-idp-" + p.networkId,
                """
                {"email": "%s", "email_verified": true, "title": "Principal Designer"}"""
                        .formatted(p.tom.email()));
        assertThat(page.locator(".me-name")).hasText("Tom Taylor");
        page.navigate("/@tom");
        assertThat(page.locator("#profile-head .profile-work")).containsText("Principal Designer");
    }

    @Test
    void administratorsSwitchHallwayPasswordsOffAndKeepTheirOwnForEmergencies() {
        var admin = signIn(p.admin);
        admin.navigate("/admin/directory");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch Hallway passwords off"))
                .click();
        assertThat(admin.locator(".notice")).containsText("Hallway passwords are off");
        try {
            var eve = newPage();
            eve.navigate("/login");
            eve.getByLabel("Work e-mail").fill(p.eve.email());
            eve.getByLabel("Password").fill(Personas.PASSWORD);
            eve.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                    .click();
            assertThat(eve).hasURL(Pattern.compile(".*/login\\?error$"));

            // The break-glass way in: administrators keep their password.
            var again = signIn(p.admin);
            assertThat(again.locator(".me-name")).hasText("Ada Admin");
        } finally {
            admin.navigate("/admin/directory");
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch Hallway passwords on"))
                    .click();
            assertThat(admin.locator(".notice")).containsText("sign in with a Hallway password again");
        }
        signIn(p.eve);

        // A network that no single sign-on serves keeps its passwords.
        var elsewhere = personas.create();
        assertThatThrownBy(() -> switchLocalPasswords.handle(elsewhere.admin.viewer(), false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Set up single sign-on");
    }

    @Test
    void theAuditLogShowsSignInsAndRefusalsToAdministratorsOnly() {
        var stranger = newPage();
        stranger.navigate("/login");
        stranger.getByLabel("Work e-mail").fill(p.bob.email());
        stranger.getByLabel("Password").fill("wrong password, twice wrong");
        stranger.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(stranger).hasURL(Pattern.compile(".*/login\\?error$"));

        var api = new org.hallway.testing.Api(baseUrl(), null);
        var token =
                org.hallway.testing.PasswordGrant.of(api, p.client()).token(p.tom.email(), Personas.PASSWORD, "read");
        var revoke = new java.util.HashMap<>(p.client());
        revoke.put("token", token);
        org.assertj.core.api.Assertions.assertThat(
                        api.postForm("/oauth/revoke", revoke).status())
                .isEqualTo(200);

        var admin = signIn(p.admin);
        admin.navigate("/admin/audit");
        assertThat(admin.locator("table.audit-log .audit-token_revoked").first())
                .containsText("Tom Taylor");
        assertThat(admin.locator("table.audit-log")).containsText("Refused sign-in as \"" + p.bob.email() + "\"");
        assertThat(admin.locator("table.audit-log .audit-sign_in").first()).containsText("Signed in with password");

        var bob = signIn(p.bob);
        org.assertj.core.api.Assertions.assertThat(bob.navigate("/admin/audit").status())
                .isEqualTo(403);
    }

    private void ssoSignIn(Page page, String subject, String claims) {
        page.navigate("/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue with Corp Login"))
                .click();
        page.locator("input[name=username]").fill(subject);
        page.locator("textarea[name=claims]").fill(claims);
        page.locator("input[type=submit]").click();
        page.waitForURL(url -> url.startsWith(baseUrl()) && !url.contains("/login"));
    }
}
