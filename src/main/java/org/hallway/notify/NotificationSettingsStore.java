package org.hallway.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;

/** Port: each colleague's notification settings; none stored means the defaults. */
public interface NotificationSettingsStore {
    Optional<NotificationSettings> find(long accountId);

    default NotificationSettings of(long accountId) {
        return find(accountId).orElseGet(NotificationSettings::defaults);
    }

    void save(long networkId, long accountId, NotificationSettings settings);

    /** A colleague whose digest is due, and when the last one was sent (none yet: null). */
    record DueDigest(Viewer reader, @Nullable Instant sentAt) {}

    /** Colleagues whose daily or weekly digest is due, longest waiting first. */
    List<DueDigest> digestsDue(Instant now, int limit);

    Optional<Instant> digestSentAt(long accountId);

    void digestSent(long accountId, Instant at);

    /** Marks the digests of these colleagues sent, in one statement. */
    void digestsSent(Collection<Long> accountIds, Instant at);
}
