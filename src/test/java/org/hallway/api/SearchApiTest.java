package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SearchApiTest extends ApiTest {
    /** A new post must be searchable within a second; the wait allows for a loaded test machine. */
    static final Duration FRESH = Duration.ofSeconds(5);

    static String q(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    static Api.Response search(Api api, String query) {
        return api.get("/api/v2/search?type=statuses&q=" + q(query));
    }

    static List<String> found(Api api, String query) {
        var r = search(api, query);
        assertThat(r.status()).as("%s: %s", query, r.body()).isEqualTo(200);
        return ids(r.body().get("statuses"));
    }

    static void awaitFound(Api api, String query, String id) {
        await().atMost(FRESH).pollInterval(Duration.ofMillis(20)).until(() -> found(api, query)
                .contains(id));
    }

    @Test
    void findsANewPostWithinTheFreshnessDeadline() {
        var id = post(bob, "Freshly baked quokka report");
        awaitFound(alice, "quokka", id);
        var r = search(alice, "quokka");
        var status = r.body().get("statuses").get(0);
        assertThat(MastodonSchema.problems("Status", status)).isEmpty();
        assertThat(status.get("content").asString()).contains("quokka");
        assertThat(status.get("ranking").get("reasons").size()).isPositive();
    }

    @Test
    void understandsWordsPhrasesTagsAuthorsDepartmentsLinksDatesAndExclusions() {
        var a = post(bob, "The falcon migration plan is ready #falconops https://wiki.example.com/falcon");
        var b = post(tom, "Falcon plan migration needs review");
        var c = post(alice, "Falcon budget draft, no migration yet");
        awaitFound(alice, "falcon", c);
        awaitFound(alice, "falcon", a);
        awaitFound(alice, "falcon", b);

        assertThat(found(alice, "falcon")).containsExactlyInAnyOrder(a, b, c);
        assertThat(found(alice, "\"migration plan\"")).containsExactly(a);
        assertThat(found(alice, "#falconops")).containsExactly(a);
        assertThat(found(alice, "falcon from:@tom")).containsExactly(b);
        assertThat(found(alice, "falcon from:bob")).containsExactly(a);
        assertThat(found(alice, "falcon department:Engineering")).containsExactly(a);
        assertThat(found(alice, "falcon department:product")).containsExactlyInAnyOrder(b, c);
        assertThat(found(alice, "falcon has:link")).containsExactly(a);
        assertThat(found(alice, "falcon -budget")).containsExactlyInAnyOrder(a, b);
        assertThat(found(alice, "falcon -\"migration plan\"")).containsExactlyInAnyOrder(b, c);
        assertThat(found(alice, "falcon after:2000-01-01")).containsExactlyInAnyOrder(a, b, c);
        assertThat(found(alice, "falcon before:2000-01-01")).isEmpty();
        // No group of that name: nothing, not everything.
        assertThat(found(alice, "falcon in:engineering")).isEmpty();
        // Stemming: "migrations" finds "migration".
        assertThat(found(alice, "falcon migrations")).containsExactlyInAnyOrder(a, b, c);
    }

    @Test
    void searchesInsideOneGroupOnlyWhenTheReaderMayReadIt() {
        var secret = group(alice, "Skunkworks", "secret");
        var platform = group(alice, "Platform Team", "public");
        var leadership = group(alice, "Leadership", "private");
        assertThat(alice.post("/api/v1/groups/" + secret + "/members", Map.of("account_ids", List.of(p.bob.idString())))
                        .status())
                .isEqualTo(200);
        assertThat(tom.post("/api/v1/groups/" + platform + "/join").status()).isEqualTo(200);
        var inSecret = post(bob, Map.of("status", "Pangolin prototype runs", "group_id", secret));
        var inPlatform = post(tom, Map.of("status", "Pangolin rollout plan", "group_id", platform));
        var inLeadership = post(alice, Map.of("status", "Pangolin budget", "group_id", leadership));
        var open = post(alice, "Pangolin lunch on Friday");
        awaitFound(alice, "pangolin", inSecret);
        awaitFound(alice, "pangolin", inPlatform);
        awaitFound(alice, "pangolin", inLeadership);
        awaitFound(eve, "pangolin", open);

        assertThat(found(alice, "pangolin")).containsExactlyInAnyOrder(inSecret, inPlatform, inLeadership, open);
        assertThat(found(bob, "pangolin in:skunkworks")).containsExactly(inSecret);
        assertThat(found(bob, "in:Skunkworks")).containsExactly(inSecret);
        assertThat(found(alice, "pangolin in:\"Platform Team\"")).containsExactly(inPlatform);
        assertThat(found(alice, "pangolin in:platform-team")).containsExactly(inPlatform);
        assertThat(found(alice, "pangolin in:" + platform)).containsExactly(inPlatform);
        assertThat(found(alice, "pangolin in:platform-team in:skunkworks"))
                .containsExactlyInAnyOrder(inPlatform, inSecret);
        // A public group is readable by every colleague; a private one only by its members.
        assertThat(found(eve, "pangolin in:platform-team")).containsExactly(inPlatform);
        assertThat(found(eve, "pangolin in:leadership")).isEmpty();
        // Eve cannot search into the secret group, and its answer is that of a group that does not exist.
        var intoSecret = search(eve, "pangolin in:skunkworks");
        var intoNothing = search(eve, "pangolin in:nosuchgroup");
        assertThat(intoSecret.status()).isEqualTo(200);
        assertThat(intoNothing.status()).isEqualTo(200);
        assertThat(intoSecret.body().toString()).isEqualTo(intoNothing.body().toString());
        assertThat(ids(intoSecret.body().get("statuses"))).isEmpty();
        assertThat(found(eve, "in:" + secret)).isEmpty();
        // Neither does "who knows about this" reach into it.
        var experts = eve.get("/api/v1/experts?q=" + q("pangolin in:skunkworks"));
        assertThat(experts.status()).isEqualTo(200);
        assertThat(experts.body().toString()).doesNotContain("Pangolin prototype");
    }

    private static String group(Api api, String name, String privacy) {
        var created = api.post("/api/v1/groups", Map.of("name", name, "privacy", privacy));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        return created.body().get("id").asString();
    }

    @Test
    void answersBadInputWithResultsOrAClearMessageNeverAServerError() {
        var id = post(bob, "Walrus sighting near the office");
        awaitFound(alice, "walrus", id);

        assertThat(found(alice, "\"walrus sighting")).containsExactly(id);
        for (var odd : List.of(
                "walrus*",
                "walru?",
                "walrus\\",
                "/wal.*rus/",
                "walrus~2",
                "walrus^3",
                "[a TO z]",
                "(walrus",
                "\"",
                "-",
                "#",
                "*",
                "?",
                "AND OR NOT",
                "walrus && || !",
                "{}[]()",
                "@",
                "10:30 walrus")) {
            var r = search(alice, odd);
            assertThat(r.status()).as(odd).isEqualTo(200);
        }
        assertThat(found(alice, "walrus*")).containsExactly(id);
        assertThat(found(alice, "the")).isEmpty();

        var unknown = search(alice, "walrus color:blue");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.error()).contains("Unknown search operator \"color:\"");
        var badDate = search(alice, "walrus before:yesterday");
        assertThat(badDate.status()).isEqualTo(422);
        assertThat(badDate.error()).contains("YYYY-MM-DD");
        var tooLong = search(alice, "walrus ".repeat(200));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.error()).contains("too long");
        var badType = alice.get("/api/v2/search?type=bogus&q=walrus");
        assertThat(badType.status()).isEqualTo(422);
        assertThat(badType.error()).contains("type must be");
        assertThat(alice.get("/api/v2/search?q=walrus&limit=0").status()).isEqualTo(422);
        assertThat(alice.get("/api/v2/search?q=walrus&offset=-1").status()).isEqualTo(422);
        var empty = alice.get("/api/v2/search?q=");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body().get("statuses").size()).isZero();
        assertThat(anonymous.get("/api/v2/search?q=walrus").status()).isEqualTo(401);
    }

    @Test
    void neverShowsAFollowersOnlyPostOutsideItsAudience() {
        var secret = post(bob, Map.of("status", "Ocelot reorganisation draft", "visibility", "private"));
        var mentioning = post(bob, Map.of("status", "@tom ocelot numbers for you", "visibility", "private"));
        var open = post(bob, "Ocelot reorganisation is coming");
        awaitFound(bob, "ocelot", secret);
        awaitFound(bob, "ocelot", mentioning);
        awaitFound(eve, "ocelot", open);

        assertThat(found(bob, "ocelot")).contains(secret, mentioning, open);
        assertThat(found(eve, "ocelot")).containsExactly(open);
        assertThat(found(eve, "\"ocelot reorganisation\"")).containsExactly(open);
        assertThat(found(tom, "ocelot")).containsExactlyInAnyOrder(mentioning, open);
        // Audience is inside the query: a page of one is full, not empty because of an invisible best match.
        var page = eve.get("/api/v2/search?type=statuses&limit=1&q=" + q("ocelot draft"));
        assertThat(ids(page.body().get("statuses"))).isEmpty();

        var viewer = api(colleague("ocelotfan"));
        follow(viewer, p.bob);
        awaitFound(viewer, "ocelot", secret);
        assertThat(found(viewer, "ocelot")).contains(secret, open, mentioning);
    }

    @Test
    void removesDeletedPostsAndFollowsEdits() {
        var id = post(bob, "Narwhal offsite agenda");
        awaitFound(alice, "narwhal", id);
        assertThat(bob.put("/api/v1/statuses/" + id, Map.of("status", "Beluga offsite agenda"))
                        .status())
                .isEqualTo(200);
        awaitFound(alice, "beluga", id);
        assertThat(found(alice, "narwhal")).doesNotContain(id);
        assertThat(bob.delete("/api/v1/statuses/" + id).status()).isEqualTo(200);
        await().atMost(FRESH).until(() -> !found(alice, "beluga").contains(id));
    }

    @Test
    void keepsLikesAndRepostsOnTheOriginalAndFollowsTheirUndoing() {
        var id = post(bob, "Okapi sighting in the car park");
        awaitFound(alice, "okapi", id);
        assertThat(alice.post("/api/v1/statuses/" + id + "/favourite").status()).isEqualTo(200);
        assertThat(tom.post("/api/v1/statuses/" + id + "/reblog").status()).isEqualTo(200);
        await().atMost(FRESH).until(() -> engagement(id).equals(List.of(List.of(p.alice.id()), List.of(p.tom.id()))));
        // A repost is no document of its own: the original is found once.
        assertThat(found(eve, "okapi")).containsExactly(id);

        assertThat(alice.post("/api/v1/statuses/" + id + "/unfavourite").status())
                .isEqualTo(200);
        assertThat(tom.post("/api/v1/statuses/" + id + "/unreblog").status()).isEqualTo(200);
        await().atMost(FRESH).until(() -> engagement(id).equals(List.of(List.of(), List.of())));
        assertThat(found(eve, "okapi")).containsExactly(id);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.hallway.search.SearchIndex index;

    @org.springframework.beans.factory.annotation.Autowired
    org.hallway.audience.Visibility visibility;

    /** Who liked and who reposted the post, as the index holds it for ranking. */
    private List<List<Long>> engagement(String id) {
        return index
                .posts(visibility.audienceOf(p.eve.viewer()), org.hallway.search.SearchQuery.parse("okapi"), null, 10)
                .stream()
                .filter(h -> h.id() == Long.parseLong(id))
                .map(h -> List.of(h.likedBy(), h.repostedBy()))
                .findFirst()
                .orElse(List.of());
    }

    @Test
    void findsPeopleAndHashtags() {
        var mara = colleague("mara", "Mara Kowalski", "Payroll Specialist", "Finance", "Warsaw");
        var tagged = post(api(mara), "Closing the books #payrollweek");
        awaitFound(alice, "#payrollweek", tagged);

        await().atMost(FRESH).until(() -> ids(alice.get("/api/v2/search?type=accounts&q=" + q("Kowal"))
                        .body()
                        .get("accounts"))
                .contains(mara.idString()));
        assertThat(ids(alice.get("/api/v2/search?type=accounts&q=" + q("payroll warsaw"))
                        .body()
                        .get("accounts")))
                .containsExactly(mara.idString());
        assertThat(ids(alice.get("/api/v2/search?type=accounts&q=" + q("@mar"))
                        .body()
                        .get("accounts")))
                .contains(mara.idString());
        assertThat(ids(alice.get("/api/v2/search?type=accounts&q=" + q("department:Finance"))
                        .body()
                        .get("accounts")))
                .contains(mara.idString(), p.eve.idString())
                .doesNotContain(p.bob.idString());
        var tags = alice.get("/api/v2/search?type=hashtags&q=" + q("#payroll"))
                .body()
                .get("hashtags");
        assertThat(tags.get(0).get("name").asString()).isEqualTo("payrollweek");
        assertThat(MastodonSchema.problems("Tag", tags.get(0))).isEmpty();
        var all = alice.get("/api/v2/search?q=" + q("payrollweek")).body();
        assertThat(all.has("accounts") && all.has("statuses") && all.has("hashtags"))
                .isTrue();
    }

    @Test
    void keepsEveryNetworkToItself() {
        var other = factory.create();
        var outsider = anonymous.as(other.bob.token());
        var id = post(outsider, "Capybara merger rumours");
        var mine = post(bob, "Capybara merger facts");
        awaitFound(outsider, "capybara", id);
        awaitFound(alice, "capybara", mine);
        assertThat(found(alice, "capybara")).containsExactly(mine);
        assertThat(found(outsider, "capybara")).containsExactly(id);
        assertThat(ids(alice.get("/api/v2/search?type=accounts&q=" + q("bob"))
                        .body()
                        .get("accounts")))
                .containsExactly(p.bob.idString());
    }

    @Test
    void aGuestFindsNoColleagueOutsideTheirGroupsNorCompanyTrends() {
        // The people index is fed after commit: wait until a colleague finds bob, then ask as the guest.
        await().atMost(FRESH).until(() -> ids(alice.get("/api/v2/search?type=accounts&q=" + q("bob"))
                        .body()
                        .get("accounts"))
                .contains(p.bob.idString()));
        var asGuest = gus.get("/api/v2/search?q=" + q("bob"));
        assertThat(asGuest.status()).isEqualTo(200);
        assertThat(asGuest.body().get("accounts").size()).isZero();
        assertThat(asGuest.body().get("hashtags").size()).isZero();
        assertThat(gus.get("/api/v1/trends/tags").body().size()).isZero();
        assertThat(gus.get("/api/v2/suggestions").body().size()).isZero();
    }

    /** A colleague in this network with an API client. */
    org.hallway.testing.Personas.Persona colleague(
            String name, String displayName, String title, String department, String location) {
        return p.add(name, displayName, title, department, location, null);
    }

    org.hallway.testing.Personas.Persona colleague(String name) {
        return colleague(name, name, "Analyst", "Operations", "Remote");
    }

    Api api(org.hallway.testing.Personas.Persona persona) {
        return anonymous.as(persona.token());
    }

    static List<String> reasons(JsonNode status) {
        var list = new ArrayList<String>();
        for (var r : status.get("ranking").get("reasons")) list.add(r.asString());
        return list;
    }
}
