package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hallway.api.entity.Account;
import org.hallway.api.entity.MediaAttachment;
import org.hallway.api.entity.Poll;
import org.hallway.api.entity.PreviewCard;
import org.hallway.api.entity.SearchResults;
import org.hallway.api.entity.Status;
import org.hallway.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Statuses are written from text made once per post (ADR 0044): the output must be exactly what
 * Jackson writes, whatever the reader-dependent fields hold, and one reader's values must never
 * reach another reader of the same post.
 */
class StatusJsonTest extends ApiTest {
    /** Jackson with the application's naming and nothing of Hallway's: the reference output. */
    private static final JsonMapper PLAIN = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    @Autowired
    JsonMapper json;

    @Autowired
    StatusJson statusJson;

    @Test
    void writesStatusesExactlyAsJacksonDoesColdAndWarm() {
        var plain = status("1", "<p>Plain</p>", List.of(), null, null, false, List.of());
        var tricky = status(
                "2",
                "<p>\"media_attachments\":[] \"reblog\":null \"poll\":null \"favourited\":false, ünï \u2028 \\ </p>",
                List.of(media()),
                null,
                poll(),
                true,
                List.of(filter()));
        var repost = status("3", "", List.of(), tricky, null, false, List.of());
        var page = List.of(plain, tricky, repost, plain.withMarks(true, true, List.of(filter())));

        for (int round = 0; round < 2; round++) {
            assertThat(json.writeValueAsString(page)).isEqualTo(PLAIN.writeValueAsString(page));
            assertThat(json.writeValueAsString(tricky)).isEqualTo(PLAIN.writeValueAsString(tricky));
            // Responses are written as bytes, stream events as characters: the kept text is the same.
            assertThat(new String(json.writeValueAsBytes(page), StandardCharsets.UTF_8))
                    .isEqualTo(PLAIN.writeValueAsString(page));
            var notification = new LinkedHashMap<String, Object>();
            notification.put("id", "9");
            notification.put("status", repost);
            notification.put("after", List.of(plain));
            assertThat(json.writeValueAsString(notification)).isEqualTo(PLAIN.writeValueAsString(notification));
            // Search results unwrap each status into an object with its ranking.
            var results = new SearchResults(
                    List.of(),
                    List.of(new SearchResults.RankedStatus(
                            tricky, new SearchResults.Ranking(1.5, 0.5, List.of("From someone you follow")))),
                    List.of());
            assertThat(json.writeValueAsString(results)).isEqualTo(PLAIN.writeValueAsString(results));
        }
        assertThat(statusJson.heldAsText()).isPositive();
    }

    @Test
    void theAuthorsSharedCardFindsTheKeptTextAndAnEqualCopyIsWrittenAlike() {
        var status = status("31", "<p>Kept once</p>", List.of(), null, null, false, List.of());
        var expected = PLAIN.writeValueAsString(status);
        assertThat(json.writeValueAsString(status)).isEqualTo(expected);
        long held = statusJson.heldAsText();

        assertThat(json.writeValueAsString(status.withMarks(true, false, List.of())))
                .isEqualTo(PLAIN.writeValueAsString(status.withMarks(true, false, List.of())));
        assertThat(statusJson.heldAsText()).isEqualTo(held);

        // The same values with a card presented anew (a new instance): written alike, kept apart.
        var copy = status("31", "<p>Kept once</p>", List.of(), null, null, false, List.of());
        assertThat(copy.account()).isEqualTo(status.account()).isNotSameAs(status.account());
        assertThat(json.writeValueAsString(copy)).isEqualTo(expected);
        assertThat(statusJson.heldAsText()).isEqualTo(held + 1);
    }

    @Test
    void anAuthorsCardIsKeptOnceForAllTheirStatuses() {
        var author = account();
        long cards = statusJson.heldCards();
        var page = List.of(
                status(author, "51", "<p>One</p>", List.of(), null, null, false, List.of()),
                status(author, "52", "<p>Two</p>", List.of(media()), null, poll(), true, List.of()),
                status(
                        author,
                        "53",
                        "",
                        List.of(),
                        status("54", "<p>Theirs</p>", List.of(), null, null, false, List.of()),
                        null,
                        false,
                        List.of()));
        assertThat(json.writeValueAsString(page)).isEqualTo(PLAIN.writeValueAsString(page));
        // The three statuses' author, and the reposted status's own.
        assertThat(statusJson.heldCards()).isEqualTo(cards + 2);
    }

    @Test
    void aGuestsCardsPresentedAgainFindTheKeptText() {
        var created = bob.post(
                "/api/v1/groups", Map.of("name", "Supplier room", "description", "Suppliers", "privacy", "private"));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        var room = created.body().get("id").asString();
        assertThat(bob.post("/api/v1/groups/" + room + "/members", Map.of("account_ids", List.of(p.gus.idString())))
                        .status())
                .isEqualTo(200);
        var id = post(bob, Map.of("status", "Supplier review at four", "group_id", room));
        var path = "/api/v1/timelines/group/" + room;
        var first = gus.get(path);
        assertThat(first.status()).isEqualTo(200);
        assertThat(ids(first.body())).contains(id);
        long held = statusJson.heldAsText();

        // The guest's cards are presented for them alone on every read, yet equal cards are one instance.
        var again = gus.get(path);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(statusJson.heldAsText()).isEqualTo(held);
    }

