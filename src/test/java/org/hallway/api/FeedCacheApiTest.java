package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.hallway.media.MediaTestImages;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Feeds hydrate posts and their authors from memory (ADR 0028). Each test reads a feed first, so what
 * it shows is cached, then changes something and reads again at once: the change must show on that
 * very next read, with no waiting.
 */
class FeedCacheApiTest extends ApiTest {
    private static final String HOME = "/api/v1/timelines/home?limit=40";

    @Test
    void editShowsTheNewTextOnTheNextRead() {
        var reader = reader("cacheedit");
        var id = post(bob, "First thoughts on the roadmap");
        awaitInHome(reader, id);
        assertThat(content(reader, id)).contains("First thoughts");

        assertThat(bob.put("/api/v1/statuses/" + id, Map.of("status", "Second thoughts on the roadmap"))
                        .status())
                .isEqualTo(200);

        assertThat(content(reader, id)).contains("Second thoughts").doesNotContain("First thoughts");
        assertThat(status(reader, "/api/v1/timelines/public?limit=40", id)
                        .get("content")
                        .asString())
                .contains("Second thoughts");
        assertThat(status(reader, "/api/v1/accounts/" + p.bob.idString() + "/statuses?limit=40", id)
                        .get("content")
                        .asString())
                .contains("Second thoughts");
    }

    @Test
    void deletedPostVanishesOnTheNextRead() {
        var reader = reader("cachedelete");
        var id = post(bob, "Posted by mistake");
        var original = post(tom, "Worth sharing");
        var repost = bob.post("/api/v1/statuses/" + original + "/reblog")
                .body()
                .get("id")
                .asString();
        awaitInHome(reader, repost);
        assertThat(home(reader)).contains(id, repost);

        assertThat(bob.delete("/api/v1/statuses/" + id).status()).isEqualTo(200);
        assertThat(tom.delete("/api/v1/statuses/" + original).status()).isEqualTo(200);

        assertThat(home(reader)).doesNotContain(id, repost);
        assertThat(reader.get("/api/v1/statuses/" + id).status()).isEqualTo(404);
        assertThat(reader.get("/api/v1/statuses/" + repost).status()).isEqualTo(404);
    }

    @Test
    void likesRepostsAndRepliesMoveTheCountsOnTheNextRead() {
        var reader = reader("cachecounts");
        var id = post(bob, "Counting on you");
        awaitInHome(reader, id);
        var before = inHome(reader, id);
        assertThat(before.get("favourites_count").asInt()).isZero();

        assertThat(eve.post("/api/v1/statuses/" + id + "/favourite").status()).isEqualTo(200);
        assertThat(inHome(reader, id).get("favourites_count").asInt()).isEqualTo(1);

        assertThat(tom.post("/api/v1/statuses/" + id + "/reblog").status()).isEqualTo(200);
        assertThat(post(alice, Map.of("status", "Count me in", "in_reply_to_id", id)))
                .isNotBlank();
        var after = inHome(reader, id);
        assertThat(after.get("reblogs_count").asInt()).isEqualTo(1);
        assertThat(after.get("replies_count").asInt()).isEqualTo(1);

        assertThat(eve.post("/api/v1/statuses/" + id + "/unfavourite").status()).isEqualTo(200);
        assertThat(inHome(reader, id).get("favourites_count").asInt()).isZero();
    }

    @Test
    void readersOwnLikeShowsOnlyToThemOnTheNextRead() {
        var reader = reader("cachemine");
        var other = reader("cacheother");
        var id = post(bob, "Like it or not");
        awaitInHome(reader, id);
        awaitInHome(other, id);

        assertThat(reader.post("/api/v1/statuses/" + id + "/favourite").status())
                .isEqualTo(200);

        assertThat(inHome(reader, id).get("favourited").asBoolean()).isTrue();
        assertThat(inHome(other, id).get("favourited").asBoolean()).isFalse();
    }

