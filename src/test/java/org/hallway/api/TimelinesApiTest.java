package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.Map;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.Test;

class TimelinesApiTest extends ApiTest {

    @Test
    void homeHasOwnPostsFolloweesPostsFollowedTagsAndReposts() {
        var reader = colleague("homereader");
        var readerApi = api(reader);
        follow(readerApi, p.bob);
        var own = post(readerApi, "My own words");
        var followee = post(bob, "Bob for his followers");
        assertThat(readerApi.post("/api/v1/tags/Quarterly/follow").status()).isEqualTo(200);
        var tagged = post(eve, "Numbers are in #quarterly");
        var taggedPrivate = post(eve, Map.of("status", "Secret #quarterly numbers", "visibility", "private"));
        var reposted = post(tom, "Tom's thought");
        var repost = bob.post("/api/v1/statuses/" + reposted + "/reblog")
                .body()
                .get("id")
                .asString();
        var stranger = post(alice, "Not for the reader's home");
        var marker = post(bob, "Last one");

        awaitInHome(readerApi, marker);
        var home = ids(readerApi.get("/api/v1/timelines/home?limit=40").body());
        assertThat(home).contains(own, followee, tagged, repost).doesNotContain(stranger, taggedPrivate, reposted);
        for (var status : readerApi.get("/api/v1/timelines/home").body()) {
            assertThat(MastodonSchema.problems("Status", status)).isEmpty();
        }
    }

    @Test
    void pagesHomeWithMaxSinceMinIdAndAbsoluteLinks() {
        var reader = api(colleague("pagereader"));
        var posted = new ArrayList<String>();
        for (int i = 0; i < 6; i++) posted.add(post(reader, "Home page " + i));
        awaitInHome(reader, posted.getLast());

        var first = reader.get("/api/v1/timelines/home?limit=2");
        assertThat(ids(first.body())).containsExactly(posted.get(5), posted.get(4));
        var next = link(first, "next");
        var prev = link(first, "prev");
        assertThat(next)
                .startsWith(baseUrl() + "/api/v1/timelines/home?")
                .contains("max_id=" + posted.get(4))
                .contains("limit=2");
        assertThat(prev).startsWith(baseUrl() + "/api/v1/timelines/home?").contains("min_id=" + posted.get(5));
        assertThat(ids(reader.get(next).body())).containsExactly(posted.get(3), posted.get(2));
        assertThat(reader.get(prev).body().size()).isZero();

        assertThat(ids(reader.get("/api/v1/timelines/home?max_id=" + posted.get(2))
                        .body()))
                .containsExactly(posted.get(1), posted.get(0));
        assertThat(ids(reader.get("/api/v1/timelines/home?since_id=" + posted.get(1) + "&limit=2")
                        .body()))
                .containsExactly(posted.get(5), posted.get(4));
        assertThat(ids(reader.get("/api/v1/timelines/home?min_id=" + posted.get(1) + "&limit=2")
                        .body()))
                .containsExactly(posted.get(3), posted.get(2));
        assertThat(reader.get("/api/v1/timelines/home?limit=1000").body().size())
                .isEqualTo(6);
        assertThat(reader.get("/api/v1/timelines/home?limit=banana").status()).isEqualTo(422);
    }

