package org.hallway.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import org.hallway.testing.CorpDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * With HALLWAY_AUTO_FOLLOW_MANAGERS on, a colleague whose manager changes in the directory (LDAP
 * sync, SCIM) follows the new manager chain and keeps following whom they followed before.
 */
class ManagerChangeFollowsTest extends ScimTest {
    @Autowired
    AutoFollowManagers autoFollow;

    @Autowired
    DirectoryNetwork directoryNetwork;

    @Autowired
    SyncDirectory sync;

    @BeforeAll
    void autoFollowOn() {
        // The shared test context runs with it off (personas have managers); this class turns it on.
        ReflectionTestUtils.setField(autoFollow, "enabled", true);
    }

    @AfterAll
    void autoFollowOff() {
        ReflectionTestUtils.setField(autoFollow, "enabled", false);
    }

    @Test
    void ldapSyncOfANewManagerFollowsTheNewChain() {
        directoryNetwork.bind(p.networkId);
        var corp = new CorpDirectory();
        corp.person("ceo", "Cleo Ceo", "Chief Executive", "Board", "Berlin", null);
        corp.person("oldboss", "Olga Old", "Head of Sales", "Sales", "Berlin", "ceo");
        corp.person("newboss", "Nina New", "Head of Support", "Support", "Berlin", "vp");
        corp.person("vp", "Vic Vp", "VP Customers", "Customers", "Berlin", "ceo");
        corp.person("sam", "Sam Seller", "Seller", "Sales", "Berlin", "oldboss");
        for (int i = 1; i <= 6; i++) corp.person("extra" + i, "Extra " + i, "Seller", "Sales", "Berlin", "oldboss");
        sync.handle(p.admin.viewer());
        var sam = id("sam");
        await().atMost(FAN_OUT).until(() -> following(sam).containsAll(List.of(id("oldboss"), id("ceo"))));

        corp.set("sam", "manager", CorpDirectory.dn("newboss"));
        sync.handle(p.admin.viewer());
        await().atMost(FAN_OUT).until(() -> following(sam).containsAll(List.of(id("newboss"), id("vp"))));
        assertThat(following(sam)).contains(id("oldboss"), id("ceo"));
    }

    @Test
    void scimPatchOfTheManagerFollowsTheNewChain() {
        var userName = unique("mover") + "@corp.example";
        var created = scim(
                "POST",
                "/Users",
                """
                {"schemas":["%s","%s"],"userName":"%s","emails":[{"primary":true,"value":"%s"}],
                 "%s":{"manager":{"value":"%s"}}}"""
                        .formatted(CORE, ENTERPRISE, userName, userName, ENTERPRISE, p.eve.idString()));
        assertThat(created.status()).as("%s", created.raw().body()).isEqualTo(201);
        var mover = created.body().get("id").asString();
        await().atMost(FAN_OUT).until(() -> following(mover).contains(p.eve.idString()));

        var patched = scim(
                "PATCH",
                "/Users/" + mover,
                """
                {"schemas":["%s"],"Operations":[{"op":"Add","path":"%s:manager","value":"%s"}]}"""
                        .formatted(PATCH_OP, ENTERPRISE, p.bob.idString()));
        assertThat(patched.status()).as("%s", patched.raw().body()).isEqualTo(200);
        // bob's manager is alice: the whole new chain.
        await().atMost(FAN_OUT)
                .until(() -> following(mover).containsAll(List.of(p.bob.idString(), p.alice.idString())));
        assertThat(following(mover)).contains(p.eve.idString());
    }

    private String id(String sam) {
        var found = admin.get("/api/v1/accounts/lookup?acct=" + sam);
        assertThat(found.status()).as("%s", found.body()).isEqualTo(200);
        return found.body().get("id").asString();
    }

    private List<String> following(String accountId) {
        return ids(admin.get("/api/v1/accounts/" + accountId + "/following?limit=80")
                .body());
    }
}
