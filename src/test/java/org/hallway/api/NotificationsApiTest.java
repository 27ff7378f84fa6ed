package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Notifications over Mastodon's API: each type, its removal, filters, paging, dismiss, clear, unread count. */
class NotificationsApiTest extends ApiTest {

    @Test
    void mentionNotifiesTheMentionedColleagueInMastodonShape() {
        var author = colleague("mauthor");
        var reader = colleague("mreader");
        var id = post(author.api, "Hello @mreader, see <b>this</b>");
        var n = awaitOne(reader.api, "mention", id);
        assertThat(n.get("account").get("id").asString()).isEqualTo(author.persona.idString());
        assertThat(n.get("status").get("content").asString()).contains("&lt;b&gt;this&lt;/b&gt;");
        assertThat(n.get("group_key").asString())
                .isEqualTo("ungrouped-" + n.get("id").asString());
        assertThat(MastodonSchema.problems("Notification", n)).isEmpty();
        assertThat(reader.api
                        .get("/api/v1/notifications/" + n.get("id").asString())
                        .body()
                        .get("id")
                        .asString())
                .isEqualTo(n.get("id").asString());
    }

    @Test
    void replyNotifiesTheParentsAuthorOnceAsAMention() {
        var author = colleague("rauthor");
        var replier = colleague("rreplier");
        var parent = post(author.api, "What do you think?");
        var plain = post(replier.api, Map.of("status", "I agree", "in_reply_to_id", parent));
        var mentioning = post(replier.api, Map.of("status", "@rauthor and more", "in_reply_to_id", parent));
        awaitOne(author.api, "mention", plain);
        awaitOne(author.api, "mention", mentioning);
        assertThat(statusIds(all(author.api))).containsExactly(mentioning, plain);
    }

    @Test
    void likeNotifiesOnceAndUnlikeRemovesIt() {
        var author = colleague("lauthor");
        var fan = colleague("lfan");
        var id = post(author.api, "Like me");
        fan.api.post("/api/v1/statuses/" + id + "/favourite");
        var n = awaitOne(author.api, "favourite", id);
        assertThat(n.get("account").get("id").asString()).isEqualTo(fan.persona.idString());
        assertThat(n.get("group_key").asString()).isEqualTo("favourite-" + id);
        fan.api.post("/api/v1/statuses/" + id + "/unfavourite");
        awaitNone(author.api, "favourite", id);
        fan.api.post("/api/v1/statuses/" + id + "/favourite");
        fan.api.post("/api/v1/statuses/" + id + "/favourite");
        awaitOne(author.api, "favourite", id);
        assertThat(all(author.api)).hasSize(1);
    }

    @Test
    void repostNotifiesAndUndoingItRemovesTheNotification() {
        var author = colleague("bauthor");
        var sharer = colleague("bsharer");
        var id = post(author.api, "Share me");
        assertThat(sharer.api.post("/api/v1/statuses/" + id + "/reblog").status())
                .isEqualTo(200);
        var n = awaitOne(author.api, "reblog", id);
        assertThat(n.get("account").get("id").asString()).isEqualTo(sharer.persona.idString());
        assertThat(MastodonSchema.problems("Notification", n)).isEmpty();
        sharer.api.post("/api/v1/statuses/" + id + "/unreblog");
        awaitNone(author.api, "reblog", id);
    }

    @Test
    void followNotifiesAndUnfollowRemovesIt() {
        var followee = colleague("ffollowee");
        var follower = colleague("ffollower");
        follow(follower.api, followee.persona);
        await().atMost(FAN_OUT).until(() -> types(all(followee.api)).contains("follow"));
        var n = all(followee.api).get(0);
        assertThat(n.get("account").get("id").asString()).isEqualTo(follower.persona.idString());
        assertThat(n.has("status")).isFalse();
        assertThat(MastodonSchema.problems("Notification", n)).isEmpty();
        follower.api.post("/api/v1/accounts/" + followee.persona.idString() + "/unfollow");
        await().atMost(FAN_OUT).until(() -> all(followee.api).isEmpty());
    }

