package org.hallway.follow.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hallway.audience.AudienceChanges;
import org.hallway.follow.FollowStore;
import org.hallway.follow.MutesAndBlocks;
import org.hallway.follow.RelationStore;
import org.hallway.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRelationStore implements RelationStore {
    private static final String ACTIVE = "(expires_at is null or expires_at > now())";

    private final JdbcClient jdbc;
    private final AudienceChanges audience;

    JdbcRelationStore(JdbcClient jdbc, AudienceChanges audience) {
        this.jdbc = jdbc;
        this.audience = audience;
    }

    @Override
    public void mute(
            long id,
            long networkId,
            long accountId,
            long targetId,
            boolean notifications,
            @Nullable Instant expiresAt,
            Instant at) {
        // A renewed mute takes a new id, so that it moves to the top of the mutes list like a new one.
        audience.changedFor(accountId);
        jdbc.sql(
                        """
            insert into mutes (id, network_id, account_id, target_id, notifications, expires_at, created_at)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (account_id, target_id) do update set
              id = excluded.id, notifications = excluded.notifications, expires_at = excluded.expires_at,
              created_at = excluded.created_at""")
                .params(
                        id,
                        networkId,
                        accountId,
                        targetId,
                        notifications,
                        expiresAt == null ? null : Timestamp.from(expiresAt),
                        Timestamp.from(at))
                .update();
    }

    @Override
    public boolean unmute(long accountId, long targetId) {
        audience.changedFor(accountId);
        return jdbc.sql("delete from mutes where account_id = ? and target_id = ?")
                        .params(accountId, targetId)
                        .update()
                > 0;
    }

    @Override
    public boolean block(long id, long networkId, long accountId, long targetId, Instant at) {
        audience.changedFor(accountId, targetId);
        return jdbc.sql(
                                """
            insert into blocks (id, network_id, account_id, target_id, created_at) values (?, ?, ?, ?, ?)
            on conflict (account_id, target_id) do nothing""")
                        .params(id, networkId, accountId, targetId, Timestamp.from(at))
                        .update()
                > 0;
    }

    @Override
    public boolean unblock(long accountId, long targetId) {
        audience.changedFor(accountId, targetId);
        return jdbc.sql("delete from blocks where account_id = ? and target_id = ?")
                        .params(accountId, targetId)
                        .update()
                > 0;
    }

    @Override
    public boolean blockedEitherWay(long accountId, long otherId) {
        return jdbc.sql(
                        """
            select exists (select 1 from blocks where (account_id = ? and target_id = ?)
              or (account_id = ? and target_id = ?))""")
                .params(accountId, otherId, otherId, accountId)
                .query(Boolean.class)
                .single();
    }

    @Override
    public Set<RecipientAndActor> hidingNotifications(Collection<RecipientAndActor> pairs) {
        if (pairs.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql(
                        "select p.recipient, p.actor from unnest(:recipients, :actors) as p(recipient, actor)"
                                + " where not (" + MutesAndBlocks.actorNotHidden("p.actor", "p.recipient") + ")")
                .param(
                        "recipients",
                        pairs.stream().map(RecipientAndActor::recipientId).toArray(Long[]::new))
                .param("actors", pairs.stream().map(RecipientAndActor::actorId).toArray(Long[]::new))
                .query((rs, i) -> new RecipientAndActor(rs.getLong(1), rs.getLong(2)))
                .list());
    }

    @Override
    public boolean hasTimedMutes(long accountId) {
        return jdbc.sql("select " + MutesAndBlocks.hasTimedMutes("?"))
                .param(accountId)
                .query(Boolean.class)
                .single();
    }

    @Override
    public Map<Long, Mute> mutesAmong(long accountId, Collection<Long> others) {
        if (others.isEmpty()) return Map.of();
        var result = new HashMap<Long, Mute>();
        jdbc.sql("select target_id, notifications, expires_at from mutes where account_id = ? and target_id = any(?)"
                        + " and " + ACTIVE)
                .params(accountId, others.toArray(Long[]::new))
                .query(rs -> {
                    var expires = rs.getTimestamp(3);
                    result.put(rs.getLong(1), new Mute(rs.getBoolean(2), expires == null ? null : expires.toInstant()));
                });
        return result;
    }

    @Override
    public Set<Long> blockingAmong(long accountId, Collection<Long> others) {
        if (others.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("select target_id from blocks where account_id = ? and target_id = any(?)")
                .params(accountId, others.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    @Override
    public Set<Long> blockedByAmong(long accountId, Collection<Long> others) {
        if (others.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("select account_id from blocks where target_id = ? and account_id = any(?)")
                .params(accountId, others.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    @Override
    public List<FollowStore.Edge> mutes(long accountId, PageRequest page) {
        return edges("mutes", " and " + ACTIVE, accountId, page);
    }

    @Override
    public List<FollowStore.Edge> blocks(long accountId, PageRequest page) {
        return edges("blocks", "", accountId, page);
    }

    private List<FollowStore.Edge> edges(String table, String condition, long accountId, PageRequest page) {
        var order = page.ascending() ? "asc" : "desc";
        var edges = jdbc.sql("select id, target_id from " + table + " where account_id = ? and id < ? and id > ?"
                        + condition + " order by id " + order + " limit ?")
                .params(accountId, page.upperBound(), page.lowerBound(), page.limit())
                .query((rs, n) -> new FollowStore.Edge(rs.getLong(1), rs.getLong(2)))
                .list();
        return page.ascending() ? edges.reversed() : edges;
    }
}
