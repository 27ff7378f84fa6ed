package org.hallway.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hallway.audience.AudienceMatrixApiTest.addMember;
import static org.hallway.audience.AudienceMatrixApiTest.group;

import java.awt.Color;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.hallway.media.MediaStore;
import org.hallway.media.MediaTestImages;
import org.hallway.media.MediaUrls;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The read paths added after {@link AudienceMatrixApiTest}, for every audience and every reader: a post's
 * source, history and reposters, its poll and its votes, its image files, search, mention notifications,
 * profile pins, link trends; and what a member keeps of a secret group's post after being removed from
 * the group (nothing: bookmarks, likes, notifications, poll, files and search all let go of it). The
 * readers and audiences are those of the matrix: alice writes; bob is in every group and receives her
 * direct message; tom follows alice and is in no group; eve is a colleague outside everything; gus is a
 * guest invited into the private group only.
 */
class AudienceNewerPathsApiTest extends ApiTest {
    static final String WORD = "quokka";

    @Autowired
    MediaStore media;

    @Autowired
    MediaUrls mediaUrls;

    Map<String, Api> readers;
    Map<String, Personas.Persona> personas;
    String open, backchannel, skunkworks;
    /** Post key → its id; each post carries an image (key → media id) and was edited once. */
    final Map<String, String> posts = new LinkedHashMap<>();

    final Map<String, String> images = new HashMap<>();
    /** Post key → a post of the same audience with a poll, and its poll's id. */
    final Map<String, String> polls = new HashMap<>();

    final Map<String, Set<String>> audience = new LinkedHashMap<>();

    @BeforeAll
    void setUpAudiences() {
        readers = new LinkedHashMap<>();
        readers.put("alice", alice);
        readers.put("bob", bob);
        readers.put("tom", tom);
        readers.put("eve", eve);
        readers.put("gus", gus);
        personas = Map.of("alice", p.alice, "bob", p.bob, "tom", p.tom, "eve", p.eve, "gus", p.gus);
        follow(tom, p.alice);
        open = group(alice, "Open kitchen", "public");
        backchannel = group(alice, "Backchannel", "private");
        skunkworks = group(alice, "Skunkworks", "secret");
        for (var g : List.of(open, backchannel, skunkworks)) addMember(alice, g, p.bob.idString());
        addMember(alice, backchannel, p.gus.idString());

        // Mentions of people outside a group's audience never widen it, and never notify them.
        add(
                "company",
                Map.of("status", "Company news " + WORD + " https://example.com/launch"),
                "alice",
                "bob",
                "tom",
                "eve");
        add("followers", Map.of("status", "For my followers " + WORD, "visibility", "private"), "alice", "tom");
        add(
                "publicGroup",
                Map.of("status", "Open kitchen " + WORD + " @gus", "group_id", open),
                "alice",
                "bob",
                "tom",
                "eve");
        add(
                "privateGroup",
                Map.of(
                        "status",
                        "Candid take on https://example.com/press-release " + WORD + ", @eve would disagree",
                        "group_id",
                        backchannel),
                "alice",
                "bob",
                "gus");
        add(
                "secretGroup",
                Map.of("status", "Skunkworks plan " + WORD + " @eve @tom @gus", "group_id", skunkworks),
                "alice",
                "bob");
        add("direct", Map.of("status", "@bob just between us " + WORD, "visibility", "direct"), "alice", "bob");
        assertThat(alice.post("/api/v1/statuses/" + posts.get("company") + "/pin")
                        .status())
                .isEqualTo(200);
        assertThat(alice.post("/api/v1/statuses/" + posts.get("followers") + "/pin")
                        .status())
                .isEqualTo(200);
    }

    private void add(String key, Map<String, String> body, String... seers) {
        var image = alice.multipartFile(
                "POST",
                "/api/v2/media",
                Map.of(),
                "file",
                "upload.png",
                "image/png",
                MediaTestImages.png(8, 8, Color.ORANGE));
        assertThat(image.status()).as("%s", image.body()).isEqualTo(200);
        var mediaId = image.body().get("id").asString();
        var withImage = new HashMap<String, Object>(body);
        withImage.put("media_ids", List.of(mediaId));
        var id = post(alice, withImage);
        var edited = new HashMap<String, Object>(body);
        edited.put("status", body.get("status") + " (edited)");
        edited.put("media_ids", List.of(mediaId));
        assertThat(alice.put("/api/v1/statuses/" + id, edited).status()).isEqualTo(200);
        posts.put(key, id);
        images.put(key, mediaId);
        audience.put(key, Set.of(seers));

        var withPoll = new HashMap<String, Object>(body);
        withPoll.put("status", "Vote: " + body.get("status"));
        withPoll.put("poll", Map.of("options", List.of("Yes", "No"), "expires_in", 3600));
        var created = alice.post("/api/v1/statuses", withPoll);
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        polls.put(key, created.body().get("poll").get("id").asString());
    }

