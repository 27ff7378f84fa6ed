package org.hallway.notify.jdbc;

import java.sql.Time;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hallway.notify.NotificationSettings;
import org.hallway.notify.NotificationSettingsStore;
import org.hallway.notify.NotificationType;
import org.hallway.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcNotificationSettingsStore implements NotificationSettingsStore {
    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcNotificationSettingsStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<NotificationSettings> find(long accountId) {
        return jdbc.sql(
                        "select in_app, by_mail, quiet_from, quiet_until, time_zone, digest from notification_settings where account_id = ?")
                .param(accountId)
                .query((rs, n) -> {
                    var from = rs.getTime("quiet_from");
                    var until = rs.getTime("quiet_until");
                    return new NotificationSettings(
                            types((String[]) rs.getArray("in_app").getArray()),
                            types((String[]) rs.getArray("by_mail").getArray()),
                            from == null ? null : from.toLocalTime(),
                            until == null ? null : until.toLocalTime(),
                            ZoneId.of(rs.getString("time_zone")),
                            NotificationSettings.Digest.of(rs.getString("digest")));
                })
                .optional();
    }

    @Override
    public void save(long networkId, long accountId, NotificationSettings s) {
        jdbc.sql(
                        """
            insert into notification_settings (account_id, network_id, in_app, by_mail, quiet_from, quiet_until, time_zone, digest, updated_at)
            values (:account, :network, :inApp, :byMail, :from, :until, :zone, :digest, :at)
            on conflict (account_id) do update set in_app = excluded.in_app, by_mail = excluded.by_mail,
              quiet_from = excluded.quiet_from, quiet_until = excluded.quiet_until,
              time_zone = excluded.time_zone, digest = excluded.digest, updated_at = excluded.updated_at""")
                .param("account", accountId)
                .param("network", networkId)
                .param("inApp", codes(s.inApp()))
                .param("byMail", codes(s.byMail()))
                .param("from", s.quietFrom() == null ? null : Time.valueOf(s.quietFrom()))
                .param("until", s.quietUntil() == null ? null : Time.valueOf(s.quietUntil()))
                .param("zone", s.zone().getId())
                .param("digest", s.digest().code())
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    @Override
    public List<DueDigest> digestsDue(Instant now, int limit) {
        return jdbc.sql(
                        """
            select s.account_id, s.network_id, a.role = 'admin', s.digest_sent_at from notification_settings s
            join accounts a on a.id = s.account_id
            where a.active and (
              (s.digest = 'daily' and (s.digest_sent_at is null or s.digest_sent_at <= cast(:now as timestamptz) - interval '1 day'))
              or (s.digest = 'weekly' and (s.digest_sent_at is null or s.digest_sent_at <= cast(:now as timestamptz) - interval '7 days')))
            order by s.digest_sent_at nulls first limit :limit""")
                .param("now", java.sql.Timestamp.from(now))
                .param("limit", limit)
                .query((rs, n) -> {
                    var sentAt = rs.getTimestamp(4);
                    return new DueDigest(
                            new Viewer(rs.getLong(1), rs.getLong(2), rs.getBoolean(3)),
                            sentAt == null ? null : sentAt.toInstant());
                })
                .list();
    }

    @Override
    public Optional<Instant> digestSentAt(long accountId) {
        return jdbc.sql(
                        "select digest_sent_at from notification_settings where account_id = ? and digest_sent_at is not null")
                .param(accountId)
                .query(java.sql.Timestamp.class)
                .optional()
                .map(java.sql.Timestamp::toInstant);
    }

    @Override
    public void digestsSent(Collection<Long> accountIds, Instant at) {
        if (accountIds.isEmpty()) return;
        jdbc.sql("update notification_settings set digest_sent_at = ? where account_id = any(?)")
                .params(java.sql.Timestamp.from(at), accountIds.toArray(Long[]::new))
                .update();
    }

    @Override
    public void digestSent(long accountId, Instant at) {
        jdbc.sql("update notification_settings set digest_sent_at = ? where account_id = ?")
                .params(java.sql.Timestamp.from(at), accountId)
                .update();
    }

    private static String[] codes(Set<NotificationType> types) {
        return types.stream().map(NotificationType::code).toArray(String[]::new);
    }

    private static Set<NotificationType> types(String[] codes) {
        var set = EnumSet.noneOf(NotificationType.class);
        Arrays.stream(codes).flatMap(c -> NotificationType.of(c).stream()).forEach(set::add);
        return set;
    }
}
