package org.hallway.notify;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a reader asks for, in Mastodon's terms: {@code types} (empty: all), {@code excludeTypes},
 * optionally only notifications from one colleague. Unknown type names select nothing, as in Mastodon.
 */
public record NotificationQuery(List<String> types, List<String> excludeTypes, @Nullable Long actorId) {
    public static NotificationQuery all() {
        return new NotificationQuery(List.of(), List.of(), null);
    }

    /** The stored types to read, given the types the reader shows in the app. */
    NotificationStore.Filter filter(Set<NotificationType> shownInApp) {
        var selected = EnumSet.noneOf(NotificationType.class);
        if (types.isEmpty()) selected.addAll(EnumSet.allOf(NotificationType.class));
        else types.forEach(code -> selected.addAll(NotificationType.ofApiCode(code)));
        excludeTypes.forEach(code -> NotificationType.ofApiCode(code).forEach(selected::remove));
        selected.retainAll(shownInApp);
        return new NotificationStore.Filter(selected, actorId);
    }
}
