package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(alice.get("/api/v1/trends/links").body().size()).isZero();
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
