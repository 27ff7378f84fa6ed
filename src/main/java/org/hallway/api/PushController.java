package org.hallway.api;

import java.security.Principal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hallway.push.ChangePushAlerts;
import org.hallway.push.FindPushSubscription;
import org.hallway.push.PushServerKeys;
import org.hallway.push.PushSubscription;
import org.hallway.push.SubscribeToPush;
import org.hallway.push.UnsubscribeFromPush;
import org.hallway.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mastodon's Web Push subscription of the access token asking ({@code /api/v1/push/subscription}, scope
 * {@code push}): one per token, as Mastodon keeps them.
 */
@RestController
class PushController {
    private static final String PATH = "/api/v1/push/subscription";

    private final SubscribeToPush subscribe;
    private final ChangePushAlerts change;
    private final FindPushSubscription find;
    private final UnsubscribeFromPush unsubscribe;
    private final PushServerKeys keys;

    PushController(
            SubscribeToPush subscribe,
            ChangePushAlerts change,
            FindPushSubscription find,
            UnsubscribeFromPush unsubscribe,
            PushServerKeys keys) {
        this.subscribe = subscribe;
        this.change = change;
        this.find = find;
        this.unsubscribe = unsubscribe;
        this.keys = keys;
    }

    @PostMapping(PATH)
    ResponseEntity<Map<String, Object>> create(Viewer viewer, Principal principal, Params params) {
        var token = token(principal);
        if (token == null) return ApiErrors.error(HttpStatus.UNAUTHORIZED, "This method requires an access token");
        var created = subscribe.handle(new SubscribeToPush.Command(
                viewer,
                token,
                params.string("subscription[endpoint]"),
                params.string("subscription[keys][p256dh]"),
                params.string("subscription[keys][auth]"),
                alerts(params),
                params.string("data[policy]") != null ? params.string("data[policy]") : params.string("policy"),
                params.bool("subscription[standard]", false)));
        return ResponseEntity.ok(present(created));
    }

    @GetMapping(PATH)
    ResponseEntity<Map<String, Object>> show(Viewer viewer, Principal principal) {
        var token = token(principal);
        if (token == null) return ApiErrors.error(HttpStatus.NOT_FOUND, "Record not found");
        return ResponseEntity.ok(present(find.handle(token)));
    }

    @PutMapping(PATH)
    ResponseEntity<Map<String, Object>> update(Viewer viewer, Principal principal, Params params) {
        var token = token(principal);
        if (token == null) return ApiErrors.error(HttpStatus.NOT_FOUND, "Record not found");
        var policy = params.string("data[policy]") != null ? params.string("data[policy]") : params.string("policy");
        return ResponseEntity.ok(present(change.handle(token, alerts(params), policy)));
    }

    @DeleteMapping(PATH)
    Map<String, Object> delete(Viewer viewer, Principal principal) {
        var token = token(principal);
        if (token != null) unsubscribe.handle(token);
        return Map.of();
    }

    private static Map<String, Boolean> alerts(Params params) {
        var alerts = new HashMap<String, Boolean>();
        for (var type : PushSubscription.ALERT_TYPES) {
            var value = params.boolOrNull("data[alerts][" + type + "]");
            if (value != null) alerts.put(type, value);
        }
        return alerts;
    }

    private Map<String, Object> present(PushSubscription s) {
        var alerts = new LinkedHashMap<String, Object>();
        for (var type : PushSubscription.ALERT_TYPES)
            alerts.put(type, s.alerts().contains(type));
        var body = new LinkedHashMap<String, Object>();
        body.put("id", Long.toString(s.id()));
        body.put("endpoint", s.endpoint());
        body.put("standard", s.standard());
        body.put("alerts", alerts);
        body.put("policy", s.policy().code());
        body.put("server_key", keys.publicKey());
        return body;
    }

    private static String token(Principal principal) {
        return principal instanceof BearerTokenAuthentication b ? b.getToken().getTokenValue() : null;
    }
}
