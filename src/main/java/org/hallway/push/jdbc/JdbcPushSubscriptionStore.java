package org.hallway.push.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hallway.push.PushPolicy;
import org.hallway.push.PushSubscription;
import org.hallway.push.PushSubscriptionStore;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPushSubscriptionStore implements PushSubscriptionStore {
    private static final String COLUMNS =
            "id, network_id, account_id, endpoint, p256dh, auth, alerts, policy, standard, created_at";

    private final JdbcClient jdbc;

    JdbcPushSubscriptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ServerKeys keys(ServerKeys proposal) {
        jdbc.sql(
                        """
            insert into push_server_keys (id, public_key, private_key, token_key, created_at)
            values (1, ?, ?, ?, now()) on conflict (id) do nothing""")
                .params(proposal.publicKey(), proposal.privateKey(), proposal.tokenKey())
                .update();
        return jdbc.sql("select public_key, private_key, token_key from push_server_keys where id = 1")
                .query((rs, n) -> new ServerKeys(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
    }

    @Override
    public void replace(PushSubscription s, byte[] tokenHash, String sealedToken) {
        jdbc.sql("delete from push_subscriptions where token_hash = ?")
                .param(tokenHash)
                .update();
        jdbc.sql(
                        """
            insert into push_subscriptions (id, network_id, account_id, token_hash, sealed_token, endpoint,
              p256dh, auth, alerts, policy, standard, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        s.id(),
                        s.networkId(),
                        s.accountId(),
                        tokenHash,
                        sealedToken,
                        s.endpoint(),
                        s.p256dh(),
                        s.auth(),
                        s.alerts().toArray(String[]::new),
                        s.policy().code(),
                        s.standard(),
                        Timestamp.from(s.createdAt()))
                .update();
    }

    @Override
    public Optional<PushSubscription> findByToken(byte[] tokenHash) {
        return jdbc.sql("select " + COLUMNS + " from push_subscriptions where token_hash = ?")
                .param(tokenHash)
                .query(JdbcPushSubscriptionStore::subscription)
                .optional();
    }

    @Override
    public Optional<PushSubscription> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from push_subscriptions where id = ?")
                .param(id)
                .query(JdbcPushSubscriptionStore::subscription)
                .optional();
    }

    @Override
    public String sealedToken(long subscriptionId) {
        return jdbc.sql("select sealed_token from push_subscriptions where id = ?")
                .param(subscriptionId)
                .query(String.class)
                .single();
    }

    @Override
    public void update(long id, Set<String> alerts, PushPolicy policy) {
        jdbc.sql("update push_subscriptions set alerts = ?, policy = ? where id = ?")
                .params(alerts.toArray(String[]::new), policy.code(), id)
                .update();
    }

    @Override
    public boolean deleteByToken(byte[] tokenHash) {
        return jdbc.sql("delete from push_subscriptions where token_hash = ?")
                        .param(tokenHash)
                        .update()
                > 0;
    }

    @Override
    public void delete(long id) {
        jdbc.sql("delete from push_subscriptions where id = ?").param(id).update();
    }

    @Override
    public List<PushSubscription> ofAccount(long accountId) {
        return jdbc.sql("select " + COLUMNS + " from push_subscriptions where account_id = ? order by id")
                .param(accountId)
                .query(JdbcPushSubscriptionStore::subscription)
                .list();
    }

    @Override
    public void queue(long id, long subscriptionId, long notificationId, Instant at) {
        jdbc.sql(
                        """
            insert into push_deliveries (id, subscription_id, notification_id, next_attempt_at, created_at)
            values (?, ?, ?, ?, ?)""")
                .params(id, subscriptionId, notificationId, Timestamp.from(at), Timestamp.from(at))
                .update();
    }

    @Override
    public List<Delivery> claimDue(@Nullable List<Long> ids, Instant now, Instant leaseUntil, int limit) {
        if (ids != null && ids.isEmpty()) return List.of();
        var only = ids == null ? "" : " and id = any (?)";
        var sql =
                """
            update push_deliveries set next_attempt_at = ?
            where id in (select id from push_deliveries where next_attempt_at <= ?%s
                         order by next_attempt_at limit ? for update skip locked)
            returning id, subscription_id, notification_id, attempts"""
                        .formatted(only);
        var statement = jdbc.sql(sql).param(Timestamp.from(leaseUntil)).param(Timestamp.from(now));
        if (ids != null) statement = statement.param(ids.toArray(Long[]::new));
        return statement
                .param(limit)
                .query((rs, n) -> new Delivery(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)))
                .list();
    }

    @Override
    public void done(long deliveryId) {
        jdbc.sql("delete from push_deliveries where id = ?").param(deliveryId).update();
    }

    @Override
    public void retryAt(long deliveryId, Instant at) {
        jdbc.sql("update push_deliveries set attempts = attempts + 1, next_attempt_at = ? where id = ?")
                .params(Timestamp.from(at), deliveryId)
                .update();
    }

    private static PushSubscription subscription(ResultSet rs, int n) throws SQLException {
        var alerts = new LinkedHashSet<>(
                Arrays.asList((String[]) rs.getArray("alerts").getArray()));
        return new PushSubscription(
                rs.getLong("id"),
                rs.getLong("network_id"),
                rs.getLong("account_id"),
                rs.getString("endpoint"),
                rs.getString("p256dh"),
                rs.getString("auth"),
                alerts,
                PushPolicy.of(rs.getString("policy")).orElse(PushPolicy.ALL),
                rs.getBoolean("standard"),
                rs.getTimestamp("created_at").toInstant());
    }
}
