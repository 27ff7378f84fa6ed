package org.hallway.clients;

import static org.assertj.core.api.Assertions.assertThat;

import org.hallway.testing.ApiTest;
import org.hallway.testing.ClientProgram;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.Test;

/**
 * Runs the real masto.js client (npm masto 7.12.0, clients/masto) against the running server: it
 * registers an app, signs in with the password grant, verifies credentials, posts with a poll, reads
 * the home timeline and favourites; uploads, describes and attaches an image; and streams over WebSocket (token as subprotocol). Needs node; installs the client with npm when node_modules is missing.
 */
class MastoClientTest extends ApiTest {
    private static final ClientProgram CLIENT = ClientProgram.in("masto");

    private static void installed() throws Exception {
        ClientProgram.require(
                ClientProgram.available("node", "--version"), "node is not installed: the masto.js client cannot run");
        var install = CLIENT.npmInstall("masto");
        assertThat(install.exit()).as("npm ci: %s", install.output()).isZero();
    }

    @Test
    void mastoClientSignsInPostsReadsHomeAndFavourites() throws Exception {
        installed();
        var result = CLIENT.run(120, "node", "check.mjs", baseUrl(), p.tom.email(), Personas.PASSWORD);
        assertThat(result.exit()).as("masto.js output: %s", result.output()).isZero();

        var seen = result.lastJson();
        assertThat(seen.get("username").asString()).isEqualTo("tom");
        assertThat(seen.get("sourcePrivacy").asString()).isEqualTo("public");
        var posted = seen.get("postedId").asString();
        assertThat(seen.get("postedContent").asString()).contains("<strong>masto.js</strong>");
        assertThat(seen.get("pollOptions").toString()).isEqualTo("[\"Tea\",\"Coffee\"]");
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
        installed();
        var result = CLIENT.run(120, "node", "stream.mjs", baseUrl(), p.alice.email(), Personas.PASSWORD);
        assertThat(result.exit()).as("masto.js output: %s", result.output()).isZero();

        var seen = result.lastJson();
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
        installed();
        var result = CLIENT.run(120, "node", "media.mjs", baseUrl(), p.bob.email(), Personas.PASSWORD);
        assertThat(result.exit()).as("masto.js output: %s", result.output()).isZero();

        var seen = result.lastJson();
        assertThat(seen.get("uploadedUrl").asString()).contains("/media/");
        assertThat(seen.get("width").asInt()).isEqualTo(4);
        assertThat(seen.get("blurhash").asString()).isNotBlank();
        assertThat(seen.get("description").asString()).isEqualTo("A small blue rectangle");
        assertThat(seen.get("attachedIds").toString())
                .contains(seen.get("uploadedId").asString());
        assertThat(seen.get("imageStatus").asInt()).isEqualTo(200);
        assertThat(seen.get("imageType").asString()).isEqualTo("image/png");
    }
}
