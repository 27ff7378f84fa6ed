package org.hallway.posts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import org.hallway.posts.Post;
import org.hallway.posts.PostCreated;
import org.hallway.posts.PostStore;
import org.hallway.posts.PostVisibility;
import org.hallway.posts.PostsCreated;
import org.hallway.shared.Ids;
import org.hallway.testing.ApiTest;
import org.hallway.testing.FlakyConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * The posts of one group commit are delivered after commit as one batch (ADR 0045): one event publication
 * registry entry, one transaction. A delivery that breaks down keeps the whole batch's entry, and
 * resubmitting it (as Hallway does at every start) delivers every post of the batch.
 */
class BatchDeliveryTest extends ApiTest {
    @Autowired
    GroupCommit groupCommit;

    @Autowired
    FlakyConsumer consumer;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ids ids;

    @Test
    void aBatchFansOutToEveryFollowerWithOneRegistryEntry() {
        follow(bob, p.alice);
        follow(bob, p.tom);
        var first = pending(p.alice.id(), "Quarterly numbers are in");
        var second = pending(p.tom.id(), "The build is green again");
        var third = pending(p.alice.id(), "Lunch at noon");

        groupCommit.write(List.of(first, second, third));

        for (var post : List.of(first, second, third)) awaitInHome(bob, id(post));
        awaitInHome(alice, id(first));
        awaitInHome(tom, id(second));
        assertThat(ids(eve.get("/api/v1/timelines/home?limit=40").body())).doesNotContain(id(first), id(second));
    }

    @Test
    void aMixedBatchReachesHashtagFollowersAndParticipantsOnly() {
        assertThat(eve.post("/api/v1/tags/rollout/follow").status()).isEqualTo(200);
        var tagged =
                pending(p.alice.id(), PostVisibility.PUBLIC, "Starting the #rollout", List.of("rollout"), List.of());
        var direct =
                pending(p.tom.id(), PostVisibility.DIRECT, "Just between us", List.of("rollout"), List.of(p.bob.id()));
        var plain = pending(p.alice.id(), PostVisibility.PUBLIC, "No hashtag here", List.of(), List.of());

        groupCommit.write(List.of(tagged, direct, plain));

        awaitInHome(eve, id(tagged));
        awaitInHome(bob, id(direct));
        awaitInHome(tom, id(direct));
        awaitInHome(alice, id(plain));
        var eveSees = ids(eve.get("/api/v1/timelines/home?limit=40").body());
        assertThat(eveSees).doesNotContain(id(direct), id(plain));
        assertThat(ids(alice.get("/api/v1/timelines/home?limit=40").body())).doesNotContain(id(direct));
    }

    @Test
    void aBatchWhoseDeliveryBrokeDownIsDeliveredWholeWhenItsPublicationIsResubmitted() {
        follow(tom, p.alice);
        follow(tom, p.bob);
        // Tom reads his feed, so it is kept and filled by the fan-out alone (ADR 0055).
        assertThat(tom.get("/api/v1/timelines/home").status()).isEqualTo(200);
        var first = pending(p.alice.id(), "Design review moved to Thursday");
        var second = pending(p.bob.id(), "New coffee machine on floor 3");
        consumer.failOnceFor(p.bob.id());

        groupCommit.write(List.of(first, second));

        assertThat(first.done()).isCompletedWithValue(first.post().post());
        assertThat(second.done()).isCompletedWithValue(second.post().post());
        await().atMost(FAN_OUT).until(() -> consumer.failures() == 1);
        await().atMost(FAN_OUT).until(() -> incompleteHolding(first) == 1);
        // One entry for the batch, holding both posts; its delivery rolled back as a whole.
        assertThat(incompleteHolding(second)).isEqualTo(1);
        assertThat(ids(tom.get("/api/v1/timelines/home?limit=40").body())).doesNotContain(id(first), id(second));

        incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof PostsCreated batch
                && batch.posts().stream()
                        .anyMatch(post -> post.postId() == first.post().post().id()));

        awaitInHome(tom, id(first));
        awaitInHome(tom, id(second));
        awaitInHome(bob, id(second));
        await().atMost(FAN_OUT).until(() -> incompleteHolding(first) == 0);
        assertThat(consumer.failures()).isEqualTo(1);
    }

    private long incompleteHolding(GroupCommit.Pending pending) {
        return jdbc.sql(
                        "select count(*) from event_publication where completion_date is null and listener_id like ? and serialized_event like ?")
                .param("%DeliverPostCreated%")
                .param("%" + pending.post().post().id() + "%")
                .query(Long.class)
                .single();
    }

    private static String id(GroupCommit.Pending pending) {
        return Long.toString(pending.post().post().id());
    }

    private GroupCommit.Pending pending(long authorId, String text) {
        return pending(authorId, PostVisibility.PUBLIC, text, List.of(), List.of());
    }

    private GroupCommit.Pending pending(
            long authorId, PostVisibility visibility, String text, List<String> tags, List<Long> mentions) {
        var post = new Post(
                ids.next(),
                p.networkId,
                authorId,
                visibility,
                text,
                "<p>" + text + "</p>",
                "",
                false,
                null,
                null,
                null,
                null,
                Instant.now(),
                null,
                0,
                0,
                0,
                null);
        var event =
                new PostCreated(post.networkId(), post.id(), authorId, visibility, null, null, tags, mentions, null);
        return new GroupCommit.Pending(
                new PostStore.NewPost(post, tags, mentions, false, visibility.counted(), null, false, false), event);
    }
}
