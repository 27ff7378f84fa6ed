package org.hallway.notify;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.EnumSet;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A colleague chooses which notification types show in the app and which are mailed while away, and
 * quiet hours ("HH:MM" to "HH:MM" in a time zone) without mail, and the digest (off, daily, weekly).
 * Both quiet times, or neither.
 */
@Service
public class ChangeNotificationSettings {
    public record Command(
            Collection<String> inApp,
            Collection<String> byMail,
            @Nullable String quietFrom,
            @Nullable String quietUntil,
            @Nullable String timeZone,
            @Nullable String digest) {}

    private final NotificationSettingsStore settings;

    ChangeNotificationSettings(NotificationSettingsStore settings) {
        this.settings = settings;
    }

    @Transactional
    public NotificationSettings handle(Viewer viewer, Command cmd) {
        var from = time("quietFrom", cmd.quietFrom());
        var until = time("quietUntil", cmd.quietUntil());
        if ((from == null) != (until == null))
            throw new InvalidInputException(
                    from == null ? "quietFrom" : "quietUntil", "Give both the start and the end of quiet hours");
        var zone = zone(cmd.timeZone());
        var changed = new NotificationSettings(
                types(cmd.inApp()),
                types(cmd.byMail()),
                from,
                until,
                zone,
                NotificationSettings.Digest.of(cmd.digest()));
        settings.save(viewer.networkId(), viewer.accountId(), changed);
        return changed;
    }

    private static EnumSet<NotificationType> types(Collection<String> codes) {
        var set = EnumSet.noneOf(NotificationType.class);
        for (var code : codes) {
            set.add(NotificationType.of(code)
                    .orElseThrow(() -> new InvalidInputException("types", "Unknown notification type")));
        }
        return set;
    }

    private static @Nullable LocalTime time(String field, @Nullable String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "Use a time like 22:00");
        }
    }

    private static ZoneId zone(@Nullable String value) {
        if (value == null || value.isBlank()) return ZoneId.of("UTC");
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "Unknown time zone; use a name like Europe/Berlin");
        }
    }
}
