package org.hallway.notify;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A colleague's choices: which types show in the app, which are mailed while they are away, and
 * quiet hours (in their time zone) during which no mail is sent; mail waits until they end.
 */
public record NotificationSettings(
        Set<NotificationType> inApp,
        Set<NotificationType> byMail,
        @Nullable LocalTime quietFrom,
        @Nullable LocalTime quietUntil,
        ZoneId zone) {

    public NotificationSettings {
        inApp = inApp.isEmpty() ? EnumSet.noneOf(NotificationType.class) : EnumSet.copyOf(inApp);
        byMail = byMail.isEmpty() ? EnumSet.noneOf(NotificationType.class) : EnumSet.copyOf(byMail);
    }

    public static NotificationSettings defaults() {
        return new NotificationSettings(
                EnumSet.allOf(NotificationType.class),
                EnumSet.of(NotificationType.MENTION),
                null,
                null,
                ZoneId.of("UTC"));
    }

    public boolean quietAt(Instant at) {
        if (quietFrom == null || quietUntil == null || quietFrom.equals(quietUntil)) return false;
        var local = at.atZone(zone).toLocalTime();
        // Quiet hours may run over midnight (22:00 to 07:00).
        return quietFrom.isBefore(quietUntil)
                ? !local.isBefore(quietFrom) && local.isBefore(quietUntil)
                : !local.isBefore(quietFrom) || local.isBefore(quietUntil);
    }

    public NotificationSettings withoutMail(NotificationType type) {
        var mail = EnumSet.noneOf(NotificationType.class);
        mail.addAll(byMail);
        mail.remove(type);
        return new NotificationSettings(inApp, mail, quietFrom, quietUntil, zone);
    }
}
