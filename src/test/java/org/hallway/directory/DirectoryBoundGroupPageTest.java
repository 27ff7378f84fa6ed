package org.hallway.directory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.hallway.testing.CorpDirectory;
import org.hallway.web.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A network administrator binds a group to a directory group on the group's settings page. */
class DirectoryBoundGroupPageTest extends BrowserTest {
    @Autowired
    DirectoryNetwork directoryNetwork;

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
        assertThat(admin.locator(".directory-bound")).hasText("Members come from the company directory.");
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
}
