package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hallway.api.SearchApiTest.awaitFound;
import static org.hallway.api.SearchApiTest.found;
import static org.hallway.api.SearchApiTest.q;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Search leaves out colleagues the reader mutes, blocks or is blocked by, as Mastodon does: their posts,
 * their accounts and their expertise. The rule is part of the index query, so pages stay full.
 */
class SearchMutesAndBlocksApiTest extends ApiTest {
    @Autowired
    JdbcClient jdbc;

    record Colleague(Personas.Persona persona, Api api) {
        String id() {
            return persona.idString();
        }
    }

    private Colleague colleague(String name, String displayName) {
        var persona = p.add(name, displayName, "", "", "", null);
        return new Colleague(persona, anonymous.as(persona.token()));
    }

    private static List<String> accounts(Api api, String query, int limit) {
        var r = api.get("/api/v2/search?type=accounts&limit=" + limit + "&q=" + q(query));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return ids(r.body().get("accounts"));
    }

    private static List<String> page(Api api, String query, int limit, int offset) {
        return page(api, query, limit, offset, "social");
    }

    private static List<String> page(Api api, String query, int limit, int offset, String order) {
        var r = api.get("/api/v2/search?type=statuses&limit=" + limit + "&offset=" + offset + "&order=" + order + "&q="
                + q(query));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return ids(r.body().get("statuses"));
    }

    private static List<String> expertIds(Api api, String query) {
        var r = api.get("/api/v1/experts?q=" + q(query));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        var out = new ArrayList<String>();
        for (JsonNode e : r.body()) out.add(e.get("account").get("id").asString());
        return out;
    }

    private static List<String> evidence(Api api, String query) {
        var r = api.get("/api/v1/experts?q=" + q(query));
        var out = new ArrayList<String>();
        for (JsonNode e : r.body())
            for (JsonNode s : e.get("evidence")) out.add(s.get("id").asString());
        return out;
    }

    @Test
    void mutedBlockedAndBlockingColleaguesLeaveSearchResultsWithoutShortPages() {
        var reader = colleague("sbreader", "Reader Wallaroo");
        var muted = colleague("sbmuted", "Muted Wallaroo");
        var blocked = colleague("sbblocked", "Blocked Wallaroo");
        var blocker = colleague("sbblocker", "Blocker Wallaroo");
        var plain = colleague("sbplain", "Plain Wallaroo");
        // The hidden colleagues' posts match best: filtered after the top N, they would fill the page.
        var hiddenPosts = new ArrayList<String>();
        for (var c : List.of(muted, blocked, blocker)) {
            hiddenPosts.add(post(c.api, "Wallaroo wallaroo wallaroo sighting report"));
            hiddenPosts.add(post(c.api, "Wallaroo wallaroo habitat notes"));
        }
        var plainA = post(plain.api, "A wallaroo passed the office");
        var plainB = post(plain.api, "Lunch talk about the wallaroo, then budgets and more budgets");
        var own = post(reader.api, "My own wallaroo note, with many words to make it rank low");
        for (var id : hiddenPosts) awaitFound(reader.api, "wallaroo", id);
        awaitFound(reader.api, "wallaroo", plainA);
        awaitFound(reader.api, "wallaroo", plainB);
        awaitFound(reader.api, "wallaroo", own);

        assertThat(reader.api.post("/api/v1/accounts/" + muted.id() + "/mute").status())
                .isEqualTo(200);
        assertThat(reader.api
                        .post("/api/v1/accounts/" + blocked.id() + "/block")
                        .status())
                .isEqualTo(200);
        assertThat(blocker.api
                        .post("/api/v1/accounts/" + reader.id() + "/block")
                        .status())
                .isEqualTo(200);

        assertThat(found(reader.api, "wallaroo")).containsExactlyInAnyOrder(plainA, plainB, own);
        // Full pages, in the three orders: the hidden posts never take a place.
        for (var order : List.of("social", "relevance", "recent")) {
            var first = page(reader.api, "wallaroo", 2, 0, order);
            assertThat(first).hasSize(2).doesNotContainAnyElementsOf(hiddenPosts);
        }
        assertThat(page(reader.api, "wallaroo", 2, 0)).hasSize(2);
        assertThat(page(reader.api, "wallaroo", 2, 2)).hasSize(1).doesNotContainAnyElementsOf(hiddenPosts);
        // Asking for them by name does not bring them back.
        assertThat(found(reader.api, "wallaroo from:sbmuted")).isEmpty();
        assertThat(found(reader.api, "wallaroo from:sbblocker")).isEmpty();
        // Their accounts are not found either, and a page of one is the colleague who is not hidden.
        assertThat(accounts(reader.api, "wallaroo", 40))
                .contains(plain.id())
                .doesNotContain(muted.id(), blocked.id(), blocker.id());
        assertThat(accounts(reader.api, "wallaroo", 1))
                .hasSize(1)
                .doesNotContain(muted.id(), blocked.id(), blocker.id());
        // Nor are they experts, nor their posts evidence.
        assertThat(expertIds(reader.api, "wallaroo"))
                .contains(plain.id())
                .doesNotContain(muted.id(), blocked.id(), blocker.id());
        assertThat(evidence(reader.api, "wallaroo")).doesNotContainAnyElementsOf(hiddenPosts);

        // Others still find everything: a mute or block concerns only the two colleagues.
        assertThat(found(plain.api, "wallaroo")).containsAll(hiddenPosts);
        // The blocked colleague does not find the reader's posts, nor the reader.
        assertThat(found(blocked.api, "wallaroo")).doesNotContain(own).contains(plainA);
        assertThat(accounts(blocked.api, "wallaroo", 40)).doesNotContain(reader.id());

        // Unmuting, unblocking and an expired mute bring them back.
        assertThat(reader.api
                        .post("/api/v1/accounts/" + blocked.id() + "/unblock")
                        .status())
                .isEqualTo(200);
        jdbc.sql("update mutes set expires_at = now() - interval '1 second' where account_id = ?")
                .param(reader.persona.id())
                .update();
        var back = found(reader.api, "wallaroo");
        assertThat(back).containsAll(hiddenPosts.subList(0, 4)).doesNotContainAnyElementsOf(hiddenPosts.subList(4, 6));
        assertThat(accounts(reader.api, "wallaroo", 40))
                .contains(muted.id(), blocked.id())
                .doesNotContain(blocker.id());
    }

    @Test
    void aTimedMuteHidesUntilItExpires() {
        var reader = colleague("sbtreader", "Reader Numbat");
        var muted = colleague("sbtmuted", "Muted Numbat");
        var id = post(muted.api, "Numbat census results");
        awaitFound(reader.api, "numbat", id);
        reader.api.post("/api/v1/accounts/" + muted.id() + "/mute", Map.of("duration", 3600));
        assertThat(found(reader.api, "numbat")).doesNotContain(id);
        assertThat(accounts(reader.api, "numbat", 40)).doesNotContain(muted.id());
    }
}
