package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.junit.jupiter.api.Test;

class AccountsApiTest extends ApiTest {

    @Test
    void verifiesCredentialsWithSourceAndWorkContext() {
        var me = bob.get("/api/v1/accounts/verify_credentials");
        assertThat(me.status()).isEqualTo(200);
        var body = me.body();
        assertThat(body.get("id").asString()).isEqualTo(p.bob.idString());
        assertThat(body.get("username").asString()).isEqualTo("bob");
        assertThat(body.get("acct").asString()).isEqualTo("bob");
        assertThat(body.get("display_name").asString()).isEqualTo("Bob Brown");
        assertThat(body.get("source").get("privacy").asString()).isEqualTo("public");
        assertThat(body.get("source").get("note").isString()).isTrue();
        assertThat(body.get("source").get("fields").isArray()).isTrue();
        assertThat(body.get("title").asString()).isEqualTo("Engineer");
        assertThat(body.get("department").asString()).isEqualTo("Engineering");
        assertThat(body.get("location").asString()).isEqualTo("Lisbon");
        assertThat(body.get("manager").get("id").asString()).isEqualTo(p.alice.idString());
        assertThat(body.get("manager").get("username").asString()).isEqualTo("alice");
        var fieldNames = new ArrayList<String>();
        for (var field : body.get("fields")) fieldNames.add(field.get("name").asString());
        assertThat(fieldNames).containsExactly("Title", "Department", "Location", "Manager");
        assertThat(body.get("avatar").asString()).startsWith("http");
        assertThat(MastodonSchema.problems("CredentialAccount", body)).isEmpty();
    }

    @Test
    void showsAccountWithNullsPresentAndIdsAsStrings() {
        var eveSeen = alice.get("/api/v1/accounts/" + p.eve.idString());
        assertThat(eveSeen.status()).isEqualTo(200);
        assertThat(eveSeen.body().get("id").isString()).isTrue();
        assertThat(eveSeen.body().has("source")).isFalse();
        assertThat(eveSeen.body().has("manager")).isTrue();
        assertThat(eveSeen.body().get("manager").isNull()).isTrue();
        assertThat(eveSeen.body().has("last_status_at")).isTrue();
        assertThat(MastodonSchema.problems("Account", eveSeen.body())).isEmpty();
    }

    @Test
    void answers404ForUnknownOrMalformedAccountIds() {
        for (var id : List.of("1", "999999999999", "abc", "12abc", "-5")) {
            var response = alice.get("/api/v1/accounts/" + id);
            assertThat(response.status()).as(id).isEqualTo(404);
            assertThat(response.error()).as(id).isNotBlank();
        }
        assertThat(alice.get("/api/v1/accounts/abc/statuses").status()).isEqualTo(404);
        assertThat(alice.get("/api/v1/accounts/1/followers").status()).isEqualTo(404);
        assertThat(alice.post("/api/v1/accounts/1/follow").status()).isEqualTo(404);
        assertThat(alice.post("/api/v1/accounts/zzz/unfollow").status()).isEqualTo(404);
    }

