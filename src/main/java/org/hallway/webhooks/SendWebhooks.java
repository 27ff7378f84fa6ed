package org.hallway.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends the deliveries that are due: a POST of the JSON payload, signed with the webhook's secret as
 * {@code X-Hallway-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">} with the timestamp in
 * {@code X-Hallway-Timestamp} (receivers check both, and refuse old timestamps against replays). A
 * 2xx answer delivers; anything else is retried with exponential backoff until the attempts run out.
 *
 * <p>Delivery is at least once. A sender that stops after the request went out and before the answer
 * was recorded (the process dies, the database fails) leaves the delivery claimed until its lease ends;
 * then any node sends it again, with the same {@code X-Hallway-Delivery} id for the receiver to drop the
 * duplicate. Claims count attempts, so a delivery that breaks its sender every time is given up too.
 */
@Service
public class SendWebhooks {
    private static final Logger log = LoggerFactory.getLogger(SendWebhooks.class);
    private static final int BATCH = 100;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int MAX_ERROR = 500;

    private final WebhookStore store;
    private final WebhookSettings settings;
    private final HttpClient http;

    SendWebhooks(WebhookStore store, WebhookSettings settings) {
        this.store = store;
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends what is due at {@code now}; returns how many were delivered. */
    public int handle(Instant now) {
        int delivered = 0;
        for (var d : store.claimDue(now, now.plus(LEASE), BATCH)) {
            try {
                var hook = store.find(d.networkId(), d.webhookId()).orElse(null);
                if (hook == null) continue;
                if (d.attempts() > settings.maxAttempts()) {
                    // Its last attempt never came back: the sender stopped mid-delivery each time.
                    store.failed(d.id(), null, "The sender stopped while delivering it", null);
                    log.warn("Gave up webhook delivery {} to {}: every attempt stopped mid-way", d.id(), hook.url());
                    continue;
                }
                if (send(hook, d, now)) delivered++;
            } catch (RuntimeException e) {
                // The outcome was not recorded: the claim lapses and the delivery is sent again, same id.
                log.warn("Webhook delivery {} stopped mid-way; retried once its claim ends", d.id(), e);
            }
        }
        return delivered;
    }

    private boolean send(Webhook hook, WebhookDelivery d, Instant now) {
        Integer status = null;
        String error;
        try {
            var timestamp = Long.toString(now.getEpochSecond());
            var request = HttpRequest.newBuilder(URI.create(hook.url()))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Hallway-Webhooks")
                    .header("X-Hallway-Event", d.event())
                    .header("X-Hallway-Delivery", Long.toString(d.id()))
                    .header("X-Hallway-Timestamp", timestamp)
                    .header("X-Hallway-Signature", "sha256=" + sign(hook.secret(), timestamp, d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8))
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status / 100 == 2) {
                store.delivered(d.id(), status, now);
                return true;
            }
            error = "HTTP " + status;
        } catch (java.io.IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        var attempts = d.attempts();
        var next = attempts >= settings.maxAttempts() ? null : now.plus(settings.backoffAfter(attempts));
        if (error.length() > MAX_ERROR) error = error.substring(0, MAX_ERROR);
        store.failed(d.id(), status, error, next);
        if (next == null)
            log.warn("Gave up webhook delivery {} to {} after {} attempts: {}", d.id(), hook.url(), attempts, error);
        return false;
    }

    /** Hex HMAC-SHA256 of {@code timestamp + "." + body}. */
    public static String sign(String secret, String timestamp, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
