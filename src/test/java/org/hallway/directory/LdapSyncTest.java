package org.hallway.directory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.hallway.testing.Api;
import org.hallway.testing.CorpDirectory;
import org.hallway.testing.IdentityServers;
import org.hallway.web.BrowserTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The directory keeps accounts current: a sync adds newcomers, refreshes work context and managers,
 * deactivates leavers at once (tokens and sessions included), and a broken directory changes nothing
 * but raises an alert for administrators.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LdapSyncTest extends BrowserTest {
    @Autowired
    DirectoryNetwork directoryNetwork;

    @Autowired
    DirectoryGroupStore groups;

    CorpDirectory corp;
    Api admin;
    Api anonymous;

    @BeforeAll
    void directory() {
        directoryNetwork.bind(p.networkId);
        corp = new CorpDirectory();
        corp.person("cchief", "Carla Chief", "Chief Executive", "Management", "Berlin", null);
        corp.person("mlead", "Mia Lead", "Head of Engineering", "Engineering", "Berlin", "cchief");
        for (int i = 1; i <= 10; i++) {
            corp.person("dev" + i, "Dev Number" + i, "Engineer", "Engineering", "Lisbon", "mlead");
        }
        corp.group("engineering", "mlead", "dev1", "dev2", "dev3");
        anonymous = new Api(baseUrl(), null);
        admin = anonymous.as(p.admin.token());
    }

    @Test
    @Order(1)
    void syncAddsUpdatesAndDeactivatesColleaguesAndResolvesTheirManagers() {
        var page = signIn(p.admin);
        page.navigate("/admin/directory");
        syncNow(page);
        assertThat(page.locator(".notice")).containsText("Synced: 12 added, 0 updated, 0 deactivated.");

        var dev1 = lookup("dev1");
        assertThat(dev1.get("display_name").asString()).isEqualTo("Dev Number1");
        assertThat(dev1.get("title").asString()).isEqualTo("Engineer");
        assertThat(dev1.get("location").asString()).isEqualTo("Lisbon");
        assertThat(dev1.get("manager").get("username").asString()).isEqualTo("mlead");
        assertThat(lookup("mlead").get("manager").get("username").asString()).isEqualTo("cchief");
        assertThat(groups.groups(p.networkId, "ldap").get("engineering")).hasSize(4);

        // dev2 is signed in on the web and holds an API token when they leave the company.
        var dev2Page = newPage();
        dev2Page.navigate("/login");
        dev2Page.getByLabel("Work e-mail").fill("dev2");
        dev2Page.getByLabel("Password").fill(CorpDirectory.PASSWORD);
        dev2Page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(dev2Page.locator(".me-name")).hasText("Dev Number2");
        var dev2Token = grant("dev2").body().get("access_token").asString();
        assertThat(anonymous
                        .as(dev2Token)
                        .get("/api/v1/accounts/verify_credentials")
                        .status())
                .isEqualTo(200);

        corp.set("dev1", "title", "Staff Engineer");
        corp.set("dev3", "manager", CorpDirectory.dn("cchief"));
        corp.remove("dev2");
        syncNow(page);
        assertThat(page.locator(".notice")).containsText("Synced: 0 added, 2 updated, 1 deactivated.");

        assertThat(lookup("dev1").get("title").asString()).isEqualTo("Staff Engineer");
        assertThat(lookup("dev3").get("manager").get("username").asString()).isEqualTo("cchief");
        assertThat(lookup("dev2").get("deactivated").asBoolean()).isTrue();
        assertThat(groups.groups(p.networkId, "ldap").get("engineering")).hasSize(3);

        assertThat(anonymous
                        .as(dev2Token)
                        .get("/api/v1/accounts/verify_credentials")
                        .status())
                .isEqualTo(401);
        dev2Page.navigate("/");
        assertThat(dev2Page).hasURL(Pattern.compile(".*/login\\?deactivated$"));
        assertThat(grant("dev2").status()).isEqualTo(400);

        // Only the manager's entry changes: the cards of her reports name her by her new name.
        assertThat(lookup("dev4").get("manager").get("display_name").asString()).isEqualTo("Mia Lead");
        corp.set("mlead", "displayName", "Mia Lead-Santos");
        syncNow(page);
        assertThat(page.locator(".notice")).containsText("Synced: 0 added, 1 updated, 0 deactivated.");
        assertThat(lookup("dev4").get("manager").get("display_name").asString()).isEqualTo("Mia Lead-Santos");
    }

    @Test
    @Order(2)
    void aSyncAgainstADirectoryThatIsDownChangesNothingAndAlertsAdministrators() {
        IdentityServers.ldapDown();
        try {
            var page = signIn(p.admin);
            page.navigate("/admin/directory");
            syncNow(page);
            assertThat(page.locator("#directory-alert")).containsText("The last directory sync failed.");
            assertThat(page.locator("#directory-alert")).containsText("Nothing was changed.");
            page.navigate("/admin");
            assertThat(page.locator("#directory-alert")).containsText("failed");
        } finally {
            IdentityServers.ldapUp();
        }
        assertThat(lookup("dev1").get("deactivated").asBoolean()).isFalse();
        assertThat(lookup("cchief").get("deactivated").asBoolean()).isFalse();
    }

    @Test
    @Order(3)
    void aDirectoryWhereHalfTheCompanyVanishedChangesNothingAndAlertsAdministrators() {
        for (int i = 4; i <= 9; i++) corp.remove("dev" + i);
        var page = signIn(p.admin);
        page.navigate("/admin/directory");
        syncNow(page);
        assertThat(page.locator("#directory-alert")).containsText("The last directory sync was stopped.");
        assertThat(page.locator("#directory-alert")).containsText("5 people, 11 at the last sync: 55% fewer");
        assertThat(page.locator("table.sync-runs tbody tr").first()).containsText("refused");
        for (int i = 4; i <= 9; i++) {
            assertThat(lookup("dev" + i).get("deactivated").asBoolean()).isFalse();
        }
        // The bystander colleague who was never in the directory is untouched as well.
        assertThat(lookup("bob").get("deactivated").asBoolean()).isFalse();
    }

    private static void syncNow(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sync now"))
                .click();
        page.waitForLoadState();
    }

    private tools.jackson.databind.JsonNode lookup(String username) {
        var found = admin.get("/api/v1/accounts/lookup?acct=" + username);
        org.assertj.core.api.Assertions.assertThat(found.status()).as(username).isEqualTo(200);
        return found.body();
    }

    private Api.Response grant(String username) {
        return org.hallway.testing.PasswordGrant.of(anonymous, p.client())
                .request(username, CorpDirectory.PASSWORD, "read");
    }
}
