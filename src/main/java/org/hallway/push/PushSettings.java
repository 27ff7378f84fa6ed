package org.hallway.push;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How pushes are sent: every {@code interval} the due ones go out (new ones go at once, after commit);
 * a failed one is retried after {@code backoff}, doubled each time (at most {@code maxBackoff}),
 * {@code maxAttempts} times in all; a push service gets {@code timeout} to answer. {@code subject} is
 * the contact the VAPID token names (a {@code mailto:} or https URL; empty: the server's address).
 * {@code locale} is the network's language (a BCP 47 tag) that pushes name as their
 * {@code preferred_locale} for colleagues who chose no language of their own.
 */
@ConfigurationProperties("hallway.push")
public record PushSettings(
        Duration interval,
        Duration backoff,
        Duration maxBackoff,
        int maxAttempts,
        Duration timeout,
        String subject,
        @org.springframework.boot.context.properties.bind.DefaultValue("en") String locale) {

    /** The wait after the n-th failed attempt (n from 1). */
    public Duration backoffAfter(int attempts) {
        var wait = backoff.multipliedBy(1L << Math.min(attempts - 1, 30));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
