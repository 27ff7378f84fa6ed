package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hallway.api.SearchApiTest.awaitFound;
import static org.hallway.api.SearchApiTest.q;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.hallway.testing.Personas.Persona;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Social ranking, the expertise finder and the administrator's rebuild, through the API. */
class SearchRankingApiTest extends ApiTest {

    @Test
    void ranksPostsFromPeopleTheReaderKnowsAboveBetterTextMatchesFromStrangers() {
        var rita = colleague("rita", "Rita Reyes", "Account Executive", "Sales");
        var fred = colleague("fred", "Fred Fox", "Sales Lead", "Sales");
        var sam = colleague("sam", "Sam Stone", "Counsel", "Legal");
        var lena = colleague("lena", "Lena Lind", "Counsel", "Legal");
        var ria = api(rita);
        follow(ria, fred);
        // The stranger's post matches the words best; the followed colleague's post mentions them once.
        var strangers = post(api(sam), "Discount policy: the discount approval policy and every discount rule");
        var followed = post(api(fred), "Quick thoughts on our discount policy for renewals, and more on pricing");
        var liked = post(api(lena), "Discount policy draft from Legal for next year, with details on approvals");
        for (var name : List.of("sol", "sid", "sue")) {
            var salesColleague = colleague(name, name, "Sales Rep", "Sales");
            assertThat(api(salesColleague)
                            .post("/api/v1/statuses/" + liked + "/favourite")
                            .status())
                    .isEqualTo(200);
        }
        awaitFound(ria, "discount policy", strangers);
        awaitFound(ria, "discount policy", followed);
        await().atMost(SearchApiTest.FRESH).until(() -> reasons(ria, "discount policy", liked).stream()
                .anyMatch(r -> r.contains("3 people in your department")));

        var relevance = ids(ria.get("/api/v2/search?type=statuses&order=relevance&q=" + q("discount policy"))
                .body()
                .get("statuses"));
        var social = ids(ria.get("/api/v2/search?type=statuses&q=" + q("discount policy"))
                .body()
                .get("statuses"));
        assertThat(relevance.getFirst()).isEqualTo(strangers);
        assertThat(social.getFirst()).isEqualTo(followed);
        assertThat(social.indexOf(liked)).isLessThanOrEqualTo(relevance.indexOf(liked));
        assertThat(reasons(ria, "discount policy", followed))
                .contains("From someone you follow", "From your department (Sales)");
        assertThat(reasons(ria, "discount policy", liked)).contains("Liked or reposted by 3 people in your department");
        assertThat(reasons(ria, "discount policy", strangers)).doesNotContain("From someone you follow");
    }

    @Test
    void refusesUnknownOrdersAndOperators() {
        assertThat(alice.get("/api/v2/search?q=x&order=sideways").status()).isEqualTo(422);
        assertThat(alice.get("/api/v2/search?q=" + q("order:x")).status()).isEqualTo(422);
    }

    @Test
    void findsTheColleaguesWhoKnowATopicWithTheirEvidence() {
        var kim = colleague("kim", "Kim Kerr", "Platform Engineer", "Engineering");
        var ken = colleague("ken", "Ken Kale", "Intern", "Engineering");
        var kimApi = api(kim);
        var k1 = post(kimApi, "How we run Zookeeper upgrades without downtime");
        var k2 = post(kimApi, "Zookeeper quorum sizing explained");
        var k3 = post(kimApi, Map.of("status", "Zookeeper incident notes (followers)", "visibility", "private"));
        var n1 = post(api(ken), "Does anyone understand zookeeper?");
        assertThat(bob.post("/api/v1/statuses/" + k2 + "/favourite").status()).isEqualTo(200);
        awaitFound(eve, "zookeeper", k1);
        awaitFound(eve, "zookeeper", k2);
        awaitFound(eve, "zookeeper", n1);
        awaitFound(kimApi, "zookeeper", k3);

        var experts = eve.get("/api/v1/experts?q=zookeeper");
        assertThat(experts.status()).isEqualTo(200);
        var first = experts.body().get(0);
        assertThat(first.get("account").get("id").asString()).isEqualTo(kim.idString());
        assertThat(MastodonSchema.problems("Account", first.get("account"))).isEmpty();
        assertThat(ids(first.get("evidence"))).contains(k1, k2).doesNotContain(k3);
        assertThat(first.get("score").asDouble()).isPositive();
        var everyone = new ArrayList<String>();
        for (var e : experts.body()) everyone.add(e.get("account").get("id").asString());
        assertThat(everyone).contains(ken.idString());
        assertThat(everyone.indexOf(kim.idString())).isLessThan(everyone.indexOf(ken.idString()));

        // Declared work context counts too: a title matching the topic finds the colleague.
        var byTitle =
                ids(mapAccounts(eve.get("/api/v1/experts?q=" + q("platform")).body()));
        assertThat(byTitle).contains(kim.idString());
        assertThat(eve.get("/api/v1/experts").status()).isEqualTo(422);
        assertThat(eve.get("/api/v1/experts?q=" + q("zoo:keeper")).status()).isEqualTo(422);
    }

