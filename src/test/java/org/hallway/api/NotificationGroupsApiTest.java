package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Mastodon 4.3's grouped notifications: likes of one post together, reposts of one post together, new
 * followers together; filters by type, which types group, paging by the groups' notification ids,
 * one group by its key, dismissing a group, and the unread count of groups.
 */
class NotificationGroupsApiTest extends ApiTest {

    record Colleague(Personas.Persona persona, Api api) {}

    private Colleague colleague(String name) {
        var persona = p.add(name, name, "", "", "", null);
        return new Colleague(persona, anonymous.as(persona.token()));
    }

    @Test
    void likesRepostsAndFollowsOfOnePostComeAsGroups() {
        var author = colleague("gauthor");
        var post = post(author.api, "Our quarterly results are in");
        for (var fan : List.of(alice, tom, eve))
            assertThat(fan.post("/api/v1/statuses/" + post + "/favourite").status())
                    .isEqualTo(200);
        for (var fan : List.of(alice, tom))
            assertThat(fan.post("/api/v1/statuses/" + post + "/reblog").status())
                    .isEqualTo(200);
        follow(alice, author.persona);
        follow(bob, author.persona);
        post(tom, "@gauthor can you share the slides?");
        // Eight notifications: three likes, two reposts, two follows, one mention.
        await().atMost(FAN_OUT)
                .until(() ->
                        author.api.get("/api/v1/notifications?limit=40").body().size() == 8);

        var all = author.api.get("/api/v2/notifications");
        assertThat(all.status()).isEqualTo(200);
        assertThat(MastodonSchema.problems("GroupedNotificationsResults", withoutGroups(all.body())))
                .isEmpty();
        var groups = all.body().get("notification_groups");
        assertThat(keys(groups))
                .containsExactlyInAnyOrder(
                        "favourite-" + post,
                        "reblog-" + post,
                        "follow",
                        keys(groups).stream()
                                .filter(k -> k.startsWith("ungrouped-"))
                                .findFirst()
                                .orElse("missing"));
        var likes = group(groups, "favourite-" + post);
        assertThat(likes.get("type").asString()).isEqualTo("favourite");
        assertThat(likes.get("notifications_count").asInt()).isEqualTo(3);
        assertThat(likes.get("status_id").asString()).isEqualTo(post);
        assertThat(strings(likes.get("sample_account_ids")))
                .containsExactly(p.eve.idString(), p.tom.idString(), p.alice.idString());
        assertThat(likes.get("page_min_id").asString()).isNotBlank();
        assertThat(group(groups, "reblog-" + post).get("notifications_count").asInt())
                .isEqualTo(2);
        assertThat(group(groups, "follow").get("notifications_count").asInt()).isEqualTo(2);
        // Each account and status named once.
        assertThat(ids(all.body().get("accounts")))
                .doesNotHaveDuplicates()
                .contains(p.alice.idString(), p.tom.idString(), p.eve.idString(), p.bob.idString());
        assertThat(ids(all.body().get("statuses"))).doesNotHaveDuplicates().contains(post);

        // Types filter, and an app that groups only likes.
        assertThat(keys(author.api
                        .get("/api/v2/notifications?types[]=favourite")
                        .body()
                        .get("notification_groups")))
                .containsExactly("favourite-" + post);
        assertThat(keys(author.api
                        .get("/api/v2/notifications?exclude_types[]=favourite&exclude_types[]=mention")
                        .body()
                        .get("notification_groups")))
                .containsExactlyInAnyOrder("reblog-" + post, "follow");
        var onlyLikesGrouped = keys(author.api
                .get("/api/v2/notifications?grouped_types[]=favourite")
                .body()
                .get("notification_groups"));
        assertThat(onlyLikesGrouped).contains("favourite-" + post).doesNotContain("reblog-" + post, "follow");
        assertThat(onlyLikesGrouped).hasSize(6);

        // Pages of two groups, following the Link header, cover every group (one whose notifications
        // reach below a page's last group shows again on the next page).
        var seen = new ArrayList<String>();
        var page = author.api.get("/api/v2/notifications?limit=2");
        for (int i = 0; i < 5 && page.body().get("notification_groups").size() > 0; i++) {
            assertThat(page.body().get("notification_groups").size()).isLessThanOrEqualTo(2);
            seen.addAll(keys(page.body().get("notification_groups")));
            var next = link(page, "next");
            if (next == null) break;
            page = author.api.get(next.substring(baseUrl().length()));
        }
        assertThat(seen).hasSameElementsAs(keys(groups));

        assertThat(author.api
                        .get("/api/v2/notifications/unread_count")
                        .body()
                        .get("count")
                        .asInt())
                .isEqualTo(4);

        // One group by its key; someone else's key answers like one that does not exist.
        var one = author.api.get("/api/v2/notifications/favourite-" + post);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()
                        .get("notification_groups")
                        .get(0)
                        .get("notifications_count")
                        .asInt())
                .isEqualTo(3);
        assertThat(eve.get("/api/v2/notifications/favourite-" + post).status()).isEqualTo(404);

