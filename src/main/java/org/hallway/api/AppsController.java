package org.hallway.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hallway.identity.AppStore;
import org.hallway.identity.RegisterApp;
import org.hallway.identity.SignedIn;
import org.hallway.push.PushServerKeys;
import org.hallway.shared.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Client applications register here before their user signs in (Mastodon's /api/v1/apps). */
@RestController
class AppsController {
    private final RegisterApp registerApp;
    private final AppStore apps;
    private final PushServerKeys pushKeys;

    AppsController(RegisterApp registerApp, AppStore apps, PushServerKeys pushKeys) {
        this.registerApp = registerApp;
        this.apps = apps;
        this.pushKeys = pushKeys;
    }

    @PostMapping("/api/v1/apps")
    Map<String, Object> register(Params params) {
        var uris = String.join("\n", params.list("redirect_uris"));
        var app = registerApp.handle(new RegisterApp.Command(
                params.string("client_name"),
                uris.isBlank() ? null : uris,
                params.string("scopes"),
                params.string("website")));
        var body = new LinkedHashMap<String, Object>();
        body.put("id", Long.toString(app.id()));
        body.put("name", app.name());
        body.put("website", app.website());
        body.put("scopes", app.scopes().values().stream().sorted().toList());
        body.put("redirect_uri", String.join("\n", app.redirectUris()));
        body.put("redirect_uris", app.redirectUris());
        body.put("client_id", app.clientId());
        body.put("client_secret", app.clientSecret());
        body.put("client_secret_expires_at", 0);
        body.put("vapid_key", pushKeys.publicKey());
        return body;
    }

    @GetMapping("/api/v1/apps/verify_credentials")
    Map<String, Object> verify(SignedIn signedIn) {
        var app = signedIn.appId() == null ? null : apps.find(signedIn.appId()).orElse(null);
        if (app == null) throw NotFoundException.record();
        var body = new LinkedHashMap<String, Object>();
        body.put("id", Long.toString(app.id()));
        body.put("name", app.name());
        body.put("website", app.website());
        body.put("scopes", app.scopes().values().stream().sorted().toList());
        body.put("redirect_uris", app.redirectUris());
        body.put("vapid_key", pushKeys.publicKey());
        return body;
    }
}
