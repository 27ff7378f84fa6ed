package org.hallway.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * "While you were away": an absence of at least {@code after} makes a return, and home offers the
 * catch-up view for {@code offerFor} after it (until it was opened).
 */
@ConfigurationProperties("hallway.catch-up")
public record CatchUpSettings(Duration after, Duration offerFor) {}
