package org.hallway.webhooks.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.hallway.webhooks.Webhook;
import org.hallway.webhooks.WebhookDelivery;
import org.hallway.webhooks.WebhookEvent;
import org.hallway.webhooks.WebhookStore;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcWebhookStore implements WebhookStore {
    private static final String DELIVERY = "id, network_id, webhook_id, event, payload, status, attempts,"
            + " next_attempt_at, last_status, last_error, created_at, delivered_at";

    private final JdbcClient jdbc;

    JdbcWebhookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Webhook hook) {
        jdbc.sql(
                        """
            insert into webhooks (id, network_id, url, secret, events, group_id, hashtag, created_by, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        hook.id(),
                        hook.networkId(),
                        hook.url(),
                        hook.secret(),
                        hook.events().stream().map(WebhookEvent::code).toArray(String[]::new),
                        hook.groupId(),
                        hook.hashtag(),
                        hook.createdBy(),
                        Timestamp.from(hook.createdAt()))
                .update();
    }

    @Override
    public Optional<Webhook> find(long networkId, long id) {
        return jdbc.sql("select * from webhooks where network_id = ? and id = ?")
                .params(networkId, id)
                .query(JdbcWebhookStore::hook)
                .optional();
    }

    @Override
    public List<Webhook> list(long networkId) {
        return jdbc.sql("select * from webhooks where network_id = ? order by id")
                .param(networkId)
                .query(JdbcWebhookStore::hook)
                .list();
    }

    @Override
    public boolean delete(long networkId, long id) {
        return jdbc.sql("delete from webhooks where network_id = ? and id = ?")
                        .params(networkId, id)
                        .update()
                > 0;
    }

    @Override
    public void queue(WebhookDelivery d) {
        jdbc.sql("insert into webhook_deliveries (" + DELIVERY + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        d.id(),
                        d.networkId(),
                        d.webhookId(),
                        d.event(),
                        d.payload(),
                        d.status().code(),
                        d.attempts(),
                        Timestamp.from(d.nextAttemptAt()),
                        d.lastStatus(),
                        d.lastError(),
                        Timestamp.from(d.createdAt()),
                        d.deliveredAt() == null ? null : Timestamp.from(d.deliveredAt()))
                .update();
    }

    @Override
    public List<WebhookDelivery> deliveries(long networkId, @Nullable Long webhookId, int limit) {
        return jdbc.sql("select " + DELIVERY + " from webhook_deliveries where network_id = :network"
                        + (webhookId == null ? "" : " and webhook_id = :hook")
                        + " order by id desc limit :limit")
                .param("network", networkId)
                .param("hook", webhookId == null ? 0L : webhookId)
                .param("limit", limit)
                .query(JdbcWebhookStore::delivery)
                .list();
    }

    @Override
    public List<WebhookDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql(
                        """
            update webhook_deliveries set next_attempt_at = :lease, attempts = attempts + 1
            where id in (select id from webhook_deliveries where status = 'pending' and next_attempt_at <= :now
                         order by next_attempt_at limit :limit for update skip locked)
            returning\s"""
                                + DELIVERY)
                .param("lease", Timestamp.from(leaseUntil))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(JdbcWebhookStore::delivery)
                .list();
    }

    @Override
    public void delivered(long id, int status, Instant at) {
        jdbc.sql(
                        """
            update webhook_deliveries set status = 'delivered', last_status = ?,
              last_error = null, delivered_at = ? where id = ?""")
                .params(status, Timestamp.from(at), id)
                .update();
    }

    @Override
    public void failed(long id, @Nullable Integer status, String error, @Nullable Instant nextAttemptAt) {
        jdbc.sql(
                        """
            update webhook_deliveries set last_status = ?, last_error = ?,
              status = case when ?::timestamptz is null then 'failed' else 'pending' end,
              next_attempt_at = coalesce(?::timestamptz, next_attempt_at) where id = ?""")
                .params(
                        status,
                        error,
                        nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt),
                        nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt),
                        id)
                .update();
    }

    private static Webhook hook(ResultSet rs, int n) throws SQLException {
        var events = EnumSet.noneOf(WebhookEvent.class);
        Arrays.stream((String[]) rs.getArray("events").getArray())
                .forEach(code -> WebhookEvent.of(code).ifPresent(events::add));
        return new Webhook(
                rs.getLong("id"),
                rs.getLong("network_id"),
                rs.getString("url"),
                rs.getString("secret"),
                events,
                rs.getObject("group_id", Long.class),
                rs.getString("hashtag"),
                rs.getLong("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static WebhookDelivery delivery(ResultSet rs, int n) throws SQLException {
        var delivered = rs.getTimestamp("delivered_at");
        return new WebhookDelivery(
                rs.getLong("id"),
                rs.getLong("network_id"),
                rs.getLong("webhook_id"),
                rs.getString("event"),
                rs.getString("payload"),
                WebhookDelivery.Status.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
                rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(),
                rs.getObject("last_status", Integer.class),
                rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(),
                delivered == null ? null : delivered.toInstant());
    }
}
