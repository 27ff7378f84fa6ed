package org.hallway.clients;

import static org.assertj.core.api.Assertions.assertThat;

import org.hallway.testing.ApiTest;
import org.hallway.testing.ClientProgram;
import org.junit.jupiter.api.Test;

/**
 * The less common parts of the API through Mastodon.py (clients/mastodonpy/surface.py): private notes
 * on accounts, featured hashtags and reports, as a script using the library would call them.
 */
class MastodonPySurfaceTest extends ApiTest {
    private static final ClientProgram CLIENT = ClientProgram.in("mastodonpy");
    private static final String PYTHON = "/usr/bin/python3";

    @Test
    void mastodonPyWritesANote() throws Exception {
        ClientProgram.require(
                ClientProgram.available(PYTHON, "-c", "import mastodon"),
                "python3-mastodon is not installed (apt-get install python3-mastodon)");

        var result = CLIENT.run(120, PYTHON, "surface.py", baseUrl(), p.alice.token(), p.bob.idString());
        assertThat(result.exit()).as("Mastodon.py output: %s", result.output()).isZero();

        var seen = result.lastJson();
        assertThat(seen.get("note").asString()).isEqualTo("Knows the billing system");
        assertThat(seen.get("relationshipNote").asString()).isEqualTo("Knows the billing system");
        // Bob does not see alice's note on him.
        assertThat(bob.get("/api/v1/accounts/relationships?id[]=" + p.alice.idString())
                        .body()
                        .get(0)
                        .get("note")
                        .asString())
                .isEmpty();
    }
}
