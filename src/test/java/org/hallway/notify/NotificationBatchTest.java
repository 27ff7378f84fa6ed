package org.hallway.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;
import org.hallway.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Notifications made a batch at a time (the new posts of one group commit) follow the same rules as
 * one at a time: one per cause, none of one's own doing, none across a block.
 */
class NotificationBatchTest extends ApiTest {
    @Autowired
    NotifyColleague notify;

    @Test
    void aBatchStoresEachCauseOnceAndKeepsBlockedAndOwnNotificationsOut() {
        var carol = p.add("carolb", "Carol Batch", "", "", "", null);
        var dave = p.add("daveb", "Dave Batch", "", "", "", null);
        var carolApi = anonymous.as(carol.token());
        var daveApi = anonymous.as(dave.token());
        assertThat(daveApi.post("/api/v1/accounts/" + p.alice.idString() + "/block")
                        .status())
                .isEqualTo(200);
        long first = Long.parseLong(post(alice, "Plans for the quarter"));
        long second = Long.parseLong(post(alice, "Minutes of the review"));

        notify.handleAll(List.of(
                mention(carol.id(), first),
                mention(carol.id(), second),
                mention(carol.id(), first),
                mention(dave.id(), first),
                mention(p.alice.id(), second)));

        var carolSees = carolApi.get("/api/v1/notifications").body();
        assertThat(statusIds(carolSees, "mention"))
                .containsExactlyInAnyOrder(Long.toString(first), Long.toString(second));
        assertThat(carolSees.size()).isEqualTo(2);
        assertThat(daveApi.get("/api/v1/notifications").body().size()).isZero();
        assertThat(statusIds(alice.get("/api/v1/notifications").body(), "mention"))
                .doesNotContain(Long.toString(second));
    }

    private NotifyColleague.Intent mention(long recipientId, long postId) {
        return new NotifyColleague.Intent(
                p.alice.viewer().networkId(),
                recipientId,
                NotificationType.MENTION,
                p.alice.id(),
                postId,
                postId,
                null);
    }

    private static List<String> statusIds(JsonNode notifications, String type) {
        return StreamSupport.stream(notifications.spliterator(), false)
                .filter(n -> n.get("type").asString().equals(type))
                .map(n -> n.get("status").get("id").asString())
                .toList();
    }
}