    @Test
    void theSameStatusWithOtherMarksIsWrittenWithThoseMarks() {
        var liked = status("4", "<p>Same post</p>", List.of(), null, null, true, List.of());
        var notLiked = status("4", "<p>Same post</p>", List.of(), null, null, false, List.of());

        assertThat(json.readTree(json.writeValueAsString(liked))
                        .get("favourited")
                        .asBoolean())
                .isTrue();
        assertThat(json.readTree(json.writeValueAsString(notLiked))
                        .get("favourited")
                        .asBoolean())
                .isFalse();
        assertThat(json.writeValueAsString(notLiked)).isEqualTo(PLAIN.writeValueAsString(notLiked));
    }

    @Test
    void eachReaderSeesTheirOwnLikeAndVoteOnTheSamePost() {
        var id = post(
                bob,
                Map.of(
                        "status",
                        "Lunch at noon or at one?",
                        "poll",
                        Map.of("options", List.of("noon", "one"), "expires_in", 3600)));
        var original = status(alice, "/api/v1/statuses/" + id);
        var pollId = original.get("poll").get("id").asString();
        // Written once for nobody in particular, so both readers below get the same kept text.
        assertThat(original.get("favourited").asBoolean()).isFalse();

        assertThat(alice.post("/api/v1/statuses/" + id + "/favourite").status()).isEqualTo(200);
        assertThat(alice.post("/api/v1/polls/" + pollId + "/votes", Map.of("choices", List.of("0")))
                        .status())
                .isEqualTo(200);
        assertThat(tom.post("/api/v1/statuses/" + id + "/bookmark").status()).isEqualTo(200);

        for (int round = 0; round < 2; round++) {
            var byAlice = status(alice, "/api/v1/statuses/" + id);
            var byTom = status(tom, "/api/v1/statuses/" + id);
            assertThat(byAlice.get("favourited").asBoolean()).isTrue();
            assertThat(byAlice.get("bookmarked").asBoolean()).isFalse();
            assertThat(byAlice.get("poll").get("voted").asBoolean()).isTrue();
            assertThat(byTom.get("favourited").asBoolean()).isFalse();
            assertThat(byTom.get("bookmarked").asBoolean()).isTrue();
            assertThat(byTom.get("poll").get("voted").asBoolean()).isFalse();
            assertThat(byTom.get("favourites_count").asInt()).isEqualTo(1);
        }
    }

    @Test
    void anEditedPostIsWrittenWithItsNewTextAtOnce() {
        var id = post(bob, "Draft agenda for Monday");
        assertThat(status(tom, "/api/v1/statuses/" + id).get("content").asString())
                .contains("Draft agenda");

        assertThat(bob.put("/api/v1/statuses/" + id, Map.of("status", "Final agenda for Monday"))
                        .status())
                .isEqualTo(200);

        var after = status(tom, "/api/v1/statuses/" + id);
        assertThat(after.get("content").asString()).contains("Final agenda").doesNotContain("Draft");
        assertThat(after.get("edited_at").isNull()).isFalse();
    }

    private static JsonNode status(org.hallway.testing.Api reader, String path) {
        var response = reader.get(path);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static Status status(
            String id,
            String content,
            List<MediaAttachment> media,
            Status reblog,
            Object poll,
            boolean favourited,
            List<Object> filtered) {
        return status(account(), id, content, media, reblog, poll, favourited, filtered);
    }

    private static Status status(
            Account author,
            String id,
            String content,
            List<MediaAttachment> media,
            Status reblog,
            Object poll,
            boolean favourited,
            List<Object> filtered) {
        return new Status(
                id,
                "https://h.example/users/bob/statuses/" + id,
                "https://h.example/@bob/" + id,
                "2026-12-01T10:00:00.000Z",
                author,
                content,
                "public",
                false,
                "",
                media,
                null,
                List.of(new Status.Mention("7", "tom", "https://h.example/@tom", "tom")),
                List.of(new Status.TagRef("roadmap", "https://h.example/tags/roadmap")),
                List.of(),
                1,
                2,
                3,
                null,
                null,
                reblog,
                poll,
                PreviewCard.link("https://x.example", "X", "An \"example\"", "x.example", null, 0, 0, null, null),
                "en",
                null,
                null,
                favourited,
                false,
                false,
                false,
                false,
                filtered,
                "12");
    }

    private static Account account() {
        return new Account(
                "5",
                "bob",
                "bob",
                "Bob \"B\" Ünal",
                false,
                false,
                true,
                false,
                false,
                "2026-01-01T00:00:00.000Z",
                "<p>Bio</p>",
                "https://h.example/@bob",
                "https://h.example/users/bob",
                "https://h.example/a.png",
                "https://h.example/a.png",
                "https://h.example/h.png",
                "https://h.example/h.png",
                4,
                5,
                6,
                "2026-12-01",
                List.of(),
                List.of(new Account.Field("Title", "Engineer", null)),
                List.of(),
                false,
                "Engineer",
                "R&D",
                "Berlin",
                new Account.AccountRef("8", "ann", "ann", "Ann", "https://h.example/@ann"),
                false,
                null,
                null);
    }

    private static MediaAttachment media() {
        return new MediaAttachment(
                "11",
                "image",
                "https://h.example/m/11?sig=reader",
                null,
                null,
                null,
                null,
                MediaAttachment.Meta.image(MediaAttachment.Details.of(10, 20), null, null),
                "a cat",
                null);
    }

    private static Poll poll() {
        return new Poll(
                "21",
                null,
                false,
                false,
                1,
                1,
                List.of(new Poll.Option("yes", 1), new Poll.Option("no", 0)),
                List.of(),
                true,
                List.of(0));
    }

    private static Object filter() {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("filter", Map.of("id", "31", "title", "Spoilers"));
        entry.put("keyword_matches", List.of("finale"));
        entry.put("status_matches", null);
        return entry;
    }
}