    @Test
    void answers404ForAccountOfAnotherNetwork() {
        var other = factory.create();
        assertThat(alice.get("/api/v1/accounts/" + other.alice.idString()).status())
                .isEqualTo(404);
        assertThat(alice.get("/api/v1/accounts/" + other.alice.idString() + "/statuses")
                        .status())
                .isEqualTo(404);
        assertThat(alice.post("/api/v1/accounts/" + other.alice.idString() + "/follow")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void listsStatusesWithoutRepliesOrReblogsOnRequest() {
        var writer = colleague("writer");
        var original = post(writer, "An original thought");
        var reply = post(writer, Map.of("status", "Replying to myself", "in_reply_to_id", original));
        var others = post(alice, "Alice says hi");
        var replyToOther = post(writer, Map.of("status", "Answering alice", "in_reply_to_id", others));
        var reblog = writer.post("/api/v1/statuses/" + others + "/reblog")
                .body()
                .get("id")
                .asString();
        var path = "/api/v1/accounts/" + id(writer) + "/statuses";

        assertThat(ids(alice.get(path).body())).containsExactly(reblog, replyToOther, reply, original);
        // Compat(mastodon): a reply to oneself is a thread, not a reply, and stays with exclude_replies.
        assertThat(ids(alice.get(path + "?exclude_replies=true").body())).containsExactly(reblog, reply, original);
        assertThat(ids(alice.get(path + "?exclude_reblogs=true").body()))
                .containsExactly(replyToOther, reply, original);
        var reblogged = alice.get(path).body().get(0);
        assertThat(reblogged.get("reblog").get("id").asString()).isEqualTo(others);
        assertThat(alice.get(path + "?pinned=true").body().size()).isZero();
    }

    @Test
    void pagesThroughStatusesWithLinkHeader() {
        var writer = colleague("pager");
        var posted = new ArrayList<String>();
        for (int i = 0; i < 5; i++) posted.add(post(writer, "Status number " + i));
        var path = "/api/v1/accounts/" + id(writer) + "/statuses";
        var first = alice.get(path + "?limit=2");
        assertThat(ids(first.body())).containsExactly(posted.get(4), posted.get(3));
        var next = link(first, "next");
        assertThat(next)
                .startsWith(baseUrl())
                .contains("max_id=" + posted.get(3))
                .contains("limit=2");
        var second = alice.get(next);
        assertThat(ids(second.body())).containsExactly(posted.get(2), posted.get(1));
        var prev = link(second, "prev");
        assertThat(prev).contains("min_id=" + posted.get(2));
        assertThat(ids(alice.get(prev).body())).containsExactly(posted.get(4), posted.get(3));
        assertThat(ids(alice.get(path + "?since_id=" + posted.get(2)).body()))
                .containsExactly(posted.get(4), posted.get(3));
        assertThat(ids(alice.get(path + "?min_id=" + posted.get(0) + "&limit=1").body()))
                .containsExactly(posted.get(1));
        assertThat(alice.get(path + "?max_id=banana").status()).isEqualTo(422);
    }

    @Test
    void followReturnsRelationshipAndListsFollowersAndFollowing() {
        var fan = colleague("fan");
        var star = p.add("star", "Star Stellar", "CEO", "Board", "Zurich", null);
        var fan2 = colleague("fan2");
        var followed = fan.post("/api/v1/accounts/" + star.idString() + "/follow");
        assertThat(followed.status()).isEqualTo(200);
        assertThat(followed.body().get("id").asString()).isEqualTo(star.idString());
        assertThat(followed.body().get("following").asBoolean()).isTrue();
        assertThat(followed.body().get("followed_by").asBoolean()).isFalse();
        assertThat(MastodonSchema.problems("Relationship", followed.body())).isEmpty();
        var again = fan.post("/api/v1/accounts/" + star.idString() + "/follow");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("following").asBoolean()).isTrue();
        fan2.post("/api/v1/accounts/" + star.idString() + "/follow");

        var followers = alice.get("/api/v1/accounts/" + star.idString() + "/followers");
        assertThat(followers.status()).isEqualTo(200);
        assertThat(ids(followers.body())).containsExactly(id(fan2), id(fan));
        var firstPage = alice.get("/api/v1/accounts/" + star.idString() + "/followers?limit=1");
        assertThat(ids(firstPage.body())).containsExactly(id(fan2));
        var next = link(firstPage, "next");
        assertThat(next).startsWith("http");
        assertThat(ids(alice.get(next).body())).containsExactly(id(fan));

        var following = alice.get("/api/v1/accounts/" + id(fan) + "/following");
        assertThat(ids(following.body())).containsExactly(star.idString());
        assertThat(link(following, "next")).startsWith("http");
        assertThat(alice.get("/api/v1/accounts/" + star.idString())
                        .body()
                        .get("followers_count")
                        .asInt())
                .isEqualTo(2);
        assertThat(alice.get("/api/v1/accounts/" + id(fan) + "/following?limit=5")
                        .header("Link"))
                .isNotNull();
    }

    @Test
    void rejectsFollowingYourself() {
        var response = tom.post("/api/v1/accounts/" + p.tom.idString() + "/follow");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.error()).isNotBlank();
    }

    @Test
    void unfollowReturnsRelationshipAndRemovesTheirPostsFromHomeFeed() {
        var reader = colleague("reader");
        var author = p.add("author", "Arthur Author", "Writer", "Comms", "Rome", null);
        var authorApi = anonymous.as(author.token());
        reader.post("/api/v1/accounts/" + author.idString() + "/follow");
        var status = post(authorApi, "Read me while you can");
        awaitInHome(reader, status);
        var unfollowed = reader.post("/api/v1/accounts/" + author.idString() + "/unfollow");
        assertThat(unfollowed.status()).isEqualTo(200);
        assertThat(unfollowed.body().get("following").asBoolean()).isFalse();
        awaitNotInHome(reader, status);
        var again = reader.post("/api/v1/accounts/" + author.idString() + "/unfollow");
        assertThat(again.status()).isEqualTo(200);
    }

