package org.hallway.clients;

import static org.assertj.core.api.Assertions.assertThat;

import org.hallway.testing.ApiTest;
import org.hallway.testing.ClientProgram;
import org.hallway.testing.PasswordGrant;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.Test;

/**
 * The less common parts of the API through Mastodon.py (clients/mastodonpy/surface.py): private notes
 * on accounts, featured hashtags and reports, as a script using the library would call them.
 */
class MastodonPySurfaceTest extends ApiTest {
    private static final ClientProgram CLIENT = ClientProgram.in("mastodonpy");
    private static final String PYTHON = "/usr/bin/python3";

    @Test
    void mastodonPyWritesANoteFeaturesTagsAndReports() throws Exception {
        ClientProgram.require(
                ClientProgram.available(PYTHON, "-c", "import mastodon"),
                "python3-mastodon is not installed (apt-get install python3-mastodon)");
        post(alice, "Trying the Python client #pyclients");
        var sales = post(bob, "Selling concert tickets");
        var moderator = PasswordGrant.of(anonymous, p.client())
                .token(p.admin.email(), Personas.PASSWORD, "read write admin:read admin:write");

        var result =
                CLIENT.run(120, PYTHON, "surface.py", baseUrl(), p.alice.token(), p.bob.idString(), sales, moderator);
        assertThat(result.exit()).as("Mastodon.py output: %s", result.output()).isZero();

        var seen = result.lastJson();
        assertThat(seen.get("note").asString()).isEqualTo("Knows the billing system");
        assertThat(seen.get("relationshipNote").asString()).isEqualTo("Knows the billing system");
        assertThat(seen.get("suggested").toString()).contains("pyclients");
        assertThat(seen.get("featuredName").asString()).isEqualTo("pyclients");
        assertThat(seen.get("featuredCount").asString()).isEqualTo("1");
        assertThat(seen.get("mine").toString()).contains("pyclients");
        assertThat(seen.get("theirs").toString()).contains("pyclients");
        assertThat(seen.get("afterDelete").toString()).doesNotContain("pyclients");
        assertThat(seen.get("reportCategory").asString()).isEqualTo("spam");
        assertThat(seen.get("openReportIds").toString())
                .contains(seen.get("reportId").asString());
        assertThat(seen.get("resolved").asBoolean()).isTrue();
        // Bob does not see alice's note on him.
        assertThat(bob.get("/api/v1/accounts/relationships?id[]=" + p.alice.idString())
                        .body()
                        .get(0)
                        .get("note")
                        .asString())
                .isEmpty();
    }
}
