package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import org.hallway.testing.ApiTest;
import org.junit.jupiter.api.Test;

/** Filters: keywords that hide posts from feeds, in v2 shape, with the v1 view of them. */
class FiltersApiTest extends ApiTest {

    @Test
    void createsReadsChangesAndDeletesAFilter() {
        var created = bob.post(
                "/api/v2/filters",
                Map.of(
                        "title",
                        "Spoilers",
                        "context",
                        List.of("home", "public"),
                        "filter_action",
                        "hide",
                        "expires_in",
                        3600,
                        "keywords_attributes",
                        List.of(Map.of("keyword", "finale", "whole_word", true))));
        assertThat(created.status()).isEqualTo(200);
        var id = created.body().get("id").asString();
        assertThat(created.body().get("title").asString()).isEqualTo("Spoilers");
        assertThat(created.body().get("context").toString()).isEqualTo("[\"home\",\"public\"]");
        assertThat(created.body().get("filter_action").asString()).isEqualTo("hide");
        assertThat(created.body().get("expires_at").asString()).isNotBlank();
        assertThat(created.body().get("keywords").get(0).get("keyword").asString())
                .isEqualTo("finale");
        assertThat(created.body().get("statuses").size()).isZero();

        var fromForm = bob.postForm(
                "/api/v2/filters",
                Map.of(
                        "title",
                        "Lunch",
                        "context[]",
                        "home",
                        "keywords_attributes[][keyword]",
                        "sandwich",
                        "keywords_attributes[][whole_word]",
                        "false"));
        assertThat(fromForm.status()).isEqualTo(200);
        assertThat(fromForm.body().get("filter_action").asString()).isEqualTo("warn");
        assertThat(fromForm.body().get("keywords").get(0).get("whole_word").asBoolean())
                .isFalse();

        assertThat(ids(bob.get("/api/v2/filters").body()))
                .contains(id, fromForm.body().get("id").asString());
        var v1 = bob.get("/api/v1/filters").body();
        assertThat(v1.toString()).contains("\"phrase\":\"finale\"").contains("\"irreversible\":true");

        var keywordId = created.body().get("keywords").get(0).get("id").asString();
        var changed = bob.put(
                "/api/v2/filters/" + id,
                Map.of(
                        "title",
                        "Series spoilers",
                        "expires_in",
                        "",
                        "keywords_attributes",
                        List.of(Map.of("id", keywordId, "_destroy", true), Map.of("keyword", "season two"))));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("title").asString()).isEqualTo("Series spoilers");
        assertThat(changed.body().get("expires_at").isNull()).isTrue();
        assertThat(changed.body().get("keywords").size()).isEqualTo(1);
        assertThat(changed.body().get("keywords").get(0).get("keyword").asString())
                .isEqualTo("season two");

        assertThat(bob.delete("/api/v2/filters/" + id).status()).isEqualTo(200);
        assertThat(bob.get("/api/v2/filters/" + id).status()).isEqualTo(404);
    }

    @Test
    void refusesInvalidFiltersAndStoresNothing() {
        int before = tom.get("/api/v2/filters").body().size();
        var noContext = tom.post("/api/v2/filters", Map.of("title", "x"));
        assertThat(noContext.status()).isEqualTo(422);
        var badContext = tom.post("/api/v2/filters", Map.of("title", "x", "context", List.of("everywhere")));
        assertThat(badContext.status()).isEqualTo(422);
        var badAction =
                tom.post("/api/v2/filters", Map.of("title", "x", "context", List.of("home"), "filter_action", "burn"));
        assertThat(badAction.status()).isEqualTo(422);
        var blankKeyword = tom.post(
                "/api/v2/filters",
                Map.of(
                        "title",
                        "x",
                        "context",
                        List.of("home"),
                        "keywords_attributes",
                        List.of(Map.of("keyword", " "))));
        assertThat(blankKeyword.status()).isEqualTo(422);
        assertThat(blankKeyword.error()).isNotBlank();
        assertThat(tom.get("/api/v2/filters").body().size()).isEqualTo(before);
    }

    @Test
    void otherPeoplesFiltersAreNotFound() {
        var id = alice.post(
                        "/api/v2/filters",
                        Map.of(
                                "title",
                                "Private worries",
                                "context",
                                List.of("home"),
                                "keywords_attributes",
                                List.of(Map.of("keyword", "reorg"))))
                .body()
                .get("id")
                .asString();
        assertThat(eve.get("/api/v2/filters/" + id).status()).isEqualTo(404);
        assertThat(eve.put("/api/v2/filters/" + id, Map.of("title", "mine")).status())
                .isEqualTo(404);
        assertThat(eve.delete("/api/v2/filters/" + id).status()).isEqualTo(404);
        assertThat(eve.get("/api/v2/filters").body().toString()).doesNotContain("Private worries");
        assertThat(alice.get("/api/v2/filters/" + id).status()).isEqualTo(200);
    }

    @Test
    void hideFilterLeavesMatchingPostsOutOfHomeAndCompanyFeeds() {
        var reader = p.add("filterer", "Fil Terer", "", "", "", null);
        var api = anonymous.as(reader.token());
        follow(api, p.tom);
        var plain = post(tom, "Notes from the planning meeting");
        awaitInHome(api, plain);
        var created = api.post(
                "/api/v2/filters",
                Map.of(
                        "title",
                        "Football",
                        "context",
                        List.of("home", "public"),
                        "filter_action",
                        "hide",
                        "keywords_attributes",
                        List.of(Map.of("keyword", "match", "whole_word", true))));
        assertThat(created.status()).isEqualTo(200);
        var matching = post(tom, "Who watched the MATCH yesterday?");
        var partialWord = post(tom, "The colours matched nicely");
        var after = post(tom, "Back to work");
        awaitInHome(api, after);
        var home = ids(api.get("/api/v1/timelines/home?limit=40").body());
        assertThat(home).contains(plain, partialWord, after).doesNotContain(matching);
        var company = ids(api.get("/api/v1/timelines/public?limit=40").body());
        assertThat(company).contains(after).doesNotContain(matching);
        // Others without the filter still see it, and the reader can still open it.
        awaitInHome(tom, matching);
        assertThat(api.get("/api/v1/statuses/" + matching).status()).isEqualTo(200);

        // A warn filter does not hide.
        api.put("/api/v2/filters/" + created.body().get("id").asString(), Map.of("filter_action", "warn"));
        await().atMost(FAN_OUT)
                .until(() ->
                        ids(api.get("/api/v1/timelines/home?limit=40").body()).contains(matching));
    }

    @Test
    void listsWhoRepostedAPostOnlyToThoseWhoMaySeeIt() {
        var original = post(alice, "Worth sharing");
        assertThat(bob.post("/api/v1/statuses/" + original + "/reblog").status())
                .isEqualTo(200);
        var by = tom.get("/api/v1/statuses/" + original + "/reblogged_by");
        assertThat(by.status()).isEqualTo(200);
        assertThat(ids(by.body())).containsExactly(p.bob.idString());
        var hidden = post(alice, Map.of("status", "Followers only", "visibility", "private"));
        assertThat(eve.get("/api/v1/statuses/" + hidden + "/reblogged_by").status())
                .isEqualTo(404);
    }

    @Test
    void answersThePlaceholdersAppsCallOnStart() {
        assertThat(alice.get("/api/v1/announcements").body().isArray()).isTrue();
        assertThat(alice.get("/api/v1/follow_requests").body().size()).isZero();
        var push = alice.get("/api/v1/push/subscription");
        assertThat(push.status()).isEqualTo(404);
        assertThat(push.error()).isNotBlank();
    }
}
