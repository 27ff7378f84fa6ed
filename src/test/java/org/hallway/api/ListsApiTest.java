package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lists: a reader's own lists of people they follow, their members, and each list's feed. */
class ListsApiTest extends ApiTest {

    @BeforeAll
    void aliceFollowsBobAndTom() {
        follow(alice, p.bob);
        follow(alice, p.tom);
    }

    @Test
    void createsReadsRenamesAndDeletesAList() {
        var created = alice.post("/api/v1/lists", Map.of("title", "Engineering", "replies_policy", "none"));
        assertThat(created.status()).isEqualTo(200);
        var id = created.body().get("id").asString();
        assertThat(created.body().get("title").asString()).isEqualTo("Engineering");
        assertThat(created.body().get("replies_policy").asString()).isEqualTo("none");
        assertThat(created.body().get("exclusive").asBoolean()).isFalse();

        var fromForm = alice.postForm("/api/v1/lists", Map.of("title", "Design", "exclusive", "true"));
        assertThat(fromForm.status()).isEqualTo(200);
        assertThat(fromForm.body().get("replies_policy").asString()).isEqualTo("list");
        assertThat(fromForm.body().get("exclusive").asBoolean()).isTrue();

        assertThat(ids(alice.get("/api/v1/lists").body()))
                .contains(id, fromForm.body().get("id").asString());
        assertThat(alice.get("/api/v1/lists/" + id + "/").body().get("title").asString())
                .isEqualTo("Engineering");

        var renamed = alice.put("/api/v1/lists/" + id, Map.of("title", "Platform", "replies_policy", "followed"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().get("title").asString()).isEqualTo("Platform");
        assertThat(renamed.body().get("replies_policy").asString()).isEqualTo("followed");

        assertThat(alice.delete("/api/v1/lists/" + id).status()).isEqualTo(200);
        assertThat(alice.get("/api/v1/lists/" + id).status()).isEqualTo(404);
        assertThat(ids(alice.get("/api/v1/lists").body())).doesNotContain(id);
    }

    @Test
    void refusesBlankTitleAndUnknownRepliesPolicy() {
        var blank = alice.post("/api/v1/lists", Map.of("title", "  "));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.error()).isNotBlank();
        var policy = alice.post("/api/v1/lists", Map.of("title", "Odd", "replies_policy", "everyone"));
        assertThat(policy.status()).isEqualTo(422);
        assertThat(ids(alice.get("/api/v1/lists").body())).hasSizeLessThan(10);
        assertThat(alice.get("/api/v1/lists").body().toString()).doesNotContain("Odd");
    }

    @Test
    void addsOnlyFollowedPeopleAndShowsTheirPostsInTheListFeed() {
        var id = list(alice, "Close team");
        var added = alice.post("/api/v1/lists/" + id + "/accounts", Map.of("account_ids", List.of(p.bob.idString())));
        assertThat(added.status()).isEqualTo(200);
        // Alice does not follow eve: nothing is added, not even bob twice or tom alongside.
        var notFollowed = alice.post(
                "/api/v1/lists/" + id + "/accounts",
                Map.of("account_ids", List.of(p.tom.idString(), p.eve.idString())));
        assertThat(notFollowed.status()).isEqualTo(422);
        assertThat(notFollowed.error()).contains("follow");
        assertThat(ids(alice.get("/api/v1/lists/" + id + "/accounts").body())).containsExactly(p.bob.idString());
        assertThat(ids(alice.get("/api/v1/accounts/" + p.bob.idString() + "/lists")
                        .body()))
                .contains(id);
        assertThat(ids(alice.get("/api/v1/accounts/" + p.tom.idString() + "/lists")
                        .body()))
                .doesNotContain(id);

        var byBob = post(bob, "Bob's update for the list");
        var bobPrivate = post(bob, Map.of("status", "Bob, followers only", "visibility", "private"));
        var byTom = post(tom, "Tom is not on the list");
        var feed = alice.get("/api/v1/timelines/list/" + id);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(ids(feed.body())).contains(byBob, bobPrivate).doesNotContain(byTom);

        var removed =
                alice.send("DELETE", "/api/v1/lists/" + id + "/accounts?account_ids[]=" + p.bob.idString(), null, null);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(alice.get("/api/v1/lists/" + id + "/accounts").body().size()).isZero();
        assertThat(ids(alice.get("/api/v1/timelines/list/" + id).body())).isEmpty();
    }

