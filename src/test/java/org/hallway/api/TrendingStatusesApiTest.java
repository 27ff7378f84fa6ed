package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code GET /api/v1/trends/statuses}: company-wide posts liked and reposted by others more than
 * usual, best burst first, only those the reader may see; never a followers-only, group or direct post
 * however engaged, nothing for a guest.
 */
class TrendingStatusesApiTest extends ApiTest {
    @Autowired
    JdbcClient jdbc;

    final List<Api> fans = new ArrayList<>();
    String launch, lunch, followersOnly, inGroup, direct, reply;

    @BeforeAll
    void engage() {
        for (int i = 0; i < 8; i++)
            fans.add(anonymous.as(
                    p.add("fan" + i, "Fan " + i, "", "Sales", "", null).token()));
        follow(alice, p.bob);
        follow(tom, p.bob);
        var group = alice.post("/api/v1/groups", Map.of("name", "Launch crew", "privacy", "secret"))
                .body()
                .get("id")
                .asString();
        alice.post(
                "/api/v1/groups/" + group + "/members",
                Map.of("account_ids", List.of(p.bob.idString(), p.tom.idString())));

        launch = post(bob, "Launch day is here");
        lunch = post(tom, "Lunch menu for the week");
        followersOnly = post(bob, Map.of("status", "Salary bands draft", "visibility", "private"));
        inGroup = post(bob, Map.of("status", "Launch crew only", "group_id", group));
        direct = post(bob, Map.of("status", "@alice @tom a surprise", "visibility", "direct"));
        reply = post(bob, Map.of("status", "And the launch notes", "in_reply_to_id", launch));

        for (int i = 0; i < 3; i++) like(fans.get(i), launch);
        repost(fans.get(0), launch);
        like(alice, lunch);
        like(tom, lunch); // the author's own like does not count
        for (var id : List.of(followersOnly, inGroup, direct)) {
            like(alice, id);
            like(tom, id);
        }
        for (int i = 0; i < 5; i++) like(fans.get(i), reply);
    }

    @Test
    void ranksCompanyWidePostsByEngagementAndLeavesEveryOtherAudienceOut() {
        var trending = alice.get("/api/v1/trends/statuses");
        assertThat(trending.status()).isEqualTo(200);
        assertThat(ours(trending.body())).containsExactly(launch, lunch);
        for (var status : trending.body())
            assertThat(MastodonSchema.problems("Status", status)).isEmpty();
        assertThat(trending.body().get(0).get("id").asString()).isEqualTo(launch);
        assertThat(trending.body().get(0).get("favourites_count").asInt()).isEqualTo(3);

        // A colleague who follows nobody and belongs to no group sees the same company-wide posts.
        assertThat(ours(eve.get("/api/v1/trends/statuses").body())).containsExactly(launch, lunch);
        assertThat(ids(alice.get("/api/v1/trends/statuses?limit=1").body())).containsExactly(launch);
        assertThat(ids(alice.get("/api/v1/trends/statuses?limit=1&offset=1").body()))
                .containsExactly(ids(trending.body()).get(1));
        assertThat(ids(alice.get("/api/v1/trends/statuses?department=Engineering")
                        .body()))
                .containsExactly(launch);
    }

    @Test
    void aGuestGetsNoTrendingPosts() {
        var trending = gus.get("/api/v1/trends/statuses");
        assertThat(trending.status()).isEqualTo(200);
        assertThat(trending.body()).isEmpty();
    }

    @Test
    void leavesOutPostsOfMutedColleagues() {
        var reader = anonymous.as(p.add("muter", "Muter", "", "", "", null).token());
        assertThat(reader.post("/api/v1/accounts/" + p.tom.idString() + "/mute").status())
                .isEqualTo(200);
        assertThat(ours(reader.get("/api/v1/trends/statuses").body())).containsExactly(launch);
    }

    @Test
    void aPostEngagedWithLessThanUsualIsNotTrending() {
        var steady = post(alice, "Steady favourite from Monday");
        for (int i = 0; i < 7; i++) like(fans.get(i), steady);
        // Six of its likes came two and a half days ago, on a post three days old: one like today is
        // less than its usual rate.
        jdbc.sql("update posts set created_at = now() - interval '3 days' where id = ?")
                .param(Long.parseLong(steady))
                .update();
        jdbc.sql(
                        """
                        update favourites set created_at = now() - interval '60 hours'
                        where post_id = ? and account_id <> ?""")
                .params(
                        Long.parseLong(steady),
                        fans.get(6)
                                .get("/api/v1/accounts/verify_credentials")
                                .body()
                                .get("id")
                                .asLong())
                .update();
        var fresh = post(alice, "Fresh news from today");
        like(fans.get(6), fresh);
        like(fans.get(7), fresh);

        var trending = ids(eve.get("/api/v1/trends/statuses?limit=40").body());
        assertThat(trending).contains(fresh).doesNotContain(steady);
    }

    @Test
    void refusesALimitAboveForty() {
        var answer = alice.get("/api/v1/trends/statuses?limit=41");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.error()).contains("limit");
    }

    /** The trending posts among those written for these tests (another test adds one of its own). */
    private List<String> ours(tools.jackson.databind.JsonNode statuses) {
        var written = List.of(launch, lunch, followersOnly, inGroup, direct, reply);
        return ids(statuses).stream().filter(written::contains).toList();
    }

    private static void like(Api who, String id) {
        assertThat(who.post("/api/v1/statuses/" + id + "/favourite").status()).isEqualTo(200);
    }

    private static void repost(Api who, String id) {
        assertThat(who.post("/api/v1/statuses/" + id + "/reblog").status()).isEqualTo(200);
    }
}
