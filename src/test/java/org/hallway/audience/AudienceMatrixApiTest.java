package org.hallway.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every audience against every read path, over the API, with readers inside and outside each audience.
 * alice writes; bob is in every group and receives her direct message; tom follows alice but is in no
 * group; eve is a colleague outside everything (and mentioned in a private group's post); gus is a
 * guest invited into the private group only.
 */
class AudienceMatrixApiTest extends ApiTest {
    static final String TAG = "matrix";

    Map<String, Api> readers;
    String open, backchannel, skunkworks;
    /** Post key → its id. */
    final Map<String, String> posts = new LinkedHashMap<>();
    /** Post key → the readers who may see it. */
    final Map<String, Set<String>> audience = new LinkedHashMap<>();
    /** Post key → a reply to it by bob, which must share its audience. */
    final Map<String, String> replies = new LinkedHashMap<>();

    @BeforeAll
    void setUpAudiences() {
        readers = new LinkedHashMap<>();
        readers.put("alice", alice);
        readers.put("bob", bob);
        readers.put("tom", tom);
        readers.put("eve", eve);
        readers.put("gus", gus);
        follow(tom, p.alice);

        open = group(alice, "Open kitchen", "public");
        backchannel = group(alice, "Backchannel", "private");
        skunkworks = group(alice, "Skunkworks", "secret");
        for (var g : List.of(open, backchannel, skunkworks)) addMember(alice, g, p.bob.idString());
        addMember(alice, backchannel, p.gus.idString());

        add("company", Map.of("status", "Company news #" + TAG), "alice", "bob", "tom", "eve");
        add("followers", Map.of("status", "For my followers #" + TAG, "visibility", "private"), "alice", "tom");
        add(
                "publicGroup",
                Map.of("status", "Open kitchen news #" + TAG, "group_id", open),
                "alice",
                "bob",
                "tom",
                "eve");
        add(
                "privateGroup",
                Map.of(
                        "status",
                        "Candid take on https://example.com/press-release, @eve would disagree #" + TAG,
                        "group_id",
                        backchannel),
                "alice",
                "bob",
                "gus");
        add("secretGroup", Map.of("status", "Skunkworks plan #" + TAG, "group_id", skunkworks), "alice", "bob");
        add("direct", Map.of("status", "@bob just between us #" + TAG, "visibility", "direct"), "alice", "bob");
        for (var key : posts.keySet()) {
            // Followers-only replies reach the replier's followers and whom they mention, as apps address them.
            var replier = key.equals("followers") ? tom : bob;
            var reply = post(replier, Map.of("status", "@alice Reply to " + key, "in_reply_to_id", posts.get(key)));
            replies.put(key, reply);
        }
    }

    @Test
    void singlePostAndItsReplyAnswerOnlyTheirAudienceAndNotFoundToEveryoneElse() {
        var soft = new SoftAssertions();
        eachCell((key, reader, sees) -> {
            int expected = sees ? 200 : 404;
            soft.assertThat(api(reader)
                            .get("/api/v1/statuses/" + posts.get(key))
                            .status())
                    .as("%s reads %s", reader, key)
                    .isEqualTo(expected);
            soft.assertThat(api(reader)
                            .get("/api/v1/statuses/" + replies.get(key))
                            .status())
                    .as("%s reads the reply to %s", reader, key)
                    .isEqualTo(expected);
            soft.assertThat(api(reader)
                            .get("/api/v1/statuses/" + posts.get(key) + "/context")
                            .status())
                    .as("%s reads the thread of %s", reader, key)
                    .isEqualTo(expected);
            soft.assertThat(api(reader)
                            .post("/api/v1/statuses/" + posts.get(key) + "/favourite")
                            .status())
                    .as("%s likes %s", reader, key)
                    .isEqualTo(expected);
            soft.assertThat(api(reader)
                            .get("/api/v1/statuses/" + posts.get(key) + "/favourited_by")
                            .status())
                    .as("%s lists who liked %s", reader, key)
                    .isEqualTo(expected);
        });
        soft.assertAll();
    }

    @Test
    void repliesInheritTheirPostsAudience() {
        var reply = bob.get("/api/v1/statuses/" + replies.get("privateGroup")).body();
        assertThat(reply.get("group_id").asString()).isEqualTo(backchannel);
        var direct = bob.get("/api/v1/statuses/" + replies.get("direct")).body();
        assertThat(direct.get("visibility").asString()).isEqualTo("direct");
        assertThat(ids(alice.get("/api/v1/statuses/" + posts.get("direct") + "/context")
                        .body()
                        .get("descendants")))
                .containsExactly(replies.get("direct"));
        var soft = new SoftAssertions();
        eachCell((key, reader, sees) -> {
            var descendants = api(reader)
                    .get("/api/v1/statuses/" + posts.get(key) + "/context")
                    .body();
            if (sees)
                soft.assertThat(ids(descendants.get("descendants")))
                        .as("%s sees the reply to %s", reader, key)
                        .contains(replies.get(key));
        });
        soft.assertAll();
    }

    @Test
    void homeFeedsHoldOnlyWhatTheirReaderMaySee() {
        // Fan-out: group posts to members, direct messages to participants, others to followers.
        awaitInHome(bob, posts.get("secretGroup"));
        awaitInHome(bob, posts.get("direct"));
        awaitInHome(gus, posts.get("privateGroup"));
        awaitInHome(tom, posts.get("followers"));
        awaitInHome(bob, replies.get("direct"));
        var soft = new SoftAssertions();
        eachCell((key, reader, sees) -> {
            if (!sees)
                soft.assertThat(ids(api(reader)
                                .get("/api/v1/timelines/home?limit=40")
                                .body()))
                        .as("%s's home feed and %s", reader, key)
                        .doesNotContain(posts.get(key), replies.get(key));
        });
        soft.assertAll();
        assertThat(ids(tom.get("/api/v1/timelines/home?limit=40").body()))
                .as("group posts go to members, not to the author's followers")
                .doesNotContain(posts.get("publicGroup"));
    }

    @Test
    void companyAndHashtagFeedsShowOnlyCompanyWidePostsAndNothingToGuests() {
        var soft = new SoftAssertions();
        for (var reader : readers.keySet()) {
            var company =
                    ids(api(reader).get("/api/v1/timelines/public?limit=40").body());
            var tag = ids(api(reader)
                    .get("/api/v1/timelines/tag/" + TAG + "?limit=40")
                    .body());
            if (reader.equals("gus")) {
                soft.assertThat(company).as("the guest's company feed").isEmpty();
                soft.assertThat(tag).as("the guest's hashtag feed").isEmpty();
                continue;
            }
            soft.assertThat(company).as("%s's company feed", reader).contains(posts.get("company"));
            soft.assertThat(tag).as("%s's hashtag feed", reader).containsExactly(posts.get("company"));
            for (var key : posts.keySet()) {
                if (key.equals("company")) continue;
                soft.assertThat(company)
                        .as("%s's company feed and %s", reader, key)
                        .doesNotContain(posts.get(key), replies.get(key));
            }
        }
        soft.assertAll();
    }

    @Test
    void profileShowsWhatTheReaderMaySeeButNeverDirectMessages() {
        var soft = new SoftAssertions();
        eachCell((key, reader, sees) -> {
            var profile = ids(api(reader)
                    .get("/api/v1/accounts/" + p.alice.idString() + "/statuses?limit=40")
                    .body());
            if (sees && !key.equals("direct"))
                soft.assertThat(profile)
                        .as("%s on alice's profile sees %s", reader, key)
                        .contains(posts.get(key));
            else
                soft.assertThat(profile)
                        .as("%s on alice's profile does not see %s", reader, key)
                        .doesNotContain(posts.get(key));
        });
        soft.assertAll();
    }

    @Test
    void groupFeedsAndGroupsAreVisibleByPrivacyAndSecretOnesAreNotFound() {
        var soft = new SoftAssertions();
        var groups = Map.of("publicGroup", open, "privateGroup", backchannel, "secretGroup", skunkworks);
        var listed = Map.of(
                "publicGroup", Set.of("alice", "bob", "tom", "eve"),
                "privateGroup", Set.of("alice", "bob", "tom", "eve", "gus"),
                "secretGroup", Set.of("alice", "bob"));
        for (var entry : groups.entrySet()) {
            for (var reader : readers.keySet()) {
                var key = entry.getKey();
                var group = entry.getValue();
                boolean isListed = listed.get(key).contains(reader);
                soft.assertThat(api(reader).get("/api/v1/groups/" + group).status())
                        .as("%s reads group %s", reader, key)
                        .isEqualTo(isListed ? 200 : 404);
                soft.assertThat(ids(api(reader).get("/api/v1/groups").body()))
                        .as("%s's group directory and %s", reader, key)
                        .matches(list -> list.contains(group) == isListed);
                var feed = api(reader).get("/api/v1/timelines/group/" + group);
                soft.assertThat(feed.status())
                        .as("%s reads %s's feed", reader, key)
                        .isEqualTo(isListed ? 200 : 404);
                if (feed.status() == 200) {
                    boolean reads = audience.get(key).contains(reader);
                    soft.assertThat(ids(feed.body()))
                            .as("%s reads %s's posts", reader, key)
                            .matches(list ->
                                    list.contains(posts.get(key)) == reads && list.contains(replies.get(key)) == reads);
                }
                soft.assertThat(api(reader)
                                .get("/api/v1/groups/" + group + "/members")
                                .status())
                        .as("%s lists %s's members", reader, key)
                        .isEqualTo(isListed ? 200 : 404);
            }
        }
        soft.assertAll();
    }

    @Test
    void guessingIdsOfSecretThingsAnswersNotFoundNeverForbidden() {
        for (var guesser : List.of(eve, tom, gus)) {
            for (var path : List.of(
                    "/api/v1/groups/" + skunkworks,
                    "/api/v1/timelines/group/" + skunkworks,
                    "/api/v1/groups/" + skunkworks + "/members",
                    "/api/v1/statuses/" + posts.get("secretGroup"),
                    "/api/v1/statuses/" + posts.get("direct"))) {
                assertThat(guesser.get(path).status()).as(path).isEqualTo(404);
            }
            for (var path : List.of(
                    "/api/v1/groups/" + skunkworks + "/join",
                    "/api/v1/groups/" + skunkworks + "/leave",
                    "/api/v1/statuses/" + posts.get("secretGroup") + "/reblog",
                    "/api/v1/statuses/" + posts.get("secretGroup") + "/bookmark",
                    "/api/v1/statuses/" + posts.get("direct") + "/reblog")) {
                assertThat(guesser.post(path).status()).as(path).isEqualTo(404);
            }
            assertThat(guesser.put("/api/v1/groups/" + skunkworks, Map.of("name", "Mine now"))
                            .status())
                    .isEqualTo(404);
            assertThat(guesser.delete("/api/v1/groups/" + skunkworks).status()).isEqualTo(404);
            var reply = guesser.post(
                    "/api/v1/statuses", Map.of("status", "guess", "in_reply_to_id", posts.get("secretGroup")));
            assertThat(reply.status()).isEqualTo(404);
            var into = guesser.post("/api/v1/statuses", Map.of("status", "guess", "group_id", skunkworks));
            assertThat(into.status()).isEqualTo(404);
        }
        var conversation =
                bob.get("/api/v1/conversations").body().get(0).get("id").asString();
        assertThat(eve.post("/api/v1/conversations/" + conversation + "/read").status())
                .isEqualTo(404);
        assertThat(eve.delete("/api/v1/conversations/" + conversation).status()).isEqualTo(404);
        assertThat(eve.get("/api/v1/groups/99999999999").status()).isEqualTo(404);
    }

    @Test
    void repostsNeverCarryAPostBeyondItsAudience() {
        assertThat(bob.post("/api/v1/statuses/" + posts.get("privateGroup") + "/reblog")
                        .status())
                .isEqualTo(403);
        assertThat(bob.post("/api/v1/statuses/" + posts.get("secretGroup") + "/reblog")
                        .status())
                .isEqualTo(403);
        assertThat(bob.post("/api/v1/statuses/" + posts.get("direct") + "/reblog")
                        .status())
                .isEqualTo(403);
        var repost = bob.post("/api/v1/statuses/" + posts.get("publicGroup") + "/reblog");
        assertThat(repost.status()).isEqualTo(200);
        var repostId = repost.body().get("id").asString();
        assertThat(gus.get("/api/v1/statuses/" + repostId).status()).isEqualTo(404);
        assertThat(eve.get("/api/v1/statuses/" + repostId).status()).isEqualTo(200);
    }

    @Test
    void countsDoNotRevealPostsTheReaderCannotSee() {
        // alice wrote two posts outside groups and direct messages; eve's view of her counts only those.
        var account = eve.get("/api/v1/accounts/" + p.alice.idString()).body();
        assertThat(account.get("statuses_count").asInt()).isEqualTo(2);
        var company = alice.post("/api/v1/statuses", Map.of("status", "Launch day"));
        var companyId = company.body().get("id").asString();
        post(bob, Map.of("status", "@alice privately: congrats", "visibility", "direct", "in_reply_to_id", companyId));
        assertThat(eve.get("/api/v1/statuses/" + companyId)
                        .body()
                        .get("replies_count")
                        .asInt())
                .isZero();
    }

    @Test
    void aMentionNeverWidensAGroupPost() {
        assertThat(eve.get("/api/v1/statuses/" + posts.get("privateGroup")).status())
                .isEqualTo(404);
        await().atMost(FAN_OUT)
                .until(() -> ids(gus.get("/api/v1/timelines/home").body()).contains(posts.get("privateGroup")));
        assertThat(ids(eve.get("/api/v1/timelines/home?limit=40").body())).doesNotContain(posts.get("privateGroup"));
    }

    private void add(String key, Map<String, String> body, String... seers) {
        posts.put(key, post(alice, body));
        audience.put(key, Set.of(seers));
    }

    private Api api(String reader) {
        return readers.get(reader);
    }

    interface Cell {
        void check(String post, String reader, boolean sees);
    }

    private void eachCell(Cell cell) {
        for (var key : posts.keySet())
            for (var reader : readers.keySet())
                cell.check(key, reader, audience.get(key).contains(reader));
    }

    static String group(Api admin, String name, String privacy) {
        var created =
                admin.post("/api/v1/groups", Map.of("name", name, "description", "About " + name, "privacy", privacy));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        return created.body().get("id").asString();
    }

    static void addMember(Api admin, String group, String accountId) {
        var added = admin.post("/api/v1/groups/" + group + "/members", Map.of("account_ids", List.of(accountId)));
        assertThat(added.status()).as("%s", added.body()).isEqualTo(200);
    }
}
