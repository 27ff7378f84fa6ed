package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.hallway.directory.DefineProfileField;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** update_credentials with Mastodon's fields, avatars, skills and the administrator's typed fields. */
class ProfilesApiTest extends ApiTest {
    private static final String UPDATE = "/api/v1/accounts/update_credentials";

    @Autowired
    DefineProfileField defineField;

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesFieldsAttributesAndShowsThemEscapedWithLinks() {
        var me = colleague("fielder");
        var updated = me.patch(
                UPDATE,
                Map.of(
                        "fields_attributes",
                        List.of(
                                Map.of("name", "Pronouns", "value", "she/her <script>"),
                                Map.of("name", "Wiki", "value", "https://wiki.example.com/fielder"))));
        assertThat(updated.status()).as("%s", updated.body()).isEqualTo(200);
        var fields = fields(updated.body().get("fields"));
        assertThat(fields).containsEntry("Pronouns", "she/her &lt;script&gt;");
        assertThat(fields.get("Wiki"))
                .startsWith("<a href=\"https://wiki.example.com/fielder\"")
                .contains("rel=\"nofollow noopener noreferrer\"");
        var source = updated.body().get("source").get("fields");
        assertThat(source.get(0).get("value").asString()).isEqualTo("she/her <script>");
        assertThat(source.get(1).get("name").asString()).isEqualTo("Wiki");
        assertThat(MastodonSchema.problems("CredentialAccount", updated.body())).isEmpty();

        var form = me.send(
                "PATCH",
                UPDATE,
                "application/x-www-form-urlencoded",
                "fields_attributes[0][name]=Team&fields_attributes[0][value]=Platform");
        assertThat(form.status()).isEqualTo(200);
        assertThat(fields(alice.get("/api/v1/accounts/" + id(me)).body().get("fields")))
                .containsEntry("Team", "Platform")
                .doesNotContainKey("Pronouns");

        var multipart = me.multipart(
                "PATCH", UPDATE, Map.of("fields_attributes[0][name]", "Desk", "fields_attributes[0][value]", "3.14"));
        assertThat(fields(multipart.body().get("fields"))).containsEntry("Desk", "3.14");
    }

