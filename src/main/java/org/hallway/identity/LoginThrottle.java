package org.hallway.identity;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.hallway.shared.Caches;
import org.hallway.shared.TooManyRequestsException;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES} failed sign-ins for one address within
 * the window, further attempts are refused until the window has passed.
 */
@Component
class LoginThrottle {
    static final int MAX_FAILURES = 5;
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final Cache<String, AtomicInteger> failures =
            Caches.newBuilder().expireAfterWrite(WINDOW).maximumSize(100_000).build();

    void check(String email) {
        var count = failures.getIfPresent(key(email));
        if (count != null && count.get() >= MAX_FAILURES) {
            throw new TooManyRequestsException("Too many failed sign-ins; try again later", WINDOW.toSeconds());
        }
    }

    void failed(String email) {
        failures.asMap().computeIfAbsent(key(email), k -> new AtomicInteger()).incrementAndGet();
    }

    void succeeded(String email) {
        failures.invalidate(key(email));
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