    @Test
    void reportsRelationshipsForKnownIdsOnly() {
        var a = colleague("rel_a");
        var b = p.add("rel_b", "Rel B", "", "", "", null);
        var bApi = anonymous.as(b.token());
        a.post("/api/v1/accounts/" + b.idString() + "/follow");
        bApi.post("/api/v1/accounts/" + id(a) + "/follow");
        var other = factory.create();
        var response = a.get("/api/v1/accounts/relationships?id[]=" + b.idString() + "&id[]=" + p.eve.idString()
                + "&id[]=nonsense&id[]=" + other.alice.idString());
        assertThat(response.status()).isEqualTo(200);
        assertThat(ids(response.body())).containsExactly(b.idString(), p.eve.idString());
        assertThat(response.body().get(0).get("following").asBoolean()).isTrue();
        assertThat(response.body().get(0).get("followed_by").asBoolean()).isTrue();
        assertThat(response.body().get(1).get("following").asBoolean()).isFalse();
        var single = a.get("/api/v1/accounts/relationships?id=" + b.idString());
        assertThat(ids(single.body())).containsExactly(b.idString());
    }

    @Test
    void looksUpAccountByAcct() {
        var found = eve.get("/api/v1/accounts/lookup?acct=bob");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("id").asString()).isEqualTo(p.bob.idString());
        assertThat(eve.get("/api/v1/accounts/lookup?acct=@bob").body().get("id").asString())
                .isEqualTo(p.bob.idString());
        assertThat(eve.get("/api/v1/accounts/lookup?acct=nobody_here").status()).isEqualTo(404);
        assertThat(eve.get("/api/v1/accounts/lookup").status()).isEqualTo(422);
    }

    @Test
    void searchesColleaguesByUsernameAndName() {
        var byUsername = eve.get("/api/v1/accounts/search?q=tom");
        assertThat(byUsername.status()).isEqualTo(200);
        assertThat(ids(byUsername.body())).contains(p.tom.idString());
        var byLastName = eve.get("/api/v1/accounts/search?q=Adams");
        assertThat(ids(byLastName.body())).contains(p.alice.idString());
        assertThat(eve.get("/api/v1/accounts/search?q=zzzznobody").body().size())
                .isZero();
        assertThat(eve.get("/api/v1/accounts/search?q=%25").body().size()).isZero();
        assertThat(eve.get("/api/v1/accounts/search").status()).isEqualTo(422);
    }

    @Test
    void updatesCredentialsFromJsonAndForm() {
        var me = colleague("updater");
        var updated = me.patch(
                "/api/v1/accounts/update_credentials",
                Map.of("display_name", "Ursula Updated", "note", "Hello <b>world</b>", "title", "Staff Engineer"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("display_name").asString()).isEqualTo("Ursula Updated");
        assertThat(updated.body().get("note").asString()).contains("&lt;b&gt;").doesNotContain("<b>");
        assertThat(updated.body().get("source").get("note").asString()).isEqualTo("Hello <b>world</b>");
        assertThat(updated.body().get("title").asString()).isEqualTo("Staff Engineer");
        var form = me.send(
                "PATCH",
                "/api/v1/accounts/update_credentials",
                "application/x-www-form-urlencoded",
                "location=Oslo&department=Platform");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body().get("location").asString()).isEqualTo("Oslo");
        assertThat(form.body().get("display_name").asString()).isEqualTo("Ursula Updated");
        var seen = alice.get("/api/v1/accounts/" + id(me));
        assertThat(seen.body().get("department").asString()).isEqualTo("Platform");
        var tooLong = me.patch("/api/v1/accounts/update_credentials", Map.of("display_name", "x".repeat(101)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.error()).isNotBlank();
    }

    @Test
    void updatesCredentialsFromMultipartAsWebAppsSendIt() {
        var me = colleague("multiparter");
        var updated = me.multipart(
                "PATCH",
                "/api/v1/accounts/update_credentials",
                Map.of("display_name", "Mia Multipart", "note", "Sent as form-data"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("display_name").asString()).isEqualTo("Mia Multipart");
        assertThat(updated.body().get("source").get("note").asString()).isEqualTo("Sent as form-data");
    }

    private Api colleague(String username) {
        var persona = p.add(username, username.substring(0, 1).toUpperCase() + username.substring(1), "", "", "", null);
        return anonymous.as(persona.token());
    }

    private String id(Api api) {
        return api.get("/api/v1/accounts/verify_credentials").body().get("id").asString();
    }
}
