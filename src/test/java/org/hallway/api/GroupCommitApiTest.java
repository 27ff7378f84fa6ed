package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.junit.jupiter.api.Test;

/** Posts sent at the same time go through the group commit together (ADR 0040); each is answered on its own. */
class GroupCommitApiTest extends ApiTest {

    @Test
    void concurrentPostsEachGetTheirOwnIdAndAppearOnce() throws Exception {
        var writer = colleague("concurrent");
        int before = statusesCount(writer);
        var calls = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 24; i++) {
            var text = "Posted together #groupcommit number " + i;
            calls.add(() -> writer.post("/api/v1/statuses", Map.of("status", text)));
        }
        var ids = new ArrayList<String>();
        for (var answer : runAll(calls)) {
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
            ids.add(answer.body().get("id").asString());
        }
        assertThat(new HashSet<>(ids)).hasSize(24);
        var profile = ApiTest.ids(writer.get("/api/v1/accounts/" + accountId(writer) + "/statuses?limit=40")
                .body());
        assertThat(profile).hasSize(24).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(statusesCount(writer)).isEqualTo(before + 24);
        for (var id : ids) {
            var shown = writer.get("/api/v1/statuses/" + id);
            assertThat(shown.status()).isEqualTo(200);
            assertThat(shown.body().get("tags").get(0).get("name").asString()).isEqualTo("groupcommit");
        }
    }

    @Test
    void concurrentRepeatsOfOneIdempotencyKeyMakeOnePost() throws Exception {
        var writer = colleague("repeating");
        int before = statusesCount(writer);
        var headers = Map.of("Idempotency-Key", "same-key-" + System.nanoTime());
        var calls = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 12; i++)
            calls.add(() -> writer.post("/api/v1/statuses", Map.of("status", "Sent once, retried often"), headers));
        var ids = new HashSet<String>();
        for (var answer : runAll(calls)) {
            assertThat(answer.status()).isEqualTo(200);
            ids.add(answer.body().get("id").asString());
        }
        assertThat(ids).hasSize(1);
        var profile = ApiTest.ids(writer.get("/api/v1/accounts/" + accountId(writer) + "/statuses?limit=40")
                .body());
        assertThat(profile).containsExactlyElementsOf(ids);
        assertThat(statusesCount(writer)).isEqualTo(before + 1);
    }

    @Test
    void invalidPostsAmongConcurrentOnesFailAloneAndStoreNothing() throws Exception {
        var writer = colleague("mixed");
        var calls = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 10; i++) {
            var text = "Fine post " + i;
            calls.add(() -> writer.post("/api/v1/statuses", Map.of("status", text)));
        }
        calls.add(() -> writer.post("/api/v1/statuses", Map.of("status", "x".repeat(5001))));
        calls.add(() ->
                writer.post("/api/v1/statuses", Map.of("status", "Reply to nothing", "in_reply_to_id", "999999")));
        calls.add(() -> writer.post("/api/v1/statuses", Map.of("status", "   ")));
        var answers = runAll(calls);
        for (int i = 0; i < 10; i++) assertThat(answers.get(i).status()).isEqualTo(200);
        assertThat(answers.get(10).status()).isEqualTo(422);
        assertThat(answers.get(10).error()).contains("too long");
        assertThat(answers.get(11).status()).isEqualTo(404);
        assertThat(answers.get(12).status()).isEqualTo(422);
        var profile = writer.get("/api/v1/accounts/" + accountId(writer) + "/statuses?limit=40")
                .body();
        assertThat(ApiTest.ids(profile)).hasSize(10);
        assertThat(statusesCount(writer)).isEqualTo(10);
    }

    @Test
    void concurrentRepliesAllCountOnTheirParent() throws Exception {
        var parent = post(alice, "Reply to me, everyone");
        var calls = new ArrayList<Callable<Api.Response>>();
        for (var api : List.of(bob, tom, alice, bob, tom, alice))
            calls.add(() -> api.post("/api/v1/statuses", Map.of("status", "A reply", "in_reply_to_id", parent)));
        for (var answer : runAll(calls)) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get("in_reply_to_id").asString()).isEqualTo(parent);
        }
        assertThat(alice.get("/api/v1/statuses/" + parent)
                        .body()
                        .get("replies_count")
                        .asInt())
                .isEqualTo(6);
    }

    private static List<Api.Response> runAll(List<Callable<Api.Response>> calls) throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = pool.invokeAll(calls);
            var answers = new ArrayList<Api.Response>();
            for (var f : futures) answers.add(f.get());
            return answers;
        }
    }

    private Api colleague(String username) {
        return anonymous.as(p.add(username, username, "", "", "", null).token());
    }

    private static String accountId(Api api) {
        return api.get("/api/v1/accounts/verify_credentials").body().get("id").asString();
    }

    private static int statusesCount(Api api) {
        return api.get("/api/v1/accounts/verify_credentials")
                .body()
                .get("statuses_count")
                .asInt();
    }
}
