package org.hallway.web.posts;

import org.jspecify.annotations.Nullable;

/**
 * One scheduled post as the "Scheduled" page shows it: {@code at} is the instant (the browser shows it
 * in the reader's time zone), {@code utcValue} the field's value without script; {@code error} is the
 * message next to its time field; {@code attachments} how many uploads it will carry.
 */
public record ScheduledRow(
        long id, String text, String visibility, String at, String utcValue, @Nullable String error, int attachments) {}
