package org.hallway.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.Test;

/** What an identity provider does over SCIM is in the audit log, under the name of its token. */
class ScimAuditTest extends ScimTest {

    @Test
    void auditLogShowsScimUserAndGroupChangesWithTheTokensName() {
        var userName = unique("audited") + "@corp.example";
        var created = scim(
                "POST",
                "/Users",
                """
                {"schemas":["%s"],"userName":"%s","emails":[{"primary":true,"value":"%s"}]}"""
                        .formatted(CORE, userName, userName));
        assertThat(created.status()).as("%s", created.raw().body()).isEqualTo(201);
        var id = created.body().get("id").asString();
        scim(
                "PATCH",
                "/Users/" + id,
                """
                {"schemas":["%s"],"Operations":[{"op":"Replace","path":"title","value":"Auditor"}]}"""
                        .formatted(PATCH_OP));
        var group = scim(
                        "POST",
                        "/Groups",
                        "{\"displayName\":\"Auditors\",\"members\":[{\"value\":\"%s\"}]}".formatted(id))
                .body()
                .get("id")
                .asString();
        scim(
                "PATCH",
                "/Groups/" + group,
                """
                {"schemas":["%s"],"Operations":[{"op":"Remove","path":"members[value eq \\"%s\\"]"}]}"""
                        .formatted(PATCH_OP, id));
        scim("DELETE", "/Groups/" + group);
        scim(
                "PATCH",
                "/Users/" + id,
                """
                {"schemas":["%s"],"Operations":[{"op":"replace","path":"active","value":false}]}"""
                        .formatted(PATCH_OP));
        scim("DELETE", "/Users/" + id);

        var page = auditPage();
        var by = "SCIM token \"Identity provider\": ";
        assertThat(page)
                .contains("scim user created", by + "Created user " + userName)
                .contains("scim user updated", by + "Updated user " + userName)
                .contains("scim group created", by + "Created group \"Auditors\" with 1 member")
                .contains("scim group changed", by + "Changed group \"Auditors\": 0 added, 1 removed, 0 members")
                .contains("scim group deleted", by + "Deleted group \"Auditors\"")
                .contains("scim user deactivated", by + "Deactivated user " + userName)
                .contains("scim user deleted", by + "Deleted user " + userName);
        // Newest first: the deletion above the creation.
        assertThat(page.indexOf("Deleted user " + userName)).isLessThan(page.indexOf("Created user " + userName));
    }

    /** The audit page as the network's administrator sees it, signed in through the login form. */
    private String auditPage() {
        var http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        try {
            var form = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
            assertThat(csrf.find()).isTrue();
            var body = "email=" + URLEncoder.encode(p.admin.email(), StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(Personas.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
            http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var audit = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/audit"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(audit.statusCode()).isEqualTo(200);
            return audit.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
