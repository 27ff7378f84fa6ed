package org.hallway.timeline;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code capacity}: entries kept per home feed. {@code fanOutLimit}: authors with more followers than
 * this are not fanned out; their posts are merged into followers' feeds at read time.
 */
@ConfigurationProperties("hallway.feed")
public record FeedSettings(int capacity, int fanOutLimit) {}
