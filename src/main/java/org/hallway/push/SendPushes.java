package org.hallway.push;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.hallway.follow.FollowStore;
import org.hallway.identity.AccountStore;
import org.hallway.identity.AuthenticateToken;
import org.hallway.identity.Avatars;
import org.hallway.notify.FindNotification;
import org.hallway.notify.MailLinks;
import org.hallway.notify.NotificationView;
import org.hallway.push.internal.WebPushCrypto;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the pushes that are due: for each, the notification as its recipient may see it now (none when
 * the post went out of sight, the token was revoked, or the subscription's alerts or policy do not
 * select it), encrypted for the device (RFC 8291) and signed with the server's VAPID key (RFC 8292). A
 * 2xx answer delivers; 404 or 410 means the device unsubscribed, which ends the subscription; anything
 * else is retried with exponential backoff until the attempts run out.
 */
@Service
public class SendPushes {
    private static final Logger log = LoggerFactory.getLogger(SendPushes.class);
    private static final int BATCH = 100;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int MAX_BODY = 140;
    /** Compat(mastodon): pushes wait two days for an offline device, as Mastodon's do. */
    private static final String TTL = Long.toString(Duration.ofDays(2).toSeconds());

    private final PushSubscriptionStore store;
    private final PushServerKeys keys;
    private final PushSettings settings;
    private final AuthenticateToken tokens;
    private final AccountStore accounts;
    private final FollowStore follows;
    private final FindNotification notifications;
    private final Avatars avatars;
    private final MailLinks links;
    private final JsonMapper json;
    private final HttpClient http;

    private final org.hallway.identity.PreferredLocale locales;

    SendPushes(
            PushSubscriptionStore store,
            PushServerKeys keys,
            PushSettings settings,
            AuthenticateToken tokens,
            AccountStore accounts,
            FollowStore follows,
            FindNotification notifications,
            Avatars avatars,
            MailLinks links,
            JsonMapper json,
            org.hallway.identity.PreferredLocale locales) {
        this.locales = locales;
        this.store = store;
        this.keys = keys;
        this.settings = settings;
        this.tokens = tokens;
        this.accounts = accounts;
        this.follows = follows;
        this.notifications = notifications;
        this.avatars = avatars;
        this.links = links;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends what is due at {@code now} (only the given deliveries, unless null); returns how many went out. */
    public int handle(@Nullable List<Long> only, Instant now) {
        int sent = 0;
        for (var d : store.claimDue(only, now, now.plus(LEASE), BATCH)) {
            var subscription = store.find(d.subscriptionId()).orElse(null);
            if (subscription == null) continue;
            var token = keys.unseal(store.sealedToken(subscription.id()));
            var grant = tokens.handle(token);
            if (grant.isEmpty()
                    || !Long.valueOf(subscription.accountId())
                            .equals(grant.get().accountId())) {
                // The token was revoked or its account deactivated: the subscription ends with it.
                store.delete(subscription.id());
                continue;
            }
            var payload = payload(subscription, d.notificationId(), token);
            if (payload.isEmpty()) {
                store.done(d.id());
                continue;
            }
            if (send(subscription, d, payload.get(), now)) sent++;
        }
        return sent;
    }

    private Optional<byte[]> payload(PushSubscription subscription, long notificationId, String token) {
        var account = accounts.find(subscription.networkId(), subscription.accountId())
                .orElse(null);
        if (account == null || !account.active()) return Optional.empty();
        NotificationView view;
        try {
            view = notifications.handle(new Viewer(account.id(), account.networkId(), account.admin()), notificationId);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        var type = view.notification().type();
        if (type.extension() || !subscription.alerts().contains(type.apiCode())) return Optional.empty();
        var actorId = view.actor().id();
        var allowed =
                switch (subscription.policy()) {
                    case ALL -> true;
                    case NONE -> false;
                    case FOLLOWED -> follows.followingAmong(account.id(), List.of(actorId))
                            .contains(actorId);
                    case FOLLOWER -> follows.followedByAmong(account.id(), List.of(actorId))
                            .contains(actorId);
                };
        if (!allowed) return Optional.empty();
        var actorName = view.actor().displayName().isBlank()
                ? view.actor().username()
                : view.actor().displayName();
        var body = new LinkedHashMap<String, Object>();
        body.put("access_token", token);
        // The colleague's interface language, else the network's (HALLWAY_LOCALE).
        body.put("preferred_locale", locales.of(account.id()));
        // A string: Hallway's ids are 64-bit, beyond what a JavaScript number holds exactly (ADR 0032).
        body.put("notification_id", Long.toString(notificationId));
        body.put("notification_type", type.apiCode());
        body.put("icon", links.base() + avatars.path(actorId));
        body.put("title", actorName + " " + type.verb());
        body.put(
                "body",
                text(view, type.apiCode().equals("follow") ? "@" + view.actor().username() : ""));
        return Optional.of(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }

    private static String text(NotificationView view, String fallback) {
        if (view.post() == null) return fallback;
        var text = view.post().post().text().strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) return fallback;
        return text.length() <= MAX_BODY ? text : text.substring(0, MAX_BODY - 1) + "…";
    }

    private boolean send(PushSubscription subscription, PushSubscriptionStore.Delivery d, byte[] payload, Instant now) {
        String error;
        try {
            var endpoint = URI.create(subscription.endpoint());
            var audience = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
            var subject = settings.subject().isBlank() ? links.base() : settings.subject();
            var jwt = WebPushCrypto.vapidToken(
                    keys.privateKey(), audience, now.plus(Duration.ofHours(12)).getEpochSecond(), subject);
            var p256dh = WebPushCrypto.fromBase64(subscription.p256dh());
            var auth = WebPushCrypto.fromBase64(subscription.auth());
            var request = HttpRequest.newBuilder(endpoint)
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/octet-stream")
                    .header("TTL", TTL)
                    .header("Urgency", "normal");
            if (subscription.standard()) {
                request.header("Content-Encoding", "aes128gcm")
                        .header("Authorization", "vapid t=" + jwt + ", k=" + keys.publicKey())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(WebPushCrypto.encrypt(payload, p256dh, auth)));
            } else {
                // Compat(mastodon): a subscription without "standard" gets the older aesgcm encoding, as
                // Mastodon sends it (the webpush gem): salt and keys in headers, the token as "WebPush".
                var message = WebPushCrypto.encryptLegacy(payload, p256dh, auth);
                request.header("Content-Encoding", "aesgcm")
                        .header("Encryption", "salt=" + WebPushCrypto.base64Url(message.salt()))
                        .header(
                                "Crypto-Key",
                                "dh=" + WebPushCrypto.base64Url(message.senderPublicKey()) + ";p256ecdsa="
                                        + keys.publicKey())
                        .header("Authorization", "WebPush " + jwt)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(message.body()));
            }
            var status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status / 100 == 2) {
                store.done(d.id());
                return true;
            }
            if (status == 404 || status == 410) {
                store.delete(subscription.id());
                return false;
            }
            error = "HTTP " + status;
        } catch (java.io.IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        var attempts = d.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            store.done(d.id());
            log.warn("Gave up a push to subscription {} after {} attempts: {}", subscription.id(), attempts, error);
        } else {
            store.retryAt(d.id(), now.plus(settings.backoffAfter(attempts)));
        }
        return false;
    }
}