    @Test
    void leavingASecretGroupHidesItsPostsOnTheNextRead() {
        var readerPersona = p.add("cachesecret", "cachesecret", "", "", "", null);
        var reader = anonymous.as(readerPersona.token());
        var created = alice.post("/api/v1/groups", Map.of("name", "Board prep", "privacy", "secret"));
        assertThat(created.status()).isEqualTo(200);
        var group = created.body().get("id").asString();
        assertThat(alice.post(
                                "/api/v1/groups/" + group + "/members",
                                Map.of("account_ids", List.of(readerPersona.idString())))
                        .status())
                .isEqualTo(200);
        var secret = post(alice, Map.of("status", "Numbers for the board", "group_id", group));
        awaitInHome(reader, secret);
        assertThat(reader.get("/api/v1/statuses/" + secret).status()).isEqualTo(200);

        assertThat(reader.post("/api/v1/groups/" + group + "/leave").status()).isEqualTo(200);

        assertThat(home(reader)).doesNotContain(secret);
        assertThat(reader.get("/api/v1/statuses/" + secret).status()).isEqualTo(404);
        assertThat(ids(reader.get("/api/v1/accounts/" + p.alice.idString() + "/statuses?limit=40")
                        .body()))
                .doesNotContain(secret);
    }

    @Test
    void blockHidesTheBlockedColleaguesPostsOnTheNextRead() {
        var reader = reader("cacheblock");
        follow(reader, p.tom);
        var id = post(tom, "Tom's weekly note");
        awaitInHome(reader, id);

        assertThat(reader.post("/api/v1/accounts/" + p.tom.idString() + "/block")
                        .status())
                .isEqualTo(200);

        assertThat(home(reader)).doesNotContain(id);
        assertThat(ids(reader.get("/api/v1/timelines/public?limit=40").body())).doesNotContain(id);
    }

    @Test
    void newDisplayNameAndSkillsOfAnAuthorShowOnTheNextRead() {
        var authorPersona = p.add("cacheauthor", "Cache Author", "", "", "", null);
        var author = anonymous.as(authorPersona.token());
        var reader = reader("cachenames");
        follow(reader, authorPersona);
        var id = post(author, "Hello from the author");
        awaitInHome(reader, id);
        assertThat(inHome(reader, id).get("account").get("display_name").asString())
                .isEqualTo("Cache Author");

        assertThat(author.patch(
                                "/api/v1/accounts/update_credentials",
                                Map.of("display_name", "Renamed Author", "skills", List.of("caching")))
                        .status())
                .isEqualTo(200);

        var account = inHome(reader, id).get("account");
        assertThat(account.get("display_name").asString()).isEqualTo("Renamed Author");
        assertThat(account.get("fields").toString()).contains("caching");
    }

    @Test
    void newAndDeletedFiltersApplyOnTheNextRead() {
        var reader = reader("cachefilter");
        var id = post(bob, "Who watched the season finale?");
        awaitInHome(reader, id);
        assertThat(inHome(reader, id).get("filtered").size()).isZero();

        var warn = reader.post(
                "/api/v2/filters",
                Map.of(
                        "title",
                        "Spoilers",
                        "context",
                        List.of("home"),
                        "filter_action",
                        "warn",
                        "keywords_attributes",
                        List.of(Map.of("keyword", "finale"))));
        assertThat(warn.status()).isEqualTo(200);
        assertThat(inHome(reader, id).get("filtered").toString()).contains("Spoilers");

        var hide = reader.post(
                "/api/v2/filters",
                Map.of(
                        "title",
                        "No spoilers at all",
                        "context",
                        List.of("home"),
                        "filter_action",
                        "hide",
                        "keywords_attributes",
                        List.of(Map.of("keyword", "season"))));
        assertThat(hide.status()).isEqualTo(200);
        assertThat(home(reader)).doesNotContain(id);

        assertThat(reader.delete("/api/v2/filters/" + hide.body().get("id").asString())
                        .status())
                .isEqualTo(200);
        assertThat(home(reader)).contains(id);
    }

    @Test
    void mediaAndPollOfAPostShowOnTheNextRead() {
        var reader = reader("cachemedia");
        var id = post(bob, "The whiteboard after today's planning");
        awaitInHome(reader, id);
        assertThat(inHome(reader, id).get("media_attachments").size()).isZero();

        var upload = bob.multipartFile(
                "POST",
                "/api/v2/media",
                Map.of("description", "The whiteboard"),
                "file",
                "board.png",
                "image/png",
                MediaTestImages.png(12, 12, Color.GREEN));
        assertThat(upload.status()).as("%s", upload.body()).isEqualTo(200);
        var mediaId = upload.body().get("id").asString();
        assertThat(bob.put(
                                "/api/v1/statuses/" + id,
                                Map.of("status", "The whiteboard after planning", "media_ids", List.of(mediaId)))
                        .status())
                .isEqualTo(200);

        var media = inHome(reader, id).get("media_attachments");
        assertThat(media.size()).isEqualTo(1);
        assertThat(media.get(0).get("description").asString()).isEqualTo("The whiteboard");

        var poll = bob.post(
                "/api/v1/statuses",
                Map.of("status", "Lunch?", "poll", Map.of("options", List.of("Pizza", "Salad"), "expires_in", 3600)));
        assertThat(poll.status()).isEqualTo(200);
        var pollId = poll.body().get("id").asString();
        awaitInHome(reader, pollId);
        assertThat(inHome(reader, pollId).get("poll").get("options").toString()).contains("Pizza", "Salad");
        assertThat(inHome(reader, id).get("poll").isNull()).isTrue();
    }

