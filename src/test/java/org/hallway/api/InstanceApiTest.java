package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.junit.jupiter.api.Test;

class InstanceApiTest extends ApiTest {

    @Test
    void servesV1InstanceWithAndWithoutTrailingSlash() {
        for (var path : new String[] {"/api/v1/instance", "/api/v1/instance/"}) {
            var response = anonymous.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            var body = response.body();
            assertThat(body.get("version").asString()).as(path).matches("\\d+\\.\\d+\\.\\d+.*");
            assertThat(body.get("urls").get("streaming_api").asString()).startsWith("ws");
            assertThat(body.get("configuration")
                            .get("statuses")
                            .get("max_characters")
                            .asInt())
                    .isEqualTo(5000);
            assertThat(body.get("configuration")
                            .get("statuses")
                            .get("characters_reserved_per_url")
                            .asInt())
                    .isEqualTo(23);
            assertThat(MastodonSchema.problems("V1Instance", body)).as(path).isEmpty();
        }
        assertThat(alice.get("/api/v1/instance").status()).isEqualTo(200);
    }

    @Test
    void servesV2InstanceWithoutAuthentication() {
        for (var path : new String[] {"/api/v2/instance", "/api/v2/instance/"}) {
            var response = anonymous.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            var body = response.body();
            assertThat(body.get("domain").asString()).isEqualTo("127.0.0.1:" + port);
            assertThat(body.get("configuration").get("urls").get("streaming").asString())
                    .startsWith("ws://");
            assertThat(body.get("configuration")
                            .get("statuses")
                            .get("max_characters")
                            .asInt())
                    .isEqualTo(5000);
            assertThat(MastodonSchema.problems("Instance", body)).as(path).isEmpty();
        }
    }

    @Test
    void servesNodeinfoDiscoveryAndDocument() {
        var discovery = anonymous.get("/.well-known/nodeinfo");
        assertThat(discovery.status()).isEqualTo(200);
        var href = discovery.body().get("links").get(0).get("href").asString();
        assertThat(href).isEqualTo(baseUrl() + "/nodeinfo/2.0");
        assertThat(discovery.body().get("links").get(0).get("rel").asString())
                .isEqualTo("http://nodeinfo.diaspora.software/ns/schema/2.0");
        var nodeinfo = anonymous.get(href);
        assertThat(nodeinfo.status()).isEqualTo(200);
        assertThat(nodeinfo.body().get("version").asString()).isEqualTo("2.0");
        assertThat(nodeinfo.body().get("software").get("name").asString()).isNotBlank();
        assertThat(nodeinfo.body().get("metadata").get("upstream").get("name").asString())
                .isEqualTo("mastodon");
        assertThat(nodeinfo.body().get("openRegistrations").asBoolean()).isFalse();
        assertThat(nodeinfo.body().get("usage").get("users").get("total").isIntegralNumber())
                .isTrue();
    }

    @Test
    void servesEmptyCustomEmojisAndPreferences() {
        assertThat(alice.get("/api/v1/custom_emojis").body().isArray()).isTrue();
        var preferences = alice.get("/api/v1/preferences");
        assertThat(preferences.status()).isEqualTo(200);
        assertThat(preferences.body().get("posting:default:visibility").asString())
                .isEqualTo("public");
        assertThat(preferences.body().has("posting:default:language")).isTrue();
    }
}
