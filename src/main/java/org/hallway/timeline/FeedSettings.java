package org.hallway.timeline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code capacity}: entries kept per home feed. {@code fanOutLimit}: authors with more followers than
 * this are not fanned out; their posts are merged into followers' feeds at read time. {@code keepFor}:
 * a home feed not read for this long is let go and rebuilt on the next read (ADR 0055). {@code
 * liveFirstAbove}: a post by an author with more followers than this reaches the feeds of readers
 * listening live first, and every other feed in a second transaction (ADR 0066), {@code restAfter}
 * after the first.
 */
@ConfigurationProperties("hallway.feed")
public record FeedSettings(int capacity, int fanOutLimit, Duration keepFor, int liveFirstAbove, Duration restAfter) {}
