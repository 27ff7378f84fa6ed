package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hallway.testing.ApiTest;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the real masto.js client (npm masto 7.12.0, clients/masto) against the running server: it
 * registers an app, signs in with the password grant, verifies credentials, posts, reads the home
 * timeline and favourites; and streams over WebSocket (token as subprotocol). Needs node; installs the client with npm when node_modules is missing.
 */
class MastoClientTest extends ApiTest {
    private static final Path CLIENT = Path.of("clients/masto");

    @Test
    void mastoClientSignsInPostsReadsHomeAndFavourites() throws Exception {
        assumeTrue(available("node", "--version"), "node is not installed: the masto.js client cannot run");
        if (!Files.isDirectory(CLIENT.resolve("node_modules/masto"))) {
            assumeTrue(available("npm", "--version"), "npm is not installed: masto.js cannot be installed");
            var install = run(300, "npm", "ci", "--no-audit", "--no-fund");
            assertThat(install.exit()).as("npm ci: %s", install.output()).isZero();
        }
        var result = run(120, "node", "check.mjs", baseUrl(), p.tom.email(), Personas.PASSWORD);
        assertThat(result.exit()).as("masto.js output: %s", result.output()).isZero();

        var lastLine = result.output().strip().lines().reduce((a, b) -> b).orElseThrow();
        var seen = JsonMapper.builder().build().readTree(lastLine);
        assertThat(seen.get("username").asString()).isEqualTo("tom");
        assertThat(seen.get("sourcePrivacy").asString()).isEqualTo("public");
        var posted = seen.get("postedId").asString();
        assertThat(seen.get("postedContent").asString()).contains("<strong>masto.js</strong>");
        assertThat(seen.get("homeIds").toString()).contains(posted);
        assertThat(seen.get("favourited").asBoolean()).isTrue();
        assertThat(seen.get("favouritesCount").asInt()).isEqualTo(1);
        assertThat(seen.get("favouriteIds").toString()).contains(posted);
        assertThat(tom.get("/api/v1/statuses/" + posted)
                        .body()
                        .get("favourited")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void mastoStreamingClientReceivesUpdateEditAndDelete() throws Exception {
        assumeTrue(available("node", "--version"), "node is not installed: the masto.js client cannot run");
        if (!Files.isDirectory(CLIENT.resolve("node_modules/masto"))) {
            assumeTrue(available("npm", "--version"), "npm is not installed: masto.js cannot be installed");
            var install = run(300, "npm", "ci", "--no-audit", "--no-fund");
            assertThat(install.exit()).as("npm ci: %s", install.output()).isZero();
        }
        var result = run(120, "node", "stream.mjs", baseUrl(), p.alice.email(), Personas.PASSWORD);
        assertThat(result.exit()).as("masto.js output: %s", result.output()).isZero();

        var lastLine = result.output().strip().lines().reduce((a, b) -> b).orElseThrow();
        var seen = JsonMapper.builder().build().readTree(lastLine);
        assertThat(seen.get("health").asString()).isEqualTo("OK");
        assertThat(seen.get("streamingUrl").asString()).startsWith("ws://");
        assertThat(seen.get("posted").toString()).contains(seen.get("updateId").asString());
        assertThat(seen.get("updateStream").toString()).isEqualTo("[\"user\"]");
        assertThat(seen.get("updateAuthor").asString()).isEqualTo("alice");
        assertThat(seen.get("updateContent").asString()).contains("Streaming with masto.js");
        assertThat(seen.get("tagUpdateStream").toString()).isEqualTo("[\"hashtag\",\"mastostream\"]");
        assertThat(seen.get("statusUpdateContent").asString()).contains("Edited while streaming");
        assertThat(seen.get("deletedId").asString())
                .isEqualTo(seen.get("updateId").asString());
    }

    @Test
    void mastoClientUploadsDescribesAndAttachesAnImage() throws Exception {
        assumeTrue(available("node", "--version"), "node is not installed: the masto.js client cannot run");
        if (!Files.isDirectory(CLIENT.resolve("node_modules/masto"))) {
            assumeTrue(available("npm", "--version"), "npm is not installed: masto.js cannot be installed");
            var install = run(300, "npm", "ci", "--no-audit", "--no-fund");
            assertThat(install.exit()).as("npm ci: %s", install.output()).isZero();
        }
        var result = run(120, "node", "media.mjs", baseUrl(), p.bob.email(), Personas.PASSWORD);
        assertThat(result.exit()).as("masto.js output: %s", result.output()).isZero();

        var lastLine = result.output().strip().lines().reduce((a, b) -> b).orElseThrow();
        var seen = JsonMapper.builder().build().readTree(lastLine);
        assertThat(seen.get("uploadedUrl").asString()).contains("/media/");
        assertThat(seen.get("width").asInt()).isEqualTo(4);
        assertThat(seen.get("blurhash").asString()).isNotBlank();
        assertThat(seen.get("description").asString()).isEqualTo("A small blue rectangle");
        assertThat(seen.get("attachedIds").toString())
                .contains(seen.get("uploadedId").asString());
        assertThat(seen.get("imageStatus").asInt()).isEqualTo(200);
        assertThat(seen.get("imageType").asString()).isEqualTo("image/png");
    }

    private record Result(int exit, String output) {}

    private static Result run(int timeoutSeconds, String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command)
                .directory(CLIENT.toFile())
                .redirectErrorStream(true)
                .start();
        var output = new StringBuilder();
        var reader = Thread.ofVirtual().start(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append(e);
            }
        });
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out after " + timeoutSeconds + "s");
        }
        reader.join();
        return new Result(process.exitValue(), output.toString());
    }

    private static boolean available(String... command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
