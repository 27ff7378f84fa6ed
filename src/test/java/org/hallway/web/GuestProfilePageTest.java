package org.hallway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hallway.directory.DefineProfileField;
import org.hallway.testing.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A member's profile page shows a guest only the people of the guest's groups: not the manager, the
 * management chain or a person field naming someone beyond them. gus is a guest in bob's vendor room
 * with tom; bob reports to alice and his mentor is eve, both outside it; his buddy is tom.
 */
class GuestProfilePageTest extends BrowserTest {
    @Autowired
    DefineProfileField defineField;

    @BeforeAll
    void inviteTheGuest() {
        var bob = new Api(baseUrl(), p.bob.token());
        var created = bob.post("/api/v1/groups", Map.of("name", "Vendor room", "privacy", "private"));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        var group = created.body().get("id").asString();
        assertThat(bob.post(
                                "/api/v1/groups/" + group + "/members",
                                Map.of("account_ids", List.of(p.gus.idString(), p.tom.idString())))
                        .status())
                .isEqualTo(200);
        var mentor =
                defineField.handle(p.admin.viewer(), new DefineProfileField.Command("Mentor", "person", "", false));
        var buddy = defineField.handle(p.admin.viewer(), new DefineProfileField.Command("Buddy", "person", "", false));
        assertThat(bob.patch(
                                "/api/v1/accounts/update_credentials",
                                Map.of(
                                        "profile_fields",
                                        Map.of(Long.toString(mentor.id()), "@eve", Long.toString(buddy.id()), "@tom")))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aGuestSeesOnAMembersProfileOnlyThePeopleOfTheirGroups() {
        var guest = signIn(p.gus);
        guest.navigate("/@bob");
        var head = guest.locator("#profile-head").innerText();
        var details = guest.locator(".profile-details").innerText();
        assertThat(head).contains("Bob Brown", "Engineer").doesNotContain("Reports to", "Alice Adams");
        assertThat(details).contains("Buddy", "Tom Taylor").doesNotContain("Mentor", "Eve Evans", "Alice Adams");
        assertThat(guest.content()).doesNotContain("/@alice", "/@eve");

        var colleague = signIn(p.eve);
        colleague.navigate("/@bob");
        assertThat(colleague.locator("#profile-head").innerText()).contains("Reports to", "Alice Adams");
        assertThat(colleague.locator(".profile-details").innerText())
                .contains("Mentor", "Eve Evans", "Buddy", "Tom Taylor", "Alice Adams");
    }

    @Test
    void aGuestSeesOnAMembersOrgChartOnlyThePeopleOfTheirGroups() {
        var guest = signIn(p.gus);
        guest.navigate("/@tom/org");
        assertThat(guest.content()).contains("Tom Taylor").doesNotContain("Alice Adams", "/@alice");
    }
}
