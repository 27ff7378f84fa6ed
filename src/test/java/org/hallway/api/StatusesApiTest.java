package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StatusesApiTest extends ApiTest {

    @Test
    void postsStatusInMastodonShape() {
        var created = alice.post("/api/v1/statuses", Map.of("status", "Hello colleagues", "language", "en"));
        assertThat(created.status()).isEqualTo(200);
        var status = created.body();
        assertThat(status.get("id").isString()).isTrue();
        assertThat(status.get("content").asString()).isEqualTo("<p>Hello colleagues</p>");
        assertThat(status.get("visibility").asString()).isEqualTo("public");
        assertThat(status.get("language").asString()).isEqualTo("en");
        assertThat(status.get("account").get("id").asString()).isEqualTo(p.alice.idString());
        assertThat(status.get("url").asString()).startsWith(baseUrl());
        for (var nullable :
                List.of("in_reply_to_id", "in_reply_to_account_id", "reblog", "poll", "card", "edited_at")) {
            assertThat(status.has(nullable)).as(nullable).isTrue();
            assertThat(status.get(nullable).isNull()).as(nullable).isTrue();
        }
        assertThat(MastodonSchema.problems("Status", status)).isEmpty();
        assertThat(alice.get("/api/v1/statuses/" + status.get("id").asString())
                        .body()
                        .get("content")
                        .asString())
                .isEqualTo("<p>Hello colleagues</p>");
    }

    @Test
    void servesMoreReadsThanTheConnectionPoolHolds() {
        // A read path that kept its connection (an unclosed query stream) exhausted the pool of 20 here.
        var id = post(alice, "Read me many times");
        for (int i = 0; i < 50; i++)
            assertThat(eve.get("/api/v1/statuses/" + id).status()).isEqualTo(200);
    }

    @Test
    void postsStatusFromFormAndMultipartBodies() {
        var form = alice.postForm(
                "/api/v1/statuses",
                Map.of("status", "Sent as a form", "visibility", "unlisted", "spoiler_text", "Spoiler"));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body().get("visibility").asString()).isEqualTo("unlisted");
        assertThat(form.body().get("spoiler_text").asString()).isEqualTo("Spoiler");
        assertThat(form.body().get("sensitive").asBoolean()).isTrue();
        var multipart =
                alice.postMultipart("/api/v1/statuses", Map.of("status", "Sent as multipart", "sensitive", "true"));
        assertThat(multipart.status()).isEqualTo(200);
        assertThat(multipart.body().get("content").asString()).contains("Sent as multipart");
        assertThat(multipart.body().get("sensitive").asBoolean()).isTrue();
    }

    @Test
    void rejectsEmptyStatus() {
        for (var body : List.<Map<String, ?>>of(
                Map.of("status", ""), Map.of("status", "   \n "), Map.of("visibility", "public"))) {
            var response = alice.post("/api/v1/statuses", body);
            assertThat(response.status()).as(body.toString()).isEqualTo(422);
            assertThat(response.error()).isNotBlank();
        }
    }

    @Test
    void rejectsOverLongStatusAndStoresNothing() {
        var writer = colleague("verbose");
        var response = writer.post("/api/v1/statuses", Map.of("status", "x".repeat(5001)));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.error()).contains("too long");
        assertThat(writer.get("/api/v1/accounts/verify_credentials")
                        .body()
                        .get("statuses_count")
                        .asInt())
                .isZero();
        var mine = writer.get("/api/v1/accounts/verify_credentials")
                .body()
                .get("id")
                .asString();
        assertThat(writer.get("/api/v1/accounts/" + mine + "/statuses").body().size())
                .isZero();
        assertThat(writer.post("/api/v1/statuses", Map.of("status", "y".repeat(5000)))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void countsUrlAsTwentyThreeCharacters() {
        var url = "https://example.com/" + "a".repeat(200);
        var text = "b".repeat(4976) + " " + url;
        var accepted = alice.post("/api/v1/statuses", Map.of("status", text));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().get("content").asString()).contains("href=\"" + url + "\"");
        var oneMore = alice.post("/api/v1/statuses", Map.of("status", "b" + text));
        assertThat(oneMore.status()).isEqualTo(422);
    }

    @Test
    void rendersMarkdownBoldItalicListAndCode() {
        var content = alice.post(
                        "/api/v1/statuses",
                        Map.of("status", "**bold** and *italic*\n\n- one\n- two\n\nRun `mvn test` now"))
                .body()
                .get("content")
                .asString();
        assertThat(content)
                .contains("<strong>bold</strong>")
                .contains("<em>italic</em>")
                .contains("<ul>")
                .contains("<li>one</li>")
                .contains("<code>mvn test</code>");
    }

    @Test
    void escapesHtmlAndScripts() {
        var created = alice.post(
                "/api/v1/statuses",
                Map.of("status", "<script>alert('x')</script> <b>bold?</b> <a href=\"javascript:alert(1)\">click</a>"));
        assertThat(created.status()).isEqualTo(200);
        var content = created.body().get("content").asString();
        assertThat(content).doesNotContain("<script").doesNotContain("<b>").doesNotContain("href=\"javascript");
        assertThat(content).contains("&lt;script&gt;");
        var link = alice.post("/api/v1/statuses", Map.of("status", "[click](javascript:alert(1))"))
                .body()
                .get("content")
                .asString();
        assertThat(link).doesNotContain("javascript:");
    }

    @Test
    void returnsSameStatusForRepeatedIdempotencyKey() {
        var headers = Map.of("Idempotency-Key", "key-" + System.nanoTime());
        var first = bob.post("/api/v1/statuses", Map.of("status", "Only once please"), headers);
        var second = bob.post("/api/v1/statuses", Map.of("status", "Only once please"), headers);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("id").asString())
                .isEqualTo(first.body().get("id").asString());
        var other = bob.post(
                "/api/v1/statuses",
                Map.of("status", "Only once please"),
                Map.of("Idempotency-Key", "another-" + System.nanoTime()));
        assertThat(other.body().get("id").asString())
                .isNotEqualTo(first.body().get("id").asString());
    }

    @Test
    void rejectsReplyToInvisiblePost() {
        var secret = post(alice, Map.of("status", "For my followers", "visibility", "private"));
        var reply = eve.post("/api/v1/statuses", Map.of("status", "Sneaky reply", "in_reply_to_id", secret));
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error()).isNotBlank();
        assertThat(eve.post("/api/v1/statuses", Map.of("status", "x", "in_reply_to_id", "999999"))
                        .status())
                .isEqualTo(404);
        assertThat(eve.post("/api/v1/statuses", Map.of("status", "x", "in_reply_to_id", "nope"))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void replyToFollowersOnlyPostBecomesFollowersOnly() {
        var follower = colleague("follower");
        follow(follower, p.alice);
        var secret = post(alice, Map.of("status", "Followers only", "visibility", "private"));
        var reply = follower.post(
                "/api/v1/statuses",
                Map.of("status", "Public reply?", "in_reply_to_id", secret, "visibility", "public"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("visibility").asString()).isEqualTo("private");
        assertThat(reply.body().get("in_reply_to_id").asString()).isEqualTo(secret);
        assertThat(reply.body().get("in_reply_to_account_id").asString()).isEqualTo(p.alice.idString());
    }

    @Test
    void rejectsDirectMessageWithoutRecipientsAndUnknownVisibility() {
        var response = alice.post("/api/v1/statuses", Map.of("status", "Psst", "visibility", "direct"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.error()).contains("Mention at least one colleague");
        assertThat(alice.post("/api/v1/statuses", Map.of("status", "?", "visibility", "everyone"))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void answers404ForUnknownStatus() {
        for (var id : List.of("1", "abc", "99999999999999")) {
            var response = alice.get("/api/v1/statuses/" + id);
            assertThat(response.status()).as(id).isEqualTo(404);
            assertThat(response.error()).isEqualTo("Record not found");
        }
    }

    @Test
    void editsOwnStatusAndKeepsHistoryAndSource() {
        var id = post(tom, "First draft");
        var edited = tom.put("/api/v1/statuses/" + id, Map.of("status", "Second **draft**"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().get("content").asString()).contains("<strong>draft</strong>");
        assertThat(edited.body().get("edited_at").isString()).isTrue();
        tom.put("/api/v1/statuses/" + id, Map.of("status", "Final version", "spoiler_text", "CW"));

        var history = tom.get("/api/v1/statuses/" + id + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().size()).isEqualTo(3);
        assertThat(history.body().get(0).get("content").asString()).contains("First draft");
        assertThat(history.body().get(1).get("content").asString()).contains("<strong>draft</strong>");
        assertThat(history.body().get(2).get("content").asString()).contains("Final version");
        assertThat(history.body().get(2).get("spoiler_text").asString()).isEqualTo("CW");
        for (var edit : history.body())
            assertThat(MastodonSchema.problems("StatusEdit", edit)).isEmpty();

        var source = tom.get("/api/v1/statuses/" + id + "/source");
        assertThat(source.status()).isEqualTo(200);
        assertThat(source.body().get("id").asString()).isEqualTo(id);
        assertThat(source.body().get("text").asString()).isEqualTo("Final version");
        assertThat(source.body().get("spoiler_text").asString()).isEqualTo("CW");
        assertThat(MastodonSchema.problems("StatusSource", source.body())).isEmpty();

        var never = post(tom, "Never edited");
        assertThat(tom.get("/api/v1/statuses/" + never + "/history").body().size())
                .isEqualTo(1);
    }

    @Test
    void rejectsEditingOrDeletingSomeoneElsesStatus() {
        var id = post(tom, "Mine, not yours");
        var edit = eve.put("/api/v1/statuses/" + id, Map.of("status", "Hijacked"));
        assertThat(edit.status()).isEqualTo(403);
        assertThat(edit.error()).isNotBlank();
        var delete = eve.delete("/api/v1/statuses/" + id);
        assertThat(delete.status()).isEqualTo(403);
        assertThat(eve.get("/api/v1/statuses/" + id).body().get("content").asString())
                .contains("Mine, not yours");
        assertThat(tom.put("/api/v1/statuses/" + id, Map.of("status", "")).status())
                .isEqualTo(422);
        assertThat(tom.put("/api/v1/statuses/" + id, Map.of("status", "z".repeat(5001)))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void deletesOwnStatusReturningTextAndRemovesItEverywhere() {
        var reader = colleague("deletereader");
        follow(reader, p.bob);
        var id = post(bob, "Oops, **wrong** channel #oops");
        awaitInHome(reader, id);
        var deleted = bob.delete("/api/v1/statuses/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("id").asString()).isEqualTo(id);
        assertThat(deleted.body().get("text").asString()).isEqualTo("Oops, **wrong** channel #oops");
        assertThat(bob.get("/api/v1/statuses/" + id).status()).isEqualTo(404);
        assertThat(bob.delete("/api/v1/statuses/" + id).status()).isEqualTo(404);
        assertThat(bob.post("/api/v1/statuses/" + id + "/favourite").status()).isEqualTo(404);
        awaitNotInHome(reader, id);
        assertThat(ids(reader.get("/api/v1/timelines/public").body())).doesNotContain(id);
        assertThat(ids(reader.get("/api/v1/timelines/tag/oops").body())).doesNotContain(id);
        assertThat(ids(reader.get("/api/v1/accounts/" + p.bob.idString() + "/statuses")
                        .body()))
                .doesNotContain(id);
    }

    @Test
    void showsThreadContextWithoutInvisibleReplies() {
        var outsider = colleague("outsider");
        var root = post(alice, "Root of the thread");
        var first = post(bob, Map.of("status", "First reply", "in_reply_to_id", root));
        var second = post(tom, Map.of("status", "Reply to the reply", "in_reply_to_id", first));
        var hidden = post(
                tom,
                Map.of("status", "Only tom's followers see this", "in_reply_to_id", root, "visibility", "private"));
        var belowHidden = post(tom, Map.of("status", "Under the hidden one", "in_reply_to_id", hidden));

        var context = alice.get("/api/v1/statuses/" + first + "/context");
        assertThat(context.status()).isEqualTo(200);
        assertThat(ids(context.body().get("ancestors"))).containsExactly(root);
        assertThat(ids(context.body().get("descendants"))).containsExactly(second);
        assertThat(MastodonSchema.problems("Context", context.body())).isEmpty();

        var fromRoot = outsider.get("/api/v1/statuses/" + root + "/context");
        assertThat(ids(fromRoot.body().get("ancestors"))).isEmpty();
        assertThat(ids(fromRoot.body().get("descendants")))
                .containsExactly(first, second)
                .doesNotContain(hidden, belowHidden);
        assertThat(outsider.get("/api/v1/statuses/" + hidden + "/context").status())
                .isEqualTo(404);
        var tomsView = tom.get("/api/v1/statuses/" + root + "/context");
        assertThat(ids(tomsView.body().get("descendants"))).contains(hidden, belowHidden);
        assertThat(alice.get("/api/v1/statuses/" + root)
                        .body()
                        .get("replies_count")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void favouritesAndUnfavouritesIdempotently() {
        var id = post(alice, "Like me");
        var liked = bob.post("/api/v1/statuses/" + id + "/favourite");
        assertThat(liked.status()).isEqualTo(200);
        assertThat(liked.body().get("favourited").asBoolean()).isTrue();
        assertThat(liked.body().get("favourites_count").asInt()).isEqualTo(1);
        assertThat(bob.post("/api/v1/statuses/" + id + "/favourite")
                        .body()
                        .get("favourites_count")
                        .asInt())
                .isEqualTo(1);
        tom.post("/api/v1/statuses/" + id + "/favourite");
        assertThat(alice.get("/api/v1/statuses/" + id)
                        .body()
                        .get("favourites_count")
                        .asInt())
                .isEqualTo(2);
        assertThat(alice.get("/api/v1/statuses/" + id).body().get("favourited").asBoolean())
                .isFalse();

        var by = alice.get("/api/v1/statuses/" + id + "/favourited_by");
        assertThat(by.status()).isEqualTo(200);
        assertThat(ids(by.body())).containsExactlyInAnyOrder(p.bob.idString(), p.tom.idString());

        var unliked = bob.post("/api/v1/statuses/" + id + "/unfavourite");
        assertThat(unliked.body().get("favourited").asBoolean()).isFalse();
        assertThat(unliked.body().get("favourites_count").asInt()).isEqualTo(1);
        assertThat(bob.post("/api/v1/statuses/" + id + "/unfavourite")
                        .body()
                        .get("favourites_count")
                        .asInt())
                .isEqualTo(1);
        assertThat(ids(alice.get("/api/v1/statuses/" + id + "/favourited_by").body()))
                .containsExactly(p.tom.idString());
        assertThat(alice.get("/api/v1/statuses/999/favourited_by").status()).isEqualTo(404);
    }

    @Test
    void bookmarksAndUnbookmarksIdempotently() {
        var id = post(alice, "Bookmark me");
        var marked = eve.post("/api/v1/statuses/" + id + "/bookmark");
        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.body().get("bookmarked").asBoolean()).isTrue();
        assertThat(eve.post("/api/v1/statuses/" + id + "/bookmark")
                        .body()
                        .get("bookmarked")
                        .asBoolean())
                .isTrue();
        assertThat(alice.get("/api/v1/statuses/" + id).body().get("bookmarked").asBoolean())
                .isFalse();
        var unmarked = eve.post("/api/v1/statuses/" + id + "/unbookmark");
        assertThat(unmarked.body().get("bookmarked").asBoolean()).isFalse();
        assertThat(eve.post("/api/v1/statuses/" + id + "/unbookmark").status()).isEqualTo(200);
    }

    @Test
    void reblogsAndUnreblogsIdempotentlyWithCountsAndFlags() {
        var id = post(alice, "Share me");
        var reblog = bob.post("/api/v1/statuses/" + id + "/reblog");
        assertThat(reblog.status()).isEqualTo(200);
        assertThat(reblog.body().get("id").asString()).isNotEqualTo(id);
        assertThat(reblog.body().get("reblog").get("id").asString()).isEqualTo(id);
        assertThat(reblog.body().get("reblog").get("reblogged").asBoolean()).isTrue();
        assertThat(reblog.body().get("reblog").get("reblogs_count").asInt()).isEqualTo(1);
        assertThat(reblog.body().get("account").get("id").asString()).isEqualTo(p.bob.idString());
        assertThat(MastodonSchema.problems("Status", reblog.body())).isEmpty();
        var again = bob.post("/api/v1/statuses/" + id + "/reblog");
        assertThat(again.body().get("id").asString())
                .isEqualTo(reblog.body().get("id").asString());
        assertThat(alice.get("/api/v1/statuses/" + id)
                        .body()
                        .get("reblogs_count")
                        .asInt())
                .isEqualTo(1);

        var undone = bob.post("/api/v1/statuses/" + id + "/unreblog");
        assertThat(undone.status()).isEqualTo(200);
        assertThat(undone.body().get("id").asString()).isEqualTo(id);
        assertThat(undone.body().get("reblogged").asBoolean()).isFalse();
        assertThat(undone.body().get("reblogs_count").asInt()).isZero();
        assertThat(bob.post("/api/v1/statuses/" + id + "/unreblog")
                        .body()
                        .get("reblogs_count")
                        .asInt())
                .isZero();
        assertThat(bob.get("/api/v1/statuses/" + reblog.body().get("id").asString())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void reblogShowsOnceInFollowersHomeFeedEvenWhenTwoFolloweesRepostIt() {
        var reader = colleague("reblogreader");
        var author = p.add("rebloggedauthor", "Rita", "", "", "", null);
        follow(reader, p.bob);
        follow(reader, p.tom);
        var id = post(anonymous.as(author.token()), "Worth sharing twice");
        var bobsReblog =
                bob.post("/api/v1/statuses/" + id + "/reblog").body().get("id").asString();
        awaitInHome(reader, bobsReblog);
        var tomsReblog =
                tom.post("/api/v1/statuses/" + id + "/reblog").body().get("id").asString();
        var marker = post(tom, "Posted after the reblog");
        awaitInHome(reader, marker);
        var home = reader.get("/api/v1/timelines/home?limit=40").body();
        assertThat(shownIds(home).stream().filter(id::equals)).hasSize(1);
        assertThat(ids(home)).doesNotContain(tomsReblog);
        var entry = entryShowing(home, id);
        assertThat(entry.get("reblog").get("id").asString()).isEqualTo(id);
        assertThat(entry.get("account").get("id").asString()).isEqualTo(p.bob.idString());
    }

    @Test
    void deletingOrUnrebloggingTakesTheReblogOutOfFollowersHomeFeeds() {
        var reader = colleague("cascadereader");
        follow(reader, p.tom);
        var first = post(eve, "Soon deleted by its author");
        var second = post(eve, "Soon unreblogged");
        var firstReblog = tom.post("/api/v1/statuses/" + first + "/reblog")
                .body()
                .get("id")
                .asString();
        var secondReblog = tom.post("/api/v1/statuses/" + second + "/reblog")
                .body()
                .get("id")
                .asString();
        awaitInHome(reader, firstReblog);
        awaitInHome(reader, secondReblog);
        assertThat(eve.delete("/api/v1/statuses/" + first).status()).isEqualTo(200);
        assertThat(tom.post("/api/v1/statuses/" + second + "/unreblog").status())
                .isEqualTo(200);
        awaitNotInHome(reader, firstReblog);
        awaitNotInHome(reader, secondReblog);
        assertThat(reader.get("/api/v1/statuses/" + firstReblog).status()).isEqualTo(404);
        assertThat(ids(reader.get("/api/v1/accounts/" + p.tom.idString() + "/statuses")
                        .body()))
                .doesNotContain(firstReblog, secondReblog);
    }

    @Test
    void editingUpdatesHashtagsAndMentions() {
        var id = post(bob, "Draft without tags");
        var edited = bob.put("/api/v1/statuses/" + id, Map.of("status", "Now with #EditedTag and @eve"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().get("tags").get(0).get("name").asString()).isEqualTo("editedtag");
        assertThat(edited.body().get("mentions").get(0).get("id").asString()).isEqualTo(p.eve.idString());
        assertThat(ids(eve.get("/api/v1/timelines/tag/editedtag").body())).contains(id);
    }

    @Test
    void readOnlyTokenCannotPost() {
        var token = org.hallway.testing.PasswordGrant.of(anonymous, p.client())
                .token(p.eve.email(), org.hallway.testing.Personas.PASSWORD, "read");
        var readOnly = anonymous.as(token);
        var response = readOnly.post("/api/v1/statuses", Map.of("status", "Can I?"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.error()).isNotBlank();
        assertThat(readOnly.get("/api/v1/timelines/home").status()).isEqualTo(200);
        assertThat(readOnly.post("/api/v1/statuses/1/favourite").status()).isEqualTo(403);
    }

    private Api colleague(String username) {
        return anonymous.as(p.add(username, username, "", "", "", null).token());
    }

    private static List<String> shownIds(JsonNode statuses) {
        var list = new java.util.ArrayList<String>();
        for (var s : statuses)
            list.add(
                    s.get("reblog").isNull()
                            ? s.get("id").asString()
                            : s.get("reblog").get("id").asString());
        return list;
    }

    private static JsonNode entryShowing(JsonNode statuses, String id) {
        for (var s : statuses) {
            var shown = s.get("reblog").isNull() ? s : s.get("reblog");
            if (shown.get("id").asString().equals(id)) return s;
        }
        throw new AssertionError("no entry shows " + id);
    }
}
