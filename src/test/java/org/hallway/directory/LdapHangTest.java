package org.hallway.directory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.concurrent.TimeUnit;
import org.hallway.testing.Api;
import org.hallway.testing.CorpDirectory;
import org.hallway.testing.IdentityServers;
import org.hallway.testing.PasswordGrant;
import org.hallway.web.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A directory that accepts connections and then never answers (a hung server, a firewall that drops
 * replies) costs at most the configured timeout ({@code HALLWAY_LDAP_TIMEOUT}, 5 s in the tests):
 * signing in fails with a message that says so (the browser would give up waiting after 15 s), and a
 * sync changes nothing and alerts administrators.
 */
class LdapHangTest extends BrowserTest {
    @Autowired
    DirectoryNetwork directoryNetwork;

    @Autowired
    SyncDirectory sync;

    CorpDirectory corp;

    @BeforeAll
    void directory() {
        directoryNetwork.bind(p.networkId);
        corp = new CorpDirectory();
        corp.person("hchief", "Hana Chief", "Chief Executive", "Management", "Berlin", null);
        corp.person("hdev", "Hugo Dev", "Engineer", "Engineering", "Lisbon", "hchief");
        var first = sync.handle(p.admin.viewer());
        assertThat(first.succeeded()).as(first.message()).isTrue();
    }

    @AfterEach
    void directoryAnswersAgain() {
        IdentityServers.ldapUp();
    }

    @Test
    void signingInAgainstAHungDirectoryFailsWithAClearMessage() {
        IdentityServers.ldapHangs();
        var page = newPage();
        page.navigate("/login");
        page.getByLabel("Work e-mail").fill("hdev");
        page.getByLabel("Password").fill(CorpDirectory.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.locator("#login-error")).containsText("The company directory didn't answer");
        assertThat(page.locator("#login-error")).not().containsText("don't match");

        var grant =
                PasswordGrant.of(new Api(baseUrl(), null), p.client()).request("hdev", CorpDirectory.PASSWORD, "read");
        assertThat(grant.status()).isEqualTo(503);
        assertThat(grant.body().toString()).contains("directory didn't answer");
    }

    @Test
    // A guard, not a measure: the configured timeout is 5 s; without one the sync would wait forever.
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aSyncAgainstAHungDirectoryChangesNothingAndAlertsAdministrators() {
        IdentityServers.ldapHangs();
        var run = sync.handle(p.admin.viewer());
        assertThat(run.succeeded()).isFalse();
        assertThat(run.message()).contains("did not answer").contains("Nothing was changed.");
        IdentityServers.ldapUp();

        var page = signIn(p.admin);
        page.navigate("/admin/directory");
        assertThat(page.locator("#directory-alert")).containsText("The last directory sync failed.");
        assertThat(page.locator("#directory-alert")).containsText("Nothing was changed.");
        var admin = new Api(baseUrl(), p.admin.token());
        for (var username : java.util.List.of("hdev", "hchief")) {
            var found = admin.get("/api/v1/accounts/lookup?acct=" + username);
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.body().get("deactivated").asBoolean()).as(username).isFalse();
        }
    }
}