    @Test
    void sourceHistoryAndRepostersAnswerOnlyThePostsAudience() {
        var soft = new SoftAssertions();
        eachCell((key, reader, sees) -> {
            int expected = sees ? 200 : 404;
            for (var path : List.of("/source", "/history", "/reblogged_by", "/favourited_by")) {
                var response = api(reader).get("/api/v1/statuses/" + posts.get(key) + path);
                soft.assertThat(response.status())
                        .as("%s reads %s of %s", reader, path, key)
                        .isEqualTo(expected);
                if (!sees) soft.assertThat(response.body().toString()).doesNotContain(WORD);
            }
            if (sees)
                soft.assertThat(api(reader)
                                .get("/api/v1/statuses/" + posts.get(key) + "/history")
                                .body()
                                .size())
                        .as("%s reads both versions of %s", reader, key)
                        .isEqualTo(2);
        });
        soft.assertAll();
    }

    @Test
    void pollsAndVotesAnswerOnlyThePostsAudience() {
        var soft = new SoftAssertions();
        eachCell((key, reader, sees) -> {
            var poll = "/api/v1/polls/" + polls.get(key);
            soft.assertThat(api(reader).get(poll).status())
                    .as("%s reads the poll of %s", reader, key)
                    .isEqualTo(sees ? 200 : 404);
            if (reader.equals("alice")) return;
            soft.assertThat(api(reader)
                            .post(poll + "/votes", Map.of("choices", List.of(0)))
                            .status())
                    .as("%s votes in the poll of %s", reader, key)
                    .isEqualTo(sees ? 200 : 404);
        });
        soft.assertAll();
        // Outsiders' attempts counted nothing: only those who may read the post voted.
        for (var key : posts.keySet()) {
            int voters = (int)
                    audience.get(key).stream().filter(r -> !r.equals("alice")).count();
            assertThat(alice.get("/api/v1/polls/" + polls.get(key))
                            .body()
                            .get("votes_count")
                            .asInt())
                    .as("votes in %s", key)
                    .isEqualTo(voters);
        }
    }

    @Test
    void imageFilesGoOnlyToThePostsAudience() {
        var soft = new SoftAssertions();
        eachCell((key, reader, sees) -> {
            var stored =
                    media.find(p.networkId, Long.parseLong(images.get(key))).orElseThrow();
            var path = mediaUrls.original(personas.get(reader).viewer(), stored);
            soft.assertThat(anonymous.getBytes(path, Map.of()).statusCode())
                    .as("%s fetches the image of %s", reader, key)
                    .isEqualTo(sees ? 200 : 404);
            // Media by id belongs to its uploader alone, whoever may read the post.
            soft.assertThat(api(reader).get("/api/v1/media/" + images.get(key)).status())
                    .as("%s reads the upload of %s", reader, key)
                    .isEqualTo(reader.equals("alice") ? 200 : 404);
        });
        soft.assertAll();
    }

    @Test
    void searchFindsOnlyWhatTheReaderMaySee() {
        await().atMost(Duration.ofSeconds(15)).until(() -> searched(alice).containsAll(posts.values()));
        var soft = new SoftAssertions();
        eachCell((key, reader, sees) -> soft.assertThat(searched(api(reader)))
                .as("%s searches and %s", reader, key)
                .matches(found -> found.contains(posts.get(key)) == sees));
        soft.assertAll();
        // The private group's commentary on a public link stays in the group.
        for (var outsider : List.of(eve, tom))
            assertThat(ids(outsider.get("/api/v2/search?type=statuses&q=candid")
                            .body()
                            .get("statuses")))
                    .doesNotContain(posts.get("privateGroup"));
    }

    @Test
    void mentionsNotifyOnlyThoseWhoMaySeeThePost() {
        // Notifications are made after commit, post by post: the last post's tells that all are done.
        awaitNotified(bob, posts.get("direct"));
        var soft = new SoftAssertions();
        for (var reader : List.of("tom", "eve", "gus")) {
            soft.assertThat(notifiedPosts(api(reader)))
                    .as("%s's notifications", reader)
                    .doesNotContainAnyElementsOf(posts.values());
            // gus has a notification of his invitation into the private group; tom and eve have none.
            if (reader.equals("gus")) continue;
            soft.assertThat(api(reader)
                            .get("/api/v1/notifications/unread_count")
                            .body()
                            .get("count")
                            .asInt())
                    .as("%s's unread count", reader)
                    .isZero();
        }
        soft.assertAll();
    }

    @Test
    void pinnedPostsShowOnTheProfileOnlyToTheirAudience() {
        var soft = new SoftAssertions();
        for (var key : List.of("company", "followers")) {
            for (var reader : readers.keySet()) {
                boolean sees = audience.get(key).contains(reader);
                var pinned = api(reader).get("/api/v1/accounts/" + p.alice.idString() + "/statuses?pinned=true");
                if (reader.equals("gus")) {
                    // alice shares the private group with gus, so he sees her profile, but none of her pins.
                    soft.assertThat(pinned.status()).isEqualTo(200);
                }
                soft.assertThat(ids(pinned.body()))
                        .as("%s sees alice's pin of %s", reader, key)
                        .matches(list -> list.contains(posts.get(key)) == sees);
            }
        }
        soft.assertAll();
    }