    @Test
    void findsColleaguesByTheSkillsTheyDeclare() {
        var nora = colleague("nora", "Nora Novak", "Engineer", "Engineering");
        var otto = colleague("otto", "Otto Olsen", "Engineer", "Engineering");
        var declared = api(nora)
                .patch(
                        "/api/v1/accounts/update_credentials",
                        Map.of("skills", List.of("kubernetes", "machine_learning")));
        assertThat(declared.status()).as("%s", declared.body()).isEqualTo(200);
        var mention = post(api(otto), "Tried kubernetes once, no idea how it works");
        awaitFound(eve, "kubernetes", mention);
        await().atMost(SearchApiTest.FRESH)
                .until(() -> accounts(eve, "kubernetes").contains(nora.idString()));

        assertThat(accounts(eve, "kubernetes")).contains(nora.idString()).doesNotContain(otto.idString());
        assertThat(accounts(eve, "#kubernetes")).containsExactly(nora.idString());
        assertThat(accounts(eve, "machine learning")).containsExactly(nora.idString());
        assertThat(accounts(eve, "#machine_learning")).containsExactly(nora.idString());
        assertThat(accounts(eve, "kubernetes department:Engineering")).containsExactly(nora.idString());
        assertThat(accounts(eve, "kubernetes department:Sales")).isEmpty();

        // The expertise finder: a declared skill outweighs a single passing mention, and says so.
        var experts = eve.get("/api/v1/experts?q=kubernetes");
        assertThat(experts.status()).isEqualTo(200);
        var first = experts.body().get(0);
        assertThat(first.get("account").get("id").asString()).isEqualTo(nora.idString());
        assertThat(first.get("reasons").toString()).contains("Declares the skill #kubernetes");
        assertThat(ids(mapAccounts(experts.body()))).contains(otto.idString());

        // Taking the skill back takes the colleague out of the results.
        assertThat(api(nora)
                        .patch("/api/v1/accounts/update_credentials", Map.of("skills", List.of("gardening")))
                        .status())
                .isEqualTo(200);
        await().atMost(SearchApiTest.FRESH)
                .until(() -> accounts(eve, "#kubernetes").isEmpty());
        assertThat(accounts(eve, "#gardening")).containsExactly(nora.idString());
    }

    private static List<String> accounts(Api api, String query) {
        var r = api.get("/api/v2/search?type=accounts&q=" + q(query));
        assertThat(r.status()).as("%s: %s", query, r.body()).isEqualTo(200);
        return ids(r.body().get("accounts"));
    }

    @Test
    void rebuildsTheIndexWhileSearchKeepsAnswering() {
        var before = post(bob, "Pangolin inventory list");
        awaitFound(alice, "pangolin", before);
        assertThat(bob.post("/api/v1/admin/search/rebuild").status()).isEqualTo(403);

        var started = admin.post("/api/v1/admin/search/rebuild");
        assertThat(started.status()).isEqualTo(200);
        long rebuildsBefore = started.body().get("rebuilds").asLong();
        var during = post(bob, "Pangolin count during the rebuild");
        // Every search during the rebuild answers from the current index.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    assertThat(SearchApiTest.found(alice, "pangolin")).contains(before);
                    var status = admin.get("/api/v1/admin/search").body();
                    return !status.get("rebuilding").asBoolean()
                            && status.get("rebuilds").asLong() >= rebuildsBefore;
                });
        awaitFound(alice, "pangolin", during);
        assertThat(SearchApiTest.found(alice, "pangolin")).contains(before, during);
        var status = admin.get("/api/v1/admin/search").body();
        assertThat(status.get("documents").asLong()).isPositive();
        assertThat(status.get("last_rebuilt_at").isNull()).isFalse();
    }

    private static List<String> reasons(Api api, String query, String id) {
        var statuses =
                api.get("/api/v2/search?type=statuses&q=" + q(query)).body().get("statuses");
        for (var s : statuses) {
            if (s.get("id").asString().equals(id)) {
                var list = new ArrayList<String>();
                for (var r : s.get("ranking").get("reasons")) list.add(r.asString());
                return list;
            }
        }
        return List.of();
    }

    private static JsonNode mapAccounts(JsonNode experts) {
        var array = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (var e : experts) array.add(e.get("account"));
        return array;
    }

    private Persona colleague(String name, String displayName, String title, String department) {
        return p.add(name, displayName, title, department, "Remote", null);
    }

    private Api api(Persona persona) {
        return anonymous.as(persona.token());
    }
}
