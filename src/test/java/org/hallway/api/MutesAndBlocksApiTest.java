package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Mutes and blocks over Mastodon's API: what leaves the feeds and notifications, and what a block ends. */
class MutesAndBlocksApiTest extends ApiTest {
    @Autowired
    JdbcClient jdbc;

    record Colleague(Personas.Persona persona, Api api) {
        String id() {
            return persona.idString();
        }
    }

    private Colleague colleague(String name) {
        var persona = p.add(name, name, "", "", "", null);
        return new Colleague(persona, anonymous.as(persona.token()));
    }

    @Test
    void mutedColleaguesPostsAndRepostsLeaveTheMutersFeedsUntilUnmuted() {
        var reader = colleague("mreader");
        var muted = colleague("mmuted");
        var sharer = colleague("msharer");
        follow(reader.api, sharer.persona);
        var shared = post(muted.api, "Quarterly numbers #mutetopic");
        var repost = sharer.api
                .post("/api/v1/statuses/" + shared + "/reblog")
                .body()
                .get("id")
                .asString();
        awaitInHome(reader.api, repost);
        follow(reader.api, muted.persona);
        var own = post(muted.api, "Annual numbers");
        var other = post(sharer.api, "Lunch at noon #mutetopic");
        awaitInHome(reader.api, own);
        awaitInHome(reader.api, other);

        var relationship = reader.api.post("/api/v1/accounts/" + muted.id() + "/mute");
        assertThat(relationship.status()).isEqualTo(200);
        assertThat(relationship.body().get("muting").asBoolean()).isTrue();
        assertThat(relationship.body().get("muting_notifications").asBoolean()).isTrue();
        assertThat(MastodonSchema.problems("Relationship", relationship.body())).isEmpty();

        assertThat(ids(reader.api.get("/api/v1/timelines/home?limit=40").body()))
                .contains(other)
                .doesNotContain(own, repost, shared);
        assertThat(ids(reader.api.get("/api/v1/timelines/public?limit=40").body()))
                .contains(other)
                .doesNotContain(own, shared);
        assertThat(ids(reader.api.get("/api/v1/timelines/tag/mutetopic").body()))
                .containsExactly(other);
        var list = reader.api
                .post("/api/v1/lists", Map.of("title", "Team"))
                .body()
                .get("id")
                .asString();
        reader.api.post("/api/v1/lists/" + list + "/accounts", Map.of("account_ids", List.of(muted.id(), sharer.id())));
        assertThat(ids(reader.api.get("/api/v1/timelines/list/" + list).body()))
                .contains(other)
                .doesNotContain(own, repost, shared);
        // Others are not affected, and the muted colleague's profile and posts stay reachable.
        assertThat(ids(sharer.api.get("/api/v1/timelines/public?limit=40").body()))
                .contains(own);
        assertThat(reader.api.get("/api/v1/statuses/" + own).status()).isEqualTo(200);
        assertThat(reader.api.get("/api/v1/accounts/" + muted.id()).status()).isEqualTo(200);

        var mutes = reader.api.get("/api/v1/mutes");
        assertThat(ids(mutes.body())).containsExactly(muted.id());
        assertThat(MastodonSchema.problems("Account", mutes.body().get(0))).isEmpty();
        assertThat(mutes.body().get(0).has("mute_expires_at")).isTrue();
        assertThat(mutes.body().get(0).get("mute_expires_at").isNull())
                .as("muted until unmuted")
                .isTrue();

        var unmuted = reader.api.post("/api/v1/accounts/" + muted.id() + "/unmute");
        assertThat(unmuted.body().get("muting").asBoolean()).isFalse();
        assertThat(ids(reader.api.get("/api/v1/timelines/home?limit=40").body()))
                .contains(own)
                .containsAnyOf(repost, shared);
        assertThat(ids(reader.api.get("/api/v1/mutes").body())).isEmpty();
    }

    @Test
    void muteHidesNotificationsOnlyWhenAskedTo() {
        var reader = colleague("nreader");
        var loud = colleague("nloud");
        var quiet = colleague("nquiet");
        reader.api.post("/api/v1/accounts/" + loud.id() + "/mute", Map.of("notifications", false));
        reader.api.post("/api/v1/accounts/" + quiet.id() + "/mute", Map.of("notifications", true));
        var fromLoud = post(loud.api, "Hey @nreader, a question");
        var fromQuiet = post(quiet.api, "Hey @nreader, another question");
        var control = post(alice, "Hey @nreader, from Alice");
        await().atMost(FAN_OUT).until(() -> notifiedStatuses(reader.api).contains(control));
        assertThat(notifiedStatuses(reader.api)).contains(fromLoud).doesNotContain(fromQuiet);

        var relationships = reader.api
                .get("/api/v1/accounts/relationships?id[]=" + loud.id() + "&id[]=" + quiet.id())
                .body();
        assertThat(relationships.get(0).get("muting").asBoolean()).isTrue();
        assertThat(relationships.get(0).get("muting_notifications").asBoolean()).isFalse();
        assertThat(relationships.get(1).get("muting_notifications").asBoolean()).isTrue();
    }

