package org.hallway.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hallway.audience.AudienceMatrixApiTest.addMember;
import static org.hallway.audience.AudienceMatrixApiTest.group;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hallway.testing.ApiTest;
import org.hallway.testing.StreamClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A guest sees the people of their groups and nobody else, on the paths that list people beside the
 * directory and search: the org chart, the experts finder, and who liked or reposted a post. gus is a
 * guest in a public group with alice and bob; tom (bob's peer under alice) and eve are colleagues
 * outside it.
 */
class GuestReachApiTest extends ApiTest {
    String kitchen;

    @BeforeAll
    void inviteTheGuest() {
        kitchen = group(alice, "Partner kitchen", "public");
        addMember(alice, kitchen, p.bob.idString());
        addMember(alice, kitchen, p.gus.idString());
    }

    @Test
    void theOrgChartShowsAGuestOnlyThePeopleOfTheirGroups() {
        var colleague = alice.get("/api/v1/accounts/" + p.bob.idString() + "/org_chart");
        assertThat(ids(colleague.body().get("managers"))).containsExactly(p.alice.idString());
        assertThat(ids(colleague.body().get("peers"))).containsExactly(p.tom.idString());

        var guest = gus.get("/api/v1/accounts/" + p.bob.idString() + "/org_chart");
        assertThat(guest.status()).isEqualTo(200);
        assertThat(ids(guest.body().get("managers"))).containsExactly(p.alice.idString());
        assertThat(ids(guest.body().get("peers"))).isEmpty();
        var aliceChart = gus.get("/api/v1/accounts/" + p.alice.idString() + "/org_chart");
        assertThat(ids(aliceChart.body().get("reports"))).containsExactly(p.bob.idString());
        for (var outsider : List.of(p.tom, p.eve))
            assertThat(gus.get("/api/v1/accounts/" + outsider.idString() + "/org_chart")
                            .status())
                    .isEqualTo(404);
    }

    @Test
    void expertsAreOnlyThePeopleOfTheGuestsGroups() {
        post(eve, "Closing the books: accruals and the ledger for the quarter");
        post(bob, Map.of("status", "Our ledger export for partners", "group_id", kitchen));
        // People and posts are indexed after commit: wait until a colleague finds both experts.
        await().atMost(Duration.ofSeconds(15))
                .until(() -> experts(alice, "ledger").containsAll(List.of(p.eve.idString(), p.bob.idString())));
        assertThat(experts(alice, "accountant")).contains(p.eve.idString());

        assertThat(experts(gus, "ledger")).containsExactly(p.bob.idString());
        assertThat(experts(gus, "accountant")).isEmpty();
    }

    @Test
    void whoLikedOrRepostedShowsAGuestOnlyThePeopleOfTheirGroups() {
        var post = post(alice, Map.of("status", "Menu for the partner day", "group_id", kitchen));
        for (var reader : List.of(bob, eve, tom)) {
            assertThat(reader.post("/api/v1/statuses/" + post + "/favourite").status())
                    .isEqualTo(200);
            assertThat(reader.post("/api/v1/statuses/" + post + "/reblog").status())
                    .isEqualTo(200);
        }
        var everyone = List.of(p.bob.idString(), p.eve.idString(), p.tom.idString());
        assertThat(ids(alice.get("/api/v1/statuses/" + post + "/favourited_by").body()))
                .containsExactlyInAnyOrderElementsOf(everyone);
        assertThat(ids(alice.get("/api/v1/statuses/" + post + "/reblogged_by").body()))
                .containsExactlyInAnyOrderElementsOf(everyone);
        assertThat(ids(gus.get("/api/v1/statuses/" + post + "/favourited_by").body()))
                .containsExactly(p.bob.idString());
        assertThat(ids(gus.get("/api/v1/statuses/" + post + "/reblogged_by").body()))
                .containsExactly(p.bob.idString());
    }

    @Test
    void relationshipsNameOnlyThePeopleOfTheGuestsGroups() {
        var asked = "/api/v1/accounts/relationships?id[]=" + p.bob.idString() + "&id[]=" + p.eve.idString();
        assertThat(ids(alice.get(asked).body())).containsExactly(p.bob.idString(), p.eve.idString());
        assertThat(ids(gus.get(asked).body())).containsExactly(p.bob.idString());
    }

    @Test
    void aGuestsStreamsCarryOnlyTheirGroupsPosts() {
        try (var stream = StreamClient.connect(
                baseUrl(), "stream=user", p.gus.token(), StreamClient.TokenStyle.AUTHORIZATION_HEADER)) {
            stream.send("{\"type\":\"subscribe\",\"stream\":\"public\"}");
            stream.send("{\"type\":\"subscribe\",\"stream\":\"hashtag\",\"tag\":\"partnerday\"}");
            stream.sync();
            var company = post(alice, "Company-wide #partnerday plans");
            var colleagues = post(eve, "A colleague's own #partnerday note");
            // A later post gus does hear: a connection's deliveries are in order, so nothing earlier is pending.
            var inGroup = post(alice, Map.of("status", "Partner day menu #partnerday", "group_id", kitchen));
            stream.awaitEvent("update", StreamClient.statusId(inGroup));
            assertThat(stream.messages().toString()).doesNotContain(company, colleagues, "Company-wide");
        }
    }

    @Test
    void aGuestsMentionsReachOnlyThePeopleOfTheirGroups() {
        var toEve = gus.post("/api/v1/statuses", Map.of("status", "@eve hello", "visibility", "direct"));
        var toNobody = gus.post("/api/v1/statuses", Map.of("status", "@nobody_here hello", "visibility", "direct"));
        assertThat(toEve.status()).isEqualTo(422);
        assertThat(toEve.body()).isEqualTo(toNobody.body());
        var toBob = post(gus, Map.of("status", "@bob hello", "visibility", "direct"));
        assertThat(bob.get("/api/v1/statuses/" + toBob).status()).isEqualTo(200);

        var inGroup = gus.post("/api/v1/statuses", Map.of("status", "@eve @bob have a look", "group_id", kitchen));
        assertThat(inGroup.status()).isEqualTo(200);
        assertThat(ids(inGroup.body().get("mentions"))).containsExactly(p.bob.idString());
        assertThat(inGroup.body().get("content").asString()).doesNotContain("/@eve");
        var id = inGroup.body().get("id").asString();
        awaitNotified(bob, id);
        assertThat(eve.get("/api/v1/notifications").body().toString()).doesNotContain(id);
    }

    private static void awaitNotified(org.hallway.testing.Api reader, String statusId) {
        await().atMost(FAN_OUT)
                .until(() ->
                        reader.get("/api/v1/notifications").body().toString().contains("\"id\":\"" + statusId + "\""));
    }

    private static List<String> experts(org.hallway.testing.Api reader, String q) {
        var list = new ArrayList<String>();
        for (JsonNode e : reader.get("/api/v1/experts?q=" + q).body())
            list.add(e.get("account").get("id").asString());
        return list;
    }
}
