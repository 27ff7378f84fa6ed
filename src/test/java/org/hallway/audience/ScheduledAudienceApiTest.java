package org.hallway.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hallway.audience.AudienceMatrixApiTest.addMember;
import static org.hallway.audience.AudienceMatrixApiTest.group;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.hallway.scheduled.PublishScheduledPosts;
import org.hallway.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A scheduled post is checked against the audience twice: when it is scheduled and when it is due. Someone
 * removed from a secret group in between publishes nothing into it, and no reply to its posts; a
 * scheduled post is its author's alone until then.
 */
class ScheduledAudienceApiTest extends ApiTest {
    @Autowired
    PublishScheduledPosts publish;

    @Autowired
    Clock clock;

    @Test
    void aScheduledPostIntoAGroupTheAuthorLeftIsNeverPublished() {
        var carl = p.add("carl", "Carl Cole", "Engineer", "Engineering", "Berlin", null);
        var carlApi = anonymous.as(carl.token());
        var room = group(alice, "War room", "secret");
        addMember(alice, room, carl.idString());
        addMember(alice, room, p.bob.idString());
        var secret = post(alice, Map.of("status", "Launch window opens Friday", "group_id", room));
        var due = clock.instant().plus(Duration.ofMinutes(10)).toString();

        var intoGroup = carlApi.post(
                "/api/v1/statuses", Map.of("status", "Wallaby status report", "group_id", room, "scheduled_at", due));
        assertThat(intoGroup.status()).as("%s", intoGroup.body()).isEqualTo(200);
        var reply = carlApi.post(
                "/api/v1/statuses", Map.of("status", "Wallaby reply", "in_reply_to_id", secret, "scheduled_at", due));
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        // Outsiders can neither schedule into the group nor read someone else's scheduled post.
        assertThat(eve.post("/api/v1/statuses", Map.of("status", "x", "group_id", room, "scheduled_at", due))
                        .status())
                .isEqualTo(404);
        assertThat(eve.post("/api/v1/statuses", Map.of("status", "x", "in_reply_to_id", secret, "scheduled_at", due))
                        .status())
                .isEqualTo(404);
        for (var other : java.util.List.of(alice, bob, eve))
            assertThat(other.get("/api/v1/scheduled_statuses/"
                                    + intoGroup.body().get("id").asString())
                            .status())
                    .isEqualTo(404);

        assertThat(alice.delete("/api/v1/groups/" + room + "/members/" + carl.idString())
                        .status())
                .isEqualTo(200);
        publish.handle(clock.instant().plus(Duration.ofMinutes(11)));

        assertThat(carlApi.get("/api/v1/scheduled_statuses").body()).isEmpty();
        assertThat(alice.get("/api/v1/timelines/group/" + room).body().toString())
                .doesNotContain("Wallaby");
        assertThat(alice.get("/api/v1/statuses/" + secret + "/context").body().get("descendants"))
                .isEmpty();
        assertThat(carlApi.get("/api/v1/accounts/" + carl.idString() + "/statuses")
                        .body())
                .isEmpty();
    }
}
