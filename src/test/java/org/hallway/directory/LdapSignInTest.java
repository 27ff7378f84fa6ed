package org.hallway.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.hallway.testing.ApiTest;
import org.hallway.testing.CorpDirectory;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Colleagues sign in with their directory password; their account comes from the directory entry. */
class LdapSignInTest extends ApiTest {
    @Autowired
    DirectoryNetwork directoryNetwork;

    CorpDirectory corp;

    @BeforeAll
    void directory() {
        directoryNetwork.bind(p.networkId);
        corp = new CorpDirectory();
        corp.person("cchief", "Carla Chief", "Chief Executive", "Management", "Berlin", null);
        corp.person("jdoe", "John Doe", "Site Reliability Engineer", "Engineering", "Lisbon", "cchief");
    }

    @Test
    void signsInWithDirectoryUsernameOrEmailAndGetsWorkContextFromTheDirectory() {
        assertThat(grant("cchief", CorpDirectory.PASSWORD).status()).isEqualTo(200);
        var token = grant("jdoe", CorpDirectory.PASSWORD);
        assertThat(token.status()).as(token.body().toString()).isEqualTo(200);

        var me = anonymous.as(token.body().get("access_token").asString()).get("/api/v1/accounts/verify_credentials");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("username").asString()).isEqualTo("jdoe");
        assertThat(me.body().get("display_name").asString()).isEqualTo("John Doe");
        assertThat(me.body().get("title").asString()).isEqualTo("Site Reliability Engineer");
        assertThat(me.body().get("department").asString()).isEqualTo("Engineering");
        assertThat(me.body().get("location").asString()).isEqualTo("Lisbon");
        assertThat(me.body().get("manager").get("username").asString()).isEqualTo("cchief");

        // Colleagues of the network find the newcomer like anyone else.
        var seen = alice.get("/api/v1/accounts/" + me.body().get("id").asString());
        assertThat(seen.body().get("display_name").asString()).isEqualTo("John Doe");

        // The e-mail address works as login too, and leads to the same account.
        var byEmail = grant(corp.email("jdoe"), CorpDirectory.PASSWORD);
        assertThat(byEmail.status()).isEqualTo(200);
        var again =
                anonymous.as(byEmail.body().get("access_token").asString()).get("/api/v1/accounts/verify_credentials");
        assertThat(again.body().get("id").asString())
                .isEqualTo(me.body().get("id").asString());
    }

    @Test
    void refusesAWrongDirectoryPasswordAndUnknownPeople() {
        var wrong = grant("jdoe", "not-the-password");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().get("error").asString()).isEqualTo("invalid_grant");
        assertThat(grant("nobody", CorpDirectory.PASSWORD).status()).isEqualTo(400);
        assertThat(grant("jdoe", "").status()).isEqualTo(400);
    }

    @Test
    void localPasswordsStillWorkForColleaguesMadeByHand() {
        assertThat(grant(p.bob.email(), Personas.PASSWORD).status()).isEqualTo(200);
    }

    private org.hallway.testing.Api.Response grant(String username, String password) {
        return org.hallway.testing.PasswordGrant.of(anonymous, p.client()).request(username, password, "read");
    }
}
