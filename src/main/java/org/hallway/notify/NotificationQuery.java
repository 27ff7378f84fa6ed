package org.hallway.notify;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a reader asks for, in Mastodon's terms: {@code types} (empty: all), {@code excludeTypes},
 * optionally only notifications from one colleague. Unknown type names select nothing, as in Mastodon.
 * Hallway's own types ({@link NotificationType#extension()}) are selected only when {@code types} names
 * them, unless {@code extensions} asks for all of them (the web UI does): a Mastodon app never receives
 * a type it does not know.
 */
public record NotificationQuery(
        List<String> types, List<String> excludeTypes, @Nullable Long actorId, boolean extensions) {

    /** A request from a Mastodon app: Hallway's own types only when named. */
    public NotificationQuery(List<String> types, List<String> excludeTypes, @Nullable Long actorId) {
        this(types, excludeTypes, actorId, false);
    }

    /** Everything, Hallway's own types included. */
    public static NotificationQuery all() {
        return new NotificationQuery(List.of(), List.of(), null, true);
    }

    /** The stored types to read, given the types the reader shows in the app. */
    NotificationStore.Filter filter(Set<NotificationType> shownInApp) {
        var selected = EnumSet.noneOf(NotificationType.class);
        if (types.isEmpty()) {
            for (var t : NotificationType.values()) if (extensions || !t.extension()) selected.add(t);
        } else types.forEach(code -> selected.addAll(NotificationType.ofApiCode(code)));
        excludeTypes.forEach(code -> NotificationType.ofApiCode(code).forEach(selected::remove));
        selected.retainAll(shownInApp);
        return new NotificationStore.Filter(selected, actorId);
    }
}
