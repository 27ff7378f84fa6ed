package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A colleague of another network can neither see nor guess anything of this one. */
class TenancyApiTest extends ApiTest {
    Personas other;
    Api outsider;
    String publicPost;
    String tagged;

    @BeforeAll
    void secondNetwork() {
        other = factory.create();
        outsider = anonymous.as(other.eve.token());
        publicPost = post(alice, "Company-wide news for Acme only");
        tagged = post(alice, "Our #roadmap for next year");
    }

    @Test
    void cannotReadOrReactToAnotherNetworksPosts() {
        for (var path : List.of("", "/context", "/history", "/source", "/favourited_by")) {
            var response = outsider.get("/api/v1/statuses/" + publicPost + path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.error()).as(path).isEqualTo("Record not found");
        }
        for (var action : List.of("favourite", "unfavourite", "reblog", "unreblog", "bookmark", "unbookmark")) {
            assertThat(outsider.post("/api/v1/statuses/" + publicPost + "/" + action)
                            .status())
                    .as(action)
                    .isEqualTo(404);
        }
        assertThat(outsider.put("/api/v1/statuses/" + publicPost, Map.of("status", "x"))
                        .status())
                .isEqualTo(404);
        assertThat(outsider.delete("/api/v1/statuses/" + publicPost).status()).isEqualTo(404);
        assertThat(outsider.post("/api/v1/statuses", Map.of("status", "reply", "in_reply_to_id", publicPost))
                        .status())
                .isEqualTo(404);
        assertThat(alice.get("/api/v1/statuses/" + publicPost + "/favourited_by")
                        .body()
                        .size())
                .isZero();
        assertThat(alice.get("/api/v1/statuses/" + publicPost)
                        .body()
                        .get("reblogs_count")
                        .asInt())
                .isZero();
    }

    @Test
    void doesNotSeeAnotherNetworksPostsInAnyTimeline() {
        assertThat(ids(outsider.get("/api/v1/timelines/public?limit=40").body()))
                .doesNotContain(publicPost, tagged);
        assertThat(ids(outsider.get("/api/v1/timelines/tag/roadmap").body())).doesNotContain(tagged);
        outsider.post("/api/v1/tags/roadmap/follow");
        var later = post(alice, "More #roadmap news");
        var marker = post(outsider, "Outsider's own marker");
        awaitInHome(outsider, marker);
        assertThat(ids(outsider.get("/api/v1/timelines/home").body())).doesNotContain(later, publicPost, tagged);
    }

    @Test
    void cannotSeeOrFollowAnotherNetworksAccounts() {
        for (var path : List.of("", "/statuses", "/followers", "/following")) {
            assertThat(outsider.get("/api/v1/accounts/" + p.alice.idString() + path)
                            .status())
                    .as(path)
                    .isEqualTo(404);
        }
        assertThat(outsider.post("/api/v1/accounts/" + p.alice.idString() + "/follow")
                        .status())
                .isEqualTo(404);
        assertThat(outsider.post("/api/v1/accounts/" + p.alice.idString() + "/unfollow")
                        .status())
                .isEqualTo(404);
        assertThat(outsider.get("/api/v1/accounts/relationships?id[]=" + p.alice.idString())
                        .body()
                        .size())
                .isZero();
        var lookup = outsider.get("/api/v1/accounts/lookup?acct=alice");
        assertThat(lookup.body().get("id").asString()).isEqualTo(other.alice.idString());
        assertThat(ids(outsider.get("/api/v1/accounts/search?q=ali").body()))
                .contains(other.alice.idString())
                .doesNotContain(p.alice.idString());
        assertThat(alice.get("/api/v1/accounts/" + p.alice.idString())
                        .body()
                        .get("followers_count")
                        .asInt())
                .isZero();
    }

    @Test
    void mentionOfSameUsernameResolvesWithinOwnNetworkOnly() {
        var status = outsider.post("/api/v1/statuses", Map.of("status", "Hello @bob"))
                .body();
        assertThat(status.get("mentions").get(0).get("id").asString()).isEqualTo(other.bob.idString());
        assertThat(bob.get("/api/v1/statuses/" + status.get("id").asString()).status())
                .isEqualTo(404);
    }

    @Test
    void instanceShowsEachColleagueTheirOwnNetwork() {
        for (var path : List.of("/api/v1/instance", "/api/v2/instance")) {
            var ours = alice.get(path).body();
            var theirs = outsider.get(path).body();
            assertThat(ours.get("title").asString())
                    .as(path)
                    .isNotEqualTo(theirs.get("title").asString());
            assertThat(ours.get("title").asString())
                    .as(path)
                    .isEqualTo(bob.get(path).body().get("title").asString());
        }
        // Counts are per network: two fresh networks with different numbers of posts.
        var small = factory.create();
        var large = factory.create();
        var smallAuthor = anonymous.as(small.alice.token());
        var largeAuthor = anonymous.as(large.alice.token());
        post(smallAuthor, "The only post here");
        for (int i = 0; i < 3; i++) post(largeAuthor, "Post " + i + " of three");
        assertThat(statusCount(smallAuthor)).isEqualTo(1);
        assertThat(statusCount(largeAuthor)).isEqualTo(3);
    }

    private static int statusCount(Api api) {
        return api.get("/api/v1/instance")
                .body()
                .get("stats")
                .get("status_count")
                .asInt();
    }

    @Test
    void adminCannotActOnAnotherNetwork() {
        var otherAdmin = anonymous.as(other.admin.token());
        assertThat(otherAdmin
                        .post("/api/v1/admin/accounts/" + p.alice.idString() + "/action", Map.of("type", "disable"))
                        .status())
                .isEqualTo(404);
        assertThat(otherAdmin.delete("/api/v1/statuses/" + publicPost).status()).isEqualTo(404);
        assertThat(alice.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
    }
}