    @Test
    void editOfARepostedPostNotifiesTheReposter() {
        var author = colleague("eauthor");
        var sharer = colleague("esharer");
        var id = post(author.api, "First version");
        sharer.api.post("/api/v1/statuses/" + id + "/reblog");
        awaitOne(author.api, "reblog", id);
        assertThat(author.api
                        .put("/api/v1/statuses/" + id, Map.of("status", "Second version"))
                        .status())
                .isEqualTo(200);
        var n = awaitOne(sharer.api, "update", id);
        assertThat(n.get("status").get("content").asString()).contains("Second version");
        assertThat(n.get("account").get("id").asString()).isEqualTo(author.persona.idString());
    }

    @Test
    void everyLaterEditNotifiesRepostersAndLikersAgainListedOncePerPost() {
        var author = colleague("e2author");
        var sharer = colleague("e2sharer");
        var fan = colleague("e2fan");
        var id = post(author.api, "Version one");
        sharer.api.post("/api/v1/statuses/" + id + "/reblog");
        fan.api.post("/api/v1/statuses/" + id + "/favourite");
        awaitOne(author.api, "reblog", id);
        awaitOne(author.api, "favourite", id);

        edit(author.api, id, "Version two");
        var first = awaitOne(sharer.api, "update", id);
        var firstForFan = awaitOne(fan.api, "update", id);
        assertThat(first.get("status").get("content").asString()).contains("Version two");
        markNotificationsRead(sharer.api, first);
        markNotificationsRead(fan.api, firstForFan);
        assertThat(unread(sharer.api)).isZero();

        // Mastodon notifies on each edit: the second and third edits are heard again.
        for (var version : List.of("Version three", "Version four")) {
            edit(author.api, id, version);
            for (var who : List.of(sharer, fan)) {
                await().atMost(FAN_OUT)
                        .until(() -> find(
                                        all(who.api),
                                        n -> n.get("type").asString().equals("update")
                                                && n.get("status")
                                                        .get("content")
                                                        .asString()
                                                        .contains(version))
                                != null);
                var again = awaitOne(who.api, "update", id);
                assertThat(Long.parseLong(again.get("id").asString()))
                        .isGreaterThan(Long.parseLong(first.get("id").asString()));
                assertThat(unread(who.api)).isEqualTo(1);
                assertThat(MastodonSchema.problems("Notification", again)).isEmpty();
            }
        }
        // The author hears nothing of their own edits.
        assertThat(types(all(author.api))).doesNotContain("update");
    }

    private static void edit(Api api, String id, String text) {
        assertThat(api.put("/api/v1/statuses/" + id, Map.of("status", text)).status())
                .isEqualTo(200);
    }

