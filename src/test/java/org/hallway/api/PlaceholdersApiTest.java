package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.hallway.testing.ApiTest;
import org.junit.jupiter.api.Test;

/** Endpoints apps call for features Hallway lacks answer as Mastodon does when there is nothing. */
class PlaceholdersApiTest extends ApiTest {

    @Test
    void emptyListsForExplorePagesAndRules() {
        var trending = alice.get("/api/v1/trends/statuses?limit=20");
        assertThat(trending.status()).isEqualTo(200);
        assertThat(trending.header("Content-Type")).startsWith("application/json");
        assertThat(trending.body().isArray()).isTrue();
        assertThat(trending.body()).isEmpty();

        var rules = anonymous.get("/api/v1/instance/rules");
        assertThat(rules.status()).isEqualTo(200);
        assertThat(rules.body().isArray()).isTrue();
    }

    @Test
    void followRequestsAndAnnouncementsThatCannotExistAreNotFound() {
        for (var path : new String[] {
            "/api/v1/follow_requests/" + p.bob.idString() + "/authorize",
            "/api/v1/follow_requests/" + p.bob.idString() + "/reject",
            "/api/v1/announcements/1/dismiss"
        }) {
            var answer = alice.post(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.error()).as(path).isEqualTo("Record not found");
        }
        assertThat(alice.get("/api/v1/follow_requests").body()).isEmpty();
    }
}
