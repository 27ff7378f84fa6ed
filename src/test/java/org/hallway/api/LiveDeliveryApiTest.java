package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hallway.testing.StreamClient.status;
import static org.hallway.testing.StreamClient.statusId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hallway.shared.Viewer;
import org.hallway.stream.Channel;
import org.hallway.stream.Delivery;
import org.hallway.stream.LiveEvent;
import org.hallway.stream.Subscriber;
import org.hallway.stream.Switchboard;
import org.hallway.testing.ApiTest;
import org.hallway.testing.EventStreamClient;
import org.hallway.testing.FanOutParts;
import org.hallway.testing.StreamClient;
import org.hallway.testing.StreamClient.TokenStyle;
import org.hallway.timeline.PostFannedOut.Part;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live delivery at load: a post's frame is built once for all its readers yet carries each reader's own
 * flags, and a connection that stops taking events delays nobody else and is closed after a bound.
 */
class LiveDeliveryApiTest extends ApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Switchboard switchboard;

    @Autowired
    FanOutParts parts;

    @BeforeAll
    void followers() {
        follow(bob, p.alice);
        follow(tom, p.bob);
        follow(eve, p.bob);
    }

    @Test
    void sharedPostsCarryTheLikersAndTheReposterOwnFlagsAndDefaultsForEveryoneElse() {
        var original = post(alice, "Quarterly numbers are in");
        assertThat(tom.post("/api/v1/statuses/" + original + "/favourite").status())
                .isEqualTo(200);
        try (var liker = connect(p.tom.token());
                var other = connect(p.eve.token());
                var reposter = connect(p.bob.token())) {
            var repost = bob.post("/api/v1/statuses/" + original + "/reblog")
                    .body()
                    .get("id")
                    .asString();

            var forLiker = status(liker.awaitEvent("update", statusId(repost)));
            assertThat(forLiker.get("reblog").get("favourited").asBoolean()).isTrue();
            assertThat(forLiker.get("reblog").get("reblogged").asBoolean()).isFalse();

            var forOther = status(other.awaitEvent("update", statusId(repost)));
            assertThat(forOther.get("reblog").get("favourited").asBoolean()).isFalse();
            assertThat(forOther.get("reblog").get("reblogged").asBoolean()).isFalse();
            assertThat(forOther.get("reblog").get("favourites_count").asInt()).isEqualTo(1);

            // The original's edit reaches its reposter (who follows alice) and the repost's readers.
            assertThat(alice.put("/api/v1/statuses/" + original, Map.of("status", "Quarterly numbers, corrected"))
                            .status())
                    .isEqualTo(200);
            var editForReposter = status(reposter.awaitEvent("status.update", statusId(original)));
            assertThat(editForReposter.get("reblogged").asBoolean()).isTrue();
            assertThat(editForReposter.get("favourited").asBoolean()).isFalse();
            var editForLiker = status(liker.awaitEvent("status.update", statusId(original)));
            assertThat(editForLiker.get("favourited").asBoolean()).isTrue();
            assertThat(editForLiker.get("reblogged").asBoolean()).isFalse();
            var editForOther = status(other.awaitEvent("status.update", statusId(original)));
            assertThat(editForOther.get("favourited").asBoolean()).isFalse();
            assertThat(editForOther.get("reblogged").asBoolean()).isFalse();
            assertThat(editForOther.get("content").asString()).contains("corrected");
        }
    }

    @Test
    void eventsQueuedTogetherArriveAsOneMessageEachInOrderWithTheirTextIntact() {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 12; i++) {
            ids.add(post(alice, "Grüße aus Zürich, 東京 and 🚀 number " + i));
        }
        // In bob's feed before he connects: only the events dispatched below reach his connections.
        awaitInHome(bob, ids.getLast());
        ids.forEach(id -> awaitInHome(bob, id));
        try (var ws = connect(p.bob.token());
                var sse = EventStreamClient.mastodon(baseUrl(), "/api/v1/streaming/user", p.bob.token())) {
            // Queued at once, they reach each connection in one run of deliveries and one batch of writes.
            for (var id : ids) switchboard.dispatch(new LiveEvent.NewInHome(p.networkId, Long.parseLong(id), Part.ALL));

            await().untilAsserted(() -> assertThat(updates(ws)).containsAll(ids));
            var received = ws.messages().stream()
                    .filter(m -> m.get("event").asString().equals("update"))
                    .toList();
            assertThat(received.stream()
                            .map(m -> status(m).get("id").asString())
                            .toList())
                    .containsExactlyElementsOf(ids);
            for (int i = 0; i < ids.size(); i++) {
                var message = received.get(i);
                assertThat(message.get("stream").get(0).asString()).isEqualTo("user");
                var content = status(message).get("content").asString();
                assertThat(content).contains("Grüße aus Zürich, 東京").contains("number " + i);
                assertThat(content)
                        .isEqualTo(bob.get("/api/v1/statuses/" + ids.get(i))
                                .body()
                                .get("content")
                                .asString());
            }

            await().untilAsserted(() -> assertThat(sse.data("update")).hasSize(ids.size()));
            var overHttp = sse.data("update").stream().map(JSON::readTree).toList();
            assertThat(overHttp.stream().map(s -> s.get("id").asString()).toList())
                    .containsExactlyElementsOf(ids);
            assertThat(overHttp.getLast().get("content").asString()).contains("number " + (ids.size() - 1));
        }
    }

    @Test
    void aPostByAnAuthorWithManyFollowersReachesLiveReadersFirstAndEveryReaderOnce() {
        // Three followers, more than the suite's live-first bound: the post goes to tom's feed, whose
        // stream is open, first, and to bob's and eve's in a transaction of its own (ADR 0066).
        follow(tom, p.admin);
        follow(eve, p.admin);
        follow(bob, p.admin);
        try (var live = connect(p.tom.token())) {
            var id = post(admin, "Town hall at four, questions welcome");
            live.awaitEvent("update", statusId(id));
            awaitInHome(eve, id);
            awaitInHome(bob, id);
            awaitInHome(admin, id);

            // Events reach a connection in order: once this later one is in, the post's second part was dispatched.
            var later = post(bob, "See you there");
            live.awaitEvent("update", statusId(later));
            assertThat(updates(live)).containsOnlyOnce(id);
            assertThat(parts.of(Long.parseLong(id))).containsExactly(Part.LIVE_FIRST, Part.REST);
            // Bob has two followers: his post went to every feed at once.
            assertThat(parts.of(Long.parseLong(later))).containsExactly(Part.ALL);
        }
    }

    @Test
    void aPostsFirstPartCarriesTheLiveReadersWhoMaySeeItAndReachesNoOneElse() {
        // Three followers of hal, more than the live-first bound; eve has muted him, alice does not follow him.
        var hal = p.add("hal", "Hal Hughes", "Controller", "Finance", "Paris", null);
        var halApi = anonymous.as(hal.token());
        follow(tom, hal);
        follow(eve, hal);
        follow(bob, hal);
        assertThat(eve.post("/api/v1/accounts/" + hal.idString() + "/mute").status())
                .isEqualTo(200);
        try (var follower = connect(p.tom.token());
                var muter = connect(p.eve.token());
                var stranger = connect(p.alice.token())) {
            var id = post(halApi, "Quarterly numbers are in the shared drive");
            follower.awaitEvent("update", statusId(id));
            // Found while the feeds were written, not asked again after the commit.
            assertThat(parts.firstReaders(Long.parseLong(id))).contains(Set.of(p.tom.id()));
            awaitInHome(bob, id);

            // Later posts reach the other two streams: had the muted post been sent to them, it came first.
            var toMuter = post(bob, "Lunch at noon");
            var toStranger = post(alice, "Coffee at three");
            muter.awaitEvent("update", statusId(toMuter));
            stranger.awaitEvent("update", statusId(toStranger));
            assertThat(updates(muter)).containsExactly(toMuter);
            assertThat(updates(stranger)).containsExactly(toStranger);
            assertThat(updates(follower)).containsOnlyOnce(id);
        }
    }

    @Test
    void aPostAnnouncedInTwoPartsReachesTheStreamsOpenedInBetweenAndNoStreamTwice() {
        var id = post(bob, "Announced in two parts");
        awaitInHome(tom, id);
        awaitInHome(eve, id);
        var entry = Long.parseLong(id);
        try (var first = connect(p.tom.token())) {
            switchboard.dispatch(new LiveEvent.NewInHome(p.networkId, entry, Part.LIVE_FIRST));
            first.awaitEvent("update", statusId(id));
            try (var between = connect(p.eve.token())) {
                switchboard.dispatch(new LiveEvent.NewInHome(p.networkId, entry, Part.REST));
                between.awaitEvent("update", statusId(id));

                var later = post(bob, "Announced in one part");
                first.awaitEvent("update", statusId(later));
                between.awaitEvent("update", statusId(later));
                assertThat(updates(first)).containsExactly(id, later);
                assertThat(updates(between)).containsExactly(id, later);
            }
        }
    }

    private static List<String> updates(StreamClient client) {
        return client.messages().stream()
                .filter(m -> m.has("event") && m.get("event").asString().equals("update"))
                .map(m -> status(m).get("id").asString())
                .toList();
    }

    @Test
    void aConnectionThatStopsTakingEventsDelaysNoOneAndIsClosedAfterItsBound() {
        var stuck = new StuckSubscriber(p.eve.viewer());
        var registration = switchboard.register(stuck);
        try (var reader = connect(p.bob.token())) {
            // The stuck reader hears of a notification first and never returns from it.
            switchboard.dispatch(new LiveEvent.NotificationAdded(p.networkId, p.eve.id(), 1));
            await().until(stuck.entered::get);

            var id = post(alice, "Still live for everyone else");
            reader.awaitEvent("update", statusId(id));
            assertThat(stuck.overflowed.get()).isFalse();

            // It falls further behind than a connection may: it is told to close, and hears nothing more.
            for (int i = 0; i <= Switchboard.OUTBOX_LIMIT; i++)
                switchboard.dispatch(new LiveEvent.NotificationAdded(p.networkId, p.eve.id(), 2 + i));
            await().until(stuck.overflowed::get);
            var later = post(alice, "And still live after it was closed");
            reader.awaitEvent("update", statusId(later));
        } finally {
            stuck.release.countDown();
            registration.close();
        }
        await().untilAsserted(() -> assertThat(stuck.delivered.get()).isEqualTo(1));
    }

    private StreamClient connect(String token) {
        long before = switchboard.opened();
        var stream = StreamClient.connect(baseUrl(), "stream=user", token, TokenStyle.AUTHORIZATION_HEADER);
        await().until(() -> switchboard.opened() > before);
        return stream;
    }

    /** A reader whose first delivery never returns until released, as a socket that stopped draining. */
    private static final class StuckSubscriber implements Subscriber {
        private final Viewer viewer;
        final AtomicBoolean entered = new AtomicBoolean();
        final AtomicBoolean overflowed = new AtomicBoolean();
        final AtomicInteger delivered = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        StuckSubscriber(Viewer viewer) {
            this.viewer = viewer;
        }

        @Override
        public Viewer viewer() {
            return viewer;
        }

        @Override
        public Set<Channel> channels() {
            return Set.of(Channel.of(Channel.Kind.NOTIFICATIONS));
        }

        @Override
        public void deliver(Delivery delivery) {
            delivered.incrementAndGet();
            entered.set(true);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void overflowed() {
            overflowed.set(true);
        }
    }
}
