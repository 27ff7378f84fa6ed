package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.junit.jupiter.api.Test;

/** Private notes on accounts: the note shows in its author's Relationship and nowhere else. */
class AccountNotesApiTest extends ApiTest {

    @Test
    void aNoteIsShownToItsAuthorOnly() {
        var noted = alice.post(
                "/api/v1/accounts/" + p.bob.idString() + "/note",
                Map.of("comment", "Knows the <b>billing</b> system; met at the offsite"));
        assertThat(noted.status()).isEqualTo(200);
        assertThat(noted.body().get("note").asString())
                .isEqualTo("Knows the <b>billing</b> system; met at the offsite");
        assertThat(MastodonSchema.problems("Relationship", noted.body())).isEmpty();

        var relationships =
                alice.get("/api/v1/accounts/relationships?id[]=" + p.bob.idString() + "&id[]=" + p.tom.idString());
        assertThat(relationships.body().get(0).get("note").asString()).contains("billing");
        assertThat(relationships.body().get(1).get("note").asString()).isEmpty();

        // Bob, tom and an administrator never read alice's note on bob.
        assertThat(bob.get("/api/v1/accounts/relationships?id[]=" + p.alice.idString())
                        .body()
                        .get(0)
                        .get("note")
                        .asString())
                .isEmpty();
        assertThat(tom.get("/api/v1/accounts/relationships?id[]=" + p.bob.idString())
                        .body()
                        .get(0)
                        .get("note")
                        .asString())
                .isEmpty();
        assertThat(admin.get("/api/v1/accounts/relationships?id[]=" + p.bob.idString())
                        .body()
                        .get(0)
                        .get("note")
                        .asString())
                .isEmpty();
        assertThat(bob.get("/api/v1/accounts/" + p.bob.idString()).body().toString())
                .doesNotContain("billing");

        // Changed, then removed with an empty comment.
        alice.post("/api/v1/accounts/" + p.bob.idString() + "/note", Map.of("comment", "Moved to finance"));
        assertThat(alice.post("/api/v1/accounts/" + p.bob.idString() + "/follow")
                        .body()
                        .get("note")
                        .asString())
                .isEqualTo("Moved to finance");
        var cleared = alice.post("/api/v1/accounts/" + p.bob.idString() + "/note", Map.of("comment", ""));
        assertThat(cleared.body().get("note").asString()).isEmpty();
    }

    @Test
    void refusesATooLongNoteAndAnAccountTheWriterCannotSee() {
        var tooLong = tom.post("/api/v1/accounts/" + p.eve.idString() + "/note", Map.of("comment", "x".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.error()).contains("too long");
        assertThat(tom.get("/api/v1/accounts/relationships?id[]=" + p.eve.idString())
                        .body()
                        .get(0)
                        .get("note")
                        .asString())
                .isEmpty();

        // A guest outside every group sees no colleague: the same 404 as an account that does not exist.
        var hidden = gus.post("/api/v1/accounts/" + p.alice.idString() + "/note", Map.of("comment", "hm"));
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(tom.post("/api/v1/accounts/123456789/note", Map.of("comment", "hm"))
                        .status())
                .isEqualTo(404);
    }
}
