package org.hallway.directory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.hallway.testing.Api;
import org.hallway.testing.CorpDirectory;
import org.hallway.testing.PasswordGrant;
import org.hallway.web.BrowserTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The administrator's audit log records what the directory issue names, each as it happens: directory
 * sign-ins and refusals, accounts created by the directory and by single sign-on, syncs with their
 * results, deactivations (by the directory and by an administrator) and the tokens they revoked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectoryAuditTest extends BrowserTest {
    @Autowired
    DirectoryNetwork directoryNetwork;

    @Autowired
    SyncDirectory syncDirectory;

    CorpDirectory corp;
    Api anonymous;

    @BeforeAll
    void directory() {
        directoryNetwork.bind(p.networkId);
        corp = new CorpDirectory();
        corp.person("cchief", "Carla Chief", "Chief Executive", "Management", "Berlin", null);
        // Enough people that one leaving stays under the sync's mass-disappearance guard (10%).
        for (int i = 1; i <= 11; i++)
            corp.person("ops" + i, "Ops Number" + i, "Operator", "Operations", "Porto", "cchief");
        anonymous = new Api(baseUrl(), null);
    }

    @Test
    @Order(1)
    void auditLogRecordsSignInsAccountCreationSyncsDeactivationsAndRevocations() {
        // A directory sign-in creates the account, a wrong directory password is refused.
        assertThat(grant("ops1", CorpDirectory.PASSWORD).status()).isEqualTo(200);
        assertThat(grant("ops1", "not-the-password").status()).isEqualTo(400);

        // Single sign-on creates a newcomer's account from the claims.
        var page = newPage();
        page.navigate("/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue with Corp Login"))
                .click();
        page.locator("input[name=username]").fill("nina-" + p.networkId);
        page.locator("textarea[name=claims]")
                .fill(
                        """
                        {"email": "nina-%d@example.com", "email_verified": true, "name": "Nina Newcomer",
                         "preferred_username": "nina"}"""
                                .formatted(p.networkId));
        page.locator("input[type=submit]").click();
        page.waitForURL(url -> url.startsWith(baseUrl()) && !url.contains("/login"));
        assertThat(page.locator(".me-name")).hasText("Nina Newcomer");

        // A sync adds the rest; a later one deactivates the one who left the directory.
        var admin = signIn(p.admin);
        admin.navigate("/admin/directory");
        syncNow(admin);
        assertThat(admin.locator(".notice")).containsText("11 added");
        var leaver = grant("ops2", CorpDirectory.PASSWORD);
        assertThat(leaver.status()).isEqualTo(200);
        corp.remove("ops2");
        syncNow(admin);
        assertThat(admin.locator(".notice")).containsText("0 added");
        assertThat(admin.locator(".notice")).containsText("1 deactivated");

        // An administrator deactivates a colleague holding one token.
        var adminApi = anonymous.as(p.admin.token());
        assertThat(adminApi.post("/api/v1/admin/accounts/" + p.tom.idString() + "/action", Map.of("type", "disable"))
                        .status())
                .isEqualTo(200);

        admin.navigate("/admin/audit");
        var log = admin.locator("table.audit-log");
        assertThat(log).containsText("Signed in with LDAP");
        assertThat(log).containsText("Refused sign-in as \"ops1\" (LDAP)");
        assertThat(log).containsText("Account created from LDAP");
        assertThat(log).containsText("Account created from single sign-on");
        assertThat(log).containsText("Signed in with single sign-on");
        assertThat(log).containsText("LDAP sync (");
        assertThat(log).containsText("12 people in the directory: 11 added");
        assertThat(log).containsText("11 people in the directory: 0 added");
        assertThat(log).containsText("1 deactivated");
        assertThat(log).containsText("Deactivated by the LDAP directory");
        assertThat(log).containsText("Deactivated by an administrator");
        assertThat(log).containsText("1 access token revoked, web sessions ended");
        assertThat(admin.locator(
                        "table.audit-log tr", new Page.LocatorOptions().setHasText("Deactivated by an administrator")))
                .containsText("Tom Taylor");
    }

    /** After the first test: the directory holds eleven people, and one more arrives. */
    @Test
    @Order(2)
    void theScheduledSyncRunsLikeSyncNowAndIsRecorded() {
        corp.person("late", "Lena Late", "Operator", "Operations", "Porto", "cchief");
        syncDirectory.scheduled();
        assertThat(grant("late", CorpDirectory.PASSWORD).status()).isEqualTo(200);
        var admin = signIn(p.admin);
        admin.navigate("/admin/audit");
        assertThat(admin.locator("table.audit-log")).containsText("LDAP sync (scheduled)");
        assertThat(admin.locator("table.audit-log tr", new Page.LocatorOptions().setHasText("Lena Late"))
                        .filter(new com.microsoft.playwright.Locator.FilterOptions()
                                .setHasText("Account created from LDAP")))
                .hasCount(1);
    }

    private static void syncNow(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sync now"))
                .click();
        page.waitForLoadState();
    }

    private Api.Response grant(String username, String password) {
        return PasswordGrant.of(anonymous, p.client()).request(username, password, "read");
    }
}
