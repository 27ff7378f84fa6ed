package org.hallway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.hallway.testing.Api;
import org.hallway.testing.HallwayTest;
import org.junit.jupiter.api.Test;

/** What operators scrape and probe. */
class OperationsTest extends HallwayTest {

    @Test
    void reportsHealthAndReadiness() {
        var api = new Api(baseUrl(), null);
        var health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void answersApiPathsWithATrailingSlash() {
        var api = new Api(baseUrl(), null);
        assertThat(api.get("/api/v1/instance/").status()).isEqualTo(200);
        assertThat(api.get("/api/v2/instance/").body().get("version").asString())
                .contains("compatible; Hallway");
        assertThat(api.get("/api/v1/timelines/home/").status()).isEqualTo(401);
    }

    @Test
    void exposesRequestLatenciesToPrometheus() {
        var api = new Api(baseUrl(), null);
        api.get("/api/v1/instance");
        var metrics = api.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw().body())
                .contains("http_server_requests_seconds_bucket")
                .contains("uri=\"/api/v1/instance\"");
    }
}
