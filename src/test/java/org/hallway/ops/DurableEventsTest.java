package org.hallway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.hallway.posts.PostCreated;
import org.hallway.testing.ApiTest;
import org.hallway.testing.FlakyDelivery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * A post committed whose delivery broke down is not lost: the event publication registry keeps the
 * publication incomplete in PostgreSQL, and resubmitting it (as Hallway does at every start) completes
 * the delivery.
 */
class DurableEventsTest extends ApiTest {
    @Autowired
    FlakyDelivery delivery;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Test
    void aDeliveryThatBrokeDownAfterCommitCompletesWhenItsPublicationIsResubmitted() {
        delivery.failOnceFor(p.tom.id());
        var id = post(tom, "Release notes are up");
        var postId = Long.parseLong(id);

        // The post is committed and fans out to tom's own feed; the broken delivery left its mark.
        awaitInHome(tom, id);
        await().atMost(FAN_OUT).until(() -> delivery.failures() == 1);
        assertThat(delivery.delivered(postId)).isFalse();
        await().atMost(FAN_OUT).until(() -> incompleteFor(id) == 1);

        incomplete.resubmitIncompletePublications(
                publication -> publication.getEvent() instanceof PostCreated created && created.postId() == postId);

        await().atMost(FAN_OUT).until(() -> delivery.delivered(postId));
        await().atMost(FAN_OUT).until(() -> incompleteFor(id) == 0);
        assertThat(delivery.failures()).isEqualTo(1);
        // What a restart does: outstanding publications are resubmitted at start.
        assertThat(environment.getProperty("spring.modulith.events.republish-outstanding-events-on-restart"))
                .isEqualTo("true");
    }

    private long incompleteFor(String postId) {
        return jdbc.sql(
                        "select count(*) from event_publication where completion_date is null and listener_id like ? and serialized_event like ?")
                .param("%FlakyDelivery%")
                .param("%" + postId + "%")
                .query(Long.class)
                .single();
    }
}
