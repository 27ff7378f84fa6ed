package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hallway.polls.EndPolls;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.hallway.testing.StreamClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Polls over Mastodon's API: creating one with a status, reading, voting, its audience, its end. */
class PollsApiTest extends ApiTest {
    @Autowired
    EndPolls endPolls;

    @Autowired
    Clock clock;

    private static Map<String, Object> pollPost(String text, List<String> options, Object... more) {
        var poll = new java.util.LinkedHashMap<String, Object>();
        poll.put("options", options);
        poll.put("expires_in", 3600);
        for (int i = 0; i + 1 < more.length; i += 2) poll.put((String) more[i], more[i + 1]);
        return Map.of("status", text, "poll", poll);
    }

    @Test
    void createsAPollFromJsonInMastodonShape() {
        var created = alice.post("/api/v1/statuses", pollPost("Lunch?", List.of("Pizza", "Sushi", "Salad")));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        assertThat(MastodonSchema.problems("Status", created.body())).isEmpty();
        var poll = created.body().get("poll");
        assertThat(MastodonSchema.problems("Poll", poll)).isEmpty();
        assertThat(titles(poll)).containsExactly("Pizza", "Sushi", "Salad");
        assertThat(poll.get("multiple").asBoolean()).isFalse();
        assertThat(poll.get("expired").asBoolean()).isFalse();
        assertThat(poll.get("votes_count").asInt()).isZero();
        // Compat(mastodon): the author counts as having voted, so apps show them the standings.
        assertThat(poll.get("voted").asBoolean()).isTrue();
        assertThat(poll.get("own_votes")).isEmpty();
        assertThat(poll.get("options").get(0).get("votes_count").asInt()).isZero();
        assertThat(poll.get("expires_at").asString()).endsWith("Z");

        var read = bob.get("/api/v1/polls/" + poll.get("id").asString());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("voted").asBoolean()).isFalse();
        assertThat(MastodonSchema.problems("Poll", read.body())).isEmpty();
        assertThat(titles(read.body())).containsExactly("Pizza", "Sushi", "Salad");
        var status = bob.get("/api/v1/statuses/" + created.body().get("id").asString());
        assertThat(status.body().get("poll").get("id").asString())
                .isEqualTo(poll.get("id").asString());
    }

    @Test
    void createsAPollFromARailsStyleForm() {
        var created = alice.postRaw(
                "/api/v1/statuses",
                "application/x-www-form-urlencoded",
                "status=Which+days%3F&poll%5Boptions%5D%5B%5D=Monday&poll%5Boptions%5D%5B%5D=Friday"
                        + "&poll%5Bexpires_in%5D=86400&poll%5Bmultiple%5D=true&poll%5Bhide_totals%5D=true");
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        var poll = created.body().get("poll");
        assertThat(titles(poll)).containsExactly("Monday", "Friday");
        assertThat(poll.get("multiple").asBoolean()).isTrue();
        // Hidden totals: options carry no counts while the poll runs.
        assertThat(poll.get("options").get(0).get("votes_count").isNull()).isTrue();
        assertThat(MastodonSchema.problems("Poll", poll)).isEmpty();
    }

    @Test
    void votesCountOnceAndShowInTheStatus() {
        var poll = pollOf(alice.post("/api/v1/statuses", pollPost("Ship it?", List.of("Yes", "No"))));
        var pollId = poll.get("id").asString();

        var voted = bob.post("/api/v1/polls/" + pollId + "/votes", Map.of("choices", List.of(1)));
        assertThat(voted.status()).as("%s", voted.body()).isEqualTo(200);
        assertThat(MastodonSchema.problems("Poll", voted.body())).isEmpty();
        assertThat(voted.body().get("voted").asBoolean()).isTrue();
        assertThat(voted.body().get("own_votes").get(0).asInt()).isEqualTo(1);
        assertThat(voted.body().get("votes_count").asInt()).isEqualTo(1);
        assertThat(voted.body().get("voters_count").asInt()).isEqualTo(1);
        assertThat(voted.body().get("options").get(1).get("votes_count").asInt())
                .isEqualTo(1);

        // Form-encoded like most apps send it.
        var tomVote = tom.postRaw(
                "/api/v1/polls/" + pollId + "/votes", "application/x-www-form-urlencoded", "choices%5B%5D=0");
        assertThat(tomVote.status()).as("%s", tomVote.body()).isEqualTo(200);

        var again = bob.post("/api/v1/polls/" + pollId + "/votes", Map.of("choices", List.of(0)));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.error()).isEqualTo("You have already voted in this poll");

        var asAlice = alice.get("/api/v1/polls/" + pollId).body();
        assertThat(asAlice.get("votes_count").asInt()).isEqualTo(2);
        assertThat(asAlice.get("voted").asBoolean()).isTrue();
        assertThat(asAlice.get("own_votes")).isEmpty();
        assertThat(asAlice.get("options").get(0).get("votes_count").asInt()).isEqualTo(1);
        assertThat(asAlice.get("options").get(1).get("votes_count").asInt()).isEqualTo(1);
        var ownPoll = alice.post("/api/v1/polls/" + pollId + "/votes", Map.of("choices", List.of(0)));
        assertThat(ownPoll.status()).isEqualTo(422);
        assertThat(ownPoll.error()).isEqualTo("You can't vote in your own poll");
    }

    @Test
    void multipleChoiceRules() {
        var single = pollOf(alice.post("/api/v1/statuses", pollPost("One of", List.of("A", "B", "C"))));
        var twoInSingle =
                bob.post("/api/v1/polls/" + single.get("id").asString() + "/votes", Map.of("choices", List.of(0, 1)));
        assertThat(twoInSingle.status()).isEqualTo(422);
        assertThat(twoInSingle.error()).isEqualTo("Choose only one option in this poll");
        var outOfRange =
                bob.post("/api/v1/polls/" + single.get("id").asString() + "/votes", Map.of("choices", List.of(3)));
        assertThat(outOfRange.status()).isEqualTo(422);
        var none = bob.post("/api/v1/polls/" + single.get("id").asString() + "/votes", Map.of());
        assertThat(none.status()).isEqualTo(422);
        assertThat(bob.get("/api/v1/polls/" + single.get("id").asString())
                        .body()
                        .get("votes_count")
                        .asInt())
                .isZero();

        var multi =
                pollOf(alice.post("/api/v1/statuses", pollPost("Any of", List.of("A", "B", "C"), "multiple", true)));
        var id = multi.get("id").asString();
        var two = bob.post("/api/v1/polls/" + id + "/votes", Map.of("choices", List.of(2, 0)));
        assertThat(two.status()).isEqualTo(200);
        assertThat(two.body().get("own_votes").get(0).asInt()).isZero();
        assertThat(two.body().get("own_votes").get(1).asInt()).isEqualTo(2);
        tom.post("/api/v1/polls/" + id + "/votes", Map.of("choices", List.of(0)));
        var after = eve.get("/api/v1/polls/" + id).body();
        assertThat(after.get("votes_count").asInt()).isEqualTo(3);
        assertThat(after.get("voters_count").asInt()).isEqualTo(2);
        assertThat(after.get("options").get(0).get("votes_count").asInt()).isEqualTo(2);
    }

    @Test
    void refusesBadPollsAndStoresNothing() {
        var before = statusesCount();
        assertRefused(pollPost("Too few", List.of("Only")), "A poll needs at least 2 options");
        assertRefused(pollPost("Too many", List.of("1", "2", "3", "4", "5")), "A poll has at most 4 options");
        assertRefused(pollPost("Blank", List.of("A", " ")), "Poll options can't be blank");
        assertRefused(pollPost("Same", List.of("A", "A")), "Poll options must differ from each other");
        assertRefused(pollPost("Long", List.of("A", "x".repeat(51))), "Poll options have at most 50 characters");
        assertRefused(pollPost("Short", List.of("A", "B"), "expires_in", 60), "A poll runs at least 5 minutes");
        assertRefused(
                pollPost("Long-running", List.of("A", "B"), "expires_in", 90 * 86400), "A poll runs at most 30 days");
        assertRefused(
                Map.of("status", "No duration", "poll", Map.of("options", List.of("A", "B"))),
                "poll[expires_in] is missing");
        assertRefused(pollPost(" ", List.of("A", "B")), "Text can't be blank");
        assertThat(statusesCount()).isEqualTo(before);
    }

    @Test
    void instanceReportsThePollLimits() {
        for (var path : List.of("/api/v1/instance", "/api/v2/instance")) {
            var polls = alice.get(path).body().get("configuration").get("polls");
            assertThat(polls.get("max_options").asInt()).isEqualTo(4);
            assertThat(polls.get("max_characters_per_option").asInt()).isEqualTo(50);
            assertThat(polls.get("min_expiration").asInt()).isEqualTo(300);
            assertThat(polls.get("max_expiration").asInt()).isEqualTo(30 * 86400);
        }
    }

    @Test
    void aPollOfAGroupPostIsHiddenFromOutsiders() {
        var group = alice.post("/api/v1/groups", Map.of("name", "Poll guild", "privacy", "private"));
        var groupId = group.body().get("id").asString();
        var body = new java.util.HashMap<String, Object>(pollPost("Members only", List.of("A", "B")));
        body.put("group_id", groupId);
        var created = alice.post("/api/v1/statuses", body);
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        var pollId = created.body().get("poll").get("id").asString();

        for (var outsider : List.of(eve, gus, bob)) {
            var read = outsider.get("/api/v1/polls/" + pollId);
            assertThat(read.status()).isEqualTo(404);
            assertThat(read.error()).isEqualTo("Record not found");
            var vote = outsider.post("/api/v1/polls/" + pollId + "/votes", Map.of("choices", List.of(0)));
            assertThat(vote.status()).isEqualTo(404);
        }
        assertThat(alice.get("/api/v1/polls/" + pollId)
                        .body()
                        .get("votes_count")
                        .asInt())
                .isZero();
        assertThat(eve.get("/api/v1/polls/999999").status()).isEqualTo(404);
        assertThat(eve.get("/api/v1/polls/nonsense").status()).isEqualTo(404);
    }

    @Test
    void aPollOfADeletedPostIsGone() {
        var created = alice.post("/api/v1/statuses", pollPost("Soon gone", List.of("A", "B")));
        var pollId = created.body().get("poll").get("id").asString();
        alice.delete("/api/v1/statuses/" + created.body().get("id").asString());
        assertThat(bob.get("/api/v1/polls/" + pollId).status()).isEqualTo(404);
        assertThat(bob.post("/api/v1/polls/" + pollId + "/votes", Map.of("choices", List.of(0)))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anEndedPollNotifiesItsAuthorAndVotersAndTakesNoMoreVotes() {
        var created = alice.post("/api/v1/statuses", pollPost("Team offsite?", List.of("Lisbon", "Berlin")));
        var statusId = created.body().get("id").asString();
        var pollId = created.body().get("poll").get("id").asString();
        assertThat(bob.post("/api/v1/polls/" + pollId + "/votes", Map.of("choices", List.of(0)))
                        .status())
                .isEqualTo(200);

        var stream = StreamClient.connect(
                baseUrl(), "stream=user:notification", p.bob.token(), StreamClient.TokenStyle.AUTHORIZATION_HEADER);
        stream.sync();

        // The job runs as it would an hour and a minute from now.
        assertThat(endPolls.handle(clock.instant().plus(Duration.ofMinutes(61))))
                .isPositive();

        // Open apps hear of it live, like of any notification (earlier tests' polls end at the same time).
        var live = StreamClient.status(stream.awaitEvent("notification", m -> {
            var n = StreamClient.status(m);
            return n.get("type").asString().equals("poll")
                    && n.get("status").get("id").asString().equals(statusId);
        }));
        stream.close();
        assertThat(live.get("account").get("id").asString()).isEqualTo(p.alice.idString());

        var late = tom.post("/api/v1/polls/" + pollId + "/votes", Map.of("choices", List.of(1)));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.error()).isEqualTo("The poll has already ended");
        var ended = tom.get("/api/v1/polls/" + pollId).body();
        assertThat(ended.get("expired").asBoolean()).isTrue();
        assertThat(MastodonSchema.problems("Poll", ended)).isEmpty();

        for (var recipient : List.of(alice, bob)) {
            var n = awaitPollNotification(recipient, statusId);
            assertThat(MastodonSchema.problems("Notification", n)).isEmpty();
            assertThat(n.get("account").get("id").asString()).isEqualTo(p.alice.idString());
            assertThat(n.get("status").get("poll").get("expired").asBoolean()).isTrue();
        }
        // Tom did not vote: no notification for him. Checked after the others arrived.
        assertThat(pollNotifications(tom, statusId)).isEmpty();
        // Ending again (a second node, a retry) notifies nobody twice.
        endPolls.handle(clock.instant().plus(Duration.ofMinutes(61)));
        assertThat(pollNotifications(bob, statusId)).hasSize(1);
    }

    private JsonNode awaitPollNotification(Api api, String statusId) {
        await().atMost(FAN_OUT).until(() -> !pollNotifications(api, statusId).isEmpty());
        return pollNotifications(api, statusId).getFirst();
    }

    private static List<JsonNode> pollNotifications(Api api, String statusId) {
        var list = new java.util.ArrayList<JsonNode>();
        for (var n : api.get("/api/v1/notifications?types[]=poll").body())
            if (n.get("status") != null
                    && !n.get("status").isNull()
                    && n.get("status").get("id").asString().equals(statusId)) list.add(n);
        return list;
    }

    private void assertRefused(Map<String, ?> body, String error) {
        var refused = alice.post("/api/v1/statuses", body);
        assertThat(refused.status()).as("%s", body).isEqualTo(422);
        assertThat(refused.error()).isEqualTo(error);
    }

    private int statusesCount() {
        return alice.get("/api/v1/accounts/" + p.alice.idString())
                .body()
                .get("statuses_count")
                .asInt();
    }

    private static JsonNode pollOf(Api.Response created) {
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        return created.body().get("poll");
    }

    private static List<String> titles(JsonNode poll) {
        var list = new java.util.ArrayList<String>();
        for (var o : poll.get("options")) list.add(o.get("title").asString());
        return list;
    }
}