    @Test
    void refusesTooManyFieldsAndStoresNothingOfTheRequest() {
        var me = colleague("greedy");
        var five = new ArrayList<Map<String, String>>();
        for (int i = 0; i < 5; i++) five.add(Map.of("name", "F" + i, "value", "v" + i));
        var refused = me.patch(UPDATE, Map.of("display_name", "Changed Name", "fields_attributes", five));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.error()).contains("at most 4 fields");
        var seen = me.get("/api/v1/accounts/verify_credentials").body();
        assertThat(seen.get("display_name").asString()).isEqualTo("Greedy");
        assertThat(seen.get("source").get("fields").size()).isZero();
    }

    @Test
    void declaresSkillsShownAsHashtagLinks() {
        var me = colleague("skilled");
        var updated = me.patch(UPDATE, Map.of("skills", List.of("Kotlin", "#postgres")));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(fields(updated.body().get("fields")).get("Skills"))
                .contains("/tags/kotlin\"")
                .contains("/tags/postgres\"");
        var bad = me.patch(UPDATE, Map.of("skills", List.of("not a tag!")));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.error()).contains("not a valid skill");
    }

    @Test
    void uploadsAvatarResizedAndServedWithCachingHeaders() throws IOException {
        var me = colleague("pictured");
        var before = me.get("/api/v1/accounts/verify_credentials")
                .body()
                .get("avatar")
                .asString();
        var updated = me.multipartFile(
                "PATCH", UPDATE, Map.of("note", "New look"), "avatar", "me.png", "image/png", png(800, 600, Color.RED));
        assertThat(updated.status()).as("%s", updated.body()).isEqualTo(200);
        var url = updated.body().get("avatar").asString();
        assertThat(url).isEqualTo(before);

        var full = anonymous.getBytes(url, Map.of());
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(full.headers().firstValue("Cache-Control").orElse("")).contains("max-age");
        var image = ImageIO.read(new ByteArrayInputStream(full.body()));
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(new Color(image.getRGB(200, 200))).isEqualTo(Color.RED);
        var thumb = ImageIO.read(new ByteArrayInputStream(
                anonymous.getBytes(url + "?size=96", Map.of()).body()));
        assertThat(thumb.getWidth()).isEqualTo(96);

        var etag = full.headers().firstValue("ETag").orElseThrow();
        assertThat(anonymous.getBytes(url, Map.of("If-None-Match", etag)).statusCode())
                .isEqualTo(304);
    }

    @Test
    void defaultAvatarShowsInitialsAtTheSameSignedUrl() throws IOException {
        var url = alice.get("/api/v1/accounts/" + p.eve.idString())
                .body()
                .get("avatar")
                .asString();
        var response = anonymous.getBytes(url, Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        var image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(anonymous
                        .getBytes(url.replaceAll("/[^/]+\\.png$", "/forged.png"), Map.of())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void refusesFilesThatAreNotImagesAndOversizedOnes() throws IOException {
        var me = colleague("refused");
        var text = me.multipartFile(
                "PATCH",
                UPDATE,
                Map.of("display_name", "Should Not Stick"),
                "avatar",
                "notes.png",
                "image/png",
                "just text".getBytes());
        assertThat(text.status()).isEqualTo(422);
        assertThat(text.error()).contains("PNG, JPEG or GIF");
        assertThat(me.get("/api/v1/accounts/verify_credentials")
                        .body()
                        .get("display_name")
                        .asString())
                .isEqualTo("Refused");

        var huge = new byte[9 * 1024 * 1024];
        new java.util.Random(1).nextBytes(huge);
        var oversized = me.multipartFile("PATCH", UPDATE, Map.of(), "avatar", "big.jpg", "image/jpeg", huge);
        assertThat(oversized.status()).isEqualTo(422);
        assertThat(oversized.error()).contains("too large");
    }

    @Test
    void typedFieldsAreValidatedByTypeAndShownOnTheProfile() {
        var site = defineField.handle(p.admin.viewer(), new DefineProfileField.Command("Team site", "link", "", false));
        var start =
                defineField.handle(p.admin.viewer(), new DefineProfileField.Command("Start date", "date", "", false));
        var buddy = defineField.handle(p.admin.viewer(), new DefineProfileField.Command("Buddy", "person", "", false));
        var shirt = defineField.handle(
                p.admin.viewer(), new DefineProfileField.Command("Shirt size", "choice", "S\nM\nL", false));
        var me = colleague("typed");

        var bad = me.patch(
                UPDATE,
                Map.of(
                        "profile_fields",
                        Map.of(
                                Long.toString(site.id()), "javascript:alert(1)",
                                Long.toString(start.id()), "31/12/2024",
                                Long.toString(buddy.id()), "nobody_at_all",
                                Long.toString(shirt.id()), "XXL")));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.error()).isNotBlank();

        var good = me.patch(
                UPDATE,
                Map.of(
                        "profile_fields",
                        Map.of(
                                Long.toString(site.id()), "https://intranet.example.com/team",
                                Long.toString(start.id()), "2024-12-31",
                                Long.toString(buddy.id()), "@bob",
                                Long.toString(shirt.id()), "m")));
        assertThat(good.status()).as("%s", good.body()).isEqualTo(200);
        var fields = fields(alice.get("/api/v1/accounts/" + id(me)).body().get("fields"));
        assertThat(fields.get("Team site")).contains("href=\"https://intranet.example.com/team\"");
        assertThat(fields).containsEntry("Start date", "2024-12-31").containsEntry("Shirt size", "M");
        assertThat(fields.get("Buddy")).contains("/@bob\"").contains("Bob Brown");
    }

    @Test
    void directoryFedPeopleCannotChangeWhatTheDirectoryFeeds() {
        var fed = p.add("fed", "Fiona Fed", "Analyst", "Finance", "Paris", null);
        jdbc.sql("update accounts set directory_source = 'ldap', external_id = 'cn=fed' where id = ?")
                .param(fed.id())
                .update();
        var me = anonymous.as(fed.token());
        var refused = me.patch(UPDATE, Map.of("title", "Chief Everything"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.error()).contains("company directory");
        // Apps send the whole form back: unchanged directory values and a new bio are fine.
        var ok = me.patch(UPDATE, Map.of("display_name", "Fiona Fed", "note", "Numbers person"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().get("source").get("note").asString()).isEqualTo("Numbers person");
    }

    private Api colleague(String username) {
        var persona = p.add(username, username.substring(0, 1).toUpperCase() + username.substring(1), "", "", "", null);
        return anonymous.as(persona.token());
    }

    private String id(Api api) {
        return api.get("/api/v1/accounts/verify_credentials").body().get("id").asString();
    }

    static Map<String, String> fields(JsonNode array) {
        var map = new java.util.LinkedHashMap<String, String>();
        for (var f : array) map.put(f.get("name").asString(), f.get("value").asString());
        return map;
    }

    static byte[] png(int width, int height, Color color) {
        return ProfilesApiTestImages.png(width, height, color);
    }
}