    private static void markNotificationsRead(Api api, JsonNode newest) {
        assertThat(api.post(
                                "/api/v1/markers",
                                Map.of(
                                        "notifications",
                                        Map.of("last_read_id", newest.get("id").asString())))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void deletingAPostRemovesItsNotifications() {
        var author = colleague("dauthor");
        var reader = colleague("dreader");
        var id = post(author.api, "@dreader oops");
        reader.api.post("/api/v1/statuses/" + id + "/favourite");
        awaitOne(reader.api, "mention", id);
        awaitOne(author.api, "favourite", id);
        author.api.delete("/api/v1/statuses/" + id);
        awaitNone(reader.api, "mention", id);
        awaitNone(author.api, "favourite", id);
    }

    @Test
    void ownActionsNotifyNobody() {
        var self = colleague("oself");
        var other = colleague("oother");
        var id = post(self.api, "Me, @oself, liking my own post");
        self.api.post("/api/v1/statuses/" + id + "/favourite");
        other.api.post("/api/v1/statuses/" + id + "/favourite");
        awaitOne(self.api, "favourite", id);
        assertThat(all(self.api)).hasSize(1);
    }

    @Test
    void notificationAboutAFollowersOnlyReplyDisappearsWhenTheReaderUnfollows() {
        var reader = colleague("vreader");
        var writer = colleague("vwriter");
        follow(reader.api, writer.persona);
        var parent = post(reader.api, "Public question");
        var reply = post(
                writer.api,
                Map.of("status", "Followers-only answer", "in_reply_to_id", parent, "visibility", "private"));
        var n = awaitOne(reader.api, "mention", reply);
        reader.api.post("/api/v1/accounts/" + writer.persona.idString() + "/unfollow");
        assertThat(statusIds(all(reader.api))).doesNotContain(reply);
        assertThat(reader.api
                        .get("/api/v1/notifications/" + n.get("id").asString())
                        .status())
                .isEqualTo(404);
        assertThat(reader.api
                        .get("/api/v1/notifications/unread_count")
                        .body()
                        .get("count")
                        .asInt())
                .isZero();
    }

    @Test
    void filtersByTypeAndAccountAndPagesWithLinks() {
        var me = colleague("pme");
        var liker = colleague("pliker");
        var mentioner = colleague("pmentioner");
        var id = post(me.api, "Paging");
        liker.api.post("/api/v1/statuses/" + id + "/favourite");
        var mentions = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            mentions.add(post(mentioner.api, "@pme number " + i));
            // Notifications are made after commit, each post on its own: one mention at a time keeps
            // the order of the notifications that of the posts, which the pages below rely on.
            int made = i + 1;
            await().atMost(FAN_OUT)
                    .until(() -> me.api
                                    .get("/api/v1/notifications?types[]=mention")
                                    .body()
                                    .size()
                            == made);
        }
        follow(liker.api, me.persona);
        await().atMost(FAN_OUT).until(() -> all(me.api).size() == 5);

        assertThat(types(me.api.get("/api/v1/notifications?types[]=mention").body()))
                .containsOnly("mention")
                .hasSize(3);
        assertThat(types(me.api
                        .get("/api/v1/notifications?exclude_types[]=mention&exclude_types[]=follow")
                        .body()))
                .containsExactly("favourite");
        assertThat(types(me.api
                        .get("/api/v1/notifications?account_id=" + liker.persona.idString())
                        .body()))
                .containsExactlyInAnyOrder("favourite", "follow");
        assertThat(me.api.get("/api/v1/notifications?types[]=poll").body()).isEmpty();

        var first = me.api.get("/api/v1/notifications?types[]=mention&limit=2");
        assertThat(statusIds(first.body())).containsExactly(mentions.get(2), mentions.get(1));
        var next = me.api.get(link(first, "next").replace(baseUrl(), ""));
        assertThat(statusIds(next.body())).containsExactly(mentions.get(0));
        var prev = me.api.get(link(next, "prev").replace(baseUrl(), ""));
        assertThat(statusIds(prev.body())).containsExactly(mentions.get(2), mentions.get(1));
        var newest = first.body().get(0).get("id").asString();
        assertThat(me.api
                        .get("/api/v1/notifications?types[]=mention&since_id=" + newest)
                        .body())
                .isEmpty();
    }

    @Test
    void dismissClearAndUnreadCountFollowTheMarker() {
        var me = colleague("ume");
        var other = colleague("uother");
        for (int i = 0; i < 3; i++) post(other.api, "@ume ping " + i);
        await().atMost(FAN_OUT).until(() -> all(me.api).size() == 3);
        var list = all(me.api);
        assertThat(unread(me.api)).isEqualTo(3);

        var marked = me.api.postForm(
                "/api/v1/markers",
                Map.of("notifications[last_read_id]", list.get(1).get("id").asString()));
        assertThat(marked.status()).isEqualTo(200);
        assertThat(unread(me.api)).isEqualTo(1);

        var oldest = list.get(2).get("id").asString();
        assertThat(other.api
                        .post("/api/v1/notifications/" + oldest + "/dismiss")
                        .status())
                .isEqualTo(404);
        assertThat(me.api.post("/api/v1/notifications/" + oldest + "/dismiss").status())
                .isEqualTo(200);
        assertThat(all(me.api)).hasSize(2);
        assertThat(me.api.get("/api/v1/notifications/" + oldest).status()).isEqualTo(404);

        assertThat(me.api.post("/api/v1/notifications/clear").status()).isEqualTo(200);
        assertThat(all(me.api)).isEmpty();
        assertThat(unread(me.api)).isZero();
    }

    @Test
    void markersKeepTheirVersionAndAcceptFormAndJson() {
        var me = colleague("kme");
        assertThat(me.api
                        .get("/api/v1/markers?timeline[]=home&timeline[]=notifications")
                        .body()
                        .size())
                .isZero();
        var form = me.api.postForm("/api/v1/markers", Map.of("home[last_read_id]", "100"));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body().get("home").get("version").asInt()).isEqualTo(1);
        assertThat(MastodonSchema.problems("Marker", form.body().get("home"))).isEmpty();
        var json = me.api.post(
                "/api/v1/markers",
                Map.of("home", Map.of("last_read_id", "200"), "notifications", Map.of("last_read_id", "7")));
        assertThat(json.status()).isEqualTo(200);
        var markers = me.api
                .get("/api/v1/markers?timeline[]=home&timeline[]=notifications")
                .body();
        assertThat(markers.get("home").get("last_read_id").asString()).isEqualTo("200");
        assertThat(markers.get("home").get("version").asInt()).isEqualTo(2);
        assertThat(markers.get("home").get("updated_at").asString()).endsWith("Z");
        assertThat(markers.get("notifications").get("last_read_id").asString()).isEqualTo("7");
        assertThat(me.api.get("/api/v1/markers?timeline[]=home").body().has("notifications"))
                .isFalse();
        assertThat(me.api
                        .postForm("/api/v1/markers", Map.of("home[last_read_id]", "abc"))
                        .status())
                .isEqualTo(422);
        assertThat(me.api.postForm("/api/v1/markers", Map.of("other", "1")).status())
                .isEqualTo(422);
    }