        // Dismissing the group removes its notifications.
        assertThat(author.api
                        .post("/api/v2/notifications/favourite-" + post + "/dismiss")
                        .status())
                .isEqualTo(200);
        assertThat(keys(author.api.get("/api/v2/notifications").body().get("notification_groups")))
                .doesNotContain("favourite-" + post)
                .contains("reblog-" + post);
        assertThat(author.api.get("/api/v1/notifications?types[]=favourite").body())
                .isEmpty();
    }

    @Test
    void pagesFollowEachGroupsNewestNotificationSoNoGroupIsSkipped() {
        var author = colleague("pauthor");
        var post = post(author.api, "Draft of the travel policy");
        // A like, a follow, then another like of the same post: the likes' group spans the follow.
        notified(author, () -> alice.post("/api/v1/statuses/" + post + "/favourite"), 1);
        notified(author, () -> follow(bob, author.persona), 2);
        notified(author, () -> tom.post("/api/v1/statuses/" + post + "/favourite"), 3);

        var first = author.api.get("/api/v2/notifications?limit=1");
        var likes = first.body().get("notification_groups").get(0);
        assertThat(likes.get("group_key").asString()).isEqualTo("favourite-" + post);
        assertThat(likes.get("notifications_count").asInt()).isEqualTo(2);
        assertThat(strings(likes.get("sample_account_ids"))).containsExactly(p.tom.idString(), p.alice.idString());
        assertThat(likes.get("page_min_id").asString())
                .isEqualTo(likes.get("page_max_id").asString());

        var second = author.api.get(link(first, "next").substring(baseUrl().length()));
        assertThat(keys(second.body().get("notification_groups"))).containsExactly("follow");

        var third = author.api.get(link(second, "next").substring(baseUrl().length()));
        var earlierLikes = third.body().get("notification_groups").get(0);
        assertThat(earlierLikes.get("group_key").asString()).isEqualTo("favourite-" + post);
        assertThat(earlierLikes.get("notifications_count").asInt()).isEqualTo(1);
        assertThat(strings(earlierLikes.get("sample_account_ids"))).containsExactly(p.alice.idString());

        var fourth = author.api.get(link(third, "next").substring(baseUrl().length()));
        assertThat(fourth.body().get("notification_groups")).isEmpty();

        // Going back up from the follow's page finds the newer likes.
        var back = author.api.get(link(second, "prev").substring(baseUrl().length()));
        assertThat(keys(back.body().get("notification_groups"))).containsExactly("favourite-" + post);
    }

    /** Runs {@code action} and waits until the colleague has {@code count} notifications. */
    private void notified(Colleague colleague, Runnable action, int count) {
        action.run();
        await().atMost(FAN_OUT)
                .until(() -> colleague.api.get("/api/v1/notifications").body().size() == count);
    }

    /** The results with the groups left out: Hallway sends ids as strings where the schema has integers. */
    private static JsonNode withoutGroups(JsonNode results) {
        var copy = ((tools.jackson.databind.node.ObjectNode) results).deepCopy();
        copy.putArray("notification_groups");
        return copy;
    }

    private static JsonNode group(JsonNode groups, String key) {
        for (var g : groups) if (g.get("group_key").asString().equals(key)) return g;
        throw new AssertionError("no group " + key + " in " + groups);
    }

    private static List<String> keys(JsonNode groups) {
        var keys = new ArrayList<String>();
        for (var g : groups) keys.add(g.get("group_key").asString());
        return keys;
    }

    private static List<String> strings(JsonNode array) {
        var list = new ArrayList<String>();
        for (var item : array) list.add(item.asString());
        return list;
    }
}
