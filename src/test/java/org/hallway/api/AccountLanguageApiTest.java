package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hallway.push.PushSettings;
import org.hallway.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A colleague's interface language: set with update_credentials, read back as source.language. */
class AccountLanguageApiTest extends ApiTest {
    @Autowired
    PushSettings settings;

    @Test
    void languageIsTheColleaguesChoiceElseTheNetworks() {
        assertThat(tom.get("/api/v1/accounts/verify_credentials")
                        .body()
                        .get("source")
                        .get("language")
                        .asString())
                .isEqualTo(settings.locale());

        var changed = tom.patch("/api/v1/accounts/update_credentials", Map.of("source", Map.of("language", "pt_br")));
        assertThat(changed.status()).as("%s", changed.body()).isEqualTo(200);
        assertThat(changed.body().get("source").get("language").asString()).isEqualTo("pt-BR");
        var form = tom.multipart("PATCH", "/api/v1/accounts/update_credentials", Map.of("source[language]", "de"));
        assertThat(form.status()).isEqualTo(200);
        assertThat(tom.get("/api/v1/accounts/verify_credentials")
                        .body()
                        .get("source")
                        .get("language")
                        .asString())
                .isEqualTo("de");
        // Others keep the network's.
        assertThat(eve.get("/api/v1/accounts/verify_credentials")
                        .body()
                        .get("source")
                        .get("language")
                        .asString())
                .isEqualTo(settings.locale());
    }

    @Test
    void anUnknownLanguageIsRefusedAndNothingIsStored() {
        var refused = alice.patch(
                "/api/v1/accounts/update_credentials",
                Map.of("display_name", "Alice Changed", "source", Map.of("language", "klingon!")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.error()).contains("language");
        var me = alice.get("/api/v1/accounts/verify_credentials").body();
        assertThat(me.get("display_name").asString()).isNotEqualTo("Alice Changed");
        assertThat(me.get("source").get("language").asString()).isEqualTo(settings.locale());
    }
}