    @Test
    void aTimedMuteEndsByItself() {
        var reader = colleague("treader");
        var muted = colleague("tmuted");
        follow(reader.api, muted.persona);
        var id = post(muted.api, "Status update");
        awaitInHome(reader.api, id);
        reader.api.post("/api/v1/accounts/" + muted.id() + "/mute", Map.of("duration", 3600));
        assertThat(ids(reader.api.get("/api/v1/timelines/home").body())).doesNotContain(id);
        var listed = reader.api.get("/api/v1/mutes").body();
        assertThat(ids(listed)).containsExactly(muted.id());
        // Compat(mastodon 4.3): the list says when the mute ends, about an hour from now.
        var expires =
                java.time.Instant.parse(listed.get(0).get("mute_expires_at").asString());
        assertThat(expires)
                .isBetween(
                        java.time.Instant.now().plusSeconds(3500),
                        java.time.Instant.now().plusSeconds(3700));
        assertThat(listed.get(0).get("username").asString()).isEqualTo("tmuted");

        // An hour later: the mute's expiry has passed.
        jdbc.sql("update mutes set expires_at = now() - interval '1 second' where account_id = ?")
                .param(reader.persona.id())
                .update();

        assertThat(ids(reader.api.get("/api/v1/timelines/home").body())).contains(id);
        assertThat(ids(reader.api.get("/api/v1/mutes").body())).isEmpty();
        var relationship = reader.api
                .get("/api/v1/accounts/relationships?id[]=" + muted.id())
                .body()
                .get(0);
        assertThat(relationship.get("muting").asBoolean()).isFalse();
    }

    @Test
    void aTimedMuteMadeBeforeTheFirstReadEndsByItselfToo() {
        var reader = colleague("freader");
        var muted = colleague("fmuted");
        follow(reader.api, muted.persona);
        var id = post(muted.api, "Sprint review notes");
        assertThat(reader.api
                        .post("/api/v1/accounts/" + muted.id() + "/mute", Map.of("duration", 3600))
                        .status())
                .isEqualTo(200);
        // The reader's first page reads their feed from storage, the mute that ends by itself with it.
        assertThat(ids(reader.api.get("/api/v1/timelines/home").body())).doesNotContain(id);

        jdbc.sql("update mutes set expires_at = now() - interval '1 second' where account_id = ?")
                .param(reader.persona.id())
                .update();

        assertThat(ids(reader.api.get("/api/v1/timelines/home").body())).contains(id);
    }

    @Test
    void mutesAreListedNewestFirstInPagesWithLinks() {
        var reader = colleague("lreader");
        var first = colleague("lfirst");
        var second = colleague("lsecond");
        var third = colleague("lthird");
        for (var c : List.of(first, second, third)) reader.api.post("/api/v1/accounts/" + c.id() + "/mute");
        var page = reader.api.get("/api/v1/mutes?limit=2");
        assertThat(ids(page.body())).containsExactly(third.id(), second.id());
        var next = link(page, "next");
        assertThat(next).startsWith("http");
        var rest = reader.api.get(next.substring(next.indexOf("/api/")));
        assertThat(ids(rest.body())).containsExactly(first.id());
    }