    @Test
    void mutingAThreadShowsOnTheNextRead() {
        var reader = reader("cachethread");
        var id = post(bob, "Which release train do we board?");
        awaitInHome(reader, id);
        assertThat(inHome(reader, id).get("muted").asBoolean()).isFalse();

        assertThat(reader.post("/api/v1/statuses/" + id + "/mute").status()).isEqualTo(200);
        assertThat(inHome(reader, id).get("muted").asBoolean()).isTrue();

        assertThat(reader.post("/api/v1/statuses/" + id + "/unmute").status()).isEqualTo(200);
        assertThat(inHome(reader, id).get("muted").asBoolean()).isFalse();
    }

    @Test
    void readersOwnLikesBookmarksAndRepostsShowOnTheNextRead() {
        var reader = reader("cachemarks");
        var id = post(bob, "Mark my words");
        awaitInHome(reader, id);
        assertThat(marks(reader, id)).isEqualTo("");

        assertThat(reader.post("/api/v1/statuses/" + id + "/favourite").status())
                .isEqualTo(200);
        assertThat(marks(reader, id)).isEqualTo("liked");
        assertThat(inHome(reader, id).get("favourited").asBoolean()).isTrue();
        assertThat(reader.post("/api/v1/statuses/" + id + "/unfavourite").status())
                .isEqualTo(200);
        assertThat(marks(reader, id)).isEqualTo("");

        assertThat(reader.post("/api/v1/statuses/" + id + "/bookmark").status()).isEqualTo(200);
        assertThat(marks(reader, id)).isEqualTo("bookmarked");
        assertThat(reader.post("/api/v1/statuses/" + id + "/unbookmark").status())
                .isEqualTo(200);
        assertThat(marks(reader, id)).isEqualTo("");

        assertThat(reader.post("/api/v1/statuses/" + id + "/reblog").status()).isEqualTo(200);
        assertThat(marks(reader, id)).isEqualTo("reposted");
        assertThat(reader.post("/api/v1/statuses/" + id + "/unreblog").status()).isEqualTo(200);
        assertThat(marks(reader, id)).isEqualTo("");

        var repost = reader.post("/api/v1/statuses/" + id + "/reblog")
                .body()
                .get("id")
                .asString();
        assertThat(marks(reader, id)).isEqualTo("reposted");
        assertThat(reader.delete("/api/v1/statuses/" + repost).status()).isEqualTo(200);
        assertThat(marks(reader, id)).isEqualTo("");
    }

    /** What the reader did to a post, as they see it on the post itself. */
    private static String marks(Api reader, String id) {
        var response = reader.get("/api/v1/statuses/" + id);
        assertThat(response.status()).isEqualTo(200);
        var s = response.body();
        var marks = new java.util.ArrayList<String>();
        if (s.get("favourited").asBoolean()) marks.add("liked");
        if (s.get("bookmarked").asBoolean()) marks.add("bookmarked");
        if (s.get("reblogged").asBoolean()) marks.add("reposted");
        return String.join(",", marks);
    }

    private Api reader(String username) {
        var persona = p.add(username, username, "", "", "", null);
        var api = anonymous.as(persona.token());
        follow(api, p.bob);
        return api;
    }

    private static List<String> home(Api reader) {
        return ids(reader.get(HOME).body());
    }

    /** The status as the reader's home feed shows it. */
    private static JsonNode inHome(Api reader, String id) {
        return status(reader, HOME, id);
    }

    private static String content(Api reader, String id) {
        return inHome(reader, id).get("content").asString();
    }

    private static JsonNode status(Api reader, String feed, String id) {
        var response = reader.get(feed);
        assertThat(response.status()).isEqualTo(200);
        for (var s : response.body()) if (s.get("id").asString().equals(id)) return s;
        throw new AssertionError("status " + id + " not in " + feed + ": " + ids(response.body()));
    }
}