    @Test
    void linkTrendsCountOnlyCompanyWidePostsForEveryReader() {
        await().atMost(FAN_OUT).until(() -> links(alice).contains("https://example.com/launch"));
        for (var reader : readers.keySet()) {
            assertThat(links(api(reader)))
                    .as("%s's trending links", reader)
                    .doesNotContain("https://example.com/press-release");
        }
        assertThat(links(gus)).isEmpty();
    }

    @Test
    void aMemberRemovedFromASecretGroupKeepsNothingOfItsPosts() {
        var carl = p.add("carl", "Carl Cole", "Engineer", "Engineering", "Berlin", null);
        var carlApi = anonymous.as(carl.token());
        var room = group(alice, "War room", "secret");
        addMember(alice, room, carl.idString());
        var mediaId = alice.multipartFile(
                        "POST",
                        "/api/v2/media",
                        Map.of(),
                        "file",
                        "x.png",
                        "image/png",
                        MediaTestImages.png(8, 8, Color.RED))
                .body()
                .get("id")
                .asString();
        var secret = post(
                alice,
                Map.of(
                        "status",
                        "@carl war room wallaby",
                        "group_id",
                        room,
                        "media_ids",
                        List.of(mediaId),
                        "poll",
                        Map.of("options", List.of("Go", "Wait"), "expires_in", 3600)));
        var pollId = alice.get("/api/v1/statuses/" + secret).body().get("poll");
        var status = "/api/v1/statuses/" + secret;
        assertThat(carlApi.post(status + "/bookmark").status()).isEqualTo(200);
        assertThat(carlApi.post(status + "/favourite").status()).isEqualTo(200);
        awaitNotified(carlApi, secret);
        await().atMost(Duration.ofSeconds(15)).until(() -> ids(carlApi.get("/api/v2/search?type=statuses&q=wallaby")
                        .body()
                        .get("statuses"))
                .contains(secret));
        awaitInHome(carlApi, secret);
        var imagePath = mediaUrls.original(
                carl.viewer(), media.find(p.networkId, Long.parseLong(mediaId)).orElseThrow());
        assertThat(anonymous.getBytes(imagePath, Map.of()).statusCode()).isEqualTo(200);

        assertThat(alice.delete("/api/v1/groups/" + room + "/members/" + carl.idString())
                        .status())
                .isEqualTo(200);

        assertThat(carlApi.get(status).status()).isEqualTo(404);
        assertThat(carlApi.get(status + "/context").status()).isEqualTo(404);
        assertThat(carlApi.get("/api/v1/polls/" + pollId.get("id").asString()).status())
                .isEqualTo(404);
        assertThat(anonymous.getBytes(imagePath, Map.of()).statusCode()).isEqualTo(404);
        assertThat(ids(carlApi.get("/api/v1/bookmarks").body())).doesNotContain(secret);
        assertThat(ids(carlApi.get("/api/v1/favourites").body())).doesNotContain(secret);
        assertThat(notifiedPosts(carlApi)).doesNotContain(secret);
        assertThat(carlApi.get("/api/v1/notifications/unread_count")
                        .body()
                        .get("count")
                        .asInt())
                .isZero();
        assertThat(ids(carlApi.get("/api/v2/search?type=statuses&q=wallaby")
                        .body()
                        .get("statuses")))
                .doesNotContain(secret);
        assertThat(ids(carlApi.get("/api/v1/timelines/home?limit=40").body())).doesNotContain(secret);
        assertThat(carlApi.get("/api/v1/timelines/group/" + room).status()).isEqualTo(404);
        assertThat(carlApi.post(status + "/unbookmark").status()).isEqualTo(404);
    }

    private List<String> searched(Api reader) {
        return ids(reader.get("/api/v2/search?type=statuses&limit=40&q=" + WORD)
                .body()
                .get("statuses"));
    }

    private static List<String> links(Api reader) {
        var list = new ArrayList<String>();
        for (var l : reader.get("/api/v1/trends/links").body())
            list.add(l.get("url").asString());
        return list;
    }

    private static List<String> notifiedPosts(Api reader) {
        var list = new ArrayList<String>();
        for (var n : reader.get("/api/v1/notifications?limit=80").body()) {
            JsonNode status = n.get("status");
            if (status != null && !status.isNull()) list.add(status.get("id").asString());
        }
        return list;
    }

    private static void awaitNotified(Api reader, String statusId) {
        await().atMost(FAN_OUT).until(() -> notifiedPosts(reader).contains(statusId));
    }

    private Api api(String reader) {
        return readers.get(reader);
    }

    private void eachCell(AudienceMatrixApiTest.Cell cell) {
        for (var key : posts.keySet())
            for (var reader : readers.keySet())
                cell.check(key, reader, audience.get(key).contains(reader));
    }
}