    @Test
    void refusesToMuteOrBlockOneselfOrNobody() {
        var reader = colleague("rreader");
        var other = colleague("rother");
        assertThat(reader.api.post("/api/v1/accounts/" + reader.id() + "/mute").status())
                .isEqualTo(422);
        assertThat(reader.api.post("/api/v1/accounts/" + reader.id() + "/block").status())
                .isEqualTo(422);
        var negative = reader.api.post("/api/v1/accounts/" + other.id() + "/mute", Map.of("duration", -5));
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.error()).isNotBlank();
        assertThat(reader.api.post("/api/v1/accounts/1234567/mute").status()).isEqualTo(404);
        assertThat(reader.api.post("/api/v1/accounts/1234567/block").status()).isEqualTo(404);
        // A colleague of another network is as absent as nobody.
        assertThat(eve.post("/api/v1/accounts/" + other.id() + "/block").status())
                .isIn(200, 404);
        assertThat(ids(reader.api.get("/api/v1/mutes").body())).isEmpty();
    }

    @Test
    void blockEndsFollowsBothWaysAndHidesEachOthersPostsAndNotifications() {
        var blocker = colleague("bblocker");
        var blocked = colleague("bblocked");
        follow(blocker.api, blocked.persona);
        follow(blocked.api, blocker.persona);
        var byBlocked = post(blocked.api, "Before the block");
        var byBlocker = post(blocker.api, "Mine before the block");
        awaitInHome(blocker.api, byBlocked);
        awaitInHome(blocked.api, byBlocker);

        var relationship = blocker.api.post("/api/v1/accounts/" + blocked.id() + "/block");
        assertThat(relationship.status()).isEqualTo(200);
        assertThat(MastodonSchema.problems("Relationship", relationship.body())).isEmpty();
        assertThat(relationship.body().get("blocking").asBoolean()).isTrue();
        assertThat(relationship.body().get("following").asBoolean()).isFalse();
        assertThat(relationship.body().get("followed_by").asBoolean()).isFalse();
        var seenByBlocked = blocked.api
                .get("/api/v1/accounts/relationships?id[]=" + blocker.id())
                .body()
                .get(0);
        assertThat(seenByBlocked.get("blocked_by").asBoolean()).isTrue();
        assertThat(seenByBlocked.get("following").asBoolean()).isFalse();

        assertThat(ids(blocker.api
                        .get("/api/v1/accounts/" + blocker.id() + "/following")
                        .body()))
                .doesNotContain(blocked.id());
        assertThat(ids(blocker.api
                        .get("/api/v1/accounts/" + blocker.id() + "/followers")
                        .body()))
                .doesNotContain(blocked.id());
        assertThat(ids(blocker.api.get("/api/v1/timelines/public?limit=40").body()))
                .doesNotContain(byBlocked);
        assertThat(ids(blocked.api.get("/api/v1/timelines/public?limit=40").body()))
                .doesNotContain(byBlocker);
        awaitNotInHome(blocker.api, byBlocked);

        // Neither hears from the other, nor may follow again; profiles stay visible (colleagues).
        var mention = post(blocked.api, "Hey @bblocker");
        var control = post(bob, "Hey @bblocker, from Bob");
        await().atMost(FAN_OUT).until(() -> notifiedStatuses(blocker.api).contains(control));
        assertThat(notifiedStatuses(blocker.api)).doesNotContain(mention);
        var refollow = blocked.api.post("/api/v1/accounts/" + blocker.id() + "/follow");
        assertThat(refollow.status()).isEqualTo(403);
        assertThat(refollow.error()).isNotBlank();
        assertThat(blocker.api
                        .post("/api/v1/accounts/" + blocked.id() + "/follow")
                        .status())
                .isEqualTo(403);
        assertThat(blocked.api.get("/api/v1/accounts/" + blocker.id()).status()).isEqualTo(200);

        var blocks = blocker.api.get("/api/v1/blocks");
        assertThat(ids(blocks.body())).containsExactly(blocked.id());
        assertThat(ids(blocked.api.get("/api/v1/blocks").body())).isEmpty();

        var lifted = blocker.api.post("/api/v1/accounts/" + blocked.id() + "/unblock");
        assertThat(lifted.body().get("blocking").asBoolean()).isFalse();
        assertThat(ids(blocker.api.get("/api/v1/timelines/public?limit=40").body()))
                .contains(byBlocked);
        assertThat(blocked.api
                        .post("/api/v1/accounts/" + blocker.id() + "/follow")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void membersOfAnExclusiveListLeaveTheHomeFeedForTheList() {
        var reader = colleague("xreader");
        var member = colleague("xmember");
        var other = colleague("xother");
        follow(reader.api, member.persona);
        follow(reader.api, other.persona);
        var byMember = post(member.api, "Design review notes");
        var byOther = post(other.api, "Sales update");
        awaitInHome(reader.api, byMember);
        awaitInHome(reader.api, byOther);
        var list = reader.api
                .post("/api/v1/lists", Map.of("title", "Design", "exclusive", true))
                .body();
        assertThat(list.get("exclusive").asBoolean()).isTrue();
        var listId = list.get("id").asString();
        reader.api.post("/api/v1/lists/" + listId + "/accounts", Map.of("account_ids", List.of(member.id())));
        var mine = post(reader.api, "My own post");
        // One's own post reaches one's home feed after commit, like everyone else's.
        awaitInHome(reader.api, mine);

        assertThat(ids(reader.api.get("/api/v1/timelines/home?limit=40").body()))
                .contains(byOther, mine)
                .doesNotContain(byMember);
        assertThat(ids(reader.api.get("/api/v1/timelines/list/" + listId).body()))
                .contains(byMember);

        reader.api.put("/api/v1/lists/" + listId, Map.of("exclusive", false));
        assertThat(ids(reader.api.get("/api/v1/timelines/home?limit=40").body()))
                .contains(byMember, byOther);
    }

    private static List<String> notifiedStatuses(Api api) {
        var result = new java.util.ArrayList<String>();
        for (JsonNode n : api.get("/api/v1/notifications?limit=40").body()) {
            if (n.has("status") && !n.get("status").isNull())
                result.add(n.get("status").get("id").asString());
        }
        return result;
    }
}
