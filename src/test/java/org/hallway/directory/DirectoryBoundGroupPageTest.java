package org.hallway.directory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.Duration;
import java.util.Map;
import org.hallway.testing.Api;
import org.hallway.testing.CorpDirectory;
import org.hallway.web.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A network administrator binds a group to a directory group on the group's settings page; the group
 * then says where its members come from, offers no way to change them by hand, and tells whoever the
 * directory drops.
 */
class DirectoryBoundGroupPageTest extends BrowserTest {
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final String PASSWORD = "dana-in-design-1";

    @Autowired
    DirectoryNetwork directoryNetwork;

    @Autowired
    CreateScimToken scimTokens;

    @Autowired
    SyncDirectory sync;

    @Test
    void administratorPicksTheDirectoryGroupAndItsPeopleBecomeMembers() {
        directoryNetwork.bind(p.networkId);
        var corp = new CorpDirectory();
        corp.person("fboss", "Fran Finance", "CFO", "Finance", "Paris", null);
        corp.person("fclerk", "Fred Clerk", "Clerk", "Finance", "Paris", "fboss");
        corp.group("finance-team", "fboss", "fclerk");
        sync.handle(p.admin.viewer());

        var admin = signIn(p.admin);
        admin.navigate("/groups/new");
        admin.getByLabel("Name").fill("Finance");
        admin.getByLabel("Secret: only members know it exists; invitation only").check();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create group"))
                .click();
        assertThat(admin.locator("#group-name")).hasText("Finance");
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit group"))
                .click();
        admin.getByLabel("Members from the directory")
                .selectOption(new SelectOption().setLabel("finance-team (LDAP, 2 people)"));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes"))
                .click();
        assertThat(admin.locator(".directory-bound"))
                .hasText("Members come from the company directory group finance-team: whoever it lists is a member,"
                        + " and nobody joins, leaves or is added by hand.");
        assertThat(admin.locator("#members")).containsText("Fran Finance");
        assertThat(admin.locator("#members")).containsText("Fred Clerk");

        // A group administrator who is not a network administrator is not offered the choice.
        var alice = signIn(p.alice);
        alice.navigate("/groups/new");
        alice.getByLabel("Name").fill("Alice's");
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create group"))
                .click();
        alice.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit group"))
                .click();
        assertThat(alice.getByLabel("Name")).isVisible();
        assertThat(alice.getByLabel("Members from the directory")).hasCount(0);
    }

    @Test
    void membersPageSaysMembershipFollowsTheDirectoryAndTheDroppedColleagueIsTold() {
        var scim =
                new Api(baseUrl(), scimTokens.handle(p.admin.viewer(), "Entra").secret());
        var email = "dana" + System.nanoTime() + "@corp.example";
        var dana = send(
                scim,
                "POST",
                "/Users",
                """
                {"schemas":["%s"],"userName":"%s","password":"%s","active":true,"displayName":"Dana Design",
                 "name":{"formatted":"Dana Design"},"emails":[{"primary":true,"value":"%s"}]}"""
                        .formatted(USER, email, PASSWORD, email));
        var team = send(
                scim,
                "POST",
                "/Groups",
                """
                {"schemas":["%s"],"displayName":"Design <team>","members":[{"value":"%s"}]}"""
                        .formatted(GROUP, dana));
        var admin = new Api(baseUrl(), p.admin.token());
        var group = admin.post("/api/v1/groups", Map.of("name", "Design", "privacy", "public"))
                .body()
                .get("id")
                .asString();
        assertThat(admin.put("/api/v1/groups/" + group, Map.of("directory_group_id", team))
                        .status())
                .isEqualTo(200);

        var adminPage = signIn(p.admin);
        adminPage.navigate("/groups/" + group);
        assertThat(adminPage.locator("#directory-bound")).containsText("Design <team>");
        assertThat(adminPage.locator("#members-from-directory"))
                .containsText("Membership follows the directory group Design <team>");
        assertThat(adminPage.getByLabel("Invite by username")).hasCount(0);
        assertThat(adminPage.locator("#members")).containsText("Dana Design");
        assertThat(adminPage.locator("#members button")).hasCount(0);

        var danaPage = newPage();
        danaPage.navigate("/login");
        danaPage.getByLabel("Work e-mail").fill(email);
        danaPage.getByLabel("Password").fill(PASSWORD);
        danaPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        danaPage.waitForURL(url -> !url.contains("/login"));
        danaPage.navigate("/groups/" + group);
        assertThat(danaPage.locator("#member-by-directory")).isVisible();
        assertThat(danaPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Leave group")))
                .hasCount(0);

        var eve = signIn(p.eve);
        eve.navigate("/groups/" + group);
        assertThat(eve.locator("#directory-bound")).isVisible();
        assertThat(eve.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join group")))
                .hasCount(0);

        send(
                scim,
                "PATCH",
                "/Groups/" + team,
                """
                {"schemas":["%s"],"Operations":[{"op":"Remove","path":"members[value eq \\"%s\\"]"}]}"""
                        .formatted(PATCH, dana));
        var line = danaPage.locator("#notifications [data-type=group_removed]");
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            danaPage.navigate("/notifications");
            return line.count() > 0;
        });
        assertThat(line).containsText("You are no longer a member of Design");
        assertThat(line.locator("a.notification-group")).hasAttribute("href", "/groups/" + group);
        adminPage.navigate("/groups/" + group);
        assertThat(adminPage.locator("#members")).not().containsText("Dana Design");
    }

    private static String send(Api scim, String method, String path, String json) {
        var response = scim.send(method, "/scim/v2" + path, "application/scim+json", json);
        assertThat(response.status()).as("%s", response.raw().body()).isBetween(200, 201);
        return response.body().get("id") == null
                ? ""
                : response.body().get("id").asString();
    }
}
