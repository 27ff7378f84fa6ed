package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.hallway.testing.PasswordGrant;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Reports: a colleague reports another and posts they can see; administrators hear of it, list the
 * open reports and resolve them; the colleague reported never learns of it.
 */
class ReportsApiTest extends ApiTest {

    @Test
    void reportReachesTheAdministratorsWhoResolveIt() {
        var offending = post(bob, "Buy my crypto course, colleagues");
        var filed = alice.post(
                "/api/v1/reports",
                Map.of(
                        "account_id",
                        p.bob.idString(),
                        "status_ids",
                        List.of(offending),
                        "comment",
                        "Spam in the <b>company</b> feed",
                        "category",
                        "spam",
                        "forward",
                        true));
        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(200);
        assertThat(MastodonSchema.problems("Report", filed.body())).isEmpty();
        assertThat(filed.body().get("category").asString()).isEqualTo("spam");
        assertThat(filed.body().get("comment").asString()).isEqualTo("Spam in the <b>company</b> feed");
        assertThat(filed.body().get("status_ids").get(0).asString()).isEqualTo(offending);
        assertThat(filed.body().get("target_account").get("id").asString()).isEqualTo(p.bob.idString());
        assertThat(filed.body().get("action_taken").asBoolean()).isFalse();
        var reportId = filed.body().get("id").asString();

        // The administrator hears of it, with the report.
        var notification = await().atMost(FAN_OUT).until(() -> adminReportNotification(reportId), n -> n != null);
        assertThat(notification.get("account").get("id").asString()).isEqualTo(p.alice.idString());
        assertThat(notification.get("report").get("target_account").get("id").asString())
                .isEqualTo(p.bob.idString());
        // Bob, the colleague reported, hears nothing.
        assertThat(bob.get("/api/v1/notifications?limit=40").body().toString()).doesNotContain("admin.report");

        var open = admin.get("/api/v1/admin/reports");
        assertThat(open.status()).isEqualTo(200);
        var listed = byId(open.body(), reportId);
        assertThat(listed).isNotNull();
        assertThat(listed.get("account").get("account").get("id").asString()).isEqualTo(p.alice.idString());
        assertThat(listed.get("target_account").get("username").asString())
                .isEqualTo(p.bob.account().username());
        assertThat(listed.get("statuses").get(0).get("id").asString()).isEqualTo(offending);

        var resolved = admin.post("/api/v1/admin/reports/" + reportId + "/resolve");
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.body().get("action_taken").asBoolean()).isTrue();
        assertThat(resolved.body()
                        .get("action_taken_by_account")
                        .get("username")
                        .asString())
                .isEqualTo(p.admin.account().username());
        assertThat(byId(admin.get("/api/v1/admin/reports").body(), reportId)).isNull();
        assertThat(byId(admin.get("/api/v1/admin/reports?resolved=true").body(), reportId))
                .isNotNull();
    }

    @Test
    void onlyAdministratorsWithAdminScopesReadReports() {
        assertThat(tom.get("/api/v1/admin/reports").status()).isEqualTo(403);
        var readOnly = PasswordGrant.of(anonymous, p.client()).as(p.admin.email(), Personas.PASSWORD, "read write");
        assertThat(readOnly.get("/api/v1/admin/reports").status()).isEqualTo(403);
        var scoped =
                PasswordGrant.of(anonymous, p.client()).as(p.admin.email(), Personas.PASSWORD, "admin:read:reports");
        assertThat(scoped.get("/api/v1/admin/reports").status()).isEqualTo(200);
        assertThat(scoped.post("/api/v1/admin/reports/1/resolve").status()).isEqualTo(403);
    }

    @Test
    void aPostTheReporterCannotSeeAnswersNotFoundAndNothingIsStored() {
        var group = alice.post("/api/v1/groups", Map.of("name", "Board", "privacy", "secret"))
                .body()
                .get("id")
                .asString();
        var secret = post(alice, Map.of("status", "Board minutes", "group_id", group));
        var before = admin.get("/api/v1/admin/reports").body().size();

        var hidden =
                eve.post("/api/v1/reports", Map.of("account_id", p.alice.idString(), "status_ids", List.of(secret)));
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.error()).isNotBlank();
        var absent = eve.post(
                "/api/v1/reports", Map.of("account_id", p.alice.idString(), "status_ids", List.of("123456789")));
        assertThat(absent.status()).isEqualTo(404);
        assertThat(absent.body()).isEqualTo(hidden.body());

        var notTheirs = eve.post(
                "/api/v1/reports", Map.of("account_id", p.tom.idString(), "status_ids", List.of(post(bob, "Mine"))));
        assertThat(notTheirs.status()).isEqualTo(422);
        var badCategory = eve.post("/api/v1/reports", Map.of("account_id", p.tom.idString(), "category", "rude"));
        assertThat(badCategory.status()).isEqualTo(422);
        var tooLong = eve.post("/api/v1/reports", Map.of("account_id", p.tom.idString(), "comment", "x".repeat(1001)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(gus.post("/api/v1/reports", Map.of("account_id", p.tom.idString()))
                        .status())
                .isEqualTo(404);
        assertThat(admin.get("/api/v1/admin/reports").body().size()).isEqualTo(before);
    }

    private JsonNode adminReportNotification(String reportId) {
        for (var n : admin.get("/api/v1/notifications?types[]=admin.report").body()) {
            if (n.get("type").asString().equals("admin.report")
                    && n.has("report")
                    && n.get("report").get("id").asString().equals(reportId)) return n;
        }
        return null;
    }

    private static JsonNode byId(JsonNode array, String id) {
        for (var item : array) if (item.get("id").asString().equals(id)) return item;
        return null;
    }
}
