package org.hallway.notify;

import java.util.Optional;

/** Port: each colleague's notification settings; none stored means the defaults. */
public interface NotificationSettingsStore {
    Optional<NotificationSettings> find(long accountId);

    default NotificationSettings of(long accountId) {
        return find(accountId).orElseGet(NotificationSettings::defaults);
    }

    void save(long networkId, long accountId, NotificationSettings settings);
}
