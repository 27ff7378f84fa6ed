package org.hallway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.hallway.testing.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web pages ask the same audience as the API: a post outside the reader's audience answers 404 on
 * every page that shows it by id and is absent from every page that lists posts; a guest sees no
 * colleague beyond their groups on the people pages. alice writes; eve is a colleague outside every
 * group; gus is a guest in the private group.
 */
class AudiencePagesTest extends BrowserTest {
    static final String WORD = "numbat";

    /** The first word of each post outside eve's audience → its id. */
    final Map<String, String> hidden = new LinkedHashMap<>();

    String company, backchannel, skunkworks;

    @BeforeAll
    void writePosts() {
        var alice = new Api(baseUrl(), p.alice.token());
        backchannel = group(alice, "Backchannel", "private");
        skunkworks = group(alice, "Skunkworks", "secret");
        add(alice, backchannel, p.gus.idString());
        add(alice, backchannel, p.bob.idString());
        add(alice, skunkworks, p.bob.idString());
        company = post(alice, Map.of("status", "Company " + WORD + " news #" + WORD));
        hidden.put(
                "Followers", post(alice, Map.of("status", "Followers " + WORD + " #" + WORD, "visibility", "private")));
        hidden.put(
                "Backchannel",
                post(alice, Map.of("status", "Backchannel " + WORD + " #" + WORD, "group_id", backchannel)));
        hidden.put(
                "Skunkworks",
                post(alice, Map.of("status", "Skunkworks " + WORD + " #" + WORD, "group_id", skunkworks)));
        hidden.put(
                "Direct", post(alice, Map.of("status", "@bob Direct " + WORD + " #" + WORD, "visibility", "direct")));
    }

    @Test
    void aColleagueOutsideTheAudienceGetsNotFoundByIdAndNothingInLists() {
        var page = signIn(p.eve);
        var soft = new SoftAssertions();
        for (var entry : hidden.entrySet()) {
            var id = entry.getValue();
            for (var path : List.of(
                    "/@alice/" + id,
                    "/@alice/" + id + "/history",
                    "/posts/" + id + "/card",
                    "/posts/" + id + "/edit")) {
                var response = page.request().get(path);
                soft.assertThat(response.status())
                        .as("%s of the %s post", path, entry.getKey())
                        .isEqualTo(404);
                soft.assertThat(response.text()).as(path).doesNotContain(entry.getKey() + " " + WORD);
            }
        }
        soft.assertThat(page.request().get("/groups/" + skunkworks).status()).isEqualTo(404);
        for (var path :
                List.of("/", "/company", "/@alice", "/tags/" + WORD, "/search?q=" + WORD, "/groups/" + backchannel)) {
            var response = page.request().get(path);
            soft.assertThat(response.status()).as(path).isEqualTo(200);
            var text = response.text();
            for (var entry : hidden.entrySet())
                soft.assertThat(text)
                        .as("%s and the %s post", path, entry.getKey())
                        .doesNotContain(entry.getKey() + " " + WORD);
        }
        soft.assertAll();
        assertThat(page.request().get("/@alice/" + company).status()).isEqualTo(200);
    }

    @Test
    void aGuestSeesOnlyTheirGroupsPostsAndPeople() {
        var page = signIn(p.gus);
        var soft = new SoftAssertions();
        soft.assertThat(page.request()
                        .get("/@alice/" + hidden.get("Backchannel"))
                        .status())
                .isEqualTo(200);
        for (var path : List.of("/@alice/" + company, "/@eve", "/@tom/org", "/groups/" + skunkworks))
            soft.assertThat(page.request().get(path).status()).as(path).isEqualTo(404);
        for (var path : List.of(
                "/company",
                "/tags/" + WORD,
                "/search?q=" + WORD,
                "/people",
                "/@bob/org",
                "/search?q=accountant",
                "/people/suggest?q=e")) {
            var response = page.request().get(path);
            soft.assertThat(response.status()).as(path).isIn(200, 404);
            soft.assertThat(response.text())
                    .as(path)
                    .doesNotContain("Company " + WORD, "Followers " + WORD, "Skunkworks " + WORD)
                    .doesNotContain("Eve Evans", "Tom Taylor");
        }
        soft.assertAll();
    }

    private static String group(Api api, String name, String privacy) {
        var created = api.post("/api/v1/groups", Map.of("name", name, "privacy", privacy));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        return created.body().get("id").asString();
    }

    private static void add(Api api, String group, String accountId) {
        assertThat(api.post("/api/v1/groups/" + group + "/members", Map.of("account_ids", List.of(accountId)))
                        .status())
                .isEqualTo(200);
    }

    private static String post(Api api, Map<String, ?> body) {
        var created = api.post("/api/v1/statuses", body);
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        return created.body().get("id").asString();
    }
}
