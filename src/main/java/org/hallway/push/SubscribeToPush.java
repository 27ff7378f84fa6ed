package org.hallway.push;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.hallway.push.internal.WebPushCrypto;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscribes the device behind an access token to Web Push, replacing the token's earlier subscription
 * (Mastodon keeps one per token). The endpoint must be an http(s) URL and the keys a P-256 point and a
 * 16-byte secret, or nothing is stored.
 */
@Service
public class SubscribeToPush {
    public record Command(
            Viewer viewer,
            String accessToken,
            @Nullable String endpoint,
            @Nullable String p256dh,
            @Nullable String auth,
            Map<String, Boolean> alerts,
            @Nullable String policy,
            boolean standard) {}

    private final PushSubscriptionStore store;
    private final PushServerKeys keys;
    private final Ids ids;
    private final Clock clock;

    SubscribeToPush(PushSubscriptionStore store, PushServerKeys keys, Ids ids, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public PushSubscription handle(Command cmd) {
        var endpoint = endpoint(cmd.endpoint());
        var p256dh = key(cmd.p256dh(), "subscription[keys][p256dh]", 65);
        var auth = key(cmd.auth(), "subscription[keys][auth]", 16);
        try {
            WebPushCrypto.decodePoint(WebPushCrypto.fromBase64(p256dh));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "subscription[keys][p256dh]", "Validation failed: p256dh is not a P-256 public key");
        }
        var subscription = new PushSubscription(
                ids.next(),
                cmd.viewer().networkId(),
                cmd.viewer().accountId(),
                endpoint,
                p256dh,
                auth,
                alerts(Set.of(), cmd.alerts()),
                policy(cmd.policy(), PushPolicy.ALL),
                cmd.standard(),
                clock.instant());
        store.replace(subscription, PushServerKeys.tokenHash(cmd.accessToken()), keys.seal(cmd.accessToken()));
        return subscription;
    }

    /** The alerts after a change: those named true are on, those named false off, the others as they were. */
    static Set<String> alerts(Set<String> before, Map<String, Boolean> changes) {
        var result = new LinkedHashSet<String>();
        for (var type : PushSubscription.ALERT_TYPES) {
            var change = changes.get(type);
            if (change == null ? before.contains(type) : change) result.add(type);
        }
        return result;
    }

    static PushPolicy policy(@Nullable String code, PushPolicy fallback) {
        if (code == null || code.isBlank()) return fallback;
        return PushPolicy.of(code)
                .orElseThrow(() -> new InvalidInputException(
                        "data[policy]", "Validation failed: policy must be all, followed, follower or none"));
    }

    private static String endpoint(@Nullable String endpoint) {
        var field = "subscription[endpoint]";
        if (endpoint == null || endpoint.isBlank())
            throw new InvalidInputException(field, "Validation failed: Endpoint can't be blank");
        try {
            var uri = URI.create(endpoint.strip());
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || endpoint.length() > 2000)
                throw new IllegalArgumentException();
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "Validation failed: Endpoint is not a valid URL");
        }
    }

    private static String key(@Nullable String value, String field, int length) {
        if (value == null || value.isBlank())
            throw new InvalidInputException(field, "Validation failed: " + field + " can't be blank");
        try {
            var bytes = WebPushCrypto.fromBase64(value);
            if (bytes.length != length) throw new IllegalArgumentException();
            return WebPushCrypto.base64Url(bytes);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "Validation failed: " + field + " is not a valid key");
        }
    }
}
