package org.hallway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hallway.stream.Switchboard;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.EventStreamClient;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The web UI's live updates carry only what the reader may see: a secret group's posts and counters
 * reach its members' open pages, a direct message its addressees', and a guest's page only the posts of
 * the guest's groups. alice runs a secret group with bob and a partner group with gus; tom and eve are
 * colleagues outside both. Absence is proven by order: a connection gets its deliveries in order, so
 * once a later post has reached it, nothing earlier is still on its way.
 */
class LiveAudienceTest extends ApiTest {
    @Autowired
    Switchboard switchboard;

    String skunkworks, partners;

    @BeforeAll
    void makeGroups() {
        skunkworks = group(alice, "Skunkworks", "secret");
        addMember(alice, skunkworks, p.bob.idString());
        partners = group(alice, "Partner desk", "private");
        addMember(alice, partners, p.gus.idString());
        follow(eve, p.alice);
        follow(tom, p.alice);
        follow(gus, p.alice);
    }

    @Test
    void aSecretGroupsPostAndCountersReachOnlyItsMembersOpenPages() throws Exception {
        try (var member = open(p.bob, "home");
                var outsider = open(p.eve, "home");
                var outsidersCompany = open(p.eve, "company")) {
            var secret = post(alice, Map.of("status", "Skunkworks prototype is alive", "group_id", skunkworks));
            await().atMost(FAN_OUT).until(() -> member.data("post").contains(secret));
            assertThat(bob.post("/api/v1/statuses/" + secret + "/favourite").status())
                    .isEqualTo(200);
            await().atMost(FAN_OUT).until(() -> member.data("counts").stream().anyMatch(d -> d.contains(secret)));

            var later = post(alice, "A company post after the secret one");
            await().atMost(FAN_OUT).until(() -> outsider.data("post").contains(later));
            await().atMost(FAN_OUT).until(() -> outsidersCompany.data("post").contains(later));
            assertThat(outsider.events().toString()).doesNotContain(secret);
            assertThat(outsidersCompany.events().toString()).doesNotContain(secret);
        }
    }

    @Test
    void aDirectMessageReachesOnlyItsAddresseesOpenPages() throws Exception {
        try (var addressee = open(p.bob, "home");
                var follower = open(p.tom, "home");
                var outsider = open(p.eve, "home")) {
            var direct = post(alice, Map.of("status", "@bob a word between us", "visibility", "direct"));
            await().atMost(FAN_OUT).until(() -> addressee.data("post").contains(direct));
            await().atMost(FAN_OUT).until(() -> !addressee.data("notification").isEmpty());

            var later = post(alice, "A company post after the direct message");
            for (var other : List.of(follower, outsider)) {
                await().atMost(FAN_OUT).until(() -> other.data("post").contains(later));
                assertThat(other.events().toString()).doesNotContain(direct);
                assertThat(other.data("notification")).isEmpty();
            }
        }
    }

    @Test
    void aGuestsPageHearsOnlyOfTheGuestsGroups() throws Exception {
        try (var home = open(p.gus, "home");
                var company = open(p.gus, "company")) {
            var outside = new ArrayList<String>();
            outside.add(post(alice, "Company-wide news the guest must not hear of"));
            outside.add(post(alice, Map.of("status", "Followers only", "visibility", "private")));
            outside.add(post(alice, Map.of("status", "Skunkworks only", "group_id", skunkworks)));
            assertThat(eve.post("/api/v1/statuses/" + outside.getFirst() + "/favourite")
                            .status())
                    .isEqualTo(200);
            var inGroup = post(alice, Map.of("status", "For our partners", "group_id", partners));
            await().atMost(FAN_OUT).until(() -> home.data("post").contains(inGroup));
            assertThat(home.data("post")).containsExactly(inGroup);
            assertThat(home.data("counts"))
                    .allSatisfy(d -> assertThat(d).doesNotContain(outside.toArray(String[]::new)));

            // The guest has no company feed: that page's stream announces no post, not even the group's.
            // A mention of gus reaches it as a notification, after everything posted before.
            var later = post(alice, Map.of("status", "@gus for our partners, again", "group_id", partners));
            await().atMost(FAN_OUT).until(() -> home.data("post").contains(later));
            await().atMost(FAN_OUT).until(() -> !company.data("notification").isEmpty());
            assertThat(company.data("post")).isEmpty();
            for (var id : outside) assertThat(company.events().toString()).doesNotContain(id);
        }
    }

    /** Opens a page's event stream as the persona and waits until it is registered for live delivery. */
    private EventStreamClient open(Personas.Persona persona, String feed) throws Exception {
        long before = switchboard.opened();
        var client = EventStreamClient.open(baseUrl(), persona, feed, null);
        await().until(() -> switchboard.opened() > before);
        return client;
    }

    private static String group(Api owner, String name, String privacy) {
        var created = owner.post("/api/v1/groups", Map.of("name", name, "privacy", privacy));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        return created.body().get("id").asString();
    }

    private static void addMember(Api owner, String group, String accountId) {
        assertThat(owner.post("/api/v1/groups/" + group + "/members", Map.of("account_ids", List.of(accountId)))
                        .status())
                .isEqualTo(200);
    }
}
