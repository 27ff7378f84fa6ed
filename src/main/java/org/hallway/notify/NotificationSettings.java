package org.hallway.notify;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A colleague's choices: which types show in the app, which are mailed while they are away, quiet
 * hours (in their time zone) during which no mail is sent (mail waits until they end), and how often
 * a digest mail comes.
 */
public record NotificationSettings(
        Set<NotificationType> inApp,
        Set<NotificationType> byMail,
        @Nullable LocalTime quietFrom,
        @Nullable LocalTime quietUntil,
        ZoneId zone,
        Digest digest) {

    /** The digest mail: none, once a day, once a week. */
    public enum Digest {
        OFF(null),
        DAILY(java.time.Duration.ofDays(1)),
        WEEKLY(java.time.Duration.ofDays(7));

        private final java.time.@Nullable Duration period;

        Digest(java.time.@Nullable Duration period) {
            this.period = period;
        }

        public java.time.@Nullable Duration period() {
            return period;
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Digest of(@Nullable String code) {
            if (code == null || code.isBlank()) return OFF;
            for (var d : values()) if (d.code().equals(code.strip().toLowerCase(java.util.Locale.ROOT))) return d;
            throw new org.hallway.shared.InvalidInputException("digest", "Choose off, daily or weekly");
        }
    }

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
                ZoneId.of("UTC"),
                Digest.OFF);
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
        return new NotificationSettings(inApp, mail, quietFrom, quietUntil, zone, digest);
    }

    public NotificationSettings withoutDigest() {
        return new NotificationSettings(inApp, byMail, quietFrom, quietUntil, zone, Digest.OFF);
    }
}