    @Test
    void linkHeaderHonoursForwardedHostAndProto() {
        var reader = api(colleague("proxied"));
        var id = post(reader, "Behind a proxy");
        awaitInHome(reader, id);
        var response = reader.get(
                "/api/v1/timelines/home",
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "hallway.example.com"));
        assertThat(link(response, "next")).startsWith("https://hallway.example.com/api/v1/timelines/home?");
    }

    @Test
    void publicTimelineHasCompanyWidePostsOnly() {
        var open = post(alice, "For the whole company");
        var unlisted = post(alice, Map.of("status", "Quietly company-wide", "visibility", "unlisted"));
        var secret = post(alice, Map.of("status", "Followers only", "visibility", "private"));
        var reply = post(bob, Map.of("status", "A public reply", "in_reply_to_id", open));
        var repost = tom.post("/api/v1/statuses/" + open + "/reblog")
                .body()
                .get("id")
                .asString();
        var timeline = eve.get("/api/v1/timelines/public?limit=40");
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(ids(timeline.body())).contains(open, reply).doesNotContain(unlisted, secret, repost);
        assertThat(eve.get("/api/v1/timelines/public?local=true").status()).isEqualTo(200);
        assertThat(eve.get("/api/v1/timelines/public?remote=true").body().size())
                .isZero();
    }

    @Test
    void tagTimelineMatchesCaseInsensitively() {
        var id = post(alice, "Shipping the #NewFeature today");
        var secret = post(alice, Map.of("status", "Shh #newfeature", "visibility", "private"));
        for (var tag : new String[] {"newfeature", "NEWFEATURE", "NewFeature"}) {
            var timeline = eve.get("/api/v1/timelines/tag/" + tag);
            assertThat(timeline.status()).as(tag).isEqualTo(200);
            assertThat(ids(timeline.body())).as(tag).contains(id).doesNotContain(secret);
        }
        assertThat(eve.get("/api/v1/timelines/tag/nothing_tagged_like_this")
                        .body()
                        .size())
                .isZero();
        assertThat(eve.get("/api/v1/statuses/" + id)
                        .body()
                        .get("tags")
                        .get(0)
                        .get("name")
                        .asString())
                .isEqualTo("newfeature");
    }

    @Test
    void tagTimelineAndTagFollowAcceptNonAsciiHashtags() {
        var id = post(alice, "Lunch at the #Café today");
        var timeline = eve.get("/api/v1/timelines/tag/caf%C3%A9");
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(ids(timeline.body())).contains(id);
        var followed = eve.post("/api/v1/tags/CAF%C3%89/follow");
        assertThat(followed.status()).isEqualTo(200);
        assertThat(followed.body().get("name").asString()).isEqualTo("café");
        eve.post("/api/v1/tags/caf%C3%A9/unfollow");
    }

    @Test
    void followsShowsAndUnfollowsTags() {
        var follower = api(colleague("tagfan"));
        var shown = follower.get("/api/v1/tags/Design");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body().get("name").asString()).isEqualTo("design");
        assertThat(shown.body().get("following").asBoolean()).isFalse();
        assertThat(shown.body().get("url").asString()).startsWith(baseUrl());
        assertThat(MastodonSchema.problems("Tag", shown.body())).isEmpty();

        var followed = follower.post("/api/v1/tags/Design/follow");
        assertThat(followed.status()).isEqualTo(200);
        assertThat(followed.body().get("following").asBoolean()).isTrue();
        assertThat(follower.post("/api/v1/tags/design/follow").status()).isEqualTo(200);
        assertThat(follower.get("/api/v1/tags/design").body().get("following").asBoolean())
                .isTrue();
        var list = follower.get("/api/v1/followed_tags");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().size()).isEqualTo(1);
        assertThat(list.body().get(0).get("name").asString()).isEqualTo("design");

        var unfollowed = follower.post("/api/v1/tags/design/unfollow");
        assertThat(unfollowed.body().get("following").asBoolean()).isFalse();
        assertThat(follower.get("/api/v1/followed_tags").body().size()).isZero();
        assertThat(follower.post("/api/v1/tags/not-a-tag!/follow").status()).isEqualTo(422);
    }

    @Test
    void listsFavouritesAndBookmarksMostRecentFirst() {
        var reader = api(colleague("collector"));
        var first = post(alice, "Favourite one");
        var second = post(bob, "Favourite two");
        reader.post("/api/v1/statuses/" + second + "/favourite");
        reader.post("/api/v1/statuses/" + first + "/favourite");
        var favourites = reader.get("/api/v1/favourites");
        assertThat(favourites.status()).isEqualTo(200);
        assertThat(ids(favourites.body())).containsExactly(first, second);
        assertThat(favourites.body().get(0).get("favourited").asBoolean()).isTrue();
        var page = reader.get("/api/v1/favourites?limit=1");
        assertThat(ids(page.body())).containsExactly(first);
        assertThat(ids(reader.get(link(page, "next")).body())).containsExactly(second);

        reader.post("/api/v1/statuses/" + first + "/bookmark");
        reader.post("/api/v1/statuses/" + second + "/bookmark");
        var bookmarks = reader.get("/api/v1/bookmarks");
        assertThat(ids(bookmarks.body())).containsExactly(second, first);
        assertThat(bookmarks.body().get(0).get("bookmarked").asBoolean()).isTrue();
        reader.post("/api/v1/statuses/" + second + "/unbookmark");
        assertThat(ids(reader.get("/api/v1/bookmarks").body())).containsExactly(first);
        bob.delete("/api/v1/statuses/" + second);
        assertThat(ids(reader.get("/api/v1/favourites").body())).containsExactly(first);
    }

    @Test
    void followBackfillsAndNewPostsArriveAfterCommit() {
        var reader = api(colleague("latecomer"));
        var earlier = post(eve, "Posted before the follow");
        follow(reader, p.eve);
        awaitInHome(reader, earlier);
        var later = post(eve, "Posted after the follow");
        await().atMost(FAN_OUT)
                .until(() -> ids(reader.get("/api/v1/timelines/home").body()).indexOf(later) == 0);
    }

    private Personas.Persona colleague(String username) {
        return p.add(username, username, "", "", "", null);
    }

    private Api api(Personas.Persona persona) {
        return anonymous.as(persona.token());
    }
}
