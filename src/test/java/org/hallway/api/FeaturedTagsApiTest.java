package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Featured hashtags: featured, listed, suggested and removed by their owner; shown on the account to
 * others with counts over the posts each reader may see.
 */
class FeaturedTagsApiTest extends ApiTest {

    @Test
    void countsOnlyThePostsTheReaderMaySee() {
        var group = alice.post("/api/v1/groups", Map.of("name", "Project Falcon", "privacy", "secret"))
                .body()
                .get("id")
                .asString();
        post(alice, "Rollout plan for #falcon");
        post(alice, Map.of("status", "Falcon budget numbers #falcon", "group_id", group));
        post(alice, Map.of("status", "Falcon timeline #falcon", "group_id", group));

        var created = alice.post("/api/v1/featured_tags", Map.of("name", "#Falcon"));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        assertThat(MastodonSchema.problems("FeaturedTag", created.body())).isEmpty();
        assertThat(created.body().get("name").asString()).isEqualTo("falcon");
        assertThat(created.body().get("statuses_count").asString()).isEqualTo("3");
        assertThat(created.body().get("last_status_at").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(created.body().get("url").asString()).endsWith("/tags/falcon");

        // Bob is outside the secret group: he counts the company-wide post only.
        var seenByBob = bob.get("/api/v1/accounts/" + p.alice.idString() + "/featured_tags");
        assertThat(seenByBob.status()).isEqualTo(200);
        assertThat(seenByBob.body().get(0).get("statuses_count").asString()).isEqualTo("1");
        assertThat(alice.get("/api/v1/accounts/" + p.alice.idString() + "/featured_tags")
                        .body()
                        .get(0)
                        .get("statuses_count")
                        .asString())
                .isEqualTo("3");
        // A guest in no group sees no colleague's profile at all.
        assertThat(gus.get("/api/v1/accounts/" + p.alice.idString() + "/featured_tags")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void ownerFeaturesSuggestedTagsAndRemovesThem() {
        post(tom, "Cluster upgrade tonight #kubernetes #ops");
        post(tom, "Pods are back #kubernetes");
        var suggestions = tom.get("/api/v1/featured_tags/suggestions");
        assertThat(names(suggestions.body())).containsExactly("kubernetes", "ops");

        var featured = tom.post("/api/v1/featured_tags", Map.of("name", "kubernetes"));
        assertThat(featured.body().get("statuses_count").asString()).isEqualTo("2");
        // Featuring it again changes nothing.
        assertThat(tom.post("/api/v1/featured_tags", Map.of("name", "Kubernetes"))
                        .body()
                        .get("id")
                        .asString())
                .isEqualTo(featured.body().get("id").asString());
        assertThat(names(tom.get("/api/v1/featured_tags/suggestions").body())).containsExactly("ops");
        var empty = tom.post("/api/v1/featured_tags", Map.of("name", "not a tag!"));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.error()).isNotBlank();
        assertThat(names(tom.get("/api/v1/featured_tags").body())).containsExactly("kubernetes");

        // Someone else's featured tag cannot be removed: it answers like one that does not exist.
        var id = featured.body().get("id").asString();
        assertThat(bob.delete("/api/v1/featured_tags/" + id).status()).isEqualTo(404);
        assertThat(tom.delete("/api/v1/featured_tags/" + id).status()).isEqualTo(200);
        assertThat(tom.get("/api/v1/featured_tags").body()).isEmpty();
        assertThat(bob.get("/api/v1/accounts/" + p.tom.idString() + "/featured_tags")
                        .body())
                .isEmpty();
    }

    @Test
    void refusesMoreThanTenTags() {
        for (int i = 0; i < 10; i++)
            assertThat(eve.post("/api/v1/featured_tags", Map.of("name", "topic" + i))
                            .status())
                    .isEqualTo(200);
        var eleventh = eve.post("/api/v1/featured_tags", Map.of("name", "topic10"));
        assertThat(eleventh.status()).isEqualTo(422);
        assertThat(eleventh.error()).contains("at most 10");
        assertThat(eve.get("/api/v1/featured_tags").body()).hasSize(10);
    }

    private static List<String> names(JsonNode array) {
        var names = new ArrayList<String>();
        for (var tag : array) names.add(tag.get("name").asString());
        return names;
    }
}