    private record Who(Personas.Persona persona, Api api) {}

    private Who colleague(String username) {
        var persona = p.add(username, username, "", "", "", null);
        return new Who(persona, anonymous.as(persona.token()));
    }

    private static JsonNode all(Api api) {
        var response = api.get("/api/v1/notifications?limit=40");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static int unread(Api api) {
        return api.get("/api/v1/notifications/unread_count").body().get("count").asInt();
    }

    private static JsonNode awaitOne(Api api, String type, String statusId) {
        Predicate<JsonNode> match = n -> n.get("type").asString().equals(type)
                && n.has("status")
                && n.get("status").get("id").asString().equals(statusId);
        await().atMost(FAN_OUT).until(() -> find(all(api), match) != null);
        var list = new ArrayList<JsonNode>();
        for (var n : all(api)) if (match.test(n)) list.add(n);
        assertThat(list).hasSize(1);
        return list.getFirst();
    }

    private static void awaitNone(Api api, String type, String statusId) {
        await().atMost(FAN_OUT)
                .until(() -> find(
                                all(api),
                                n -> n.get("type").asString().equals(type)
                                        && n.has("status")
                                        && n.get("status").get("id").asString().equals(statusId))
                        == null);
    }

    private static JsonNode find(JsonNode list, Predicate<JsonNode> match) {
        for (var n : list) if (match.test(n)) return n;
        return null;
    }

    private static List<String> types(JsonNode list) {
        var result = new ArrayList<String>();
        for (var n : list) result.add(n.get("type").asString());
        return result;
    }

    private static List<String> statusIds(JsonNode list) {
        var result = new ArrayList<String>();
        for (var n : list)
            if (n.has("status")) result.add(n.get("status").get("id").asString());
        return result;
    }
}
