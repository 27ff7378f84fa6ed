package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Administrators add webhooks on their page, with errors next to the fields, and read the delivery log. */
class AdminWebhooksPageTest extends BrowserTest {

    @Test
    void adminAddsAWebhookAndSeesItsDeliveriesInTheLog() {
        var admin = signIn(p.admin);
        admin.navigate("/admin");
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webhooks"))
                .click();
        admin.waitForURL("**/admin/webhooks");

        admin.getByLabel("URL").fill("ftp://chat.example.com/hook");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add webhook"))
                .click();
        assertThat(admin.locator("#f-url-error")).containsText("http or https");
        assertThat(admin.getByLabel("URL")).hasValue("ftp://chat.example.com/hook");

        admin.getByLabel("URL").fill("http://127.0.0.1:9/hooks/chat?room=ops&kind=1");
        admin.getByLabel("An account is created").check();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add webhook"))
                .click();
        assertThat(admin.locator("#webhook-notice")).containsText("Its secret (shown only now)");
        assertThat(admin.locator("#webhooks")).containsText("http://127.0.0.1:9/hooks/chat?room=ops&kind=1");
        assertThat(admin.locator("#webhooks")).containsText("account.created");

        p.add("nina", "Nina New", "", "", "", null);
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> {
            admin.navigate("/admin/webhooks");
            return admin.locator("#deliveries tbody tr").count() == 1;
        });
        assertThat(admin.locator("#deliveries tbody tr")).containsText("account.created");
        assertThat(admin.locator("#deliveries tbody tr")).containsText("pending");

        var eve = signIn(p.eve);
        var refused = eve.navigate("/admin/webhooks");
        org.assertj.core.api.Assertions.assertThat(refused.status()).isIn(403, 404);
    }
}
