package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TrendsApiTest extends ApiTest {

    @Test
    void trendsHashtagsUsedMoreThanUsualButNeverFromFollowersOnlyPosts() {
        post(bob, "Ship it #launchday");
        post(tom, "Watching the rollout #launchday");
        post(eve, "Invoices for the #launchday party and #quarterclose");
        post(bob, Map.of("status", "Quiet plans #hushhush", "visibility", "private"));

        var trends = alice.get("/api/v1/trends/tags");
        assertThat(trends.status()).isEqualTo(200);
        var names = names(trends.body());
        assertThat(names.getFirst()).isEqualTo("launchday");
        assertThat(names).contains("quarterclose").doesNotContain("hushhush");
        var first = trends.body().get(0);
        assertThat(MastodonSchema.problems("Tag", first)).isEmpty();
        assertThat(first.get("history").size()).isEqualTo(7);
        assertThat(first.get("history").get(0).get("uses").asString()).isEqualTo("3");
        assertThat(first.get("history").get(0).get("accounts").asString()).isEqualTo("3");

        assertThat(names(alice.get("/api/v1/trends/tags?department=Finance").body()))
                .containsExactlyInAnyOrder("launchday", "quarterclose");
        assertThat(names(alice.get("/api/v1/trends/tags?department=Engineering").body()))
                .containsExactly("launchday");
        assertThat(alice.get("/api/v1/trends/tags?limit=0").status()).isEqualTo(422);
    }

    @Test
    void trendsLinksSharedInCompanyWidePostsAndNeverFromFollowersOnlyOrGroupPosts() {
        var roadmap = post(bob, "Read the roadmap https://Wiki.Example.com/roadmap?utm_source=mail#intro");
        post(tom, "Agreed: https://wiki.example.com:443/roadmap");
        var news = post(eve, "Quarter numbers https://news.example.org/q3 are out");
        post(bob, Map.of("status", "Between us https://quiet.example.com/plan", "visibility", "private"));
        var secret = alice.post("/api/v1/groups", Map.of("name", "Skunkworks", "privacy", "secret"));
        post(
                alice,
                Map.of(
                        "status",
                        "Prototype https://skunk.example.com/proto",
                        "group_id",
                        secret.body().get("id").asString()));
        post(alice, Map.of("status", "@bob only for you https://direct.example.com/x", "visibility", "direct"));

        // Links are written down after each post is committed.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> urls(alice.get("/api/v1/trends/links").body())
                        .containsAll(List.of("https://wiki.example.com/roadmap", "https://news.example.org/q3")));
        var links = alice.get("/api/v1/trends/links");
        assertThat(links.status()).isEqualTo(200);
        assertThat(urls(links.body()))
                .containsExactly("https://wiki.example.com/roadmap", "https://news.example.org/q3");
        var first = links.body().get(0);
        assertThat(MastodonSchema.problems("TrendsLink", first)).isEmpty();
        assertThat(first.get("title").asString()).isEqualTo("wiki.example.com");
        assertThat(first.get("provider_name").asString()).isEqualTo("wiki.example.com");
        assertThat(first.get("type").asString()).isEqualTo("link");
        assertThat(first.get("history").size()).isEqualTo(7);
        assertThat(first.get("history").get(0).get("uses").asString()).isEqualTo("2");
        assertThat(first.get("history").get(0).get("accounts").asString()).isEqualTo("2");
        // Members of the secret group, the followers and the mentioned see the same trends as everyone.
        for (var reader : List.of(bob, eve, tom)) {
            assertThat(urls(reader.get("/api/v1/trends/links").body()))
                    .containsExactly("https://wiki.example.com/roadmap", "https://news.example.org/q3");
        }
        assertThat(urls(alice.get("/api/v1/trends/links?department=Finance").body()))
                .containsExactly("https://news.example.org/q3");
        assertThat(urls(alice.get("/api/v1/trends/links?limit=1&offset=1").body()))
                .containsExactly("https://news.example.org/q3");
        assertThat(alice.get("/api/v1/trends/links?limit=0").status()).isEqualTo(422);
        assertThat(gus.get("/api/v1/trends/links").body().size()).isZero();

        // An edit that drops the link and a deletion count at once.
        assertThat(bob.put("/api/v1/statuses/" + roadmap, Map.of("status", "Read the roadmap on the wiki"))
                        .status())
                .isEqualTo(200);
        assertThat(eve.delete("/api/v1/statuses/" + news).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var body = alice.get("/api/v1/trends/links").body();
            return urls(body).equals(List.of("https://wiki.example.com/roadmap"))
                    && body.get(0).get("history").get(0).get("uses").asString().equals("1");
        });
    }

    private static List<String> urls(JsonNode links) {
        var list = new ArrayList<String>();
        for (var l : links) list.add(l.get("url").asString());
        return list;
    }

    @Test
    void suggestsTheTeamTheDepartmentAndWhomFolloweesFollow() {
        follow(tom, p.bob);
        follow(bob, p.eve);
        var suggestions = tom.get("/api/v2/suggestions");
        assertThat(suggestions.status()).isEqualTo(200);
        var byId = new java.util.LinkedHashMap<String, String>();
        for (var s : suggestions.body())
            byId.put(s.get("account").get("id").asString(), s.get("reason").asString());
        assertThat(byId).containsEntry(p.alice.idString(), "In your team");
        assertThat(byId).containsEntry(p.eve.idString(), "Followed by people you follow");
        assertThat(byId).doesNotContainKeys(p.bob.idString(), p.tom.idString());
        assertThat(MastodonSchema.problems("Account", suggestions.body().get(0).get("account")))
                .isEmpty();
    }

    private static List<String> names(JsonNode tags) {
        var list = new ArrayList<String>();
        for (var t : tags) list.add(t.get("name").asString());
        return list;
    }
}
