package org.hallway.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hallway.shared.Viewer;

/** Port: each colleague's notification settings; none stored means the defaults. */
public interface NotificationSettingsStore {
    Optional<NotificationSettings> find(long accountId);

    default NotificationSettings of(long accountId) {
        return find(accountId).orElseGet(NotificationSettings::defaults);
    }

    void save(long networkId, long accountId, NotificationSettings settings);

    /** Colleagues whose daily or weekly digest is due, longest waiting first. */
    List<Viewer> digestsDue(Instant now, int limit);

    Optional<Instant> digestSentAt(long accountId);

    void digestSent(long accountId, Instant at);
}
