package org.hallway.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How webhooks are sent: every {@code interval} the due deliveries go out; a failed one is retried
 * after {@code backoff}, doubled each time (at most {@code maxBackoff}), {@code maxAttempts} times in
 * all; a receiver gets {@code timeout} to answer.
 */
@ConfigurationProperties("hallway.webhooks")
public record WebhookSettings(
        Duration interval, Duration backoff, Duration maxBackoff, int maxAttempts, Duration timeout) {

    /** The wait after the n-th failed attempt (n from 1). */
    public Duration backoffAfter(int attempts) {
        var wait = backoff.multipliedBy(1L << Math.min(attempts - 1, 30));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
