package org.hallway.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import javax.imageio.ImageIO;
import org.hallway.testing.ApiTest;
import org.hallway.testing.ClientProgram;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.Test;

/**
 * Runs Mastodon.py (Debian's python3-mastodon, clients/mastodonpy/check.py) against the running
 * server: it registers an app, signs in with the password grant, opens the user stream (Mastodon's
 * streaming over plain HTTP), uploads an image and posts it with a poll and sees the post arrive on the
 * stream, replies, favourites, bookmarks, reads home and the thread, follows, searches and reads
 * notifications.
 */
class MastodonPyClientTest extends ApiTest {
    private static final ClientProgram CLIENT = ClientProgram.in("mastodonpy");
    private static final String PYTHON = "/usr/bin/python3";

    @Test
    void mastodonPySignsInAndUsesTheDailySurface() throws Exception {
        ClientProgram.require(
                ClientProgram.available(PYTHON, "-c", "import mastodon"),
                "python3-mastodon is not installed (apt-get install python3-mastodon)");
        follow(alice, p.tom);
        var image = Files.createTempFile("red-square", ".png");
        ImageIO.write(new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB), "png", image.toFile());

        var result = CLIENT.run(
                120,
                PYTHON,
                "check.py",
                baseUrl(),
                p.tom.email(),
                Personas.PASSWORD,
                p.bob.account().username(),
                image.toString());
        Files.delete(image);
        assertThat(result.exit()).as("Mastodon.py output: %s", result.output()).isZero();

        var seen = result.lastJson();
        var posted = seen.get("postedId").asString();
        assertThat(seen.get("username").asString()).isEqualTo("tom");
        assertThat(seen.get("postedContent").asString()).contains("Hello from Mastodon.py");
        assertThat(seen.get("streamedId").asString()).isEqualTo(posted);
        assertThat(seen.get("mediaDescription").asString()).isEqualTo("A small red square");
        assertThat(seen.get("mediaWidth").asInt()).isEqualTo(6);
        assertThat(seen.get("pollOptions").toString()).isEqualTo("[\"Tea\",\"Coffee\"]");
        assertThat(seen.get("replyTo").asString()).isEqualTo(posted);
        assertThat(seen.get("replyIds").toString()).contains(seen.get("replyId").asString());
        assertThat(seen.get("favourited").asBoolean()).isTrue();
        assertThat(seen.get("bookmarked").asBoolean()).isTrue();
        assertThat(seen.get("homeIds").toString()).contains(posted);
        assertThat(seen.get("following").asBoolean()).isTrue();
        assertThat(seen.get("foundAccounts").toString()).contains("bob");
        assertThat(seen.get("notificationTypes").toString()).contains("follow");

        var status = tom.get("/api/v1/statuses/" + posted).body();
        assertThat(status.get("favourited").asBoolean()).isTrue();
        assertThat(status.get("bookmarked").asBoolean()).isTrue();
        assertThat(status.get("replies_count").asInt()).isEqualTo(1);
    }
}
