package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Profile pins, muted threads and warning filters over Mastodon's API. */
class PinsThreadMutesAndFilterResultsApiTest extends ApiTest {
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
    void pinsOwnPostsToTheProfileMostRecentFirst() {
        var author = colleague("pauthor");
        var first = post(author.api, "First pin");
        var second = post(author.api, "Second pin");
        var pinned = author.api.post("/api/v1/statuses/" + first + "/pin");
        assertThat(pinned.status()).isEqualTo(200);
        assertThat(pinned.body().get("pinned").asBoolean()).isTrue();
        assertThat(MastodonSchema.problems("Status", pinned.body())).isEmpty();
        author.api.post("/api/v1/statuses/" + second + "/pin");
        author.api.post("/api/v1/statuses/" + second + "/pin");

        var seenByOthers = bob.get("/api/v1/accounts/" + author.id() + "/statuses?pinned=true");
        assertThat(ids(seenByOthers.body())).containsExactly(second, first);
        // Compat(mastodon): "pinned" is told to the author only.
        assertThat(seenByOthers.body().get(0).get("pinned").asBoolean()).isFalse();
        var own = author.api.get("/api/v1/accounts/" + author.id() + "/statuses?pinned=true");
        assertThat(own.body().get(0).get("pinned").asBoolean()).isTrue();
        assertThat(author.api
                        .get("/api/v1/statuses/" + first)
                        .body()
                        .get("pinned")
                        .asBoolean())
                .isTrue();

        var unpinned = author.api.post("/api/v1/statuses/" + first + "/unpin");
        assertThat(unpinned.body().get("pinned").asBoolean()).isFalse();
        // The very next read of the status, and of the author's timeline, says so too.
        assertThat(author.api
                        .get("/api/v1/statuses/" + first)
                        .body()
                        .get("pinned")
                        .asBoolean())
                .isFalse();
        assertThat(author.api.get("/api/v1/accounts/" + author.id() + "/statuses").body().findValues("pinned").stream()
                        .map(n -> n.asBoolean())
                        .toList())
                .containsExactly(true, false);
        assertThat(ids(bob.get("/api/v1/accounts/" + author.id() + "/statuses?pinned=true")
                        .body()))
                .containsExactly(second);
    }

    @Test
    void refusesPinsOfOthersPostsDirectMessagesAndASixthPin() {
        var author = colleague("qauthor");
        var others = post(bob, "Bob's post");
        var refused = author.api.post("/api/v1/statuses/" + others + "/pin");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.error()).isNotBlank();
        var direct = post(author.api, Map.of("status", "@bob just us", "visibility", "direct"));
        assertThat(author.api.post("/api/v1/statuses/" + direct + "/pin").status())
                .isEqualTo(422);
        for (int i = 0; i < 5; i++) {
            var id = post(author.api, "Pin number " + i);
            assertThat(author.api.post("/api/v1/statuses/" + id + "/pin").status())
                    .isEqualTo(200);
        }
        var sixth = post(author.api, "One too many");
        var tooMany = author.api.post("/api/v1/statuses/" + sixth + "/pin");
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.error()).contains("5");
        assertThat(ids(author.api
                        .get("/api/v1/accounts/" + author.id() + "/statuses?pinned=true")
                        .body()))
                .hasSize(5)
                .doesNotContain(sixth);
        // A post the reader may not see is as absent as nothing.
        assertThat(eve.post("/api/v1/statuses/" + direct + "/pin").status()).isEqualTo(404);
    }

    @Test
    void aMutedThreadNotifiesNoMore() {
        var author = colleague("cauthor");
        var replier = colleague("creplier");
        var root = post(author.api, "Where shall we have lunch?");
        var firstReply = post(replier.api, Map.of("status", "Pizza", "in_reply_to_id", root));
        await().atMost(FAN_OUT).until(() -> notifiedStatuses(author.api).contains(firstReply));

        var muted = author.api.post("/api/v1/statuses/" + firstReply + "/mute");
        assertThat(muted.status()).isEqualTo(200);
        assertThat(muted.body().get("muted").asBoolean()).isTrue();
        assertThat(author.api
                        .get("/api/v1/statuses/" + root)
                        .body()
                        .get("muted")
                        .asBoolean())
                .isTrue();
        var deeper = post(replier.api, Map.of("status", "@cauthor or sushi", "in_reply_to_id", firstReply));
        var elsewhere = post(replier.api, "@cauthor another topic");
        await().atMost(FAN_OUT).until(() -> notifiedStatuses(author.api).contains(elsewhere));
        assertThat(notifiedStatuses(author.api)).doesNotContain(deeper);

        var unmuted = author.api.post("/api/v1/statuses/" + root + "/unmute");
        assertThat(unmuted.body().get("muted").asBoolean()).isFalse();
        var later = post(replier.api, Map.of("status", "Decided: pizza", "in_reply_to_id", root));
        await().atMost(FAN_OUT).until(() -> notifiedStatuses(author.api).contains(later));
    }

    @Test
    void aWarningFilterMarksMatchingPostsAndAHidingFilterLeavesThemOut() {
        var reader = colleague("freader");
        var writer = colleague("fwriter");
        follow(reader.api, writer.persona);
        var warn = reader.api.post(
                "/api/v2/filters",
                Map.of(
                        "title",
                        "Spoilers",
                        "context",
                        List.of("home", "public"),
                        "filter_action",
                        "warn",
                        "keywords_attributes",
                        List.of(Map.of("keyword", "finale"))));
        assertThat(warn.status()).isEqualTo(200);
        reader.api.post(
                "/api/v2/filters",
                Map.of(
                        "title",
                        "Crypto",
                        "context",
                        List.of("home"),
                        "filter_action",
                        "hide",
                        "keywords_attributes",
                        List.of(Map.of("keyword", "blockchain"))));
        var spoiler = post(writer.api, "The finale was great");
        var hidden = post(writer.api, "Our blockchain strategy");
        var plain = post(writer.api, "Nothing special");
        awaitInHome(reader.api, plain);

        var home = reader.api.get("/api/v1/timelines/home").body();
        assertThat(ids(home)).contains(spoiler, plain).doesNotContain(hidden);
        var marked = byId(home, spoiler);
        var result = marked.get("filtered").get(0);
        assertThat(result.get("filter").get("title").asString()).isEqualTo("Spoilers");
        assertThat(result.get("filter").get("filter_action").asString()).isEqualTo("warn");
        assertThat(result.get("keyword_matches").get(0).asString()).isEqualTo("finale");
        assertThat(MastodonSchema.problems("Status", marked)).isEmpty();
        assertThat(MastodonSchema.problems("FilterResult", result)).isEmpty();
        assertThat(byId(home, plain).get("filtered")).isEmpty();
        // In a context the filter does not name (a thread), nothing is marked; others never see the marks.
        assertThat(reader.api.get("/api/v1/statuses/" + spoiler).body().get("filtered"))
                .isEmpty();
        assertThat(writer.api.get("/api/v1/statuses/" + spoiler).body().get("filtered"))
                .isEmpty();
    }

    private static JsonNode byId(JsonNode array, String id) {
        for (var item : array) if (item.get("id").asString().equals(id)) return item;
        throw new AssertionError("no " + id + " in " + array);
    }

    private static List<String> notifiedStatuses(Api api) {
        var result = new ArrayList<String>();
        for (JsonNode n : api.get("/api/v1/notifications?limit=40").body()) {
            if (n.has("status") && !n.get("status").isNull())
                result.add(n.get("status").get("id").asString());
        }
        return result;
    }
}