    @Test
    void listFeedShowsOnlyWhatTheReaderMaySee() {
        // Tom follows eve, who posts for her followers only; bob, who does not follow eve, makes a list.
        var eveFan = p.add("evefan", "Fay Fan", "", "", "", null);
        var fan = anonymous.as(eveFan.token());
        follow(fan, p.eve);
        var id = list(fan, "Eve");
        assertThat(fan.post("/api/v1/lists/" + id + "/accounts", Map.of("account_ids", List.of(p.eve.idString())))
                        .status())
                .isEqualTo(200);
        var open = post(eve, "Eve, for everyone");
        var secret = post(eve, Map.of("status", "Eve, followers only", "visibility", "private"));
        assertThat(ids(fan.get("/api/v1/timelines/list/" + id).body())).contains(open, secret);
        // The same author's followers-only post never shows in a feed of someone who cannot see it.
        assertThat(ids(bob.get("/api/v1/accounts/" + p.eve.idString() + "/statuses")
                        .body()))
                .contains(open)
                .doesNotContain(secret);
    }

    @Test
    void otherPeoplesListsAreNotFound() {
        var id = list(alice, "Alice only");
        assertThat(alice.post("/api/v1/lists/" + id + "/accounts", Map.of("account_ids", List.of(p.bob.idString())))
                        .status())
                .isEqualTo(200);
        for (var response : List.of(
                eve.get("/api/v1/lists/" + id),
                eve.get("/api/v1/lists/" + id + "/accounts"),
                eve.get("/api/v1/timelines/list/" + id),
                eve.put("/api/v1/lists/" + id, Map.of("title", "Mine now")),
                eve.post("/api/v1/lists/" + id + "/accounts", Map.of("account_ids", List.of(p.bob.idString()))),
                eve.delete("/api/v1/lists/" + id))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.error()).isNotBlank();
        }
        assertThat(eve.get("/api/v1/lists").body().toString()).doesNotContain("Alice only");
        assertThat(alice.get("/api/v1/lists/" + id).body().get("title").asString())
                .isEqualTo("Alice only");
        assertThat(eve.get("/api/v1/accounts/" + p.bob.idString() + "/lists")
                        .body()
                        .size())
                .isZero();
    }

    @Test
    void unfollowingTakesThePersonOffTheFollowersLists() {
        var reader = p.add("lister", "Lis Lister", "", "", "", null);
        var api = anonymous.as(reader.token());
        follow(api, p.tom);
        var id = list(api, "Tom");
        api.post("/api/v1/lists/" + id + "/accounts", Map.of("account_ids", List.of(p.tom.idString())));
        assertThat(api.post("/api/v1/accounts/" + p.tom.idString() + "/unfollow")
                        .status())
                .isEqualTo(200);
        await().atMost(FAN_OUT)
                .until(() -> api.get("/api/v1/lists/" + id + "/accounts").body().isEmpty());
    }

    @Test
    void listsNeedTheListsScopes() {
        var statusesOnly = tokenWith("read:statuses write:statuses");
        assertThat(statusesOnly.get("/api/v1/lists").status()).isEqualTo(403);
        assertThat(statusesOnly.post("/api/v1/lists", Map.of("title", "x")).status())
                .isEqualTo(403);
        var id = list(alice, "Scoped");
        assertThat(statusesOnly.get("/api/v1/timelines/list/" + id).status()).isEqualTo(403);
        var listsRead = tokenWith("read:lists");
        assertThat(listsRead.get("/api/v1/timelines/list/" + id).status()).isEqualTo(200);
        assertThat(listsRead
                        .get("/api/v1/accounts/" + p.bob.idString() + "/lists")
                        .status())
                .isEqualTo(200);
        assertThat(listsRead.post("/api/v1/lists", Map.of("title", "x")).status())
                .isEqualTo(403);
    }

    private static String list(Api api, String title) {
        var created = api.post("/api/v1/lists", Map.of("title", title));
        assertThat(created.status()).isEqualTo(200);
        return created.body().get("id").asString();
    }

    private Api tokenWith(String scope) {
        var app = anonymous
                .post(
                        "/api/v1/apps",
                        Map.of(
                                "client_name",
                                "Scoped " + scope,
                                "redirect_uris",
                                "urn:ietf:wg:oauth:2.0:oob",
                                "scopes",
                                "read write"))
                .body();
        return org.hallway.testing.PasswordGrant.of(anonymous, app).as(p.alice.email(), Personas.PASSWORD, scope);
    }
}
