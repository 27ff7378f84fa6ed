package org.hallway.notify.jdbc;

import java.sql.Time;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.hallway.notify.NotificationSettings;
import org.hallway.notify.NotificationSettingsStore;
import org.hallway.notify.NotificationType;
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
                        "select in_app, by_mail, quiet_from, quiet_until, time_zone from notification_settings where account_id = ?")
                .param(accountId)
                .query((rs, n) -> {
                    var from = rs.getTime("quiet_from");
                    var until = rs.getTime("quiet_until");
                    return new NotificationSettings(
                            types((String[]) rs.getArray("in_app").getArray()),
                            types((String[]) rs.getArray("by_mail").getArray()),
                            from == null ? null : from.toLocalTime(),
                            until == null ? null : until.toLocalTime(),
                            ZoneId.of(rs.getString("time_zone")));
                })
                .optional();
    }

    @Override
    public void save(long networkId, long accountId, NotificationSettings s) {
        jdbc.sql(
                        """
            insert into notification_settings (account_id, network_id, in_app, by_mail, quiet_from, quiet_until, time_zone, updated_at)
            values (:account, :network, :inApp, :byMail, :from, :until, :zone, :at)
            on conflict (account_id) do update set in_app = excluded.in_app, by_mail = excluded.by_mail,
              quiet_from = excluded.quiet_from, quiet_until = excluded.quiet_until,
              time_zone = excluded.time_zone, updated_at = excluded.updated_at""")
                .param("account", accountId)
                .param("network", networkId)
                .param("inApp", codes(s.inApp()))
                .param("byMail", codes(s.byMail()))
                .param("from", s.quietFrom() == null ? null : Time.valueOf(s.quietFrom()))
                .param("until", s.quietUntil() == null ? null : Time.valueOf(s.quietUntil()))
                .param("zone", s.zone().getId())
                .param("at", java.sql.Timestamp.from(clock.instant()))
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
