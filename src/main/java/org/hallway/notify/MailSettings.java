package org.hallway.notify;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Mail to colleagues who are away. {@code from}: the sender address. {@code awayAfter}: how long
 * without activity counts as away. {@code batchDelay}: how long a waiting notification waits for
 * others to join it in one mail. {@code interval}: how often waiting mail is looked for.
 */
@ConfigurationProperties("hallway.mail")
public record MailSettings(@Nullable String from, Duration awayAfter, Duration batchDelay, Duration interval) {}
