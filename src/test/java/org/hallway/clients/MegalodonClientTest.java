package org.hallway.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import javax.imageio.ImageIO;
import org.hallway.testing.Api;
import org.hallway.testing.ClientProgram;
import org.hallway.web.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * Runs the real megalodon client (npm megalodon 10.0.0, clients/megalodon) as a desktop app signs in:
 * it detects the server kind from nodeinfo and registers an app; the person signs in and approves in
 * the browser and copies the out-of-band code; the client exchanges it for a token, opens the user
 * stream over WebSocket, uploads an image and posts it with a poll and sees the post arrive on the
 * stream, replies, favourites, bookmarks, reads home, searches, follows and reads notifications.
 */
class MegalodonClientTest extends BrowserTest {
    private static final ClientProgram CLIENT = ClientProgram.in("megalodon");

    @Test
    void megalodonSignsInThroughTheBrowserAndUsesTheDailySurface() throws Exception {
        ClientProgram.require(
                ClientProgram.available("node", "--version"), "node is not installed: the megalodon client cannot run");
        var install = CLIENT.npmInstall("megalodon");
        assertThat(install.exit()).as("npm ci: %s", install.output()).isZero();

        var registered = CLIENT.run(60, "node", "register.mjs", baseUrl());
        assertThat(registered.exit())
                .as("megalodon output: %s", registered.output())
                .isZero();
        var app = registered.lastJson();
        assertThat(app.get("sns").asString()).isEqualTo("mastodon");

        // The person approves the app in the browser; the out-of-band page shows the code to copy.
        var page = signIn(p.tom);
        page.navigate(app.get("authorizeUrl").asString());
        assertThat(page.locator("h1").textContent()).contains("megalodon check");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Authorize"))
                .click();
        var code = page.getByLabel("Code").inputValue();

        // Someone follows tom first, so that his notifications have something to show.
        new Api(baseUrl(), p.alice.token())
                .post("/api/v1/accounts/" + p.tom.account().id() + "/follow");

        var image = Files.createTempFile("red-square", ".png");
        ImageIO.write(new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
        var result = CLIENT.run(
                120,
                "node",
                "check.mjs",
                baseUrl(),
                app.get("clientId").asString(),
                app.get("clientSecret").asString(),
                code,
                p.bob.account().username(),
                image.toAbsolutePath().toString());
        Files.delete(image);
        assertThat(result.exit()).as("megalodon output: %s", result.output()).isZero();

        var seen = result.lastJson();
        var posted = seen.get("postedId").asString();
        assertThat(seen.get("username").asString()).isEqualTo("tom");
        assertThat(seen.get("postedContent").asString()).contains("Hello from megalodon");
        assertThat(seen.get("streamedId").asString()).isEqualTo(posted);
        assertThat(seen.get("mediaDescription").asString()).isEqualTo("A small red square");
        assertThat(seen.get("pollOptions").toString()).isEqualTo("[\"Tea\",\"Coffee\"]");
        assertThat(seen.get("replyTo").asString()).isEqualTo(posted);
        assertThat(seen.get("replyIds").toString()).contains(seen.get("replyId").asString());
        assertThat(seen.get("favourited").asBoolean()).isTrue();
        assertThat(seen.get("bookmarked").asBoolean()).isTrue();
        assertThat(seen.get("homeIds").toString()).contains(posted);
        assertThat(seen.get("following").asBoolean()).isTrue();
        assertThat(seen.get("foundAccounts").toString()).contains("bob");
        assertThat(seen.get("notificationTypes").toString()).contains("follow");

        var tom = new Api(baseUrl(), p.tom.token());
        var status = tom.get("/api/v1/statuses/" + posted).body();
        assertThat(status.get("favourites_count").asInt()).isEqualTo(1);
        assertThat(status.get("replies_count").asInt()).isEqualTo(1);
        assertThat(tom.get("/api/v1/accounts/relationships?id[]="
                                + p.bob.account().id())
                        .body()
                        .get(0)
                        .get("following")
                        .asBoolean())
                .isTrue();
    }
}
