package org.hallway.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.util.Map;
import javax.imageio.ImageIO;
import org.hallway.testing.ApiTest;
import org.hallway.testing.ClientProgram;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs Debian's {@code toot} command-line client against the running server, command by command as
 * a person types them: log in with e-mail and password, post with an image, reply, favourite,
 * bookmark, follow, read home and the thread, search and read notifications. Its configuration lives
 * in a directory of its own. (toot 0.34 composes no polls and streams only in its full-screen mode.)
 */
class TootClientTest extends ApiTest {
    private ClientProgram toot;

    @BeforeAll
    void configure() throws Exception {
        var config = Files.createTempDirectory("toot-config");
        config.toFile().deleteOnExit();
        toot = ClientProgram.in("toot").withEnvironment(Map.of("XDG_CONFIG_HOME", config.toString()));
    }

    @Test
    void tootLogsInPostsRepliesAndReads() throws Exception {
        ClientProgram.require(ClientProgram.available("toot", "env"), "toot is not installed (apt-get install toot)");
        follow(alice, p.tom);
        var host = URI.create(baseUrl()).getAuthority();

        var login = toot.runWithInput(
                60,
                Personas.PASSWORD,
                "toot",
                "login_cli",
                "--instance",
                host,
                "--disable-https",
                "--email",
                p.tom.email());
        assertThat(login.output()).as("toot login_cli").contains("Successfully logged in");
        assertThat(ok("whoami")).contains("@tom");

        var image = Files.createTempFile("red-square", ".png");
        ImageIO.write(new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
        var posted = statusId(ok(
                "post",
                "Hello from toot #clients",
                "--media",
                image.toString(),
                "--description",
                "A small red square"));
        Files.delete(image);
        var reply = statusId(ok("post", "a reply from toot", "--reply-to", posted));
        assertThat(ok("favourite", posted)).contains("favourited");
        assertThat(ok("bookmark", posted)).contains("bookmarked");
        assertThat(ok("follow", p.bob.account().username())).contains("now following");

        assertThat(ok("timeline", "--once", "--count", "20")).contains("Hello from toot");
        assertThat(ok("thread", posted)).contains("a reply from toot");
        assertThat(ok("search", "bob")).contains("@bob");
        assertThat(ok("notifications")).contains("Alice Adams @alice now follows you");

        var status = tom.get("/api/v1/statuses/" + posted).body();
        assertThat(status.get("media_attachments").get(0).get("description").asString())
                .isEqualTo("A small red square");
        assertThat(status.get("favourited").asBoolean()).isTrue();
        assertThat(status.get("bookmarked").asBoolean()).isTrue();
        assertThat(tom.get("/api/v1/statuses/" + reply)
                        .body()
                        .get("in_reply_to_id")
                        .asString())
                .isEqualTo(posted);
        assertThat(tom.get("/api/v1/accounts/relationships?id[]="
                                + p.bob.account().id())
                        .body()
                        .get(0)
                        .get("following")
                        .asBoolean())
                .isTrue();
    }

    /** Runs one toot command, which must succeed, and returns what it printed. */
    private String ok(String... arguments) throws Exception {
        var command = new String[arguments.length + 2];
        command[0] = "toot";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        command[command.length - 1] = "--no-color";
        var result = toot.run(60, command);
        assertThat(result.exit())
                .as("toot %s: %s", String.join(" ", arguments), result.output())
                .isZero();
        return result.output();
    }

    /** toot prints "Toot posted: <url>"; the status id is the URL's last segment. */
    private static String statusId(String output) {
        var url = output.strip()
                .lines()
                .filter(line -> line.startsWith("Toot posted:"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("toot did not post: " + output))
                .substring("Toot posted:".length())
                .strip();
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
